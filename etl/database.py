"""Where the warehouse lives: the server named by DATABASE_URL, or an embedded PostgreSQL.

The embedded server is PostgreSQL from the pgserver wheel, run by etl.embedded in
``$ETL_HOME/pgdata`` on a private Unix socket with password authentication, so a new user needs no
setup. Migrations to head
are applied before every run, so the schema is always the one this code expects.
"""

from __future__ import annotations

import contextlib
import logging
from functools import cache
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url

from etl.config import Settings, load_settings

DATABASE_NAME = "ogi"
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"

log = logging.getLogger(__name__)

def embedded_running(pgdata: Path) -> bool:
    """Whether an embedded server is running in `pgdata`."""
    from etl.embedded import EmbeddedServer

    return EmbeddedServer(pgdata.parent).running()


def stop_embedded(pgdata: Path) -> bool:
    """Stop the embedded server in `pgdata` (also when `etl db start` asked to keep it); False when none ran."""
    from etl.embedded import EmbeddedError, EmbeddedServer

    try:
        return EmbeddedServer(pgdata.parent).release()
    except EmbeddedError as exc:
        raise DatabaseUnavailable(str(exc)) from None


class DatabaseUnavailable(Exception):
    """The warehouse cannot be reached; the message is a sentence for the user."""


def check_connection(url: URL) -> None:
    """Connect once, or raise DatabaseUnavailable saying where we tried and why it failed."""
    import psycopg

    try:
        psycopg.connect(libpq_url(url), connect_timeout=10).close()
    except psycopg.Error as exc:
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0].removeprefix("connection failed: ")
        where = f"{url.host or 'localhost'}:{url.port or 5432}/{url.database}" if url.host else str(url.database)
        raise DatabaseUnavailable(
            f"Cannot connect to the warehouse at {where} ({reason}). "
            "Check DATABASE_URL, or unset it to use the embedded database."
        ) from None


def embedded_url(home: Path, keep_running: bool = False, tcp_port: int | None = None,
                 user: str | None = None, password: str | None = None) -> URL:
    """The URL of the embedded warehouse in `home` (started or joined), as the superuser by default.

    The URL carries the password: it is for this process (never put it in a command line). For the
    superuser, `printable_url` gives a form that reads the password from a 0600 file instead.
    """
    from etl.embedded import EmbeddedError, EmbeddedServer

    server = EmbeddedServer(home)
    try:
        endpoint = server.attach(keep_running, tcp_port)
        if user is None:
            user, password = "postgres", server.password()
    except EmbeddedError as exc:
        raise DatabaseUnavailable(str(exc)) from None
    if endpoint.tcp_host and tcp_port is not None:
        return URL.create("postgresql+psycopg", user, password, endpoint.tcp_host, endpoint.port, DATABASE_NAME)
    return URL.create("postgresql+psycopg", user, password, None, None, DATABASE_NAME,
                      query={"host": str(endpoint.socket_dir), "port": str(endpoint.port)})


@cache
def _embedded_url(home: str, keep_running: bool) -> URL:
    url = embedded_url(Path(home), keep_running)
    _ensure_database(url)
    return url


def _ensure_database(url: URL) -> None:
    """CREATE DATABASE ogi on a new embedded cluster (connected to the maintenance database)."""
    import psycopg

    with psycopg.connect(libpq_url(url.set(database="postgres")), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE_NAME,)).fetchone():
            # two first runs on a new home: the other one may create it meanwhile
            with contextlib.suppress(psycopg.errors.DuplicateDatabase, psycopg.errors.UniqueViolation):
                conn.execute(f"CREATE DATABASE {DATABASE_NAME}")


def database_url(settings: Settings | None = None, keep_running: bool = False) -> URL:
    """The SQLAlchemy URL of the warehouse (psycopg 3 driver), starting the embedded server if needed."""
    settings = settings or load_settings()
    if not settings.database_url:
        return _embedded_url(str(settings.home), keep_running)
    url = make_url(settings.database_url)
    if url.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def libpq_url(url: URL) -> str:
    """The URL as psql and BI tools want it (no SQLAlchemy driver suffix)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def make_engine(url: URL | str | None = None) -> Engine:
    """An engine for `url` (default: the configured warehouse)."""
    return sa.create_engine(url or database_url(), pool_pre_ping=True, future=True)


def alembic_config(url: URL | str):
    """An Alembic Config pointing at the project's migrations and the given database."""
    from alembic.config import Config

    config = Config(str(MIGRATIONS_DIR.parent / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    rendered = url.render_as_string(hide_password=False) if isinstance(url, URL) else url
    config.set_main_option("sqlalchemy.url", rendered.replace("%", "%%"))
    return config


def upgrade(url: URL | str, revision: str = "head") -> None:
    """Migrate the database at `url` up to `revision`."""
    from alembic import command

    command.upgrade(alembic_config(url), revision)


def downgrade(url: URL | str, revision: str = "base") -> None:
    """Migrate the database at `url` down to `revision`."""
    from alembic import command

    command.downgrade(alembic_config(url), revision)


def ready_engine(settings: Settings | None = None) -> Engine:
    """The configured warehouse, migrated to head: what every database command starts from."""
    url = database_url(settings)
    upgrade(url)
    return make_engine(url)


# --------------------------------------------------------------------------- URLs to hand out, revisions


def printable_url(url: URL, settings: Settings | None = None) -> str:
    """The URL to print for psql: for the embedded superuser the password stays in $ETL_HOME/pgpass (0600)
    instead of the URL, since a URL passed to psql shows in every user's process list."""
    settings = settings or load_settings()
    if settings.database_url or url.username != "postgres":
        return libpq_url(url)
    from etl.embedded import PGPASS_FILE

    query = {**url.query, "passfile": str(settings.home / PGPASS_FILE)}
    return libpq_url(url.set(password=None, query=query))


def login_url(url: URL, user: str, password: str, settings: Settings | None = None) -> URL:
    """`url` with another login: over TCP when the embedded server serves it (BI tools need TCP)."""
    settings = settings or load_settings()
    if not settings.database_url:
        from etl.embedded import EmbeddedServer

        endpoint = EmbeddedServer(settings.home).endpoint()
        if endpoint is not None and endpoint.tcp_host:
            return URL.create(url.drivername, user, password, endpoint.tcp_host, endpoint.port, url.database)
    return url.set(username=user, password=password)


def warehouse_missing(settings: Settings | None = None) -> str | None:
    """For read commands: a sentence when no embedded warehouse exists yet (rather than creating an empty one)."""
    settings = settings or load_settings()
    if settings.database_url or (settings.pgdata / "PG_VERSION").exists():
        return None
    return (f"There is no warehouse at {settings.pgdata} (ETL_HOME={settings.home}). Load reports first "
            "(`etl run PATH`), or set ETL_HOME or DATABASE_URL to the warehouse you mean.")


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head() or "base"


def revision_behind(url: URL) -> str | None:
    """A sentence when the schema at `url` is not at head (read commands never migrate); None when current
    or when the login may not read the revision (then the queries themselves will say what is wrong)."""
    import psycopg

    with psycopg.connect(libpq_url(url)) as conn:
        try:
            row = conn.execute("SELECT version_num FROM public.alembic_version").fetchone()
        except psycopg.errors.UndefinedTable:
            row = ("base",)
        except psycopg.errors.InsufficientPrivilege:
            return None
    current, head = (row or ("base",))[0], head_revision()
    if current == head:
        return None
    if current == "base":
        return ("The warehouse has no schema yet. Run `etl db upgrade` (or load reports with `etl run PATH`) as "
                "its owner first.")
    return (f"The warehouse schema is at revision {current}; this etl needs {head}. Run `etl db upgrade` as the "
            "warehouse owner, then try again.")


def current_revision(url: URL) -> str:
    """The schema revision of the database at `url` ('base' when it has none)."""
    import psycopg

    with psycopg.connect(libpq_url(url)) as conn:
        try:
            row = conn.execute("SELECT version_num FROM public.alembic_version").fetchone()
        except psycopg.errors.UndefinedTable:
            return "base"
    return row[0] if row else "base"


def resolve_revision(revision: str) -> str | None:
    """The revision id `revision` names (head, base, an id or a unique prefix); None when it names none.

    Relative targets (-1, +2) are left to Alembic and returned as given."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    if revision in ("head", "heads", "base") or (revision.lstrip("+-").isdigit() and revision[0] in "+-"):
        return head_revision() if revision in ("head", "heads") else revision
    try:
        found = ScriptDirectory(str(MIGRATIONS_DIR)).get_revision(revision)
    except CommandError:
        return None
    return found.revision if found else None
