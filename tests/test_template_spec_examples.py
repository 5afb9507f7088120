"""The flattened-table shapes of docs/domain.md#flattened-tables (invented numbers), written by hand rather than
by the fixture renderer, so the parser is not only checked against our own rendering."""

from decimal import Decimal

from etl.parse.template import parse_template


def values(result, table):
    return {(f.item, f.applicant): f.value for f in result.facts if f.table == table and not f.inferred}


def test_p1_table2_padding_pipes_are_not_zeros():
    text = """二、主动公开政府信息情况
第二十条第（一）项 | |||
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
规章 | 0 | 0 | 0 |
行政规范性文件 | 3 | 1 | 12 |
第二十条第（五）项 | |||
信息内容 | 本年处理决定数量 | ||
行政许可 | 27 | ||
"""
    result = parse_template(text, [])
    assert result.format == "2021-template"
    assert values(result, "disclosure_counts") == {
        ("art20_1.regulations.issued", None): 0, ("art20_1.regulations.repealed", None): 0,
        ("art20_1.regulations.in_force", None): 0, ("art20_1.normative_docs.issued", None): 3,
        ("art20_1.normative_docs.repealed", None): 1, ("art20_1.normative_docs.in_force", None): 12,
        ("art20_5.licensing.decisions", None): 27}


def test_p2_table3_row_with_blank_slots():
    text = """三、收到和处理政府信息公开申请情况
申请人情况 |
一、本年新收政府信息公开申请数量 |
4 |
|
|
|
|
|
4 |
||
"""
    result = parse_template(text, [])
    assert values(result, "requests") == {("new_received", "natural_person"): 4, ("new_received", "total"): 4}
    inferred = {f.applicant for f in result.facts if f.inferred}
    assert inferred == {"commercial_enterprise", "research_institution", "public_interest_org",
                        "legal_service_org", "other_org"}  # 4 = 4: the five blanks are forced to 0


def test_f_table4_vertical_header():
    text = """四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
未经复议直接起诉 复议后起诉
结 结 其 尚 结 结 其 尚 结 结 其 尚
果 果 他 未 总 果 果 他 未 总 果 果 他 未 总
维 纠 结 审 计 维 纠 结 审 计 维 纠 结 审 计
持 正 果 结   持 正 果 结   持 正 果 结
1 0 0 0 1 0 0 0 0 0 0 0 0 0 0
五、存在的主要问题及改进情况
"""
    result = parse_template(text, [])
    got = values(result, "appeals")
    assert got[("review.upheld", None)] == 1 and got[("review.total", None)] == 1
    assert sum(got.values()) == 2 and len(got) == 15
    assert all(c.status == "pass" for c in result.checks if c.check == "t4_group_sum")


def test_l_table2_with_a_value_whose_column_is_unknown():
    text = """第二十条第（一）项
信息内容
本年新制作数量
本年新公开数量
对外公开总数量
规章
0
规范性文件
第二十条第（五）项
"""
    result = parse_template(text, [])
    assert result.facts == []
    assert result.format == "2019-template"
    assert any(i.code == "table2_positions_lost" and "规章" in i.message for i in result.issues)


def test_2019_table2_annotated_headers_units_and_signs():
    text = """第二十条第（五）项 | |||
信息内容 | 上一年项目数量（指2019年事项数） | 本年增/减（指2020年增加或减少的事项数，减用负值表示） | 处理决定数量 |
行政许可 | 120 | －8 | 3,456 |
其他对外管理服务事项 | 10 | +5 | 0 |
第二十条第（九）项 | |||
信息内容 | 采购项目数量 | 采购总金额 | |
政府集中采购 | 3 | 251000元 | |
"""
    result = parse_template(text, [])
    got = {f.item: f for f in result.facts}
    assert got["art20_5.licensing.change"].value == Decimal(-8)
    assert got["art20_5.licensing.decisions"].value == Decimal(3456)
    assert got["art20_5.other_services.change"].value == Decimal(5)
    assert (got["art20_9.central_procurement.amount"].value, got["art20_9.central_procurement.amount"].unit) == (
        Decimal(251000), "元")
    assert result.format == "2019-template"


def test_a_sentence_citing_article_20_is_not_a_caption():
    from etl.parse.template_labels import match_caption

    assert match_caption("第二十条 第（五）项") == 5
    sentence = "本机关严格按照条例第二十条第（一）项的规定，主动公开规章和规范性文件，全年共计十二件。"
    assert match_caption(sentence) is None


def test_units_from_header_annotations():
    from etl.parse.template_labels import label_key

    assert label_key("本年收费金额（单位：万元）").unit == "万元"
    assert label_key("采购总金额（万元）").unit == "万元"
    assert label_key("采购总金额(单位:元)").body == "采购总金额"
    text = """第二十条第（九）项
信息内容
采购项目数量
采购总金额（万元）
政府集中采购
4
37.5
"""
    result = parse_template(text, [])
    amount = next(f for f in result.facts if f.item == "art20_9.central_procurement.amount")
    assert (amount.value, amount.unit) == (Decimal("37.5"), "万元")
