"""Issue 10 rules for who, where and when (report-format.md §2), on invented text."""

from __future__ import annotations

from datetime import date

from etl.parse.metadata import read_metadata


def codes(meta) -> set[str]:
    return {i.code for i in meta.issues}


# --------------------------------------------------------------------------- year


def test_title_broken_across_two_lines() -> None:
    text = "青田县林业局2013年度信息公开工作\n年度报告\n\n今年以来，我局认真落实条例。\n"
    meta = read_metadata(text)
    assert (meta.year, meta.agency.name) == (2013, "青田县林业局")
    assert meta.title == "青田县林业局2013年度信息公开工作年度报告"


def test_title_without_year_takes_the_statistics_period() -> None:
    text = ("青田县林业局政府信息公开工作年度报告\n"
            "本报告中所列数据的统计时间从2015年1月1日至2015年12月31日止。\n")
    meta = read_metadata(text)
    assert (meta.year, meta.agency.name) == (2015, "青田县林业局")


def test_whole_year_period_anywhere_gives_the_year() -> None:
    text = "政府信息公开工作年度报告\n2016年1月1日至2016年12月31日，我局共主动公开信息20条。\n"
    assert read_metadata(text).year == 2016
    # a period across two years is not one report year
    assert read_metadata("政府信息公开工作年度报告\n2015年1月1日至2016年12月31日，我局工作有序。\n").year is None


def test_publication_date_is_the_last_resort_with_an_issue() -> None:
    text = "政府信息公开工作年度报告\n我局工作有序推进。\n发布日期:2017-02-10\n"
    meta = read_metadata(text)
    assert meta.year == 2016  # the statistical year, not the publication year
    assert "year_from_publication_date" in codes(meta)
    late = read_metadata("政府信息公开工作年度报告\n我局工作有序推进。\n发布日期:2017-05-10\n")
    assert late.year is None and "year_unknown" in codes(late)


def test_page_metadata_lines_give_the_publication_date() -> None:
    meta = read_metadata("政府信息公开工作年度报告\n我局工作有序推进。\n", page_lines=["发布日期:2018-03-01"])
    assert meta.published_on == date(2018, 3, 1) and meta.year == 2017


def test_stated_year_beats_the_publication_date() -> None:
    text = "青田县林业局2011年政府信息公开工作年度报告\n我局工作有序。\n发布日期:2019-01-09\n"
    meta = read_metadata(text)
    assert meta.year == 2011 and "year_from_publication_date" not in codes(meta)
