"""Acceptance: the five real seed reports in ../shared/seeds, field by field.

Each seed runs through the real pipeline (`etl.pipeline.process_file`) and is compared with its
`expected/*.json`. The expected files use English descriptive labels for channels, categories
and statistics-table rows; the mapping from those labels to canonical keys below is this test's
interpretation of the expectation. `null` in the expectation means "no fact at all".
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from etl.corpus import (
    SEED_APPEAL_FIELDS,
    SEED_CATEGORY_LABELS,
    SEED_CHANNEL_LABELS,
    SEED_STATISTICS_TABLE_LABELS,
)
from etl.model import Fact, ParsedDocument, Report
from etl.pipeline import process_file

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"
SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else []

pytestmark = pytest.mark.seeds

#: Expected-JSON labels → canonical keys (docs/domain.md#canonical-keys), shared with `etl score`.
CHANNEL_LABELS = SEED_CHANNEL_LABELS
CATEGORY_LABELS = SEED_CATEGORY_LABELS
STATISTICS_TABLE_LABELS = SEED_STATISTICS_TABLE_LABELS
APPEAL_FIELDS = SEED_APPEAL_FIELDS
FIELDS = (
    "agency", "region", "level", "year", "published_on", "format", "sections", "proactive_total",
    "channels", "categories", "statistics_table", "requests_new", "fees", "appeals", "measures", "issues",
)


@cache
def _parsed(seed: str) -> ParsedDocument:
    return process_file(SEEDS / f"{seed}.txt")


def _expected(seed: str) -> dict:
    return json.loads((SEEDS / "expected" / f"{seed}.json").read_text(encoding="utf-8"))


def _report(seed: str) -> Report:
    doc = _parsed(seed)
    assert doc.reports, f"no report parsed; issues: {doc.issues}"
    return doc.reports[0]


def _value(expected: object) -> tuple[Decimal, bool | None]:
    """(value, approximate or None when the expectation does not say)."""
    if isinstance(expected, dict):
        return Decimal(str(expected["value"])), expected.get("approximate")
    return Decimal(str(expected)), None


def _facts(report: Report, table: str, item: str, source: str | None = None) -> list[Fact]:
    return [f for f in report.facts if f.table == table and f.item == item and (source is None or f.source == source)]


def _check_value(facts: list[Fact], expected: object, what: str) -> None:
    if expected is None:
        assert not facts, f"{what}: expected no fact, got {[(f.value, f.evidence) for f in facts]}"
        return
    value, approximate = _value(expected)
    assert facts, f"{what}: expected {value}, found no fact"
    assert {f.value for f in facts} == {value}, f"{what}: {[(f.value, f.evidence) for f in facts]} != {value}"
    if approximate is not None:
        assert all(f.approximate == approximate for f in facts), f"{what}: approximate flag != {approximate}"
    assert all(report_text_ok(f) for f in facts)


def report_text_ok(fact: Fact) -> bool:
    """Provenance: a prose fact's evidence is non-empty and its span is ordered."""
    return fact.end > fact.start and bool(fact.evidence)


def _check_group(report: Report, expected: dict, labels: dict[str, str], prefix: str, source: str) -> None:
    wanted: dict[str, list] = {}
    for label, value in expected.items():
        assert label in labels, f"the test has no key for expected label {label!r}"
        wanted.setdefault(labels[label], []).append(value)
    got = {f.item for f in report.facts if f.item.startswith(prefix) and f.source == source}
    assert got == set(wanted), f"{prefix}* keys {sorted(got)} != expected {sorted(wanted)}"
    for key, values in wanted.items():
        facts = _facts(report, "disclosure_counts", key, source)
        expected_values = {_value(v)[0] for v in values}
        assert {f.value for f in facts} == expected_values, f"{key}: {[(f.value, f.evidence) for f in facts]}"
        for v in values:
            value, approximate = _value(v)
            if approximate is not None:
                assert all(f.approximate == approximate for f in facts if f.value == value), key


def check(seed: str, field: str) -> None:
    exp = _expected(seed)
    report = _report(seed)
    doc = _parsed(seed)
    if field == "agency":
        assert report.agency.name == exp["agency"]
    elif field == "region":
        region = exp["region"]
        got = {"province": report.agency.province, "city": report.agency.city,
               "county": report.agency.county, "adcode": report.agency.adcode}
        assert got == region
    elif field == "level":
        assert report.agency.level == exp["level"]
    elif field == "year":
        assert report.year == exp["year"]
    elif field == "published_on":
        if "published_on" not in exp:
            pytest.skip("not in the expectation")
        assert report.published_on is not None and report.published_on.isoformat() == exp["published_on"]
    elif field == "format":
        assert report.format == exp["format"]
    elif field == "sections":
        if "sections" not in exp:
            pytest.skip("not in the expectation")
        assert [s.kind for s in report.sections] == exp["sections"]
    elif field == "proactive_total":
        total = exp["proactive"].get("total_items")
        source = "prose" if total is not None else None
        _check_value(_facts(report, "disclosure_counts", "proactive.total", source), total, "proactive.total")
    elif field == "channels":
        if "by_channel" not in exp["proactive"]:
            pytest.skip("not in the expectation")
        _check_group(report, exp["proactive"]["by_channel"], CHANNEL_LABELS, "proactive.channel.", "prose")
        for fact in _facts(report, "disclosure_counts", "proactive.channel.other"):
            assert fact.label, "a channel without a key of its own keeps its printed label"
    elif field == "categories":
        if "by_category" not in exp["proactive"]:
            pytest.skip("not in the expectation")
        _check_group(report, exp["proactive"]["by_category"], CATEGORY_LABELS, "proactive.category.", "prose")
    elif field == "statistics_table":
        table = exp["proactive"].get("statistics_table")
        if table is None:
            assert not [f for f in report.facts if f.source == "table"] or report.format != "prose"
            pytest.skip("no statistics table expected")
        for label, value in table.items():
            key = STATISTICS_TABLE_LABELS[label]
            _check_value(_facts(report, "disclosure_counts", key, "table"), value, f"table {key}")
    elif field == "requests_new":
        _check_value(_facts(report, "requests", "new_received"), exp["requests"]["new"], "requests.new_received")
        for fact in _facts(report, "requests", "new_received"):
            assert fact.applicant == "total"
    elif field == "fees":
        if "fees" not in exp:
            pytest.skip("not in the expectation")
        _check_value(_facts(report, "disclosure_counts", "fees.charged_yuan"), exp["fees"]["charged"], "fees")
    elif field == "appeals":
        for name, proceeding in APPEAL_FIELDS.items():
            if name not in exp["appeals"]:
                continue
            facts = [f for f in report.facts if f.table == "appeals" and f.proceeding == proceeding
                     and f.outcome == "total"]
            _check_value(facts, exp["appeals"][name], f"appeals.{proceeding}")
    elif field == "measures":
        measures = [m for m in report.improvement_measures if m.kind == "measure"]
        assert len(measures) == exp["improvement_measures_count"], [m.text[:30] for m in measures]
    elif field == "issues":
        notes = exp.get("issues_expected", [])
        codes = {i.code for i in report.issues}
        placeholder = any("placeholder" in n for n in notes)
        assert ("year_placeholder" in codes) == placeholder
        glued = any("second" in n and "report" in n for n in notes)
        doc_codes = {i.code for i in doc.issues}
        if glued:
            assert "several_reports" in doc_codes and len(doc.reports) == 2
            assert doc.reports[1].truncated and not doc.reports[0].truncated
            assert doc.reports[1].offset >= len(doc.reports[0].text)
        else:
            assert len(doc.reports) == 1 and "several_reports" not in doc_codes
        if "cannot be repaired" in exp.get("notes", ""):
            assert any(i.code == "unrepairable_mojibake" for i in doc.issues), "the damaged run must be reported"


@pytest.mark.skipif(not SEED_IDS, reason="../shared/seeds is absent")
@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("seed", SEED_IDS)
def test_seed(seed: str, field: str) -> None:
    check(seed, field)
