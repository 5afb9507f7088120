"""One empty cell vanished in a shape that keeps no positions (L, F): the row's values are stored
only when exactly one layout satisfies the identities, an identity through the unknown cell proving
nothing; otherwise the row is left out with `table3_positions_lost` (docs/domain.md#printed-inconsistencies).
Invented numbers, rendered with tests/fixtures/template/render.py."""

from __future__ import annotations

from decimal import Decimal

import pytest

from etl.parse.template import parse_template
from etl.parse.template_labels import T3_GROUP_LABELS, T3_ROW_LABELS, T3_ROW_ORDER
from tests.fixtures.template.render import V2021, Tables, consistent_t3, expected, produced, render, t2_keys


def _tables(forward: list[int], blank_col: int) -> Tables:
    # no outcome rows and nothing carried over: 本年新收 equals 结转下年 column by column
    t3 = consistent_t3(V2021, {}, [0] * 6, forward)
    t3["carried_forward"][blank_col] = None
    return Tables(V2021, {k: "0" for k in t2_keys(V2021)}, t3)


def _row(result, key: str) -> dict[str, Decimal]:
    return {f.applicant: f.value for f in result.facts if f.table == "requests" and f.item == key}


@pytest.mark.parametrize("shape", ["L", "F"])
def test_vanished_nonzero_cell_keeps_the_printed_values_in_their_columns(shape):
    # 结转下年 prints '_ 0 0 0 0 7 9' (自然人 2 blanked). Read as 0, the blank failed the true layout
    # (0+0+0+0+0+7 ≠ 9, and 2 + 0 ≠ 0 + 0 in column 自然人); with the unknown proving nothing, the
    # blank in 自然人 is the only layout that keeps 新收 + 结转 = 办结 + 结转下年 in every column
    tables = _tables([2, 0, 0, 0, 0, 7], blank_col=0)
    assert tables.t3["carried_forward"] == [None, "0", "0", "0", "0", "7", "9"]
    result = parse_template(render(tables, shape), [])
    assert produced(result.facts) == expected(tables)
    row = _row(result, "carried_forward")
    assert "natural_person" not in row  # unknown, not 0
    assert row["legal_service_org"] == 0 and row["other_org"] == 7 and row["total"] == 9
    assert not any(f.inferred for f in result.facts if f.item == "carried_forward")
    assert "table3_positions_lost" not in {i.code for i in result.issues}


@pytest.mark.parametrize("shape", ["L", "F"])
def test_vanished_cell_with_a_two_digit_total_is_not_cut_into_cells(shape):
    # '_ 0 0 0 0 9 10': six tokens for seven columns; '10' must not become '1' '0' to fill the row
    tables = _tables([1, 0, 0, 0, 0, 9], blank_col=0)
    result = parse_template(render(tables, shape), [])
    row = _row(result, "carried_forward")
    assert row == {c: Decimal(v) for c, v in zip(
        ["commercial_enterprise", "research_institution", "public_interest_org", "legal_service_org",
         "other_org", "total"], ["0", "0", "0", "0", "9", "10"], strict=True)}
    assert produced(result.facts) == expected(tables)


@pytest.mark.parametrize("shape", ["L", "F"])
def test_vanished_cell_that_two_columns_could_have_held_leaves_the_row_out(shape):
    # 自然人 and 商业企业 both hold 3: '3 0 0 0 0 6' fits with the blank in either, so nothing is stored
    tables = _tables([3, 3, 0, 0, 0, 0], blank_col=0)
    result = parse_template(render(tables, shape), [])
    assert _row(result, "carried_forward") == {}
    lost = [i for i in result.issues if i.code == "table3_positions_lost"]
    assert len(lost) == 1 and "2 layouts" in lost[0].message
    others = {k: v for k, v in expected(tables).items() if k[1] != "carried_forward"}
    assert produced(result.facts) == others


def test_unknown_cells_still_bound_the_identities_because_counts_are_never_negative():
    # crawler text: every row's digits ran together and two 其他处理 rows print nothing (unknown).
    # '3000003' for 予以公开 could be one number among six vanished cells; no equality through the
    # unknowns can refute that, but 3000003 in any column exceeds that column's （七）总计 (3 or 0)
    # while the unknown rows can only add to the outcomes: only the cut 3|0|0|0|0|0|3 remains
    rows = {"new_received": "3000003", "granted": "3000003", "total_processed": "3000003"}
    blank = {"other.overdue_fee", "other.other"}
    parts = [T3_GROUP_LABELS.get(k, "") + T3_ROW_LABELS[k] + ("" if k in blank else rows.get(k, "0000000"))
             for k in T3_ROW_ORDER[V2021]]
    result = parse_template("三、收到和处理政府信息公开申请情况\n" + "".join(parts) + "\n五、存在的主要问题\n", [])
    granted = _row(result, "granted")
    assert granted["natural_person"] == 3 and granted["total"] == 3 and granted["other_org"] == 0
    assert "table3_positions_lost" not in {i.code for i in result.issues}
    assert not any(f.item in blank for f in result.facts if f.table == "requests")
