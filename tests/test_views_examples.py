"""The analyst queries in sql/examples/ run against the migrated views."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from etl.views import EXAMPLES_DIR
from tests.fixtures.views.runner import CASES_DIR, load_case, load_given

pytestmark = pytest.mark.db

EXAMPLES = sorted(EXAMPLES_DIR.glob("*.sql"))


def test_there_are_examples():
    assert 3 <= len(EXAMPLES) <= 10


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_runs(warehouse_connection, path: Path):
    sql = path.read_text(encoding="utf-8")
    assert sql.lstrip().startswith("--"), f"{path.name}: start with a comment saying what the query answers"
    for case in ("region_rollup", "missing_year"):
        load_given(warehouse_connection, load_case(CASES_DIR / f"{case}.yaml")["given"])
        warehouse_connection.execute(sa.text(sql)).all()
