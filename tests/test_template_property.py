"""Property: valid random tables (identities satisfied) parse back to the same numbers in any shape."""

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.parse.template import parse_template
from etl.parse.template_labels import T3_COLUMNS, T3_OUTCOME_ROWS
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
)

counts = st.integers(min_value=0, max_value=3000)
small = st.integers(min_value=0, max_value=40)
six = st.lists(small, min_size=6, max_size=6)


@st.composite
def tables(draw, version=None):
    version = version or draw(st.sampled_from([V2019, V2021]))
    t2 = {}
    for key in t2_keys(version):
        if key.endswith(".change"):
            t2[key] = str(draw(st.integers(min_value=-500, max_value=500)))
        elif key.endswith("amount_wan_yuan"):
            t2[key] = str(Decimal(draw(st.integers(min_value=0, max_value=999999))) / 10)
        else:
            t2[key] = str(draw(counts))
    rows = draw(st.lists(st.sampled_from(T3_OUTCOME_ROWS[version]), max_size=8, unique=True))
    outcomes = {row: draw(six) for row in rows}
    t3 = consistent_t3(version, outcomes, draw(six), draw(six))
    t4 = t4_from_parts([draw(st.lists(small, min_size=4, max_size=4)) for _ in range(3)])
    return Tables(version, t2, t3, t4)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.sampled_from(SHAPES))
def test_valid_tables_round_trip_in_every_shape(t, shape):
    result = parse_template(render(t, shape), [])
    assert result.format == t.version
    assert produced(result.facts) == expected(t)
    assert not any(f.inferred for f in result.facts)
    assert [c for c in result.checks if c.status == "fail"] == []


cell_damage = st.sampled_from([None, None, "/", "—", "-"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.sampled_from(POSITIONAL), st.data())
def test_blanks_and_dashes_keep_their_positions(t, shape, data):
    # blank out random cells (and write some zeros as 无): printed values come back exactly,
    # blanks never become printed facts, and an inferred value is always a true 0
    truth = {k: list(v) for k, v in t.t3.items()}
    for key, cells in t.t3.items():
        for i in range(7):
            if data.draw(st.booleans(), label=f"{key}{i}"):
                cells[i] = "无" if cells[i] == "0" and data.draw(st.booleans()) else data.draw(cell_damage)
    for i in range(15):
        if data.draw(st.booleans()):
            t.t4[i] = data.draw(cell_damage)
    result = parse_template(render(t, shape), [])
    assert produced(result.facts) == expected(t)
    for f in result.facts:
        if f.inferred and f.table == "requests":
            assert f.value == 0 == Decimal(truth[f.item][T3_COLUMNS.index(f.applicant)])
    assert [c for c in result.checks if c.status == "fail"] == []


@settings(max_examples=60, deadline=None)
@given(tables(version=V2021), st.sampled_from(["L", "F"]), st.data())
def test_one_vanished_cell_is_placed_or_reported_never_guessed(t, shape, data):
    # blank one cell of one Table 3 row in a shape that loses positions
    key = data.draw(st.sampled_from(sorted(t.t3)))
    col = data.draw(st.integers(min_value=0, max_value=6))
    original = t.t3[key][col]
    t.t3[key][col] = None
    result = parse_template(render(t, shape), [])
    got = produced(result.facts)
    row = {k: v for k, v in got.items() if k[1] == key}
    others = {k: v for k, v in got.items() if k[1] != key}
    assert others == {k: v for k, v in expected(t).items() if k[1] != key}
    if row:  # placed: then the printed values are where they were printed
        assert row == {k: v for k, v in expected(t).items() if k[1] == key}
        inferred = [f for f in result.facts if f.inferred and f.item == key]
        assert all(f.value == 0 for f in inferred) and (not inferred or original == "0")
    else:
        assert any(i.code == "table3_positions_lost" for i in result.issues)


_FRAGMENTS = ["第二十条第（一）项", "第二十条第（九）项", "信息内容", "本年制发件数", "本年新制作数量", "规章",
              "行政许可",
              "申请人情况", "一、本年新收政府信息公开申请数量", "（一）予以公开", "（七）总计", "3、其他", "总计",
              "未经复议直接起诉", "复议后起诉", "行政复议", "四、结转下年度继续办理", "五、存在的主要问题", "|", "||",
              " | ", "\t", "0", "12", "00", "-3", "—", "/", "无", "251000元", "-4-", "。", " ", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=120))
def test_any_jumble_of_table_fragments_never_raises(parts):
    text = "".join(parts)
    result = parse_template(text, [])
    for f in result.facts:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.inferred or text[f.start:f.end].strip() != ""
    assert result.format in (None, V2019, V2021)
