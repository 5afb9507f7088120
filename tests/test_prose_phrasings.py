"""Issue 10 prose phrasings: wider wording for figures, and what stays out (invented sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from etl.parse.prose import parse_prose
from etl.parse.sections import find_sections


def facts(text: str, year: int | None = 2016) -> dict[str, tuple[Decimal, bool]]:
    result = parse_prose(text, find_sections(text), year=year)
    return {f.item: (f.value, f.approximate) for f in result.facts}


@pytest.mark.parametrize(
    ("sentence", "item", "value"),
    [
        ("今年以来，我局主动公开信息的有5条。", "proactive.total", 5),
        ("我局主动公开的政府信息共有42条。", "proactive.total", 42),
        ("全年通过门户网站公开各类信息46条。", "proactive.total", 46),
        ("共受理依申请公开2件。", "new_received", 2),
        ("受理政府信息公开申请事项5件。", "new_received", 5),
        ("全年申请公开政府信息的有3件。", "new_received", 3),
        ("在政府网站公开信息30条，在公开栏公开信息10条。", "proactive.channel.other", 10),
        ("被申请行政复议1起，提起行政诉讼2起。", "litigation.total", 2),
    ],
)
def test_wider_phrasings(sentence: str, item: str, value: int) -> None:
    assert facts(sentence)[item][0] == Decimal(value)


def test_a_website_beside_other_channels_is_not_the_total() -> None:
    found = facts("全年通过门户网站公开各类信息46条，通过政务微博发布信息12条。")
    assert "proactive.total" not in found and found["proactive.channel.agency_website"][0] == 46


def test_other_years_are_left_out() -> None:
    found = facts("2015年主动公开政府信息300条，今年主动公开政府信息400条。")
    assert found == {"proactive.total": (Decimal(400), False)}
    assert facts("2015年，我局共主动公开政府信息86条。") == {}
    # a year inside a quoted title says nothing about the figure; unknown report year keeps the figure
    assert facts("根据《2015年政务公开工作要点》，全年主动公开信息300条。")["proactive.total"][0] == 300
    assert facts("2015年，我局共主动公开政府信息86条。", year=None)["proactive.total"][0] == 86


@pytest.mark.parametrize(
    "sentence",
    ["全年办理行政审批事项1234件。", "受理12345热线工单567件。", "接受政府信息公开咨询45人次。"],
)
def test_other_kinds_of_business_are_left_out(sentence: str) -> None:
    assert facts(sentence) == {}


def test_cumulative_and_approximate() -> None:
    assert facts("历年累计主动公开政府信息5928条。") == {"proactive.cumulative": (Decimal(5928), False)}
    assert facts("全年共计主动公开信息20余条。")["proactive.total"] == (Decimal(20), True)


def test_a_statistics_table_flattened_into_running_text() -> None:
    text = ("附表 政府信息公开情况统计表 指标名称 单位 本期 累计 主动公开信息数 条 12 40 其中：1．政府网站 条 9 30 "
            "受理政府信息公开申请数 件 2 5 其中：1．同意提供 件 1 3 行政复议数 件 0 0 行政诉讼数 件 0 1\n")
    result = parse_prose(text, find_sections(text), year=2016)
    found = {f.item: f.value for f in result.facts}
    # the 累计 column is read only for the proactive total, and kept apart as the cumulative figure
    assert found == {"proactive.total": 12, "proactive.cumulative": 40, "proactive.channel.government_portal": 9,
                     "new_received": 2, "granted": 1, "review.total": 0, "litigation.total": 0}
    assert all(f.source == "table" for f in result.facts)


def test_no_fees_and_no_waivers_stated_together() -> None:
    found = facts("四、收费及减免情况 2016年度无收费及减免情况。")
    assert found == {"fees.charged_yuan": (Decimal(0), False), "fees.waived_yuan": (Decimal(0), False)}


@pytest.mark.parametrize(
    ("sentence", "item", "value"),
    [
        ("2016年，我局主动公开的173条，其中公示公告20条。", "proactive.total", 173),
        ("共制作政府信息888份，其中主动公开489份。", "proactive.total", 489),
        ("我局共在“示例区管委会”门户网站公开政府信息117条。", "proactive.channel.government_portal", 117),
        ("通过“示例县交通运输局”门户网站发布信息20条，通过县政府网站发布信息5条。",
         "proactive.channel.agency_website", 20),
        ("充分发挥微信公众号的作用，及时公开各类政府信息756条。", "proactive.channel.wechat", 756),
        ("推送公众号文章248篇，其中原创文章118篇。", "proactive.channel.wechat", 248),
        ("示例局通过部门网站当年发布政府信息393件。", "proactive.total", 393),
    ],
)
def test_channel_and_total_phrasings(sentence: str, item: str, value: int) -> None:
    assert facts(sentence)[item][0] == Decimal(value)


@pytest.mark.parametrize(
    "sentence",
    ["本年度没有产生信息公开处理费。", "2016年，示例局未发生政府信息公开收费事项。",
     "2016年我局无政府信息公开收费及减免情况。"],
)
def test_no_fee_statements(sentence: str) -> None:
    assert facts(sentence)["fees.charged_yuan"] == (Decimal(0), False)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("我局在2016年度未收到申请公开政府信息情况。", {"new_received": 0}),
        ("去年，我局没有接到依申请公开信息和不予公开信息的情况。", {"new_received": 0}),
        ("2016年，我局依申请公开政府信息0条。", {"new_received": 0}),
        ("2016年，无收取信息处理费情况。", {"fees.charged_yuan": 0}),
        ("我局在2016年度未收到申请行政复议、提起行政诉讼情况。", {"review.total": 0, "litigation.total": 0}),
    ],
)
def test_zero_statements(sentence: str, expected: dict[str, int]) -> None:
    assert {k: int(v[0]) for k, v in facts(sentence).items()} == expected


def test_a_flattened_table_with_values_glued_to_their_units() -> None:
    single = ("附表 主动公开信息数条111其中：1.网站公开条111 2.政府公报公开条0受理依申请公开信息总数条0"
              "其中：1.当面申请数条0\n")
    found = {f.item: f.value for f in parse_prose(single, find_sections(single)).facts}
    assert found == {"proactive.total": 111, "proactive.channel.government_portal": 111,
                     "proactive.channel.gazette": 0, "new_received": 0, "received_by.in_person": 0}
    # two columns glued: `条00` can only be 0 | 0 and `条012` only 0 | 12, but `条740` may be 7 | 40 or 74 | 0
    double = "附表 主动公开信息数条740 2.政府公报公开数条00受理政府信息公开申请总数条012 其中：1.当面申请数条00\n"
    found = {f.item: f.value for f in parse_prose(double, find_sections(double)).facts}
    assert found == {"proactive.channel.gazette": 0, "new_received": 0, "received_by.in_person": 0}


def test_glued_columns_split_where_the_prose_states_the_rows_figure() -> None:
    text = ("二、主动公开情况\n本年度主动公开政府信息74条。\n"
            "附表 指标名称 单位 本年 历年累计 主动公开文件数条740 其中：1.政府网站公开数条740 2.政府公报公开数条00"
            "受理政府信息公开申请总数条00 其中：1.当面申请数条00 对申请的答复总数条00 3.否决公开答复总数条00\n")
    found = {(f.item, f.source): f.value for f in parse_prose(text, find_sections(text)).facts}
    assert found[("proactive.total", "table")] == 74
    # the channel row glued the same way is read the same way
    assert found[("proactive.channel.government_portal", "table")] == 74
    assert found[("answered", "table")] == 0
    # 否决公开 is a refusal: the denied group total, not another answered count
    assert found[("denied", "table")] == 0
    assert ("proactive.cumulative", "table") not in found or found[("proactive.cumulative", "table")] == 0


def test_the_cumulative_column_of_a_spaced_table_is_kept_apart() -> None:
    text = ("附表 指标名称 计量单位 本年度 历年累计 主动公开信息数 条 8 150 其中：1.网站公开 条 8 150 "
            "2.政府公报公开 条 0 0 受理依申请公开信息总数 条 0 0 其中：1.当面申请数 条 0 0 "
            "6.其它形式申请数 条 0 0 对申请的答复数 条 0 0 政府信息公开收费减免金额 元 0 0\n")
    found = {f.item: f.value for f in parse_prose(text, find_sections(text)).facts}
    assert found["proactive.total"] == 8
    assert found["proactive.cumulative"] == 150
    assert found["proactive.channel.government_portal"] == 8
    assert found["received_by.other"] == 0
    assert found["answered"] == 0
    assert found["fees.charged_yuan"] == 0 and "fees.waived_yuan" not in found


@pytest.mark.parametrize(
    ("sentence", "item"),
    [
        ("其中通过“中国永嘉”网站公开的全文电子化信息125条。", "proactive.channel.government_portal"),
        ("已在区政府信息公开网站上公开信息30条。", "proactive.channel.government_portal"),
        ("通过“示例新闻”网站公开信息30条。", "proactive.channel.agency_website"),
    ],
)
def test_which_website(sentence: str, item: str) -> None:
    assert item in facts(sentence)


def test_a_qualified_total_is_not_taken_for_the_sentences_channel() -> None:
    found = facts("我局依托门户网站做好公开工作，2016年以来共公开政府信息8份。")
    assert "proactive.channel.agency_website" not in found


def test_a_report_with_an_unreadable_statistics_table_is_still_prose_plus_table() -> None:
    from etl.parse import parse_report

    text = ("示例县交通局2016年政府信息公开工作年度报告\n一、概述\n今年以来，我局认真落实条例。\n"
            "附表 指标 单位 本期 累计 主动公开信息数条740 2.政府公报公开数条00"
            "受理政府信息公开申请总数条00 其中：1.当面申请数条00\n")
    assert parse_report(text).format == "prose+table"


@pytest.mark.parametrize(
    ("sentence", "item", "value"),
    [
        ("全年累计主动公开涵盖办事程序、便民政策、人事任免等政府信息135条。", "proactive.total", 135),
        ("2016年累计主动公开政府信息20条，其中环境保护3条。", "proactive.total", 20),
        ("召开媒体通气会、新闻发布会等17场。", "proactive.channel.press_conference", 17),
        ("开展局领导在线访谈1场。", "responses.interviews", 1),
        ("“示例局”微信公众号共发布推文57期，发布信息350条。", "proactive.channel.wechat", 350),
        ("通过中国永嘉门户网政府信息公开专栏公开政府信息489条。", "proactive.channel.government_portal", 489),
    ],
)
def test_more_phrasings(sentence: str, item: str, value: int) -> None:
    assert facts(sentence)[item][0] == Decimal(value)


def test_cumulative_to_date_stays_cumulative() -> None:
    assert facts("截至2016年底累计主动公开政府信息5928条。") == {"proactive.cumulative": (Decimal(5928), False)}
