"""access control: a run lock analysts cannot take

``etl run`` used to serialise runs with a session advisory lock, which any role that can connect
(the read-only analyst included) can take and hold, blocking every nightly run. The run lock is now
``LOCK TABLE ingest.run_lock IN EXCLUSIVE MODE``, held by the run's lock connection: LOCK TABLE in
that mode needs UPDATE, DELETE or TRUNCATE on the table, which only the owner (the migrating role)
and superusers have. The table holds no rows; nothing but the lock uses it, and no later migration
may alter it (a run holds the lock while it migrates).

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-02 11:00:00
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0006'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("CREATE TABLE ingest.run_lock (singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton))")
    op.execute("COMMENT ON TABLE ingest.run_lock IS 'Locked (EXCLUSIVE MODE) by the etl run in progress for its "
               "whole duration; holds no data. Only roles that may write ingest can take the lock.'")
    op.execute("REVOKE ALL ON ingest.run_lock FROM PUBLIC")


def downgrade() -> None:
    op.execute("DROP TABLE ingest.run_lock")
