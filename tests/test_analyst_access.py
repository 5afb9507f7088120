"""BI access as a new analyst would try it: the embedded server over TCP with passwords, a region-scoped
login that sees only its region in every view it reads, refused every write, and the README's BI section."""

from __future__ import annotations

import re
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from etl.cli import app
from etl.embedded import EmbeddedServer
from tests.fixtures.views.runner import load_given

pytestmark = pytest.mark.db
runner = CliRunner()
REPO = Path(__file__).resolve().parent.parent

GIVEN = {
    "agency": [
        {"id": 1, "name": "甲省乙市丙局", "level": "city", "province": "甲省", "city": "乙市", "adcode": "430400"},
        {"id": 2, "name": "甲省丁市戊局", "level": "city", "province": "甲省", "city": "丁市", "adcode": "430500"},
        {"id": 3, "name": "己省庚市辛局", "level": "city", "province": "己省", "city": "庚市", "adcode": "440300"},
        {"id": 4, "name": "不知何处局", "level": "city"},
    ],
    "report": [
        {"id": 90, "agency_id": 1, "agency_name": "甲省乙市丙局", "year": 2022},
        {"id": 91, "agency_id": 2, "agency_name": "甲省丁市戊局", "year": 2022},
        {"id": 92, "agency_id": 3, "agency_name": "己省庚市辛局", "year": 2022},
        {"id": 93, "agency_id": 4, "agency_name": "不知何处局", "year": 2022},
    ],
    "requests": [
        {"report_id": 90, "item": "new_received", "value": 5},
        {"report_id": 91, "item": "new_received", "value": 7},
        {"report_id": 92, "item": "new_received", "value": 100},
        {"report_id": 93, "item": "new_received", "value": 1000},
    ],
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(*args: str, env: dict) -> str:
    result = runner.invoke(app, list(args), env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def served() -> Iterator[dict]:
    """An embedded warehouse served over TCP with the rows above, started the way the README says."""
    base = Path(tempfile.mkdtemp(prefix="etl-bi-"))
    base.chmod(0o711)  # the server's user must reach ETL_HOME when tests run as root
    env = {"ETL_HOME": str(base / "home"), "DATABASE_URL": "", "PGPASSFILE": "/nonexistent", "PGPASSWORD": ""}
    port = free_port()
    try:
        cli("db", "start", "--tcp", "--port", str(port), env=env)
        server = EmbeddedServer(base / "home")
        owner = sa.create_engine(sa.engine.URL.create(
            "postgresql+psycopg", "postgres", server.password(), "127.0.0.1", port, "ogi"))
        with owner.begin() as conn:
            load_given(conn, GIVEN)
        owner.dispose()
        yield {"env": env, "port": port, "server": server}
    finally:
        EmbeddedServer(base / "home").release()
        shutil.rmtree(base, ignore_errors=True)


def last_url(output: str) -> str:
    return [line for line in output.splitlines() if line.startswith("postgresql://")][-1]


def test_tcp_wants_the_password(served):
    with pytest.raises(psycopg.OperationalError, match="password"):
        psycopg.connect(host="127.0.0.1", port=served["port"], user="postgres", dbname="ogi", connect_timeout=5)


def test_a_region_scoped_analyst_sees_only_its_region(served):
    url = last_url(cli("users", "add", "hunan_analyst", "--region", "430000", env=served["env"]))
    assert url.startswith("postgresql://hunan_analyst:") and f"@127.0.0.1:{served['port']}/ogi" in url
    with psycopg.connect(url) as conn:
        headline = conn.execute("SELECT agency_name, new_received FROM report_headline ORDER BY 1").fetchall()
        assert headline == [("甲省丁市戊局", 7), ("甲省乙市丙局", 5)]
        peers = {r[0] for r in conn.execute("SELECT DISTINCT province FROM analytics.peer_comparison")}
        assert peers == {"甲省"}
        rollup = conn.execute("SELECT region_level, province, city, new_received_sum FROM region_year_rollup "
                              "ORDER BY region_level, city").fetchall()
        assert rollup == [("city", "甲省", "丁市", 7), ("city", "甲省", "乙市", 5), ("province", "甲省", None, 12)]
        for view in conn.execute("SELECT table_name FROM information_schema.views "
                                 "WHERE table_schema = 'analytics'").fetchall():
            conn.execute(f"SELECT * FROM analytics.{view[0]}").fetchall()  # every view readable
    # the owner (and an unscoped analyst) still sees every agency
    everyone = last_url(cli("db", "url", "--role", "analyst", env=served["env"]))
    with psycopg.connect(everyone) as conn:
        assert conn.execute("SELECT count(*) FROM analytics.report_headline").fetchone() == (4,)


def test_a_city_scope_narrows_further(served):
    url = last_url(cli("users", "add", "city_analyst", "--region", "430500", env=served["env"]))
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT agency_name FROM analytics.report_headline").fetchall() == [("甲省丁市戊局",)]


REFUSED = (psycopg.errors.InsufficientPrivilege, psycopg.errors.WrongObjectType,
           psycopg.errors.ObjectNotInPrerequisiteState)
WRITES = [
    "INSERT INTO analytics.report_headline (year) VALUES (2000)",
    "UPDATE analytics.report_headline SET year = 2000",
    "DELETE FROM analytics.report_headline",
    "TRUNCATE analytics.stg_requests",
    "SELECT * FROM warehouse.report",
    "SELECT * FROM warehouse.analyst_scope",
    "SELECT * FROM ingest.source_document",
    "INSERT INTO warehouse.analyst_scope (role_name, adcode) VALUES ('x', '440000')",
    "UPDATE warehouse.requests SET value = 0",
    "DELETE FROM ingest.etl_run",
    "TRUNCATE warehouse.requests",
    "DO $$ BEGIN LOCK TABLE ingest.run_lock IN EXCLUSIVE MODE; END $$",
    "CREATE TABLE public.mine (n int)",
    "CREATE TABLE analytics.mine (n int)",
    "CREATE TABLE warehouse.mine (n int)",
    "CREATE TABLE ingest.mine (n int)",
    "CREATE VIEW analytics.mine AS SELECT 1 AS n",
    "CREATE SCHEMA mine",
    "COPY (SELECT 1) TO PROGRAM 'true'",
    "COPY analytics.report_headline FROM PROGRAM 'true'",
    "ALTER VIEW analytics.report_headline RENAME TO mine",
    "SET ROLE postgres",
]


def test_the_analyst_is_refused_every_write(served):
    url = last_url(cli("users", "add", "readonly_analyst", "--region", "440000", env=served["env"]))
    with psycopg.connect(url, autocommit=True) as conn:
        for statement in WRITES:
            with pytest.raises(REFUSED, match=r"permission denied|must be|not a table|privileges|cannot"):
                conn.execute(statement)
        tables = conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
                              "AND table_schema IN ('analytics', 'warehouse', 'ingest') "
                              "AND has_table_privilege(format('%I.%I', table_schema, table_name), "
                              "'SELECT,INSERT,UPDATE,DELETE,TRUNCATE')").fetchone()
        assert tables == (0,)  # no base table in any schema, for any purpose
        writable = conn.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_%' "
            "AND c.relkind IN ('r', 'v', 'm', 'p', 'f') "
            "AND has_table_privilege(c.oid, 'INSERT,UPDATE,DELETE,TRUNCATE,REFERENCES,TRIGGER')").fetchone()
        assert writable == (0,)  # the privilege itself is missing everywhere, not just refused by a view's shape
        schemas = conn.execute("SELECT count(*) FROM pg_namespace WHERE has_schema_privilege(oid, 'CREATE')"
                               ).fetchone()
        assert schemas == (0,)


def test_every_analytics_view_is_owned_by_the_scoped_owner(served):
    with psycopg.connect(host="127.0.0.1", port=served["port"], user="postgres", dbname="ogi",
                         password=served["server"].password()) as conn:
        owners = conn.execute("SELECT DISTINCT viewowner FROM pg_views WHERE schemaname = 'analytics'").fetchall()
    assert owners == [("ogi_views",)]  # a view owned by a superuser would bypass the region scoping


def readme_bi_section() -> list[str]:
    """The shell lines and the Python block of the README's BI section, as written."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Connecting a BI tool", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```(\w+)\n(.*?)```", section, flags=re.S)
    return blocks


def test_the_readme_bi_section_runs_as_written(served, monkeypatch):
    blocks = readme_bi_section()
    shell = next(b for lang, b in blocks if lang == "sh")
    commands = [line.split("#")[0].strip() for line in shell.splitlines() if line.strip().startswith("etl ")]
    assert commands[0].startswith("etl db start --tcp")
    url = last_url(cli(*commands[-1].split()[1:], env=served["env"]))  # etl db url --role analyst
    python = next(b for lang, b in blocks if lang == "python")
    monkeypatch.setenv("BI_URL", url)
    scope: dict = {}
    exec(compile(python, "README.md (BI section)", "exec"), scope)  # the documented snippet, as written
    assert "report_headline" in scope["views"]
    assert scope["comments"]["new_received"]
