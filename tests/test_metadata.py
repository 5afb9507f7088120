"""Titles, years, agencies and regions (docs/domain.md#metadata), on invented text."""

from __future__ import annotations

from datetime import date

import pytest

from etl.parse.metadata import read_metadata


@pytest.mark.parametrize(
    ("title", "agency", "year"),
    [
        ("温州市海洋渔业局2010年政府信息公开工作年度报告", "温州市海洋渔业局", 2010),
        ("永嘉县水产站2013年度政府信息公开工作报告", "永嘉县水产站", 2013),
        ("2018年福州市晋安区政府信息公开工作年度报告", "福州市晋安区人民政府", 2018),
        ("本溪市二〇一五年度政府信息公开工作年度报告", "本溪市人民政府", 2015),
    ],
)
def test_title_gives_agency_and_year(title: str, agency: str, year: int) -> None:
    meta = read_metadata(f"{title}\n\n今年以来，我们认真贯彻落实公开条例。\n")
    assert (meta.title, meta.agency.name, meta.year) == (title, agency, year)


def test_region_adcode_and_level() -> None:
    meta = read_metadata("永嘉县水产站2013年度政府信息公开工作报告\n正文。\n")
    agency = meta.agency
    assert (agency.province, agency.city, agency.county, agency.adcode) == ("浙江省", "温州市", "永嘉县", "330324")
    assert agency.level == "county"
    city = read_metadata("温州市海洋渔业局2010年政府信息公开工作年度报告\n正文。\n").agency
    assert (city.level, city.adcode, city.scope) == ("city", "330300", "agency")


def test_region_wide_government_report_has_region_scope() -> None:
    text = "2018年福州市晋安区政府信息公开工作年度报告\n本报告由区政府办公室汇总全区各部门的年度报告编制而成。\n"
    agency = read_metadata(text).agency
    assert (agency.scope, agency.level) == ("region", "county")


def test_year_from_statistics_period_then_opening_phrase() -> None:
    text = "政府信息公开工作年度报告\n本报告所列数据的统计期限自2014年1月1日起至2014年12月31日止。\n"
    assert read_metadata(text).year == 2014
    assert read_metadata("今年以来工作有序。\n2013年，我局认真落实条例要求。\n").year == 2013
    assert read_metadata("现将我局2012年度政府信息公开工作情况报告如下。\n").year == 2012


def test_publication_date_is_never_the_year() -> None:
    text = "政府信息公开工作年度报告\n发布日期:2021-05-06\n我局工作有序推进。\n"
    meta = read_metadata(text)
    assert meta.year is None and meta.published_on == date(2021, 5, 6)


@pytest.mark.parametrize("placeholder", ["200xx年", "20XX年", "××××年"])
def test_year_placeholder_is_reported_not_guessed(placeholder: str) -> None:
    meta = read_metadata(f"{placeholder}，我委继续推进公开工作。\n")
    assert meta.year is None
    assert [i.code for i in meta.issues if i.code.startswith("year")] == ["year_placeholder"]


def test_signature_block_gives_agency_and_publication_date() -> None:
    text = ("今年以来，我委认真落实条例。2016年，我委共主动公开信息20条。\n"
            "温州市人口和计划生育委员会\n二〇一七年三月五日\n")
    meta = read_metadata(text)
    assert meta.agency.name == "温州市人口和计划生育委员会"
    assert meta.published_on == date(2017, 3, 5)
    assert meta.agency.adcode == "330300"
    assert meta.year == 2016


def test_abbreviated_self_name_from_the_body() -> None:
    text = ("今年以来，我厅认真落实条例。省水利厅制定了《浙江省水利厅信息公开指南》，"
            "省水利厅在网站开设专栏。\n")
    meta = read_metadata(text)
    assert meta.agency.name == "浙江省水利厅"
    assert (meta.agency.level, meta.agency.adcode) == ("province", "330000")
    only_short = read_metadata("今年以来，我委认真落实条例。市卫生计生委调整了目录，市卫生计生委还开通了热线。\n")
    assert (only_short.agency.name, only_short.agency.level, only_short.agency.adcode) == (
        "市卫生计生委", "city", None)


@pytest.mark.parametrize(
    ("text", "name", "level"),
    [
        ("唐河镇2010年政府信息公开工作年度报告\n正文。\n", "唐河镇", "township"),
        ("衡阳市城乡规划局2014年政府信息公开工作年度报告\n正文。\n", "衡阳市城乡规划局", "city"),
        ("国家海洋信息中心2012年政府信息公开工作年度报告\n正文。\n", "国家海洋信息中心", "central"),
        ("2020年政府信息公开工作年度报告\n永嘉县审计局\n正文。\n", "永嘉县审计局", "county"),
        ("关于2016年度政府信息公开情况的报告\n温州市档案局\n正文。\n", "温州市档案局", "city"),
    ],
)
def test_level_words_and_title_variants(text: str, name: str, level: str) -> None:
    agency = read_metadata(text).agency
    assert (agency.name, agency.level) == (name, level)


def test_year_conflict_and_unusual_publication_date_are_reported() -> None:
    text = ("青田县林业局2013年政府信息公开工作年度报告\n本报告所列数据统计期限为2012年1月1日至2012年12月31日。\n"
            "发布日期:2019-01-09\n")
    meta = read_metadata(text)
    assert meta.year == 2013
    codes = {i.code for i in meta.issues}
    assert {"year_conflict", "publication_date_unusual"} <= codes


def test_breadcrumb_before_a_title_is_not_part_of_the_agency() -> None:
    meta = read_metadata("当前位置：首页>政务公开>永嘉县审计局2014年政府信息公开工作年度报告\n正文。\n")
    assert (meta.agency.name, meta.year) == ("永嘉县审计局", 2014)


def test_county_only_names_report_an_inferred_region() -> None:
    meta = read_metadata("永嘉县水产站2013年度政府信息公开工作报告\n正文。\n")
    assert "region_inferred" in {i.code for i in meta.issues}
    meta = read_metadata("福州市晋安区2016年政府信息公开工作年度报告\n正文。\n")
    assert "region_inferred" not in {i.code for i in meta.issues}
