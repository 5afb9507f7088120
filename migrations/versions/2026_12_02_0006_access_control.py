"""access control: a run lock analysts cannot take; analysts scoped to their regions


``etl run`` used to serialise runs with a session advisory lock, which any role that can connect
(the read-only analyst included) can take and hold, blocking every nightly run. The run lock is now
``LOCK TABLE ingest.run_lock IN EXCLUSIVE MODE``, held by the run's lock connection: LOCK TABLE in
that mode needs UPDATE, DELETE or TRUNCATE on the table, which only the owner (the migrating role)
and superusers have. The table holds no rows; nothing but the lock uses it, and no later migration
may alter it (a run holds the lock while it migrates).

Region scoping. ``warehouse.analyst_scope`` maps a login role to the divisions (GB/T 2260 adcodes)
it may see; a role without rows sees everything. Row-level security policies on the base tables the
views read keep a scoped role to the agencies whose adcode lies within its divisions, their reports,
the facts of those reports and the documents behind them. Views run with their owner's rights, and a
superuser owner would bypass row security, so every analytics view is owned by ``ogi_views``, a
NOLOGIN role with SELECT on the base tables and no BYPASSRLS; ``current_user`` inside a view is still
the analyst, which is what the policies test. Rollups are computed from the rows the policies let
through, so a scoped analyst's sums cover its divisions only. The owner of the tables (the loader)
is not subject to the policies. Later view revisions must hand new views to ``ogi_views``
(``etl.views.REVISION_TEMPLATE`` does); a test checks every analytics view's owner.

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


ANALYST_ROLE = "ogi_analyst"
VIEW_OWNER = "ogi_views"

# Every base table the analytics views read, with who may see a row when the role is scoped.
ALL_ROWS = "(SELECT NOT EXISTS (SELECT FROM warehouse.analyst_scope s WHERE s.role_name = current_user))"
POLICIES = [
    ("warehouse.agency", ALL_ROWS + " OR EXISTS (SELECT FROM warehouse.analyst_scope s WHERE s.role_name = "
                         "current_user AND agency.adcode LIKE s.prefix || '%')"),
    ("warehouse.agency_alias", ALL_ROWS + " OR agency_id IN (SELECT id FROM warehouse.agency)"),
    ("warehouse.report", ALL_ROWS + " OR agency_id IN (SELECT id FROM warehouse.agency)"),
    *[(f"warehouse.{t}", ALL_ROWS + " OR report_id IN (SELECT id FROM warehouse.report)")
      for t in ("section", "requests", "appeals", "disclosure_counts", "improvement_measures", "check_result")],
    ("ingest.source_document", ALL_ROWS + " OR id IN (SELECT document_id FROM warehouse.report)"),
    ("ingest.source_file", ALL_ROWS + " OR document_id IN (SELECT id FROM ingest.source_document)"),
    ("ingest.parse_issue", ALL_ROWS + " OR document_id IN (SELECT id FROM ingest.source_document)"),
]


def _create_role(role: str, comment: str) -> None:
    # roles are cluster-wide: created when missing, tolerating another database's migration doing it meanwhile
    op.execute(f"""
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '{role}') THEN
                CREATE ROLE {role} NOLOGIN NOBYPASSRLS;
                COMMENT ON ROLE {role} IS '{comment}';
            END IF;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN
                NULL;
        END
        $$""")


def upgrade() -> None:
    op.execute("CREATE TABLE ingest.run_lock (singleton boolean DEFAULT true CONSTRAINT ck_run_lock_singleton "
               "CHECK (singleton), CONSTRAINT pk_run_lock PRIMARY KEY (singleton))")
    op.execute("COMMENT ON TABLE ingest.run_lock IS 'Locked (EXCLUSIVE MODE) by the etl run in progress for its "
               "whole duration; holds no data. Only roles that may write ingest can take the lock.'")
    op.execute("COMMENT ON COLUMN ingest.run_lock.singleton IS 'Always true; the table is only ever locked.'")
    op.execute("REVOKE ALL ON ingest.run_lock FROM PUBLIC")

    op.execute("""
        CREATE TABLE warehouse.analyst_scope (
            role_name text NOT NULL,
            adcode varchar(6) NOT NULL CONSTRAINT ck_analyst_scope_adcode CHECK (adcode ~ '^[0-9]{6}$'),
            prefix text GENERATED ALWAYS AS (
                CASE WHEN adcode LIKE '__0000' THEN left(adcode, 2)
                     WHEN adcode LIKE '____00' THEN left(adcode, 4) ELSE adcode END) STORED,
            CONSTRAINT pk_analyst_scope PRIMARY KEY (role_name, adcode)
        )""")
    op.execute("COMMENT ON TABLE warehouse.analyst_scope IS 'Divisions a login role may see in the analytics "
               "views (etl users add NAME --region ADCODE). A role with no row sees every region.'")
    op.execute("COMMENT ON COLUMN warehouse.analyst_scope.role_name IS 'Login role (a member of ogi_analyst).'")
    op.execute("COMMENT ON COLUMN warehouse.analyst_scope.adcode IS 'GB/T 2260 code: 430000 a province, 430400 "
               "a city, 430405 a county; the role sees agencies whose adcode lies within it.'")
    op.execute("COMMENT ON COLUMN warehouse.analyst_scope.prefix IS 'The adcode without its trailing 00 pairs: "
               "agency adcodes starting with it lie within the division.'")
    op.execute("REVOKE ALL ON warehouse.analyst_scope FROM PUBLIC")

    _create_role(VIEW_OWNER, "Owner of the analytics views of the OGI warehouse: reads the base tables subject "
                 "to row-level security, so region-scoped analysts see only their divisions. No login.")
    for schema in ("warehouse", "ingest"):
        op.execute(f"GRANT USAGE ON SCHEMA {schema} TO {VIEW_OWNER}")
        op.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {VIEW_OWNER}")
        op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT ON TABLES TO {VIEW_OWNER}")
    op.execute(f"REVOKE ALL ON ingest.run_lock FROM {VIEW_OWNER}")
    op.execute(f"GRANT USAGE, CREATE ON SCHEMA analytics TO {VIEW_OWNER}")  # an owner needs CREATE on the schema
    op.execute(f"GRANT {VIEW_OWNER} TO current_user")  # so a non-superuser migrator may hand views over and drop them
    # read commands run by analysts check the schema revision before reading
    op.execute(f"GRANT SELECT ON public.alembic_version TO {ANALYST_ROLE}")
    for table, using in POLICIES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY analyst_scope ON {table} FOR SELECT USING ({using})")
    op.execute(f"""
        DO $$
        DECLARE v record;
        BEGIN
            FOR v IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'analytics' AND c.relkind = 'v' LOOP
                EXECUTE format('ALTER VIEW analytics.%I OWNER TO {VIEW_OWNER}', v.relname);
            END LOOP;
        END
        $$""")


def downgrade() -> None:
    op.execute("""
        DO $$
        DECLARE v record;
        BEGIN
            FOR v IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'analytics' AND c.relkind = 'v' LOOP
                EXECUTE format('ALTER VIEW analytics.%I OWNER TO current_user', v.relname);
            END LOOP;
        END
        $$""")
    for table, _using in POLICIES:
        op.execute(f"DROP POLICY analyst_scope ON {table}")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    op.execute(f"REVOKE USAGE, CREATE ON SCHEMA analytics FROM {VIEW_OWNER}")
    op.execute(f"REVOKE SELECT ON public.alembic_version FROM {ANALYST_ROLE}")
    for schema in ("warehouse", "ingest"):
        op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} REVOKE SELECT ON TABLES FROM {VIEW_OWNER}")
        op.execute(f"REVOKE SELECT ON ALL TABLES IN SCHEMA {schema} FROM {VIEW_OWNER}")
        op.execute(f"REVOKE USAGE ON SCHEMA {schema} FROM {VIEW_OWNER}")
    op.execute("DROP TABLE warehouse.analyst_scope")
    op.execute("DROP TABLE ingest.run_lock")
