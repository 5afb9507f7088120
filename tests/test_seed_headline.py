"""Acceptance (issue 6): the real seeds load and `analytics.report_headline` shows their expected figures.

Expectations are read from ../shared/seeds/expected/*.json (skipped when absent). A null expectation
must stay NULL in the view (unknown is not zero). Where a report prints a figure both in prose and in a
statistics table, the view's documented rule applies: the table value wins (docs/views.md).
"""

from __future__ import annotations

import json
from decimal import Decimal

import psycopg
import pytest

from etl import pipeline

pytestmark = [pytest.mark.db, pytest.mark.seeds]


def _value(expected):
    """The number of an expectation that is either a plain number or {"value": …, "approximate": …}."""
    return expected["value"] if isinstance(expected, dict) else expected


@pytest.fixture
def headline(seeds_dir, conninfo):
    summary = pipeline.run(sorted(seeds_dir.glob("*.txt")), conninfo, workers=0)
    assert summary.counts.files_failed == 0
    with psycopg.connect(conninfo) as conn:
        cur = conn.execute("SELECT * FROM analytics.report_headline")
        columns = [c.name for c in cur.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]
        unknown_year = conn.execute(
            "SELECT count(*) FROM warehouse.report WHERE year IS NULL AND NOT is_primary").fetchone()[0]
    expectations = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (seeds_dir / "expected").glob("*.json")}
    return rows, expectations, unknown_year


def test_one_headline_row_per_seed_with_a_known_year(headline):
    rows, expectations, unknown_year = headline
    with_year = {e["agency"] for e in expectations.values() if e.get("year")}
    assert {r["agency_name"] for r in rows} == with_year
    # a report whose year is a placeholder is kept in the warehouse but never primary
    assert unknown_year >= sum(1 for e in expectations.values() if e.get("year") is None)


def test_headline_figures_match_the_expectations(headline):
    rows, expectations, _ = headline
    by_agency = {r["agency_name"]: r for r in rows}
    checked = 0
    for expected in expectations.values():
        if not expected.get("year"):
            continue
        row = by_agency[expected["agency"]]
        assert row["year"] == expected["year"]
        assert row["level"] == expected["level"]
        assert row["province"] == expected["region"]["province"]
        assert row["adcode"] == expected["region"]["adcode"]
        requests = expected.get("requests", {})
        if "new" in requests:
            want = _value(requests["new"])
            assert row["new_received"] == (None if want is None else Decimal(want)), expected["agency"]
        appeals = expected.get("appeals", {})
        for key, column in (("review_total", "reviews_total"), ("litigation_total", "lawsuits_total")):
            if key in appeals:
                want = appeals[key]
                assert row[column] == (None if want is None else Decimal(want)), (expected["agency"], column)
        proactive = expected.get("proactive", {})
        table_total = proactive.get("statistics_table", {}).get("proactive disclosure (一)")
        want_total = table_total if table_total is not None else _value(proactive.get("total_items"))
        assert row["proactive_total"] == (None if want_total is None else Decimal(want_total)), expected["agency"]
        assert row["improvement_measures_count"] == expected["improvement_measures_count"]
        checked += 1
    assert checked == sum(1 for e in expectations.values() if e.get("year")) > 0
