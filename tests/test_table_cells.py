"""Cells as printed: every template cell the parser reads keeps its text, semantic and position
(docs/domain.md#cell-values). Fixtures are invented tables rendered as text and as HTML."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from etl.extract import extract_bytes
from etl.normalise import normalise
from etl.parse import parse
from etl.parse.cells import CELL_SEMANTICS, cell_semantic, parse_value
from etl.parse.template import parse_template
from tests.fixtures.template.render import V2021, render
from tests.fixtures.template.structured import report_doc, to_html
from tests.test_template import full_tables

ROW = "not_processed.repeat"
#: applicant column -> printed text and the semantic it must get
PRINTED = {
    "natural_person": ("2", "number"),
    "commercial_enterprise": ("—", "not_applicable"),
    "research_institution": ("不适用", "not_applicable"),
    "public_interest_org": (None, "blank"),
    "legal_service_org": ("无", "zero"),
    "other_org": ("0", "zero"),
}
T2_TEXT_KEY_INDEX = 0


@pytest.mark.parametrize(("text", "semantic"), [
    ("12", "number"), ("0", "zero"), ("无", "zero"), ("", "blank"), ("\u3000", "blank"), ("—", "not_applicable"),
    ("-", "not_applicable"), ("/", "not_applicable"), ("不适用", "not_applicable"), ("N/A", "not_applicable"),
    ("详见附表", "text"), ("略", "text"), ("约30", "number"),
])
def test_each_printed_form_has_its_semantic(text, semantic):
    assert cell_semantic(parse_value(text)) == semantic
    assert semantic in CELL_SEMANTICS


def _tables():
    tables = full_tables(V2021)
    cells = tables.t3[ROW]
    for i, (printed, _) in enumerate(PRINTED.values()):
        cells[i] = printed
    tables.t3[ROW] = cells
    key = next(iter(tables.t2))
    tables.t2[key] = "详见附表"
    return tables, key


def _check(report_cells, facts, text, t2_key, words_in_table2: bool = True):
    by_key = {(c.table, c.row_key, c.column_key): c for c in report_cells}
    for column, (printed, semantic) in PRINTED.items():
        cell = by_key[("requests", ROW, column)]
        assert cell.semantic == semantic, column
        assert cell.text == (printed or "")
        assert text[cell.start:cell.end] == cell.text  # the span is the printed cell
    if words_in_table2:
        text_cell = by_key[("disclosure_counts", t2_key, None)]
        assert (text_cell.semantic, text_cell.text, text_cell.value) == ("text", "详见附表", None)
    assert by_key[("requests", ROW, "natural_person")].value == Decimal(2)
    # a fact links to its cell by table, keys and span; blank and not-applicable cells have no printed fact
    for fact in facts:
        if fact.source != "table" or fact.inferred:
            continue
        column = fact.applicant if fact.table == "requests" else (fact.outcome if fact.table == "appeals" else None)
        row = fact.proceeding if fact.table == "appeals" else fact.item
        cell = by_key[(fact.table, row, column)]
        assert (cell.start, cell.end, cell.value) == (fact.start, fact.end, fact.value)
        assert cell.semantic in ("number", "zero")
    printed = {f.applicant for f in facts if f.table == "requests" and f.item == ROW and not f.inferred}
    assert printed == {"natural_person", "legal_service_org", "other_org", "total"}
    # every Table 4 cell was read
    assert sum(c.table == "appeals" for c in report_cells) == 15


@pytest.mark.parametrize("shape", ["P1", "T", "P2"])
def test_text_shapes_keep_every_cell(shape):
    tables, key = _tables()
    text = render(tables, shape)
    result = parse_template(text, [])
    # one cell per line (P2) cannot tell words in a value position from a row label, so Table 2's
    # 详见附表 is only checked where cells share a line
    _check(result.cells, result.facts, text, key, words_in_table2=shape != "P2")


def test_html_keeps_every_cell_and_the_contract_lists_them():
    tables, key = _tables()
    doc = parse(normalise(extract_bytes(to_html(report_doc(tables, wide=(0, 1), pad=True)), "r.html")))
    report = doc.reports[0]
    _check(report.cells, report.facts, report.text, key)
    contract = doc.to_contract()["reports"][0]["cells"]
    assert {c["semantic"] for c in contract} == set(CELL_SEMANTICS)


@pytest.mark.db
def test_the_loader_stores_every_cell_and_the_views_count_them(conninfo):
    from etl import load

    tables, _ = _tables()
    doc = parse(normalise(extract_bytes(to_html(report_doc(tables, wide=(0, 1), pad=True)), "cells.html")))
    report = doc.reports[0]
    report.agency = replace(report.agency, name="示例县测试局")  # the fixture prints no agency name
    report.year = 2022
    conn = load.connect(conninfo)
    try:
        loader = load.Loader(conn, load.start_run(conn, "test", "1.0"), "1.0")
        loader.load(doc, load.FileStat(doc.path, doc.size, 1))
        report_id = conn.execute("SELECT id FROM warehouse.report WHERE agency_name = '示例县测试局'").fetchone()[0]
        kinds = dict(conn.execute(
            "SELECT semantic, count(*) FROM warehouse.table_cell WHERE report_id = %s GROUP BY semantic",
            (report_id,)).fetchall())
        expected = {s: sum(c.semantic == s for c in report.cells) for s in CELL_SEMANTICS}
        assert kinds == expected and min(kinds.values()) >= 1
        completeness = conn.execute(
            "SELECT cells_read, number_cells, zero_cells, blank_cells, not_applicable_cells, text_cells "
            "FROM analytics.cell_completeness WHERE report_id = %s", (report_id,)).fetchone()
        assert completeness == (len(report.cells), *(expected[s] for s in CELL_SEMANTICS))
        # no blank or not-applicable cell reaches a figure as a printed value; every printed figure has its cell
        rows = conn.execute(
            "SELECT semantic, value, fact_value, fact_is_inferred FROM analytics.table_cells WHERE report_id = %s",
            (report_id,)).fetchall()
        for semantic, value, fact_value, inferred in rows:
            if semantic in ("blank", "not_applicable", "text"):
                assert value is None
                assert fact_value is None or inferred
            else:
                assert fact_value == value
        unlinked = conn.execute(
            "SELECT count(*) FROM warehouse.requests r WHERE r.report_id = %s AND r.source = 'table' AND NOT "
            "r.is_inferred AND NOT EXISTS (SELECT FROM analytics.table_cells c WHERE c.fact_id = r.id AND "
            "c.table_name = 'requests')", (report_id,)).fetchone()[0]
        assert unlinked == 0
    finally:
        conn.rollback()
        conn.close()
