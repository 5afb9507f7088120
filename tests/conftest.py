"""Shared fixtures: the real reports in ../shared, and a real PostgreSQL.

Database tests use the embedded server (pgserver) in a temporary directory by default, or the
server named by TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres). Each
fixture that needs an empty database creates a fresh one on that server and drops it after.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
SEEDS_DIR = SHARED / "seeds"
DEVSET_DIR = SHARED / "devset"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """../shared/seeds, or skip when it is absent (the repo must not carry real report text)."""
    if not SEEDS_DIR.is_dir():
        pytest.skip("../shared/seeds is absent: the real-report acceptance tests need it")
    return SEEDS_DIR


@pytest.fixture(scope="session")
def devset_dir() -> Path:
    """../shared/devset, or skip when it is absent."""
    if not DEVSET_DIR.is_dir():
        pytest.skip("../shared/devset is absent")
    return DEVSET_DIR


@pytest.fixture(scope="session")
def server_url() -> Iterator[URL]:
    """URL of a maintenance database on a real PostgreSQL server for this test session."""
    configured = os.environ.get("TEST_DATABASE_URL")
    if configured:
        yield make_url(configured).set(drivername="postgresql+psycopg")
        return
    import tempfile

    import pgserver

    # Not under pytest's basetemp: pytest deletes old basetemps when other sessions start on the same
    # machine, which would pull the data directory from under a running server.
    pgdata = Path(tempfile.mkdtemp(prefix="etl-test-pgdata-"))
    server = pgserver.get_server(pgdata, cleanup_mode="delete")
    yield make_url(server.get_uri("postgres")).set(drivername="postgresql+psycopg")
    server.cleanup()


@contextmanager
def scratch_database(server_url: URL, prefix: str, template: str | None = None) -> Iterator[URL]:
    """Create a uniquely named database on the test server (optionally copied from `template`); drop it after."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"{copy}'))
    try:
        yield server_url.set(database=name)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def empty_database(server_url: URL) -> Iterator[URL]:
    """A fresh, empty database, dropped after the test."""
    with scratch_database(server_url, "test") as url:
        yield url


@pytest.fixture(scope="session")
def warehouse_url(server_url: URL) -> Iterator[URL]:
    """One database migrated to head, shared by the tests of a session (tests clean up after themselves)."""
    from etl.database import upgrade

    with scratch_database(server_url, "test_wh") as url:
        upgrade(url)
        yield url


@pytest.fixture
def warehouse_connection(warehouse_url: URL) -> Iterator[sa.Connection]:
    """A connection to the migrated warehouse inside a transaction rolled back after the test."""
    engine = sa.create_engine(warehouse_url)
    with engine.connect() as conn:
        trans = conn.begin()
        try:
            yield conn
        finally:
            trans.rollback()
    engine.dispose()


@pytest.fixture(scope="session")
def warehouse_template(server_url: URL) -> Iterator[str]:
    """A database migrated to head once per session, copied by `fresh_warehouse` (CREATE DATABASE … TEMPLATE)."""
    from etl.database import upgrade

    with scratch_database(server_url, "test_tpl") as url:
        upgrade(url)
        yield url.database


@pytest.fixture
def fresh_warehouse(server_url: URL, warehouse_template: str) -> Iterator[URL]:
    """An empty warehouse at head of its own, for tests that count rows or run the pipeline; dropped after."""
    with scratch_database(server_url, "test_fw", template=warehouse_template) as url:
        yield url


@pytest.fixture
def conninfo(fresh_warehouse: URL) -> str:
    """The fresh warehouse as a libpq connection string (what psycopg and `DATABASE_URL` take)."""
    from etl.database import libpq_url

    return libpq_url(fresh_warehouse)


WAREHOUSE_TABLES = (
    "ingest.source_document", "ingest.source_file", "ingest.parse_issue", "warehouse.agency",
    "warehouse.agency_alias", "warehouse.year", "warehouse.report", "warehouse.section", "warehouse.requests",
    "warehouse.appeals", "warehouse.disclosure_counts", "warehouse.improvement_measures", "warehouse.check_result",
    "warehouse.table_cell",
)


def count_rows(conninfo: str) -> dict[str, int]:
    """Rows per warehouse table (ingest.etl_run excluded: every run adds one)."""
    import psycopg

    with psycopg.connect(conninfo) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in WAREHOUSE_TABLES}


@pytest.fixture
def row_counts():
    """count_rows(conninfo) → {table: rows}."""
    return count_rows
