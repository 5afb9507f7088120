"""Data-quality checks are SQL returning the offending rows, each declared fail or warn."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from etl import views
from tests.fixtures.views.runner import CASES_DIR, load_case, load_given


def test_every_check_declares_severity_and_description():
    checks = views.load_checks()
    assert {c.name for c in checks} >= {
        "t3_balance", "t3_row_sum", "t3_outcomes_sum", "t4_group_sum", "one_primary_report", "coverage_gaps",
        "failed_documents", "carry_over_mismatch",
    }
    for check in checks:
        assert check.severity in ("fail", "warn")
        assert check.description, f"{check.name}: add a '-- description:' header line"
        assert not check.sql.rstrip().endswith(";"), f"{check.name}: a check is one SELECT without a trailing ';'"
        assert not sa.text(check.sql).compile().params, f"{check.name}: ':name' would be read as a bind parameter"


def test_a_check_without_severity_is_refused(tmp_path: Path):
    (tmp_path / "bad.sql").write_text("-- description: no severity\nSELECT 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="severity"):
        views.load_checks(tmp_path)


@pytest.mark.db
def test_all_checks_pass_on_an_empty_warehouse(warehouse_connection):
    load_given(warehouse_connection, {})
    outcomes = views.run_checks(warehouse_connection)
    assert [o.name for o in outcomes if not o.passed] == []
    assert "ok" in views.format_outcomes(outcomes)


@pytest.mark.db
def test_run_checks_reports_offending_rows(warehouse_connection):
    load_given(warehouse_connection, load_case(CASES_DIR / "identities.yaml")["given"])
    outcomes = {o.name: o for o in views.run_checks(warehouse_connection)}
    balance = outcomes["t3_balance"]
    assert not balance.passed and balance.severity == "fail"
    assert balance.rows[0]["report_id"] == 120 and balance.rows[0]["difference"] == -1
    assert not outcomes["t4_group_sum"].passed and outcomes["t4_group_sum"].severity == "warn"
    assert outcomes["one_primary_report"].passed
    assert "FAIL" in views.format_outcomes(list(outcomes.values()))
