"""The devset scorer, on hand-built gold and on the real devset in ../shared (skipped when absent)."""

from decimal import Decimal
from pathlib import Path

import pytest

from etl.devset import FIELDS, main, score, score_report
from etl.model import Agency, Fact, Report

DEVSET = Path(__file__).resolve().parents[1] / ".." / "shared" / "devset"


def _report(facts, fmt="2021-template"):
    return Report(text="", title=None, agency=Agency(None), year=2024, format=fmt, facts=facts)


def _req(item, value, applicant="total", source="table"):
    return Fact("requests", item, Decimal(value), 0, 1, "x", source=source, applicant=applicant)


def test_verdicts_correct_wrong_missing_spurious_absent():
    gold = {"format": "2021-template",
            "requests": {"new": 5, "carried_over": 1, "granted": None, "partially_granted": None,
                         "denied": 3}}
    facts = [_req("new_received", 5), _req("carried_over", 2), _req("granted", 0),
             *[_req(k, 1) for k in ("denied.state_secret", "denied.prohibited_by_law", "denied.security_stability")],
             *[_req(k, 0) for k in ("denied.third_party_rights", "denied.internal_affairs",
                                    "denied.process_information", "denied.enforcement_file",
                                    "denied.administrative_query")]]
    by_field = {r.field: r for r in score_report("r", gold, _report(facts))}
    assert by_field["format"].status == "correct"
    assert by_field["requests.new"].status == "correct"
    assert by_field["requests.carried_over"].status == "wrong"
    assert by_field["requests.granted"].status == "spurious"
    assert by_field["requests.partially_granted"].status == "absent"
    assert by_field["requests.denied"].status == "correct" and by_field["requests.denied"].produced == 3
    assert by_field["requests.total_handled"].status == "absent"


def test_group_sum_needs_every_sub_row_and_table_beats_prose():
    gold = {"requests": {"unable_to_provide": 2, "new": 4}}
    facts = [_req("unable.not_held", 2), _req("unable.needs_creation", 0),
             _req("new_received", 9, source="prose"), _req("new_received", 4)]
    by_field = {r.field: r for r in score_report("r", gold, _report(facts))}
    assert by_field["requests.unable_to_provide"].status == "missing"  # still_unclear not stated
    assert by_field["requests.new"].status == "correct"


def test_litigation_is_the_sum_of_both_routes():
    gold = {"appeals": {"litigation_total": 5}}
    facts = [Fact("appeals", f"{p}.total", Decimal(v), 0, 1, "x", source="table", proceeding=p, outcome="total")
             for p, v in (("litigation_direct", 2), ("litigation_after_review", 3))]
    by_field = {r.field: r for r in score_report("r", gold, _report(facts))}
    assert by_field["appeals.litigation_total"].status == "correct"


def test_every_gold_field_of_the_readme_is_mapped():
    assert {"requests.new", "requests.total_handled", "requests.unable_to_provide", "appeals.review_total",
            "appeals.litigation_total", "proactive.fees_10k_yuan"} <= set(FIELDS)


@pytest.mark.seeds
@pytest.mark.skipif(not (DEVSET / "reports").is_dir(), reason="../shared/devset is absent")
def test_real_devset_score_does_not_regress(capsys):
    report = score(DEVSET)
    assert not report.errors
    # every labelled field of the devset is right (tables and prose): any regression fails here
    assert all(r.status in ("correct", "absent") for r in report.results), report.format_table()
    assert len(report.results) >= 34
    assert report.accuracy == 1.0 and report.precision == 1.0
    assert main([str(DEVSET)]) == 0
    assert "precision" in capsys.readouterr().out
