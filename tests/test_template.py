"""Tables 2, 3 and 4 of both template versions, in every flattened shape (fixtures are invented)."""

from decimal import Decimal

import pytest

from etl.parse.template import parse_template
from etl.parse.template_labels import T3_ROW_ORDER
from etl.vocabulary import APPLICANTS, DISCLOSURE_ITEMS, OUTCOMES, PROCEEDINGS, REQUEST_ITEMS
from tests.fixtures.template.render import (
    POSITIONAL,
    SHAPES,
    V2019,
    V2021,
    Tables,
    consistent_t3,
    expected,
    produced,
    render,
    t2_keys,
    t4_from_parts,
    zeros_t3,
)


def full_tables(version: str) -> Tables:
    """A complete, consistent set of tables with varied invented numbers."""
    t2 = {k: str(i * 7 % 23) for i, k in enumerate(t2_keys(version))}
    if version == V2019:
        t2["art20_5.licensing.change"] = "-417"
        t2["art20_9.central_procurement.amount"] = "251000元"
    else:
        t2["art20_8.admin_fees.amount_wan_yuan"] = "0.35"
    outcomes = {"granted": [5, 1, 0, 0, 2, 0], "partially_granted": [1, 0, 0, 0, 0, 0],
                "denied.process_information": [1, 0, 0, 0, 0, 0], "unable.not_held": [3, 1, 0, 0, 0, 1],
                "not_processed.repeat": [2, 0, 0, 0, 0, 0]}
    outcomes["other" if version == V2019 else "other.other"] = [1, 0, 1, 0, 0, 0]
    t3 = consistent_t3(version, outcomes, carried=[2, 0, 0, 0, 0, 1], forward=[1, 1, 0, 0, 0, 0])
    t4 = t4_from_parts([[3, 1, 0, 2], [1, 0, 0, 1], [0, 2, 0, 0]])
    return Tables(version, t2, t3, t4)


def facts_by_key(result):
    return {(f.table, f.item, f.applicant if f.table == "requests" else None): f for f in result.facts}


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("version", [V2019, V2021])
def test_complete_tables_parse_back_in_every_shape(version, shape):
    tables = full_tables(version)
    text = render(tables, shape)
    result = parse_template(text, [])
    assert result.format == version
    assert produced(result.facts) == expected(tables)
    assert not any(f.inferred for f in result.facts)
    assert [c for c in result.checks if c.status == "fail"] == []
    assert any(c.check == "t3_balance" and c.status == "pass" for c in result.checks)
    assert any(c.check == "template_signals" and c.status == "pass" for c in result.checks)
    assert [i for i in result.issues if i.severity != "info"] == []
    n_t3 = 23 if version == V2019 else 25
    assert sum(f.table == "requests" for f in result.facts) == n_t3 * 7
    assert sum(f.table == "appeals" for f in result.facts) == 15
    assert sum(f.table == "disclosure_counts" for f in result.facts) == (22 if version == V2019 else 10)


@pytest.mark.parametrize("shape", SHAPES)
def test_provenance_spans_point_at_printed_cells(shape):
    tables = full_tables(V2021)
    text = render(tables, shape)
    result = parse_template(text, [])
    for fact in result.facts:
        printed = text[fact.start:fact.end]
        assert Decimal(printed.replace("元", "")) == fact.value, fact
        if fact.label_start is not None:
            assert text[fact.label_start:fact.label_end] == fact.label
        assert fact.source == "table"
        assert printed in fact.evidence
    granted = facts_by_key(result)[("requests", "granted", "natural_person")]
    assert "予以公开" in granted.label


def test_units_signs_and_decimals_in_table2():
    for version, key, value, unit in [
        (V2019, "art20_5.licensing.change", Decimal(-417), None),
        (V2019, "art20_9.central_procurement.amount", Decimal(251000), "元"),
        (V2021, "art20_8.admin_fees.amount_wan_yuan", Decimal("0.35"), "万元"),
    ]:
        result = parse_template(render(full_tables(version), "P1"), [])
        fact = facts_by_key(result)[("disclosure_counts", key, None)]
        assert (fact.value, fact.unit) == (value, unit)


def test_2019_and_2021_table2_keys_never_mix():
    r19 = parse_template(render(full_tables(V2019), "P1"), [])
    r21 = parse_template(render(full_tables(V2021), "P1"), [])
    keys19 = {f.item for f in r19.facts if f.table == "disclosure_counts"}
    keys21 = {f.item for f in r21.facts if f.table == "disclosure_counts"}
    assert "art20_1.regulations.made" in keys19 and "art20_1.regulations.issued" in keys21
    assert not keys19 & {"art20_1.regulations.issued", "art20_1.normative_docs.in_force"}
    assert not keys21 & {"art20_1.regulations.made", "art20_1.normative_docs.public_total"}


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("version", [V2019, V2021])
def test_facts_use_only_vocabulary_keys(version, shape):
    result = parse_template(render(full_tables(version), shape), [])
    for f in result.facts:
        if f.table == "requests":
            assert f.item in REQUEST_ITEMS and f.applicant in APPLICANTS
        elif f.table == "appeals":
            assert f.proceeding in PROCEEDINGS and f.outcome in OUTCOMES
            assert f.item == f"{f.proceeding}.{f.outcome}"
        else:
            assert f.table == "disclosure_counts" and f.item in DISCLOSURE_ITEMS


@pytest.mark.parametrize("shape", ["P1", "H", "P2", "T"])
def test_only_the_total_column_is_filled(shape):
    t3 = {k: [None] * 6 + [v] for k, v in zip(T3_ROW_ORDER[V2021], ["3", "1", "2", "0", *["0"] * 21], strict=False)}
    t3["granted"][6], t3["total_processed"][6], t3["carried_forward"][6] = "2", "2", "2"
    tables = Tables(V2021, {}, t3, None)
    result = parse_template(render(tables, shape), [])
    printed = {k: v for k, v in produced(result.facts).items()}
    assert printed == expected(tables)
    assert all(k[2] == "total" for k in printed)
    inferred = [f for f in result.facts if f.inferred]
    # a row whose total is 0 forces its six blank columns to 0; other blanks stay blank
    assert {(f.item, f.applicant) for f in inferred} == {
        (k, a) for k in T3_ROW_ORDER[V2021] if t3[k][6] == "0" for a in APPLICANTS[:-1]}
    assert all(f.value == 0 for f in inferred)
    assert ("requests", "new_received", "natural_person") not in produced(result.facts)
    balance = {c.subject: c for c in result.checks if c.check == "t3_balance"}
    assert balance["total"].status == "pass"
    assert balance["natural_person"].status == "not_assessable"


@pytest.mark.parametrize("shape", SHAPES)
def test_failing_identities_are_stored_as_printed_and_flagged(shape):
    tables = full_tables(V2021)
    tables.t3["carried_forward"] = ["9", "1", "0", "0", "0", "0", "10"]  # balance broken in two columns
    tables.t3["granted"][6] = str(int(tables.t3["granted"][6]) + 1)  # row sum broken
    tables.t4 = ["3", "1", "0", "2", "7", "1", "0", "0", "1", "2", "0", "2", "0", "0", "2"]
    result = parse_template(render(tables, shape), [])
    got = produced(result.facts)
    assert got == expected(tables)
    fails = {(c.check, c.subject): c for c in result.checks if c.status == "fail"}
    assert fails[("t3_balance", "natural_person")].severity == "error"
    assert fails[("t3_balance", "natural_person")].left != fails[("t3_balance", "natural_person")].right
    assert ("t3_row_sum", "granted") in fails
    assert ("t3_results_sum", "total") in fails
    assert ("t4_group_sum", "review") in fails
    assert ("t4_group_sum", "litigation_direct") not in fails


def test_2022_report_on_the_2019_tables():
    tables = full_tables(V2019)
    tables.heading_before = "2022年，本镇认真贯彻条例。\n"
    text = render(tables, "P1").replace("2023年", "2022年")
    result = parse_template(text, [])
    assert result.format == V2019
    assert ("requests", "other", "total") in produced(result.facts)


@pytest.mark.parametrize("shape", SHAPES)
def test_none_dash_blank_and_padding_cells(shape):
    tables = Tables(V2021, {}, zeros_t3(V2021), t4_from_parts([[0, 0, 0, 0]] * 3))
    tables.t3["granted"] = ["无", "0", "0", "0", "0", "0", "无"]
    tables.t3["carried_over"] = ["/", "/", "/", "/", "/", "/", "/"]
    tables.t3["denied.state_secret"] = ["—", "——", "－", "—/—", "-", "0", "0"]
    tables.t4[0] = "无"
    result = parse_template(render(tables, shape), [])
    got = facts_by_key(result)
    assert got[("requests", "granted", "natural_person")].value == 0
    assert not got[("requests", "granted", "natural_person")].inferred
    if shape in POSITIONAL:
        # dashes stay without a printed fact; the identities force them to 0 (inferred)
        assert got[("requests", "carried_over", "total")].inferred
        assert got[("requests", "denied.state_secret", "natural_person")].inferred
    assert got[("appeals", "review.upheld", None)].value == 0
    assert [c for c in result.checks if c.status == "fail"] == []


def test_blank_cells_stay_blank_unless_forced():
    t3 = {"new_received": ["2", None, None, None, None, None, "3"],  # 2 ≠ 3: the blanks stay unknown
          "granted": ["2", None, None, None, None, None, "2"]}  # 2 = 2: the blanks are forced to 0
    result = parse_template(render(Tables(V2021, {}, t3, None), "P2"), [])
    got = facts_by_key(result)
    assert ("requests", "new_received", "commercial_enterprise") not in got
    assert got[("requests", "granted", "commercial_enterprise")].inferred
    assert got[("requests", "granted", "commercial_enterprise")].value == 0
    assert not got[("requests", "granted", "natural_person")].inferred


def test_blanks_forced_through_the_column_balance():
    t3 = zeros_t3(V2021)
    t3["carried_over"] = [None, None, None, None, None, None, "0"]
    t3["new_received"] = ["1", None, "0", "0", "0", "0", "1"]
    t3["granted"] = ["1", "0", "0", "0", "0", "0", "1"]
    t3["total_processed"] = ["1", "0", "0", "0", "0", "0", "1"]
    result = parse_template(render(Tables(V2021, {}, t3, None), "P1"), [])
    got = facts_by_key(result)
    assert got[("requests", "new_received", "commercial_enterprise")].inferred
    assert all(got[("requests", "carried_over", a)].inferred for a in APPLICANTS[:-1])


def _lines_shape_L(tables: Tables) -> str:
    return render(tables, "L")


def test_one_cell_per_line_lost_position_resolved_when_unique():
    t3 = zeros_t3(V2021)
    t3["new_received"] = ["1", "0", "0", "0", "0", "0", "1"]
    t3["total_processed"] = ["1", "0", "0", "0", "0", "0", "1"]
    t3["granted"] = ["1", None, None, None, None, None, "1"]  # five blanks vanish in L
    result = parse_template(_lines_shape_L(Tables(V2021, {}, t3, None)), [])
    got = facts_by_key(result)
    assert got[("requests", "granted", "natural_person")].value == 1
    assert got[("requests", "granted", "total")].value == 1
    assert got[("requests", "granted", "commercial_enterprise")].inferred
    assert "table3_alignment_inferred" in {i.code for i in result.issues}


def test_one_cell_per_line_lost_position_is_an_issue_when_not_unique():
    t3 = zeros_t3(V2021)
    t3["new_received"] = ["1", "1", "0", "0", "0", "0", "2"]
    t3["total_processed"] = ["1", "1", "0", "0", "0", "0", "2"]
    t3["granted"] = ["1", None, None, None, None, None, "1"]
    t3["partially_granted"] = [None, "1", None, None, None, None, "1"]  # 1,1 twice: which column is which?
    t3["new_received"], t3["total_processed"] = ["1", "1", "0", "0", "0", "0", "2"], ["1", "1", "0", "0", "0", "0", "2"]
    result = parse_template(_lines_shape_L(Tables(V2021, {}, t3, None)), [])
    got = facts_by_key(result)
    assert not any(k[1] in ("granted", "partially_granted") for k in got)
    lost = [i for i in result.issues if i.code == "table3_positions_lost"]
    assert len(lost) == 2 and all(i.severity == "warning" for i in lost)
    missing = next(i for i in result.issues if i.code == "table3_rows_missing")
    assert "granted" in missing.message and "partially_granted" in missing.message


def test_run_together_digits_are_split_only_when_unique():
    tables = Tables(V2021, {}, {}, t4_from_parts([[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]))
    text = render(tables, "F")
    data_line = "1 0 0 0 1 0 0 0 0 0 0 0 0 0 0"
    assert data_line in text
    merged = text.replace(data_line, "1 0 0 0 1 0 0 0 0 0 0 0 0 00")
    result = parse_template(merged, [])
    # the two cells cut out of "00" are stored, marked inferred (not printed cell by cell)
    split = {"litigation_after_review.pending", "litigation_after_review.total"}
    assert {f.item for f in result.facts if f.inferred} == split
    assert produced(result.facts) == {k: v for k, v in expected(tables).items() if k[1] not in split}
    assert all(f.value == 0 for f in result.facts if f.item in split)
    ambiguous = text.replace(data_line, "1 0 0 0 1 0 0 0 0 0 0 0 0 0")  # one value vanished: which?
    result = parse_template(ambiguous, [])
    assert [f for f in result.facts if f.table == "appeals"] == []
    assert "table4_positions_lost" in {i.code for i in result.issues}


def test_table4_values_out_of_order_are_reordered_only_when_unique():
    # pdftotext reading order: group totals printed away from their groups (numbers invented)
    tables = Tables(V2021, {}, {}, t4_from_parts([[5, 4, 9, 2], [3, 1, 2, 1], [6, 2, 4, 1]]))
    in_order = ["5", "4", "9", "2", "20", "3", "1", "2", "1", "7", "6", "2", "4", "1", "13"]
    assert tables.t4 == in_order
    scrambled = ["行政复议", "行政诉讼", "未经复议直接起诉", "5", "4", "9", "2", "结果", "3", "1", "2", "1",
                 "总计", "20", "6", "2", "4", "1", "13", "总计", "7"]
    text = "四、政府信息公开行政复议、行政诉讼情况\n" + "\n".join(scrambled) + "\n五、存在的主要问题及改进情况\n"
    result = parse_template(text, [])
    assert produced(result.facts) == expected(tables)
    assert "table4_order_inferred" in {i.code for i in result.issues}


def test_table3_labels_printed_after_their_numbers():
    tables = full_tables(V2021)
    text = render(tables, "L")
    # move the labels of 予以公开 and 部分公开 below the next row's numbers (as pdftotext does)
    for label in ("（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"):
        text = text.replace(label + "\n", "", 1)
        text = text.replace("2.没有现成信息需要另行制作\n", f"{label}\n2.没有现成信息需要另行制作\n", 1)
    assert text.index("（一）予以公开") > text.index("1.本机关不掌握相关政府信息")
    result = parse_template(text, [])
    assert produced(result.facts) == expected(tables)
    assert "table3_labels_displaced" in {i.code for i in result.issues}


def test_version_signals_missing_and_conflicting():
    t3_only = Tables(V2021, {}, {k: v for k, v in zeros_t3(V2021).items() if k in ("new_received", "granted")}, None)
    result = parse_template(render(t3_only, "P1"), [])
    assert result.format is None
    assert "template_version_unknown" in {i.code for i in result.issues}
    assert ("requests", "new_received", "total") in produced(result.facts)

    mixed = full_tables(V2021)
    text19 = render(full_tables(V2019), "P1")
    text21 = render(mixed, "P1")
    table2_of_2019 = text19[text19.index("二、主动公开"):text19.index("三、收到")]
    text = text21[:text21.index("二、主动公开")] + table2_of_2019 + text21[text21.index("三、收到"):]
    result = parse_template(text, [])
    assert "template_version_conflict" in {i.code for i in result.issues}
    assert result.format == V2019
    signals = [c for c in result.checks if c.check == "template_signals"]
    assert signals[0].status == "fail"
    assert ("requests", "other.other", "total") in produced(result.facts)  # Table 3 read by its own labels


def test_unknown_extra_table2_row_is_kept_as_other():
    text = render(full_tables(V2019), "P1").replace(
        "规范性文件 |", "其他主动公开文件 | 4 | 4 | 9 |\n规范性文件 |", 1)
    result = parse_template(text, [])
    extra = [f for f in result.facts if f.item == "art20.other"]
    assert [f.value for f in extra] == [4, 4, 9]
    assert all("其他主动公开文件" in f.label for f in extra)


def test_table2_one_cell_per_line_with_a_lost_value_is_an_issue():
    text = "\n".join(["第二十条第（一）项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量",
                      "规章", "0", "规范性文件", "第二十条第（五）项"]) + "\n"
    result = parse_template(text, [])
    assert [f for f in result.facts if f.table == "disclosure_counts"] == []
    assert "table2_positions_lost" in {i.code for i in result.issues}
    assert result.format == V2019


def test_no_tables_no_format():
    result = parse_template("某局2015年政府信息公开工作年度报告\n一、概述\n本年度共受理申请3件。\n", [])
    assert result.format is None and result.facts == [] and result.checks == []


def test_prose_mention_of_an_anchor_does_not_start_table3():
    text = "一、总体情况\n（二）依申请公开情况。本年新收政府信息公开申请数量3件，均已按时答复，未发生行政复议。\n"
    result = parse_template(text, [])
    assert result.facts == [] and result.format is None


def test_extra_subtotal_column_is_tolerated():
    tables = full_tables(V2021)
    lines = []
    in_t3 = False
    for line in render(tables, "P1").splitlines():
        if line.startswith("三、"):
            in_t3 = True
        elif line.startswith("四、政府"):
            in_t3 = False
        cells = [c.strip() for c in line.rstrip(" |").split("|")]
        if in_t3 and "商业企业" in line:
            line = line + " 小计 |"
        elif in_t3 and len(cells) >= 8 and all(c.isdigit() for c in cells[-7:]):
            subtotal = sum(int(c) for c in cells[-6:-2])
            cells = [*cells[:-1], str(subtotal), cells[-1]]
            line = " | ".join(cells) + " |"
        lines.append(line)
    result = parse_template("\n".join(lines) + "\n", [])
    assert produced(result.facts) == expected(tables)
    assert "table3_subtotal_column" in {i.code for i in result.issues}


@pytest.mark.parametrize("shape", ["P1", "L", "F"])
def test_total_row_printed_without_its_ordinal_is_placed_by_template_order(shape):
    tables = full_tables(V2021)
    text = render(tables, shape).replace("（七）总计", "总计")
    result = parse_template(text, [])
    assert produced(result.facts) == expected(tables)


def test_pipe_row_with_a_trailing_empty_cell_uses_the_balanced_window():
    tables = full_tables(V2021)
    text = render(tables, "P1")
    # an extra empty cell at the end of one row: right-aligned, the values would shift by one
    row = next(line for line in text.splitlines() if line.startswith("二、上年结转"))
    text = text.replace(row, row + " |")
    result = parse_template(text, [])
    assert produced(result.facts) == expected(tables)


def test_table4_on_one_pdf_line_is_never_reordered():
    # a single PDF row keeps its order: failing totals are stored as printed and flagged
    values = "5 4 9 2 3 1 2 1 20 7 6 2 4 1 13"
    text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n" + values + "\n"
    result = parse_template(text, [])
    got = {f.item: f.value for f in result.facts}
    assert [got[f"review.{o}"] for o in ("upheld", "corrected", "other", "pending", "total")] == [5, 4, 9, 2, 3]
    assert "table4_order_inferred" not in {i.code for i in result.issues}
    assert any(c.check == "t4_group_sum" and c.status == "fail" for c in result.checks)


def test_html_row_with_a_spanning_label_and_a_blank_first_column_keeps_its_columns():
    # `| （七）总计 ||  | 0 | …`: the label's covered cell and a blank first value cell are both empty;
    # a blank is not a 0, so the shifted window must not "balance" and win over the right-aligned one
    t3 = zeros_t3(V2019)
    t3["total_processed"] = [None, "0", "0", "26", None, "26", None]
    tables = Tables(V2019, t3=t3)
    result = parse_template(render(tables, "H"), [])
    assert produced(result.facts) == expected(tables)
