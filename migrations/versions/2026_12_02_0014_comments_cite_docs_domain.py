"""table comments cite docs/domain.md instead of a document outside the repository

The lookup tables and check_result pointed readers at sections of a specification that lives outside
the repository. The same rules are now in docs/domain.md; the comments (and so the data dictionary)
name its anchors. Comments only: no data or structure changes.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 13:00:00
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen at this revision: (table, what it holds) as etl/schema.py describes the lookup tables.
LOOKUPS = (
    ('request_item', 'request row (Table 3 row or prose/legacy measure)'),
    ('applicant', 'applicant column of Table 3'),
    ('proceeding', 'appeal proceeding'),
    ('outcome', 'appeal outcome'),
    ('disclosure_item', 'proactive-disclosure item (Table 2 cell or prose measure)'),
    ('section_kind', 'section kind'),
    ('report_format', 'report format'),
    ('level', 'administrative level'),
)
_OLD_SPEC = 'report-format.md'
CHECK_RESULT = 'One row per report × consistency check × subject ({}).'


def _comments(new: bool) -> list[tuple[str, str]]:
    keys = 'docs/domain.md#canonical-keys' if new else f'{_OLD_SPEC} §13'
    checks = 'docs/domain.md#checks' if new else f'{_OLD_SPEC} §11'
    rows = [(table, f'Controlled vocabulary: one row per {what} ({keys}).') for table, what in LOOKUPS]
    return [*rows, ('check_result', CHECK_RESULT.format(checks))]


def _apply(new: bool) -> None:
    previous = dict(_comments(not new))
    for table, comment in _comments(new):
        op.create_table_comment(table, comment, existing_comment=previous[table], schema='warehouse')


def upgrade() -> None:
    _apply(new=True)


def downgrade() -> None:
    _apply(new=False)
