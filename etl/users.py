"""Analyst logins: roles in the read-only group ``ogi_analyst``, optionally scoped to divisions.

``etl users add NAME [--region ADCODE…]`` creates (or updates) a login role with a generated password,
sets its search_path to ``analytics`` and records its divisions in ``warehouse.analyst_scope``, which
the row-level security policies of revision 0006 read. The password is sent as a SCRAM verifier, so
the plain text never reaches the server's logs, and kept in ``$ETL_HOME/logins.json`` (0600) so that
``etl db url --role NAME`` can print a URL for a BI tool later.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import psycopg
from psycopg import sql

from etl.embedded import new_password, scram_verifier, write_secret
from etl.views import ANALYST_ROLE

#: The shared read-only login `etl db url --role analyst` hands to BI tools (all regions).
BI_LOGIN = "ogi_bi"
LOGINS_FILE = "logins.json"
NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
ADCODE = re.compile(r"^[0-9]{6}$")


class UserError(Exception):
    """A login cannot be created as asked; the message says why."""


def add_user(conn: psycopg.Connection, name: str, regions: list[str] | None = None,
             password: str | None = None) -> str:
    """Create or update the analyst login `name` scoped to `regions` (all when empty); return its password."""
    regions = sorted(set(regions or []))
    if not NAME.match(name):
        raise UserError(f"{name!r} is not a valid login name: use lower-case letters, digits and _ "
                        "(starting with a letter).")
    bad = [r for r in regions if not ADCODE.match(r)]
    if bad:
        raise UserError(f"Not a 6-digit GB/T 2260 division code: {', '.join(bad)} (e.g. 430000 a province, "
                        "430400 a city).")
    password = password or new_password()
    verifier = sql.Literal(scram_verifier(password))
    role = sql.Identifier(name)
    existing = conn.execute(
        "SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls OR rolreplication, "
        "pg_has_role(oid, %s, 'MEMBER') FROM pg_roles WHERE rolname = %s", (ANALYST_ROLE, name)
    ).fetchone()
    if existing is not None and (existing[0] or not existing[1]):
        raise UserError(f"The role {name} already exists and is not a plain analyst login; choose another name.")
    if existing is None:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS "
                             "PASSWORD {} IN ROLE {}").format(role, verifier, sql.Identifier(ANALYST_ROLE)))
    else:
        conn.execute(sql.SQL("ALTER ROLE {} LOGIN PASSWORD {}").format(role, verifier))
    conn.execute(sql.SQL("ALTER ROLE {} SET search_path = analytics").format(role))
    conn.execute("DELETE FROM warehouse.analyst_scope WHERE role_name = %s", (name,))
    for adcode in regions:
        conn.execute("INSERT INTO warehouse.analyst_scope (role_name, adcode) VALUES (%s, %s)", (name, adcode))
    return password


def scopes(conn: psycopg.Connection) -> dict[str, list[str]]:
    """Every analyst login with its divisions ([] = all regions)."""
    rows = conn.execute(
        "SELECT r.rolname, coalesce(array_agg(s.adcode ORDER BY s.adcode) FILTER (WHERE s.adcode IS NOT NULL), "
        "'{}') FROM pg_roles r LEFT JOIN warehouse.analyst_scope s ON s.role_name = r.rolname "
        "WHERE r.rolcanlogin AND pg_has_role(r.oid, %s, 'MEMBER') AND NOT r.rolsuper GROUP BY r.rolname "
        "ORDER BY r.rolname", (ANALYST_ROLE,)
    ).fetchall()
    return {name: list(codes) for name, codes in rows}


def remember(home: Path, name: str, password: str) -> None:
    """Keep the password in $ETL_HOME/logins.json (0600) for `etl db url --role NAME`."""
    logins = load_logins(home)
    logins[name] = password
    write_secret(home / LOGINS_FILE, json.dumps(logins, indent=1, sort_keys=True))


def load_logins(home: Path) -> dict[str, str]:
    try:
        return json.loads((home / LOGINS_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
