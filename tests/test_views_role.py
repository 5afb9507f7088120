"""The read-only analyst role reads the analytics views and nothing else."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import ProgrammingError

from etl.database import downgrade, upgrade
from etl.views import ANALYST_ROLE

pytestmark = pytest.mark.db


def _as_member(connection: sa.Connection) -> str:
    """Create a login role that is a member of the analyst role (rolled back with the test) and switch to it."""
    member = f"analyst_{uuid.uuid4().hex[:8]}"
    connection.execute(sa.text(f"CREATE ROLE {member} LOGIN IN ROLE {ANALYST_ROLE}"))
    connection.execute(sa.text(f"SET ROLE {member}"))
    return member


def _refused(connection: sa.Connection, sql: str) -> bool:
    savepoint = connection.begin_nested()
    try:
        connection.execute(sa.text(sql))
    except ProgrammingError as exc:
        savepoint.rollback()
        return "permission denied" in str(exc)
    savepoint.rollback()
    return False


def test_analyst_reads_every_view(warehouse_connection):
    names = warehouse_connection.execute(
        sa.text("SELECT table_name FROM information_schema.views WHERE table_schema = 'analytics'")
    ).scalars().all()
    assert names
    _as_member(warehouse_connection)
    for name in names:
        warehouse_connection.execute(sa.text(f"SELECT * FROM analytics.{name} LIMIT 1")).all()
    warehouse_connection.execute(sa.text("RESET ROLE"))


def test_analyst_cannot_read_or_change_base_tables(warehouse_connection):
    _as_member(warehouse_connection)
    assert _refused(warehouse_connection, "SELECT * FROM warehouse.report")
    assert _refused(warehouse_connection, "SELECT * FROM warehouse.requests")
    assert _refused(warehouse_connection, "SELECT * FROM ingest.source_document")
    assert _refused(warehouse_connection, "UPDATE warehouse.agency SET name = name")
    assert _refused(warehouse_connection, "CREATE VIEW analytics.mine AS SELECT 1 AS one")
    warehouse_connection.execute(sa.text("RESET ROLE"))


def test_views_created_later_are_readable_too(warehouse_connection):
    warehouse_connection.execute(sa.text("CREATE VIEW analytics.later_view AS SELECT 1 AS one"))
    _as_member(warehouse_connection)
    assert warehouse_connection.execute(sa.text("SELECT one FROM analytics.later_view")).scalar() == 1
    warehouse_connection.execute(sa.text("RESET ROLE"))


def test_role_survives_another_database_downgrade(empty_database, warehouse_url):
    """Roles are cluster-wide: migrating a second database up and down leaves the first one's grants."""
    upgrade(empty_database)  # the role usually exists already: must not fail
    downgrade(empty_database, "0002")
    downgrade(empty_database, "base")
    engine = sa.create_engine(warehouse_url)
    try:
        with engine.connect() as conn, conn.begin() as trans:
            assert conn.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": ANALYST_ROLE}).scalar()
            _as_member(conn)
            conn.execute(sa.text("SELECT * FROM analytics.report_headline LIMIT 1")).all()
            trans.rollback()
    finally:
        engine.dispose()
