"""Consistency checks (docs/domain.md#checks) on hand-built facts: pass, fail, not assessable, never a fix."""

from decimal import Decimal

from etl.model import Fact
from etl.parse.checks import run_checks, signals_check


def req(item, applicant, value, approximate=False):
    return Fact("requests", item, Decimal(value), 0, 1, str(value), source="table", applicant=applicant,
                approximate=approximate)


def appeal(proceeding, outcome, value):
    return Fact("appeals", f"{proceeding}.{outcome}", Decimal(value), 0, 1, str(value), source="table",
                proceeding=proceeding, outcome=outcome)


def by(checks):
    return {(c.check, c.subject): c for c in checks}


def test_balance_pass_and_fail_with_error_severity():
    facts = [req("new_received", "total", 5), req("carried_over", "total", 1),
             req("total_processed", "total", 5), req("carried_forward", "total", 1),
             req("new_received", "natural_person", 3), req("carried_over", "natural_person", 0),
             req("total_processed", "natural_person", 2), req("carried_forward", "natural_person", 0)]
    checks = by(run_checks(facts, "2021-template"))
    assert checks[("t3_balance", "total")].status == "pass"
    failed = checks[("t3_balance", "natural_person")]
    assert failed.status == "fail" and failed.severity == "error"
    assert (failed.left, failed.right, failed.difference) == (3, 2, 1)
    assert checks[("t3_balance", "commercial_enterprise")].status == "not_assessable"


def test_partial_side_that_already_exceeds_is_a_failure():
    facts = [req("new_received", "total", 1), req("carried_over", "total", 0),
             req("total_processed", "total", 4)]  # carried_forward blank, yet 4 > 1
    c = by(run_checks(facts, "2021-template"))[("t3_balance", "total")]
    assert c.status == "fail"


def test_approximate_values_never_take_part_in_an_error_level_identity():
    facts = [req("new_received", "total", 5, approximate=True), req("carried_over", "total", 0),
             req("total_processed", "total", 4), req("carried_forward", "total", 0)]
    c = by(run_checks(facts, "2021-template"))[("t3_balance", "total")]
    assert c.status == "fail" and c.severity == "warning"


def test_results_sum_uses_the_rows_of_the_version():
    outcomes19 = [req("granted", "total", 2), req("other", "total", 1)]
    outcomes21 = [req("granted", "total", 2), req("other.other", "total", 1)]
    total = req("total_processed", "total", 3)
    c19 = by(run_checks([*outcomes19, total], "2019-template"))[("t3_results_sum", "total")]
    c21 = by(run_checks([*outcomes21, total], "2021-template"))[("t3_results_sum", "total")]
    # not every outcome row is stated: not assessable, but the stated ones do not exceed the total
    assert c19.status == c21.status == "not_assessable"
    over = by(run_checks([*outcomes21, req("total_processed", "total", 2)], "2021-template"))
    assert over[("t3_results_sum", "total")].status == "fail"


def test_row_sums_and_table4_groups():
    facts = [req("granted", a, v) for a, v in zip(
        ["natural_person", "commercial_enterprise", "research_institution", "public_interest_org",
         "legal_service_org", "other_org", "total"], [1, 1, 0, 0, 0, 0, 3], strict=True)]
    facts += [appeal("review", o, v) for o, v in zip(["upheld", "corrected", "other", "pending", "total"],
                                                      [1, 0, 0, 2, 3], strict=True)]
    facts += [appeal("litigation_direct", o, v) for o, v in zip(["upheld", "corrected", "other", "pending", "total"],
                                                                 [1, 0, 0, 0, 2], strict=True)]
    checks = by(run_checks(facts, "2021-template"))
    assert checks[("t3_row_sum", "granted")].status == "fail"
    assert checks[("t3_row_sum", "granted")].severity == "warning"
    assert checks[("t4_group_sum", "review")].status == "pass"
    assert checks[("t4_group_sum", "litigation_direct")].status == "fail"
    assert checks[("t4_group_sum", "litigation_after_review")].status == "not_assessable"


def test_checks_never_change_facts():
    facts = [req("new_received", "total", 5), req("total_processed", "total", 9)]
    before = list(facts)
    run_checks(facts, None)
    assert facts == before


def test_prose_facts_are_not_checked():
    prose = Fact("requests", "new_received", Decimal(5), 0, 1, "5", source="prose", applicant="total")
    assert run_checks([prose], "2021-template") == []


def test_template_signals():
    assert signals_check("2019-template", "2019-template").status == "pass"
    assert signals_check("2019-template", "2021-template").status == "fail"
    assert signals_check(None, "2021-template").status == "not_assessable"
