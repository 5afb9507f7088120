"""metric dictionary: grant_rate and refusal_rate are also published by analytics.national_year_rollup

Revision 0017 added the national rollup with the same two rates as the regional one; the dictionary
rows loaded by 0016 name where each metric is published, so they gain the new view's columns.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02 13:10:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0018'
down_revision: str | None = '0017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: metric → published_in after (before) this revision, frozen here
PUBLISHED = {
    "grant_rate": (["report_headline.grant_rate", "region_year_rollup.grant_rate",
                    "national_year_rollup.grant_rate"],
                   ["report_headline.grant_rate", "region_year_rollup.grant_rate"]),
    "refusal_rate": (["report_headline.refusal_rate", "region_year_rollup.refusal_rate",
                      "national_year_rollup.refusal_rate"],
                     ["report_headline.refusal_rate", "region_year_rollup.refusal_rate"]),
}


def _set(index: int) -> None:
    for key, lists in PUBLISHED.items():
        op.execute(sa.text("UPDATE warehouse.metric_definition SET published_in = :published WHERE key = :key")
                   .bindparams(published=lists[index], key=key))


def upgrade() -> None:
    _set(0)


def downgrade() -> None:
    _set(1)
