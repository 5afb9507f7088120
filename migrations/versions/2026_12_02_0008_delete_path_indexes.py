"""indexes on the foreign keys that a re-parse deletes through (section_id, run and document ids)

Replacing one document's rows deletes its reports, which cascades to sections, whose deletion sets
`section_id` to NULL in the fact tables: without an index on `section_id` each of those steps scans a
whole fact table, so a re-parse got slower as the warehouse grew. The run and document foreign keys of
the ingest tables are indexed for the same reason (and for the run bookkeeping joins).

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-02 11:10:00
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0008'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (schema, table, column), frozen here: a revision never reads the live schema module.
INDEXES = (
    ("ingest", "source_document", "first_run_id"),
    ("ingest", "source_document", "last_run_id"),
    ("ingest", "source_file", "document_id"),
    ("ingest", "source_file", "last_seen_run_id"),
    ("ingest", "parse_issue", "run_id"),
    ("warehouse", "report", "run_id"),
    ("warehouse", "requests", "section_id"),
    ("warehouse", "appeals", "section_id"),
    ("warehouse", "disclosure_counts", "section_id"),
    ("warehouse", "improvement_measures", "section_id"),
)


def upgrade() -> None:
    for schema, table, column in INDEXES:
        op.create_index(f"ix_{table}_{column}", table, [column], schema=schema)


def downgrade() -> None:
    for schema, table, column in reversed(INDEXES):
        op.drop_index(f"ix_{table}_{column}", table_name=table, schema=schema)
