"""read-only analyst role: ogi_analyst may read the analytics views and nothing else

Roles are cluster-wide while this revision runs per database, and several databases (tests, a
staging copy) may share one server: the role is created only when missing (tolerating a concurrent
creation), and the downgrade revokes this database's grants but leaves the role, which other
databases may still use. Default privileges make views created later by the migrating role readable
too; later view revisions also re-grant explicitly.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 04:05:00
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLE = "ogi_analyst"


def upgrade() -> None:
    # The comment is set only by the migration that creates the role: concurrent updates of one
    # cluster-wide catalog row from several databases' migrations would fail ("tuple concurrently updated").
    op.execute(f"""
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '{ROLE}') THEN
                CREATE ROLE {ROLE} NOLOGIN;
                COMMENT ON ROLE {ROLE} IS 'Read-only access to the analytics views of the OGI warehouse: '
                    'grant it to login roles (GRANT {ROLE} TO alice).';
            END IF;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN
                NULL;  -- created meanwhile by a migration of another database on the same server
        END
        $$""")
    op.execute(f"GRANT USAGE ON SCHEMA analytics TO {ROLE}")
    op.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO {ROLE}")
    op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA analytics GRANT SELECT ON TABLES TO {ROLE}")


def downgrade() -> None:
    op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA analytics REVOKE SELECT ON TABLES FROM {ROLE}")
    op.execute(f"REVOKE SELECT ON ALL TABLES IN SCHEMA analytics FROM {ROLE}")
    op.execute(f"REVOKE USAGE ON SCHEMA analytics FROM {ROLE}")
