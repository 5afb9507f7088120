"""The metric dictionary (etl/metrics.py) and the views agree: every metric-like view column is defined
there, with the same expression; the migration loaded the same definitions; NA never becomes 0."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from etl import metrics
from etl.views import view_names, view_sql

_STRING_RE = re.compile(r"'(?:[^']|'')*'")
_ALIAS_RE = re.compile(r"\bAS\s+(\w+)", re.I)


def _normalise(sql: str) -> str:
    """Lower case, comments and COMMENT ON statements removed, whitespace collapsed, none inside brackets."""
    body = "\n".join(line.split("--")[0] for line in sql.splitlines() if not line.startswith("COMMENT ON"))
    body = re.sub(r"\s+", " ", body.lower())
    return re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", body))


def _computed_columns(name: str) -> set[str]:
    """Columns of a view that look like a derived metric: named like one, or computed by a division."""
    sql = _STRING_RE.sub("''", _normalise(view_sql(name)))
    found = {a for a in _ALIAS_RE.findall(sql) if re.search(metrics.METRIC_NAME_PATTERN, a)}
    for slash in re.finditer(r"/", sql):
        alias = _ALIAS_RE.search(sql, slash.end())
        if alias:
            found.add(alias.group(1))
    return found


def test_every_view_metric_is_in_the_dictionary():
    defined = {(p.view, p.column) for m in metrics.METRICS for p in m.published}
    undefined = {(v, c) for v in view_names() for c in _computed_columns(v)} - defined
    assert undefined == set(), (
        f"views compute metrics the dictionary does not define: {sorted(undefined)}; add them to etl/metrics.py")


@pytest.mark.parametrize("metric", metrics.METRICS, ids=lambda m: m.key)
def test_each_view_computes_the_metric_as_defined(metric):
    assert metric.published, "a metric no view publishes has no place in the dictionary"
    for p in metric.published:
        assert p.view in view_names()
        text = _normalise(view_sql(p.view))
        assert f"{_normalise(p.expression)} as {p.column}" in text, (
            f"analytics.{p.view}.{p.column} is not computed as the dictionary defines {metric.key}: "
            f"{p.expression}")


def test_ratios_are_na_on_a_zero_or_unknown_denominator():
    for metric in metrics.METRICS:
        for p in metric.published:
            if "/" in p.expression:  # a ratio: its denominator must go through NULLIF, never default to 0 or 1
                assert "nullif(" in p.expression.lower() or "/ 11.0" in p.expression, (metric.key, p)
                assert "coalesce(" not in p.expression.lower().split("nullif(")[0], (metric.key, p)


def test_a_changed_expression_is_caught():
    grant = metrics.by_key()["grant_rate"].published[0]
    wrong = grant.expression.replace("granted", "partially_granted")
    assert f"{_normalise(wrong)} as {grant.column}" not in _normalise(view_sql(grant.view))


@pytest.mark.db
def test_the_migration_loaded_the_dictionary(warehouse_connection):
    rows = warehouse_connection.execute(sa.text(
        "SELECT key, name_zh, name_en, formula, unit, aggregates, when_undefined, caveats, version, published_in "
        "FROM warehouse.metric_definition ORDER BY key")).mappings().all()
    assert [dict(r) for r in rows] == sorted(metrics.rows(), key=lambda r: r["key"]), (
        "warehouse.metric_definition differs from etl/metrics.py: write a revision that updates the rows")
