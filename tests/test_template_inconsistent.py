"""Printed inconsistencies: cells kept when their positions are certain, the failed identity
recorded as a check (docs/domain.md#printed-inconsistencies).
Refused only when the positions themselves are ambiguous. Invented fixtures."""

from __future__ import annotations

from decimal import Decimal

from etl.parse.template import parse_template
from etl.parse.template_labels import T3_GROUP_LABELS, T3_ROW_LABELS, T3_ROW_ORDER, V2021

T4_HEADER = ("四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n结果维持\n结果纠正\n其他结果\n"
             "尚未审结\n总计\n未经复议直接起诉\n复议后起诉\n")


def _glued_t3(rows: dict[str, str]) -> str:
    """A 2021 Table 3 whose rows ran together (crawler text), every row '0000000' unless given."""
    parts = []
    for key in T3_ROW_ORDER[V2021]:
        parts.append(T3_GROUP_LABELS.get(key, "") + T3_ROW_LABELS[key] + rows.get(key, "0000000"))
    return "三、收到和处理政府信息公开申请情况\n" + "".join(parts) + "\n五、存在的主要问题\n"


def _requests(result) -> dict[tuple[str, str], tuple[Decimal, bool]]:
    return {(f.item, f.applicant): (f.value, f.inferred) for f in result.facts if f.table == "requests"}


def _failed(result) -> set[tuple[str, str]]:
    return {(c.check, c.subject) for c in result.checks if c.status == "fail"}


def test_a_row_with_one_possible_cut_is_kept_although_the_table_fails_an_identity():
    # 予以公开 prints 2 for 自然人, but （七）总计 prints only zeros: the outcome rows do not add up
    # to the total. '0000000' can only be seven zeros and '2000002' has one cut only, so both are kept.
    text = _glued_t3({"granted": "2000002"})
    result = parse_template(text, [])
    got = _requests(result)
    assert got[("total_processed", "natural_person")] == (0, True)
    assert got[("total_processed", "total")] == (0, True)
    assert got[("granted", "natural_person")] == (2, True)
    kept = [i for i in result.issues if i.code == "table3_kept_inconsistent"]
    assert kept and all(i.severity == "warning" for i in kept)
    # the broken identity joins 予以公开 and （七）总计: whichever of the two is placed last is the one
    # no layout fits, and it is kept as printed with the warning
    assert any("（七）总计" in i.message or "（一）予以公开" in i.message for i in kept)
    assert any(check.startswith("t3_") and subject == "natural_person" for check, subject in _failed(result))
    assert "table3_unread" not in {i.code for i in result.issues}


def test_the_row_identity_decides_among_cuts_when_the_table_is_inconsistent():
    # '120 0 0 0 012': 12|0 … 0|12 is the only cut whose columns add up to its 总计 (1|20 … 0|12 and
    # 120 … 0|1|2 do not); the other rows print zeros, so the column identities fail whatever the cut
    text = _glued_t3({"total_processed": "120 0 0 0 012"})
    result = parse_template(text, [])
    got = _requests(result)
    assert got[("total_processed", "natural_person")] == (12, True)
    assert got[("total_processed", "other_org")] == (0, True)
    assert got[("total_processed", "total")] == (12, True)
    assert got[("total_processed", "commercial_enterprise")] == (0, True)  # cut out of '120'
    assert got[("total_processed", "research_institution")] == (0, False)  # printed as its own token
    assert "table3_kept_inconsistent" in {i.code for i in result.issues}


def test_cuts_that_stay_ambiguous_are_still_refused():
    # seven digits for seven columns: one cut only, kept although even its own row sum fails
    result = parse_template(_glued_t3({"total_processed": "1100000"}), [])
    assert _requests(result)[("total_processed", "total")] == (0, True)
    # six spaced values for seven columns: the blank could be in any place, nothing is certain
    result = parse_template(_glued_t3({"total_processed": "1 1 0 0 0 0"}), [])
    assert not any(k[0] == "total_processed" for k in _requests(result))
    assert "table3_positions_lost" in {i.code for i in result.issues}


def test_a_space_between_glued_runs_marks_the_empty_cell():
    # the 商业企业 cell was empty (an &nbsp; cell): '0 00000' holds six digits for seven columns,
    # and the space is where the blank was
    text = _glued_t3({"new_received": "0 00000"})
    result = parse_template(text, [])
    got = _requests(result)
    assert got[("new_received", "natural_person")] == (0, False)
    assert got[("new_received", "research_institution")] == (0, True)
    assert got[("new_received", "total")] == (0, True)
    # the blank is known to be 0 only because the row's 总计 is 0 (an inferred zero)
    assert got[("new_received", "commercial_enterprise")] == (0, True)
    fact = next(f for f in result.facts if f.item == "new_received" and f.applicant == "commercial_enterprise")
    assert fact.start == fact.end == text.index("0 00000") + 2  # points at the gap, not at a digit


def test_table4_digits_with_one_possible_cut_are_kept_when_a_group_total_fails():
    # 维持 1 but 总计 0 in the review group: fifteen digits for fifteen positions
    text = T4_HEADER + "100000000000000\n五、存在的主要问题及改进情况\n"
    result = parse_template(text, [])
    got = {f.item: (f.value, f.inferred) for f in result.facts if f.table == "appeals"}
    assert got["review.upheld"] == (1, True) and got["review.total"] == (0, True)
    assert len(got) == 15
    assert ("t4_group_sum", "review") in _failed(result)
    assert "table4_kept_inconsistent" in {i.code for i in result.issues}
    assert "table4_unread" not in {i.code for i in result.issues}


def test_table4_ambiguous_positions_are_refused():
    text = T4_HEADER + "1 0 0 0 0 0 0 0 0 0 0 0 0 0\n五、存在的主要问题及改进情况\n"  # 14 values, 15 places
    result = parse_template(text, [])
    assert not [f for f in result.facts if f.table == "appeals"]
    assert "table4_unread" in {i.code for i in result.issues}


def test_a_note_inside_table4_does_not_end_it():
    # a note sentence printed between the header and the values (PDF-to-Markdown text)
    values = "| 4 | 0 | 1 | 2 | 7 | 1 | 0 | 0 | 2 | 3 | 0 | 0 | 0 | 0 | 0 |"
    text = T4_HEADER + "注：行政复议、行政诉讼数量含上年度结转数量。\n" + values + "\n五、存在的主要问题\n"
    result = parse_template(text, [])
    got = {f.item: f.value for f in result.facts if f.table == "appeals"}
    assert got["review.total"] == 7 and got["litigation_direct.total"] == 3 and len(got) == 15
    assert not [f for f in result.facts if f.table == "appeals" and f.inferred]
