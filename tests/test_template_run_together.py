"""Cells whose separators were lost: row labels and digits run together (invented fixtures).

Values are recovered from the template's row/column structure and the identities, stored only
when exactly one cut of the digits satisfies them (marked inferred); otherwise the row is left
out with an issue naming the row and the candidates.
"""

from __future__ import annotations

from etl.parse.template import parse_template
from etl.parse.template_labels import T3_GROUP_LABELS, T3_ROW_LABELS, T3_ROW_ORDER
from tests.fixtures.template.render import V2019, V2021, expected, render
from tests.test_template import full_tables


def _glued_t3(version: str, one_line: bool) -> tuple[str, dict]:
    tables = full_tables(version)
    rows = []
    for key in T3_ROW_ORDER[version]:
        group = "" if version == V2019 and key == "other.overdue_correction" else T3_GROUP_LABELS.get(key, "")
        rows.append(group + T3_ROW_LABELS[key] + "".join(tables.t3[key]))
    body = "".join(rows) if one_line else "\n".join(rows)
    text = f"三、收到和处理政府信息公开申请情况\n{body}\n四、政府信息公开行政复议、行政诉讼情况\n"
    return text, {k: v for k, v in expected(tables).items() if k[0] == "requests"}


def _requests(result) -> dict:
    return {(f.table, f.item, f.applicant): f.value for f in result.facts if f.table == "requests"}


def test_run_together_rows_split_by_the_identities():
    for version in (V2019, V2021):
        for one_line in (False, True):
            text, want = _glued_t3(version, one_line)
            result = parse_template(text, [])
            assert _requests(result) == want, (version, one_line)
            assert all(f.inferred for f in result.facts if f.table == "requests")
            assert [i for i in result.issues if i.severity != "info"] == []
            # provenance: each split value points at its own digit(s) inside the run
            for fact in result.facts:
                assert text[fact.start:fact.end] == str(fact.value)


def test_run_together_row_with_several_cuts_is_left_out_with_the_candidates():
    # 1|2|3|10|2|0|18 and 12|3|1|0|2|0|18 both satisfy the row sum; nothing else decides
    text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量123102018\n"
    result = parse_template(text, [])
    assert _requests(result) == {}
    issue = next(i for i in result.issues if i.code == "table3_positions_lost")
    assert "本年新收政府信息公开申请数量" in issue.message
    assert "1 2 3 10 2 0 18" in issue.message and "12 3 1 0 2 0 18" in issue.message
    assert "table3_unread" in [i.code for i in result.issues if i.severity == "error"]


def test_a_prose_figure_after_a_label_phrase_is_not_a_table_row():
    text = "三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请数量5件，均已办结。\n"
    assert _requests(parse_template(text, [])) == {}


def test_table2_row_run_together_is_cut_when_only_one_cut_fits():
    text = ("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n"
            "规章000\n行政规范性文件1000\n第二十条第（五）项\n信息内容\n本年处理决定数量\n行政许可27\n")
    result = parse_template(text, [])
    got = {f.item: (f.value, f.inferred) for f in result.facts}
    assert got["art20_1.regulations.issued"] == (0, True)
    assert got["art20_1.normative_docs.issued"] == (10, True)  # 1|0|00 and 1|00|0 have leading zeros
    assert got["art20_1.normative_docs.in_force"] == (0, True)
    assert got["art20_5.licensing.decisions"] == (27, False)  # one column: nothing was cut


def test_table2_row_run_together_with_several_cuts_is_an_issue():
    text = ("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n"
            "规章1234\n")
    result = parse_template(text, [])
    assert not [f for f in result.facts if f.item.startswith("art20_1.regulations")]
    issue = next(i for i in result.issues if i.code == "table2_digits_ambiguous")
    assert "12 3 4" in issue.message and "1 2 34" in issue.message


def test_whole_report_on_one_line_tables_read_by_segmenting_at_labels():
    """A crawled page with every tag and line break lost: prose, headings and the three tables on
    one line. Table 3 and Table 4 are recovered through the identities; Table 2 rows whose digits
    allow several cuts are left out with an issue (Table 2 has no identities)."""
    for version in (V2019, V2021):
        tables = full_tables(version)
        text = render(tables, "L").replace("\n", "")
        result = parse_template(text, [])
        want = expected(tables)
        got = {(f.table, f.item, f.applicant if f.table == "requests" else None): f.value for f in result.facts}
        for key, value in want.items():
            if key[0] != "disclosure_counts":
                assert got.get(key) == value, key
        assert {k: v for k, v in got.items() if got[k] != want.get(k)} == {}  # nothing wrong, only missing
        assert "table2_digits_ambiguous" in {i.code for i in result.issues}
        for fact in result.facts:
            assert text[fact.start:fact.end] == str(fact.value)


def test_table2_row_with_spaced_values_on_a_one_line_page():
    """A page that lost its line breaks but kept a space between Table 2 values (``规章 0 0 0``): the
    piece is a label and value cells, read without cutting digits (nothing inferred)."""
    text = ("二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年新 制作数量 本年新 公开数量 对外公开 总数量 "
            "规章 0 0 0 规范性文件 4 3 12 第二十条第（五）项 信息内容 上一年 项目数量 本年增/减 处理决定数量 "
            "行政许可 15 11 0 三、收到和处理政府信息公开申请情况 申请人情况 一、本年新收政府信息公开申请数量 0000000"
            "（七）总计0000000 四、结转下年度继续办理0000000 五、存在的主要问题")
    result = parse_template(text, [])
    got = {f.item: (f.value, f.inferred) for f in result.facts if f.table == "disclosure_counts"}
    assert got["art20_1.normative_docs.made"] == (4, False)
    assert got["art20_1.normative_docs.public_total"] == (12, False)
    assert got["art20_5.licensing.prev_items"] == (15, False)
    assert got["art20_5.licensing.change"] == (11, False)
    assert got["art20_1.regulations.published"] == (0, False)
    for fact in result.facts:
        assert text[fact.start:fact.end] == str(fact.value)


def test_table2_row_under_a_missing_caption_goes_to_the_item_that_has_it():
    # the （六）项 caption was not printed: 行政处罚 follows the （五）项 block, whose columns it shares
    text = ("二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n"
            "行政许可 15 11 0\n行政处罚 30 2 7\n")
    got = {f.item: f.value for f in parse_template(text, []).facts}
    assert got["art20_6.penalty.prev_items"] == 30 and got["art20_6.penalty.decisions"] == 7
    assert "art20.other" not in got
