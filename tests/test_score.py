"""The scorer (`etl score`): verdicts, families, false zeros, derived totals; and the real labelled folders."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from etl.corpus import Gold, read_folder
from etl.model import Agency, Fact, ParsedDocument, Report
from etl.score import score_document, score_folder

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
DEVSET = SHARED / "devset"
SEEDS = SHARED / "seeds"


def _doc(facts, fmt="2021-template", year=2024, name="某县某局", truncated=False):
    report = Report(text="", title=None, agency=Agency(name, level="county"), year=year, format=fmt, facts=facts,
                    truncated=truncated)
    return ParsedDocument(path="x", sha256="0", size=0, media_type="text/plain", encoding="utf-8", reports=[report])


def _req(item, value, applicant="total", source="table", approximate=False):
    return Fact("requests", item, Decimal(value), 0, 1, "x", source=source, applicant=applicant,
                approximate=approximate)


def _gold(values, fmt="2021-template", tables=(), approximate=(), **meta):
    base = {"is_report": True, "format": fmt, "year": 2024, "agency": "某县某局", "level": "county",
            "complete": True}
    return Gold(id="g", file=Path("x"), layout="corpus", meta={**base, **meta},
                values={k: (None if v is None else Decimal(v)) for k, v in values.items()},
                tables=tuple(tables), approximate=set(approximate))


def _by_field(results):
    return {r.field: r for r in results}


def test_verdicts_and_false_zero():
    gold = _gold({("requests", "new_received", "total"): 5, ("requests", "carried_over", "total"): 1,
                  ("requests", "granted", "total"): None, ("requests", "partially_granted", "total"): None})
    doc = _doc([_req("new_received", 5), _req("carried_over", 2), _req("granted", 0)])
    got = _by_field(score_document(gold, doc))
    assert got["requests/new_received/total"].status == "correct"
    assert got["requests/carried_over/total"].status == "wrong"
    assert got["requests/granted/total"].status == "spurious" and got["requests/granted/total"].false_zero
    assert got["requests/partially_granted/total"].status == "absent"
    assert got["year"].status == "correct" and got["agency"].status == "correct"


def test_table_cells_family_and_unlabelled_table_values_are_spurious():
    cells = {("appeals", p, o): 0 for p in ("review", "litigation_direct", "litigation_after_review")
             for o in ("upheld", "corrected", "other", "pending", "total")}
    gold = _gold(cells, tables=("t4",))
    facts = [Fact("appeals", "x", Decimal(0), 0, 1, "x", source="table", proceeding=p, outcome=o)
             for (_, p, o) in cells]
    facts.append(_req("new_received", 3))  # a Table 3 value where gold labelled no Table 3
    results = score_document(gold, _doc(facts))
    table = [r for r in results if r.family == "table_cells"]
    assert sum(r.status == "correct" for r in table) == 15
    assert [r.field for r in table if r.status == "spurious"] == ["requests/new_received/total"]


def test_prose_reports_count_unlabelled_prose_values_as_spurious():
    gold = _gold({("disclosure_counts", "proactive.total"): 12}, fmt="prose")
    facts = [Fact("disclosure_counts", "proactive.total", Decimal(12), 0, 1, "x"),
             Fact("disclosure_counts", "proactive.channel.wechat", Decimal(900), 0, 1, "x")]
    got = _by_field(score_document(gold, _doc(facts, fmt="prose")))
    assert got["disclosure/proactive.total"].status == "correct"
    assert got["disclosure/proactive.channel.wechat"].status == "spurious"


def test_group_totals_and_lawsuits_are_derived_from_their_parts():
    gold = _gold({("requests", "denied", "total"): 3, ("appeals", "litigation", "total"): 5}, fmt="prose")
    facts = [_req("denied.state_secret", 1), _req("denied.third_party_rights", 2),
             *[Fact("appeals", "x", Decimal(v), 0, 1, "x", source="table", proceeding=p, outcome="total")
               for p, v in (("litigation_direct", 2), ("litigation_after_review", 3))]]
    got = _by_field(score_document(gold, _doc(facts, fmt="prose")))
    assert got["requests/denied/total"].status == "correct"
    assert got["appeals/litigation/total"].status == "correct"


def test_approximate_flag_is_checked_apart():
    key = ("disclosure_counts", "proactive.total")
    gold = _gold({key: 40}, fmt="prose", approximate=[key])
    exact = Fact("disclosure_counts", "proactive.total", Decimal(40), 0, 1, "x")
    result = _by_field(score_document(gold, _doc([exact], fmt="prose")))["disclosure/proactive.total"]
    assert result.status == "correct" and result.approximate_mismatch


def test_not_a_report_and_truncation():
    gold = _gold({}, is_report=False, fmt=None)
    empty = ParsedDocument(path="x", sha256="0", size=0, media_type="text/plain", encoding="utf-8")
    assert [(r.field, r.status) for r in score_document(gold, empty)] == [("is_report", "correct")]
    partial = _gold({}, complete=False)
    got = _by_field(score_document(partial, _doc([], truncated=False)))
    assert got["complete"].status == "wrong" and got["complete"].completeness == "partial"


def test_region_fields_are_scored_only_where_gold_names_the_place():
    gold = _gold({}, province=None, county="某县")
    got = _by_field(score_document(gold, _doc([])))
    assert "province" not in got and got["county"].status == "missing"


def test_score_command_on_a_written_corpus(tmp_path):
    from typer.testing import CliRunner

    from etl.cli import app

    (tmp_path / "reports").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "reports" / "2013_xx_town.txt").write_text(
        "某镇人民政府2013年政府信息公开工作年度报告\n一、概述\n本年度主动公开政府信息35条。\n"
        "二、依申请公开情况\n本年度未收到政府信息公开申请。\n", encoding="utf-8")
    (tmp_path / "gold" / "2013_xx_town.json").write_text(json.dumps({
        "schema": "ogi-corpus/1", "file": "reports/2013_xx_town.txt", "is_report": True, "format": "prose",
        "year": 2013, "agency": {"name": "某镇人民政府", "level": "township", "scope": "agency"},
        "disclosure": {"proactive.total": 35}, "requests": {"new_received": {"total": 0}},
    }), encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(tmp_path), "--verbose", "--json", str(tmp_path / "s.json")])
    assert result.exit_code == 0, result.output
    assert "prose_figures" in result.output and "1 labelled report(s)" in result.output
    data = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    by_field = {r["field"]: r["status"] for r in data["results"]}
    assert by_field["disclosure/proactive.total"] == "correct"
    assert by_field["requests/new_received/total"] == "correct"  # 未收到 is a stated 0


def test_score_command_refuses_an_unlabelled_folder(tmp_path):
    from typer.testing import CliRunner

    from etl.cli import app

    result = CliRunner().invoke(app, ["score", str(tmp_path)])
    assert result.exit_code == 1 and "no labelled reports" in result.output


@pytest.mark.seeds
@pytest.mark.skipif(not (DEVSET / "reports").is_dir(), reason="../shared/devset is absent")
def test_real_devset_is_scored_exactly():
    score = score_folder(DEVSET)
    assert not score.errors
    bad = [r for r in score.results if r.status not in ("correct", "absent")]
    assert not bad, score.format_table(verbose=True)
    assert sum(r.family == "table_cells" for r in score.results) >= 20


@pytest.mark.seeds
@pytest.mark.skipif(not (SEEDS / "expected").is_dir(), reason="../shared/seeds is absent")
def test_real_seeds_are_scored_exactly():
    golds = list(read_folder(SEEDS))
    assert len(golds) == 5
    score = score_folder(SEEDS)
    bad = [r for r in score.results if r.status not in ("correct", "absent")]
    assert not bad, score.format_table(verbose=True)


def test_a_zero_the_parser_inferred_from_an_identity_is_not_a_false_zero():
    gold = _gold({("requests", "new_received", "commercial_enterprise"): None,
                  ("requests", "new_received", "research_institution"): None})
    inferred = Fact("requests", "new_received", Decimal(0), 0, 1, "x", source="table",
                    applicant="commercial_enterprise", inferred=True)
    guessed = _req("new_received", 0, applicant="research_institution")
    got = _by_field(score_document(gold, _doc([inferred, guessed])))
    derived = got["requests/new_received/commercial_enterprise"]
    assert derived.status == "spurious" and derived.inferred_zero and not derived.false_zero
    assert got["requests/new_received/research_institution"].false_zero


def test_cumulative_counts_are_not_labelled_so_not_spurious():
    gold = _gold({("disclosure_counts", "proactive.total"): 12}, fmt="prose")
    facts = [Fact("disclosure_counts", "proactive.cumulative", Decimal(900), 0, 1, "x")]
    assert "disclosure/proactive.cumulative" not in _by_field(score_document(gold, _doc(facts, fmt="prose")))
