"""source_document.status may be 'partial': loaded, but part of a report could not be read

A template report whose Table 3 or Table 4 was found but could not be read is loaded with an
error-level issue; its document status says so, so coverage views do not show it as plainly
'loaded'.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 11:00:00
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_COMMENT = "loaded (reports written), no_report (decoded but no report found) or failed."
_NEW_COMMENT = ("loaded (reports written), partial (reports written but an error-level issue says part of a "
                "report, such as a template table, could not be read), no_report (decoded but no report found) "
                "or failed.")


def upgrade() -> None:
    op.drop_constraint(op.f('ck_source_document_status'), 'source_document', schema='ingest', type_='check')
    op.create_check_constraint(op.f('ck_source_document_status'), 'source_document',
                               "status IN ('loaded', 'partial', 'no_report', 'failed')", schema='ingest')
    op.alter_column('source_document', 'status', schema='ingest', comment=_NEW_COMMENT,
                    existing_comment=_OLD_COMMENT)


def downgrade() -> None:
    # a partial document was loaded: it becomes 'loaded' again under the older vocabulary
    op.execute("UPDATE ingest.source_document SET status = 'loaded' WHERE status = 'partial'")
    op.drop_constraint(op.f('ck_source_document_status'), 'source_document', schema='ingest', type_='check')
    op.create_check_constraint(op.f('ck_source_document_status'), 'source_document',
                               "status IN ('loaded', 'no_report', 'failed')", schema='ingest')
    op.alter_column('source_document', 'status', schema='ingest', comment=_OLD_COMMENT,
                    existing_comment=_NEW_COMMENT)
