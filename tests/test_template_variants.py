"""Variants seen in the wild (invented fixtures): label typos, hybrid template versions."""

from __future__ import annotations

import pytest

from etl.parse.template import parse_template
from etl.parse.template_labels import closest_label, match_t3_row
from tests.fixtures.template.render import (
    V2019,
    V2021,
    Tables,
    consistent_t3,
    expected,
    produced,
    render,
    t4_from_parts,
)
from tests.test_template import full_tables


@pytest.mark.parametrize("shape", ["P1", "P2", "L"])
def test_label_typos_match_by_edit_distance(shape):
    tables = full_tables(V2021)
    text = render(tables, shape)
    for right, typo in (("本年废止件数", "本年废纸件数"), ("其他法律行政法规禁止公开", "其他法律行政止公开"),
                        ("属于四类过程性信息", "属于四类过称性信息")):
        assert right in text
        text = text.replace(right, typo)
    result = parse_template(text, [])
    assert produced(result.facts) == expected(tables)
    assert result.format == V2021


def test_typo_tolerance_is_bounded_and_never_ambiguous():
    assert match_t3_row("予以公开") == "granted"
    assert match_t3_row("不予公开") is None  # two edits from 予以公开: a different label, not a typo
    assert match_t3_row("（三）不予公开") == "group"
    assert match_t3_row("本机关认真落实条例要求") is None
    assert closest_label("abcd", ("abce", "abcf")) is None  # equally close to two labels


@pytest.mark.parametrize("shape", ["P1", "H", "P2", "L", "F"])
def test_hybrid_2021_table2_beside_2019_table3(shape):
    t21, t19 = full_tables(V2021), full_tables(V2019)
    tables = Tables(V2019, {}, t19.t3, t19.t4)
    result = parse_template(render(tables, shape, table2=t21), [])
    assert produced(result.facts) == expected(tables) | expected(Tables(V2021, t21.t2))
    assert ("requests", "other", "total") in produced(result.facts)  # the single 2019 （六）其他处理 row
    assert "template_version_conflict" in {i.code for i in result.issues}
    failed = [c for c in result.checks if c.status == "fail"]
    assert [c.check for c in failed] == ["template_signals"]  # Table 3 identities use Table 3's rows
    assert any(c.check == "t3_results_sum" and c.status == "pass" for c in result.checks)


def test_second_copy_of_tables_3_and_4_is_read_and_the_used_one_named():
    tables = full_tables(V2021)
    text = render(tables, "P1")
    other = Tables(V2021, {}, consistent_t3(V2021, {"granted": [9, 0, 0, 0, 0, 0]}, [0] * 6, [0] * 6),
                   t4_from_parts([[0, 0, 0, 0]] * 3))
    second = render(other, "P1")
    text = text.replace("五、存在", second[second.index("三、收到"):second.index("五、存在")] + "五、存在", 1)
    result = parse_template(text, [])
    assert produced(result.facts) == expected(tables)  # the first copy, not a mix of both
    copies = {i.code: i.message for i in result.issues if i.code.endswith("_copies")}
    assert set(copies) == {"table3_copies", "table4_copies"}
    assert "2 copies of Table 3" in copies["table3_copies"] and "used: the copy at offset" in copies["table3_copies"]


def test_an_unreadable_first_copy_gives_way_to_a_readable_second():
    tables = full_tables(V2021)
    broken = Tables(V2021, {}, {k: ["1", None, None, None, None, None, "1"] for k in tables.t3}, None)
    text = render(broken, "L")
    second = render(Tables(V2021, {}, tables.t3, tables.t4), "P1")
    text = text.replace("五、存在", second[second.index("三、收到"):second.index("五、存在")] + "五、存在", 1)
    result = parse_template(text, [])
    got = produced(result.facts)
    assert {k: v for k, v in got.items() if k[0] == "requests"} == \
        {k: v for k, v in expected(tables).items() if k[0] == "requests"}
    assert "table3_unread" not in {i.code for i in result.issues}


def test_table2_with_no_readable_row_is_an_error():
    text = ("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n"
            "规章1234\n行政规范性文件5678\n")
    result = parse_template(text, [])
    assert [i.code for i in result.issues if i.severity == "error"] == ["table2_unread"]


def test_table3_with_most_rows_left_out_is_an_error():
    tables = full_tables(V2021)
    for i, key in enumerate(tables.t3):
        if i > 1:  # two rows stay readable; every other row shows two values that fit several columns
            tables.t3[key] = ["1", None, None, None, None, None, "1"]
    result = parse_template(render(Tables(V2021, {}, tables.t3, None), "L"), [])
    assert any(f.table == "requests" for f in result.facts)
    errors = [i for i in result.issues if i.severity == "error"]
    assert [i.code for i in errors] == ["table3_unread"] and "could not be read" in errors[0].message
