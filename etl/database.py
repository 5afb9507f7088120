"""Where the warehouse lives: the server named by DATABASE_URL, or an embedded PostgreSQL.

The embedded server is pgserver (PostgreSQL binaries shipped in a wheel) running in
``$ETL_HOME/pgdata`` on a Unix socket, so a new user needs no setup. Migrations to head
are applied before every run, so the schema is always the one this code expects.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url

from etl.config import Settings, load_settings

DATABASE_NAME = "ogi"
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"

log = logging.getLogger(__name__)

# pgserver warns on import when XDG_RUNTIME_DIR is unset and falls back to /tmp, which is fine
warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR")


def embedded_server(pgdata: Path, keep_running: bool = False):
    """Start (or attach to) the embedded PostgreSQL in `pgdata` and return the pgserver handle.

    With `keep_running` the server outlives this process (for `etl db start`, psql and BI
    tools); otherwise it stops when the last process using it exits.
    """
    import pgserver

    pgdata.mkdir(parents=True, exist_ok=True)
    with _start_lock(pgdata):
        # a server someone started with `etl db start` (for psql or a BI tool) is left running when we exit
        keep_running = keep_running or embedded_running(pgdata)
        server = pgserver.get_server(pgdata, cleanup_mode=None if keep_running else "stop")
        if DATABASE_NAME not in server.psql("SELECT datname FROM pg_database;"):
            server.psql(f"CREATE DATABASE {DATABASE_NAME};")
    return server


@contextmanager
def _start_lock(pgdata: Path) -> Iterator[None]:
    """Serialise starting the embedded server: two first runs on a new ETL_HOME would both run initdb
    (or both create the database) and one would die; the second now waits and attaches to the first's."""
    import fcntl

    with open(pgdata.parent / ".etl-start.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def embedded_running(pgdata: Path) -> bool:
    """Whether an embedded server is running in `pgdata`."""
    from pgserver.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(pgdata) if (pgdata / "postmaster.pid").exists() else None
    return bool(info and info.is_running())


def stop_embedded(pgdata: Path) -> bool:
    """Stop the embedded server in `pgdata`; False when none was running."""
    import os

    from pgserver import pg_ctl

    if not embedded_running(pgdata):
        return False
    user = "pgserver" if hasattr(os, "geteuid") and os.geteuid() == 0 else None
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)
    (pgdata / ".handle_pids.json").unlink(missing_ok=True)  # handles of processes that are gone
    return True


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


@cache
def _embedded_url(pgdata: str, keep_running: bool) -> str:
    server = embedded_server(Path(pgdata), keep_running)
    _embedded_handles.append(server)  # keep the handle alive for the life of the process
    return server.get_uri(DATABASE_NAME)


_embedded_handles: list[object] = []


def database_url(settings: Settings | None = None, keep_running: bool = False) -> URL:
    """The SQLAlchemy URL of the warehouse (psycopg 3 driver), starting the embedded server if needed."""
    settings = settings or load_settings()
    raw = settings.database_url or _embedded_url(str(settings.pgdata), keep_running)
    url = make_url(raw)
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
