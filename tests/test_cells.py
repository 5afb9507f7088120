"""The cell model: value vocabulary (docs/domain.md#cell-values) and every flattened shape
(docs/domain.md#flattened-tables)."""

from decimal import Decimal

import pytest

from etl.parse.cells import is_footer, parse_value, read_line, read_table


@pytest.mark.parametrize(("text", "kind", "number", "unit"), [
    ("0", "number", Decimal(0), None),
    ("27", "number", Decimal(27), None),
    ("11,398,889", "number", Decimal(11398889), None),
    ("0.35", "number", Decimal("0.35"), None),
    ("-417", "number", Decimal(-417), None),
    ("－8", "number", Decimal(-8), None),
    ("+5", "number", Decimal(5), None),
    ("251000元", "number", Decimal(251000), "元"),
    ("3万元", "number", Decimal(3), "万元"),
    ("5件", "number", Decimal(5), "件"),
    ("无", "number", Decimal(0), None),
    ("", "blank", None, None),
    ("  ", "blank", None, None),
    ("/", "dash", None, None),
    ("-", "dash", None, None),
    ("—", "dash", None, None),
    ("——", "dash", None, None),
    ("－", "dash", None, None),
    ("—/—", "dash", None, None),
    ("表扬一次", "text", None, None),
    ("无,等通知", "text", None, None),
    ("是", "text", None, None),
])
def test_value_vocabulary(text, kind, number, unit):
    v = parse_value(text)
    assert v.kind == kind
    assert v.number == number
    assert v.unit == unit


def test_approximate_markers_and_word_zero():
    assert parse_value("40余").approximate and parse_value("40余").number == 40
    assert not parse_value("40").approximate
    assert parse_value("无").word_zero


@pytest.mark.parametrize("text", ["-4-", "－ 12 －", "第 3 页", "第3页 共6页", "2/6"])
def test_page_footers(text):
    assert is_footer(text)
    assert read_line(text, 0) is None


def test_p1_row_keeps_blank_positions_and_padding_as_empty_cells():
    line = read_line("行政许可 | 27 | ||", 100)
    assert line.shape == "P1"
    assert [c.text for c in line.cells] == ["行政许可", "27", "", ""]
    assert line.cells[1].start == 100 + len("行政许可 | ")
    assert line.positional


def test_p1_row_spans_point_at_the_cell_text():
    text = "x\n规章 | 0 |  | 12 |\n"
    lines = read_table(text)
    cells = lines[1].cells
    assert [text[c.start:c.end] for c in cells] == ["规章", "0", "", "12"]
    assert cells[2].value.kind == "blank"


def test_p2_cells_blank_and_padding():
    assert read_line("4 |", 0).shape == "P2"
    assert read_line("4 |", 0).cells[0].text == "4"
    blank = read_line("|", 7)
    assert blank.shape == "P2" and blank.cells[0].value.kind == "blank" and blank.cells[0].start == 7
    assert read_line("||", 0) is None
    assert read_line("||||||||", 0) is None


def test_l_line_is_one_cell():
    line = read_line("第二十条 第（一）项", 0)
    assert line.shape == "L" and line.cells[0].text == "第二十条 第（一）项" and not line.positional
    assert read_line("447228", 0).cells[0].value.number == 447228


def test_f_line_splits_label_and_values():
    line = read_line("（三）不予公开 1.属于国家秘密 0 1 0 0 0 — 1", 10)
    assert line.shape == "F"
    assert line.cells[0].text == "（三）不予公开 1.属于国家秘密"
    assert [c.text for c in line.cells[1:]] == ["0", "1", "0", "0", "0", "—", "1"]
    assert line.cells[-1].start == 10 + len("（三）不予公开 1.属于国家秘密 0 1 0 0 0 — ")
    values_only = read_line("1 0 0 0 1 0 0 0 0 0 0 0 0 0 0", 0)
    assert values_only.shape == "F" and len(values_only.cells) == 15
    assert read_line("结 结 其 尚", 0).shape == "L"  # vertical header text stays text
    assert read_line("2024 年", 0).shape == "L"


def test_tab_row():
    line = read_line("规章\t1\t\t3", 0)
    assert line.shape == "T" and [c.text for c in line.cells] == ["规章", "1", "", "3"]


def test_form_feed_and_carriage_return_are_whitespace():
    assert read_line("\f-3-", 0) is None
    assert read_line("12\r", 0).cells[0].value.number == 12
