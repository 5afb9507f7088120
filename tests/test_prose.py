"""Numbers in pre-2019 prose and old statistics tables (docs/domain.md#prose), on invented text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from etl.model import Fact
from etl.parse.prose import parse_prose
from etl.parse.sections import find_sections


def facts(text: str) -> list[Fact]:
    return parse_prose(text, find_sections(text)).facts


def values(text: str, table: str | None = None) -> dict[str, set[Decimal]]:
    out: dict[str, set[Decimal]] = {}
    for fact in facts(text):
        if table is None or fact.table == table:
            out.setdefault(fact.item, set()).add(fact.value)
    return out


PROACTIVE = (
    "一、主动公开政府信息情况\n"
    "2016年，我局共主动公开政府信息356条，其中，在县政府门户网站公开信息210条；在局门户网站公开信息120条；"
    "通过政务微博发布信息26条。按类别分，主动公开机构信息12条、政策法规45条、业务信息280条、其他19条。"
    "全年举办新闻发布会三次，发行政府公报4期。\n"
)


def test_proactive_total_channels_and_categories() -> None:
    got = values(PROACTIVE, "disclosure_counts")
    assert got["proactive.total"] == {356}
    assert got["proactive.channel.government_portal"] == {210}
    assert got["proactive.channel.agency_website"] == {120}
    assert got["proactive.channel.weibo"] == {26}
    assert got["proactive.channel.press_conference"] == {3}
    assert got["proactive.channel.gazette"] == {4}
    assert got["proactive.category.institutional"] == {12}
    assert got["proactive.category.policy"] == {45}
    assert got["proactive.category.business"] == {280}
    assert got["proactive.category.other"] == {19}


def test_evidence_spans_point_into_the_text() -> None:
    for fact in facts(PROACTIVE):
        assert PROACTIVE[fact.start:fact.end] == fact.evidence
        assert fact.source == "prose"


def test_cumulative_is_not_the_annual_total() -> None:
    text = "到年底累计主动公开政府信息5928条，其中本年度新增主动公开政府信息2110条。"
    got = values(text)
    assert got["proactive.cumulative"] == {5928}
    assert got["proactive.total"] == {2110}


def test_percentages_are_not_counts() -> None:
    text = "全文电子化率达100%，全年主动公开政府信息80条，其中工作信息70条，占87.5%。"
    got = values(text)
    assert got == {"proactive.total": {80}, "proactive.category.business": {70}}


def test_approximate_markers() -> None:
    text = "至年底，共发布各类信息1600多条，其中在市政府网站发布近900条。"
    by_item = {f.item: f for f in facts(text)}
    assert by_item["proactive.total"].value == 1600 and by_item["proactive.total"].approximate
    assert by_item["proactive.channel.government_portal"].approximate


def test_chinese_numerals() -> None:
    got = values("今年以来，先后召开两场新闻发布会，公开重大事项。")
    assert got["proactive.channel.press_conference"] == {2}


REQUESTS = (
    "三、依申请公开政府信息情况\n"
    "全年共受理政府信息公开申请12件，其中当面申请3件，网上申请9件。在已答复的12件申请中，"
    "“同意公开”的8件，“同意部分公开”的2件，“信息不存在”的2件。\n"
)


def test_requests_received_and_outcomes() -> None:
    got = values(REQUESTS, "requests")
    assert got["new_received"] == {12}
    assert got["answered"] == {12}
    assert got["granted"] == {8}
    assert got["partially_granted"] == {2}
    assert got["legacy.not_exist"] == {2}
    assert all(f.applicant == "total" for f in facts(REQUESTS) if f.table == "requests")


def test_requests_received_approximate_with_unit() -> None:
    text = "2014年，全区各部门共受理公民、法人和其他组织申请公开政府信息65余件次。"
    (fact,) = [f for f in facts(text) if f.item == "new_received"]
    assert (fact.value, fact.approximate, fact.unit) == (65, True, "件次")


def test_none_received_statements_mean_zero() -> None:
    for sentence in ("本年度未收到政府信息公开申请。", "全年没有接到群众主动要求公开政府信息的申请。",
                     "我办尚未收到政府信息公开申请。"):
        assert values(sentence, "requests") == {"new_received": {0}}, sentence


def test_unknown_is_not_zero() -> None:
    text = "一、概述\n今年以来，我中心认真落实公开工作，完善制度建设。\n二、存在问题及改进措施\n一是加强培训。\n"
    assert [f for f in facts(text) if f.table in ("requests", "appeals")] == []


def test_fees() -> None:
    assert values("依申请公开过程中未向申请人收取任何费用，也无减免情况。") == {
        "fees.charged_yuan": {0}, "fees.waived_yuan": {0}}
    assert values("本年度共收取信息处理费共计400元。")["fees.charged_yuan"] == {400}


def test_appeals_zero_statement_covers_only_the_named_measures() -> None:
    text = ("四、因政府信息公开申请行政复议、提起行政诉讼的情况\n"
            "未发生因政府信息公开申请行政复议、提起行政诉讼的情况。\n")
    got = values(text, "appeals")
    assert got == {"review.total": {0}, "litigation.total": {0}}
    assert values("本机关没有收到有关政府信息公开行政复议申请。", "appeals") == {"review.total": {0}}


def test_appeals_positive_and_complaints() -> None:
    text = "全年共收到政府信息公开行政复议案0件，行政诉讼案1件，未发生相关申诉案。"
    got = values(text, "appeals")
    assert got == {"review.total": {0}, "litigation.total": {1}, "complaint.total": {0}}
    fact = next(f for f in facts(text) if f.item == "litigation.total")
    assert (fact.proceeding, fact.outcome) == ("litigation", "total")


OLD_TABLE = (
    "一、主动公开情况\n我局全年共主动公开政府信息95条。\n"
    "附表：政府信息公开情况统计表\n"
    "统计指标 |\n单位 |\n统计数 |\n"
    "一、主动公开情况 |\n— |\n—— |\n"
    "1、主动公开政府信息数(不同渠道和方式公开相同信息计1条) |\n条 |\n88 |\n"
    "2、回应公众关注热点数 |\n条 |\n5 |\n"
    "二、依申请公开情况 |\n— |\n—— |\n"
    "1、收到申请数 |\n件 |\n无 |\n"
    "①当面申请数 |\n件 |\n无 |\n"
    "2、行政复议数量 |\n件 |\n1 |\n"
    "3、举报投诉数量 |\n件 |\n—— |\n"
)


def test_old_statistics_table_rows_by_keyword() -> None:
    result = parse_prose(OLD_TABLE, find_sections(OLD_TABLE))
    table = {(f.item): f for f in result.facts if f.source == "table"}
    assert table["proactive.deduplicated"].value == 88
    assert table["responses.public_concerns"].value == 5
    assert table["new_received"].value == 0  # 无 means none
    assert table["received_by.in_person"].value == 0
    assert table["review.total"].value == 1
    assert "complaint.total" not in table  # a dash is not a number
    assert OLD_TABLE[table["review.total"].start:table["review.total"].end] == "1"
    prose = [f for f in result.facts if f.source == "prose"]
    assert [(f.item, f.value) for f in prose] == [("proactive.total", 95)]


def test_prose_and_table_disagreeing_are_both_kept() -> None:
    text = OLD_TABLE.replace("1、主动公开政府信息数(不同渠道和方式公开相同信息计1条)", "(一)主动公开情况")
    result = parse_prose(text, find_sections(text))
    totals = sorted((f.source, f.value) for f in result.facts if f.item == "proactive.total")
    assert totals == [("prose", 95), ("table", 88)]
    assert any(c.check == "prose_vs_table" and c.status == "fail" for c in result.checks)


def test_pdf_wrapped_lines_spaces_and_page_footers() -> None:
    text = (
        "（一）主动公开情况。2023 年，区政府网站主动公开各类政\n府信息 2300 余条，组织召开新闻\n-2-\n"
        "发布会 7 场。\n（二）依申请公开情况。全年共受理政府信息公开申请 41\n件。\n"
    )
    by_item = {f.item: f for f in facts(text)}
    assert by_item["proactive.total"].value == 2300 and by_item["proactive.total"].approximate
    assert by_item["proactive.channel.press_conference"].value == 7
    received = by_item["new_received"]
    assert received.value == 41
    assert text[received.start:received.end] == received.evidence and "\n" in received.evidence


def test_appeal_outcomes_follow_the_proceeding_named_before_them() -> None:
    text = "全年政府信息公开行政复议9件，其中结果维持5件，尚未审结4件；行政诉讼3件，其中结果纠正1件，其他结果2件。"
    got = values(text, "appeals")
    assert got == {"review.total": {9}, "review.upheld": {5}, "review.pending": {4}, "litigation.total": {3},
                   "litigation.corrected": {1}, "litigation.other": {2}}


def test_template_table_labels_are_not_zero_statements() -> None:
    text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n结果维持\n"
    assert values(text, "appeals") == {}


def test_old_table_one_row_per_line_with_annual_and_cumulative_columns() -> None:
    text = (
        "附表\n"
        "统计指标 | 单位 | 本年 | 历年累计 |\n"
        "主动公开信息数 | 条 | 140 | 2200 |\n"
        "其中：政府网站 | 条 | 120 | 1900 |\n"
        "受理依申请公开信息总数 | 件 | 6 | 31 |\n"
        "同意公开答复数 | 件 | 4 | 20 |\n"
        "行政复议数 | 件 | 0 | 1 |\n"
        "行政诉讼数 | 件 | 无 | 2 |\n"
    )
    got = {f.item: f.value for f in facts(text) if f.source == "table"}
    assert got == {"proactive.total": 140, "proactive.channel.government_portal": 120, "new_received": 6,
                   "granted": 4, "review.total": 0, "litigation.total": 0}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("本年度受理政府信息公开申请0宗。", {"new_received": {0}}),
        ("共受理信息公开申请10件，其中当面申请1宗，网上申请9宗，信函申请0宗。",
         {"new_received": {10}, "received_by.in_person": {1}, "received_by.online": {9},
          "received_by.letter": {0}}),
        ("全年未接到公民、法人和其他组织提出的政府信息公开申请。", {"new_received": {0}}),
        ("本局未收到申请公开政府信息的要求。", {"new_received": {0}}),
        ("全年没有依申请公开政府信息的情况。", {"new_received": {0}}),
        ("收到政府信息公开申请数量为0件。", {"new_received": {0}}),
        ("对申请的答复中，否决公开的为3件，“非本部门掌握”的2件。",
         {"denied": {3}, "legacy.not_this_agency": {2}}),
        ("三、依申请公开情况\n予以公开5件，部分公开2件，不予公开1件，无法提供3件，不予处理0件，其他处理1件。",
         {"granted": {5}, "partially_granted": {2}, "denied": {1}, "unable": {3}, "not_processed": {0},
          "other": {1}}),
    ],
)
def test_request_phrasings(sentence: str, expected: dict) -> None:
    assert values(sentence, "requests") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("依申请提供信息时，收取的费用为0元。", {"fees.charged_yuan": {0}}),
        ("依申请公开工作中没有收取申请人任何费用。", {"fees.charged_yuan": {0}}),
        ("没有向依申请公开对象收取复印、传真、递送等任何费用，也无减免情况。",
         {"fees.charged_yuan": {0}, "fees.waived_yuan": {0}}),
        ("全年收取信息处理费0.12万元。", {"fees.charged_yuan": {1200}}),
    ],
)
def test_fee_phrasings(sentence: str, expected: dict) -> None:
    assert values(sentence, "disclosure_counts") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("全年信息公开类行政复议7件，诉讼9件，均获维持。", {"review.total": {7}, "litigation.total": {9}}),
        ("本年度未发生因政府信息公开引起的行政复议案、行政诉讼案和有关的申诉案。",
         {"review.total": {0}, "litigation.total": {0}, "complaint.total": {0}}),
        ("没有发生针对本单位有关政府信息公开事务的行政复议。", {"review.total": {0}}),
    ],
)
def test_appeal_phrasings(sentence: str, expected: dict) -> None:
    assert values(sentence, "appeals") == expected


def test_a_bare_all_kinds_figure_is_the_total_only_when_no_stronger_total_is_stated() -> None:
    assert values("今年公开各类政府信息1365余条。")["proactive.total"] == {1365}
    text = "全年主动公开政府信息900条。同时，公开发布各类政府信息数850件。"
    assert values(text)["proactive.total"] == {900}


def test_channel_and_category_lists_after_qizhong() -> None:
    text = ("2015年，全区共主动公开政府信息5846条，其中，政府网站公开信息3698条，微博微信公开信息2148条，"
            "政府公报公开信息0条。")
    got = values(text)
    assert got["proactive.total"] == {5846}
    assert got["proactive.channel.government_portal"] == {3698}
    assert got["proactive.channel.new_media"] == {2148}
    assert got["proactive.channel.gazette"] == {0}
    text = "本年度主动公开政府信息145条，其中机构信息1条；决策信息0条；工作信息126条，占86.9%。"
    got = values(text)
    assert got == {"proactive.total": {145}, "proactive.category.institutional": {1},
                   "proactive.category.policy": {0}, "proactive.category.business": {126}}


def test_old_table_without_separators_after_a_caption() -> None:
    text = ("一、概述\n我办全年主动公开政府信息60条。\n附件：2013年政府信息公开情况统计表\n"
            "统计指标\n单位\n统计数\n一、主动公开情况\n主动公开政府信息数\n条\n58\n"
            "收到申请数\n件\n2\n行政复议数量\n件\n无\n")
    got = {f.item: f.value for f in facts(text) if f.source == "table"}
    assert got == {"proactive.total": 58, "new_received": 2, "review.total": 0}


def test_old_table_tab_separated() -> None:
    rows = ["统计指标\t单位\t统计数", "主动公开信息数\t条\t33", "其中：政府网站\t条\t30", "政府公报\t期\t2",
            "受理依申请公开信息总数\t件\t1", "行政诉讼数\t件\t0"]
    got = {f.item: f.value for f in facts("附表\n" + "\n".join(rows) + "\n") if f.source == "table"}
    assert got == {"proactive.total": 33, "proactive.channel.government_portal": 30,
                   "proactive.channel.gazette": 2, "new_received": 1, "litigation.total": 0}


def test_one_website_publishing_all_kinds_of_information_states_the_total() -> None:
    alone = values("一、总体情况\n2020年，县政府网站主动公开各类政府信息3200余条，制作政府公报4期，召开新闻发布会9场。")
    assert alone["proactive.total"] == {3200}
    assert alone["proactive.channel.government_portal"] == {3200}
    several = values("一、总体情况\n2020年，县政府网站主动公开各类政府信息3200条，部门网站公开信息800条。")
    assert "proactive.total" not in several
