"""agency and report: township (乡、镇、街道) and its 9-digit division code

The parser now resolves agency names down to townships and street offices (the MCA division list);
the warehouse keeps the township's name and code beside province, city, county and adcode.

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-02 11:20:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table, what in (("agency", ""), ("report", " as parsed")):
        op.add_column(table, sa.Column('township', sa.Text(), nullable=True,
                                       comment="Township-level division (乡、镇、街道), if any." if not what
                                       else "Township (乡、镇、街道) as parsed."), schema='warehouse')
        op.add_column(table, sa.Column('township_code', sa.String(length=9), nullable=True,
                                       comment="9-digit division code of the township, if any." if not what
                                       else "9-digit township division code as parsed."), schema='warehouse')


def downgrade() -> None:
    for table in ("report", "agency"):
        op.drop_column(table, 'township_code', schema='warehouse')
        op.drop_column(table, 'township', schema='warehouse')
