"""The number reader: Arabic and Chinese numerals, scale words, approximation markers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.parse.numbers import NUMBER_RE, format_chinese, read_number, read_quantity


@pytest.mark.parametrize(
    ("text", "value"),
    [("27", 27), ("1,365", 1365), ("15.8", Decimal("15.8")), ("十", 10), ("十二", 12), ("二十", 20),
     ("一百零五", 105), ("两千", 2000), ("两", 2), ("二〇一五", 2015), ("零", 0)],
)
def test_read_number(text: str, value: int | Decimal) -> None:
    assert read_number(text) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "value", "approximate"),
    [("1365余", 1365, True), ("近94", 94, True), ("约703.73万", 7037300, True), ("5万多", 50000, True),
     ("3万", 30000, False), ("15.8万", 158000, True), ("二十余", 20, True), ("超过300", 300, True),
     ("逾50", 50, True), ("200以上", 200, True), ("80左右", 80, True), ("42", 42, False)],
)
def test_read_quantity(text: str, value: int, approximate: bool) -> None:
    quantity = read_quantity(text)
    assert quantity is not None
    assert (quantity.value, quantity.approximate) == (Decimal(value), approximate)


@pytest.mark.parametrize("text", ["占86.9%", "达100%", "第一次", "第3条"])
def test_percentages_and_ordinals_are_not_quantities(text: str) -> None:
    assert [m.group(0) for m in NUMBER_RE.finditer(text)] == []


def test_names_with_numerals_are_not_read_as_counts_without_a_unit() -> None:
    from etl.parse.prose import parse_prose

    text = "一、主动公开情况\n坚持“三公开一监督”原则，落实“五公开”要求，全年主动公开政府信息120条。\n"
    from etl.parse.sections import find_sections

    facts = parse_prose(text, find_sections(text)).facts
    assert [(f.item, f.value) for f in facts] == [("proactive.total", 120)]


@given(st.text(max_size=40))
def test_reader_never_raises(text: str) -> None:
    read_number(text)
    read_quantity(text)
    for match in NUMBER_RE.finditer(text):
        read_quantity(match.group(0))


@given(st.integers(min_value=0, max_value=10**9))
def test_formatted_integers_round_trip(value: int) -> None:
    assert read_number(str(value)) == value
    assert read_number(f"{value:,}") == value
    assert read_number(format_chinese(value)) == value
    quantity = read_quantity(f"{value}余")
    assert quantity is not None and quantity.value == value and quantity.approximate


def test_vague_magnitudes_are_not_numbers() -> None:
    assert [m.group(0) for m in NUMBER_RE.finditer("上万条信息，百姓满意")] == []
