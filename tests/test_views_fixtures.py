"""View tests are data: each tests/fixtures/views/*.yaml case loads rows and states the exact view rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.views.runner import actual_rows, case_files, expected_rows, load_case, load_given

pytestmark = pytest.mark.db


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.stem)
def test_view_case(warehouse_connection, path: Path):
    case = load_case(path)
    load_given(warehouse_connection, case.get("given", {}))
    for expectation in case["expect"]:
        target = expectation.get("view") or f"check {expectation['check']}"
        got = actual_rows(warehouse_connection, expectation)
        want = expected_rows(expectation)
        assert got == want, (
            f"{path.name}: {target} returned other rows than expected\n"
            f"columns:  {expectation['columns']}\nexpected: {want}\nactual:   {got}"
        )


def test_there_are_cases_for_every_required_situation():
    names = {p.stem for p in case_files()}
    required = {"blank_stays_null", "renamed_agency", "template_change", "missing_year", "failed_document",
                "table_over_prose", "region_rollup"}
    assert required <= names, f"missing view cases: {sorted(required - names)}"
