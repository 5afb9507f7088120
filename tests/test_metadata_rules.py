"""Issue 10 rules for who, where and when (docs/domain.md#metadata), on invented text."""

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


# --------------------------------------------------------------------------- agency name


def test_page_fields_name_the_agency_when_the_title_does_not() -> None:
    meta = read_metadata("2014年政府信息公开工作年度报告\n今年以来，我局认真落实条例。\n",
                         page_lines=["索引号：001/2015-01 | 发布机构：永嘉县审计局"])
    assert (meta.agency.name, meta.agency.name_source, meta.agency.county) == ("永嘉县审计局", "page", "永嘉县")


def test_title_beats_page_fields_and_signature() -> None:
    text = "永嘉县林业局2014年政府信息公开工作年度报告\n我局工作有序。\n永嘉县人民政府办公室\n2015年1月20日\n"
    meta = read_metadata(text, page_lines=["来源：永嘉县人民政府办公室"])
    assert (meta.agency.name, meta.agency.name_source) == ("永嘉县林业局", "title")


def test_signature_names_the_agency_before_the_body() -> None:
    text = ("2014年政府信息公开工作年度报告\n今年以来，我局认真落实条例。\n"
            "青田县水利局\n2015年2月3日\n")
    meta = read_metadata(text, page_lines=["来源：青田县人民政府网"])  # a website is not an agency
    assert (meta.agency.name, meta.agency.name_source) == ("青田县水利局", "signature")


def test_abbreviation_is_expanded_only_when_the_document_spells_it_out() -> None:
    text = ("市政府办2019年政府信息公开工作年度报告\n"
            "本报告由上海市人民政府办公厅编制。上海市人民政府办公厅认真落实条例。\n")
    meta = read_metadata(text)
    assert meta.agency.name == "上海市人民政府办公厅"
    assert meta.agency.province == "上海市" and "agency_expanded" in codes(meta)
    bare = read_metadata("市政府办2019年政府信息公开工作年度报告\n本办认真落实条例。\n")
    assert bare.agency.name == "市政府办" and bare.agency.province is None  # never guessed
    assert "agency_abbreviated" in codes(bare)
    unit = read_metadata("单位办2019年政府信息公开工作年度报告\n本办认真落实条例。\n")
    assert unit.agency.name == "单位办" and "agency_abbreviated" in codes(unit)


def test_cut_names_are_never_accepted() -> None:
    text = "张义镇人民\n政府信息公开工作年度报告\n本报告统计期限为2016年1月1日至2016年12月31日。\n"
    meta = read_metadata(text)
    assert meta.agency.name != "张义镇人民"
    signed = read_metadata("2016年政府信息公开工作年度报告\n我镇工作有序。\n张义镇人民\n2017年1月5日\n")
    assert signed.agency.name is None or not signed.agency.name.endswith("人民")


def test_unknown_agency_stays_unknown() -> None:
    meta = read_metadata("2016年政府信息公开工作年度报告\n今年以来，工作有序推进。\n")
    assert meta.agency.name is None and "agency_unknown" in codes(meta)


# --------------------------------------------------------------------------- region, level, scope


def test_township_resolution_with_its_county_city_and_province() -> None:
    agency = read_metadata("张义镇人民政府2016年政府信息公开工作年度报告\n正文。\n").agency
    assert (agency.province, agency.city, agency.county, agency.township) == ("甘肃省", "武威市", "凉州区", "张义镇")
    assert (agency.level, agency.scope, agency.adcode, agency.township_code) == (
        "township", "agency", "620602", "620602113")


def test_repeated_place_names_are_settled_by_the_places_the_document_names() -> None:
    text = "城关镇人民政府2016年政府信息公开工作年度报告\n在永登县委、县政府的领导下，永登县城关镇认真落实条例。\n"
    agency = read_metadata(text).agency
    assert (agency.province, agency.county, agency.township) == ("甘肃省", "永登县", "城关镇")
    unsettled = read_metadata("城关镇人民政府2016年政府信息公开工作年度报告\n正文。\n")
    assert unsettled.agency.township is None and "region_ambiguous" in codes(unsettled)


def test_special_zone_is_mapped_to_its_host_division() -> None:
    agency = read_metadata("平潭综合实验区公安局2021年政府信息公开工作年度报告\n正文。\n").agency
    assert (agency.province, agency.county, agency.level) == ("福建省", "平潭县", "city")
    named = read_metadata("武汉经济技术开发区管委会2021年政府信息公开工作年度报告\n正文。\n").agency
    assert (named.province, named.city) == ("湖北省", "武汉市")


def test_scope_depends_on_the_name_not_on_one_years_wording() -> None:
    plain = read_metadata("2018年福州市晋安区人民政府政府信息公开工作年度报告\n我区工作有序。\n").agency
    compiled = read_metadata("2019年福州市晋安区人民政府政府信息公开工作年度报告\n"
                             "本报告汇总全区各部门编制而成。\n").agency
    assert plain.scope == compiled.scope == "region" and plain.level == compiled.level == "county"
    office = read_metadata("2019年福州市晋安区人民政府办公室政府信息公开工作年度报告\n本报告汇总编制而成。\n").agency
    assert office.scope == "agency"
    town = read_metadata("张义镇人民政府2016年政府信息公开工作年度报告\n全镇各部门。\n").agency
    assert town.scope == "agency"


def test_a_sub_office_posting_the_report_yields_to_the_named_parent() -> None:
    text = ("2012年政府信息公开工作年度报告\n今年以来，我厅认真落实条例。省民政厅制定了目录，"
            "山东省民政厅在网站开设专栏。省民政厅还开通了热线。\n")
    meta = read_metadata(text, page_lines=["来源：民政厅办公室"])
    assert meta.agency.name == "山东省民政厅" and meta.agency.name_source == "body"


def test_markdown_heading_marks_and_trailing_guanyu_are_not_part_of_the_name() -> None:
    assert read_metadata("# 永嘉县人民政府2025年政府信息公开工作年度报告\n正文。\n").agency.name == "永嘉县人民政府"
    meta = read_metadata("温州市档案局关于2016年度政府信息公开工作的报告\n正文。\n")
    assert (meta.agency.name, meta.year) == ("温州市档案局", 2016)


def test_a_sub_area_of_a_special_zone_is_one_level_below_the_zone() -> None:
    agency = read_metadata("平潭综合实验区示例片区管理局2021年政府信息公开工作年度报告\n正文。\n").agency
    assert (agency.level, agency.province) == ("county", "福建省")


def test_a_name_without_a_place_takes_the_province_the_document_points_to() -> None:
    text = ("2016年政府信息公开工作年度报告\n今年以来，我委认真落实条例。市卫生计生委调整了目录，"
            "市卫生计生委开通了热线。我委按照温州市政府要求，在永嘉县、瑞安市开展调研。\n")
    meta = read_metadata(text)
    assert (meta.agency.name, meta.agency.province, meta.agency.city) == ("市卫生计生委", "浙江省", None)
    assert "region_from_text" in codes(meta)
    lone = read_metadata("2016年政府信息公开工作年度报告\n今年以来，我委认真落实条例。市卫生计生委调整了目录，"
                         "市卫生计生委开通了热线。\n")
    assert lone.agency.province is None


def test_local_branches_of_central_bodies_are_placed_by_the_place_after_the_central_name() -> None:
    branch = read_metadata("国家税务总局永嘉县税务局2019年政府信息公开工作年度报告\n正文。\n").agency
    assert (branch.province, branch.county, branch.level) == ("浙江省", "永嘉县", "county")
    central = read_metadata("国家发展和改革委员会2019年政府信息公开工作年度报告\n正文。\n").agency
    assert (central.province, central.level) == (None, "central")


def test_a_place_missing_from_the_gazetteer_is_not_an_abbreviation() -> None:
    meta = read_metadata("示例市环境保护局2017年政府信息公开工作年度报告\n正文。\n")
    assert meta.agency.name == "示例市环境保护局" and "agency_abbreviated" not in codes(meta)
    assert meta.agency.province is None  # unknown place: no region rather than a guessed one


def test_development_areas_named_after_their_host_are_one_level_below_it() -> None:
    city_zone = read_metadata("长沙高新区管委会2021年政府信息公开工作年度报告\n正文。\n").agency
    assert (city_zone.province, city_zone.city, city_zone.level) == ("湖南省", "长沙市", "county")
    capital_zone = read_metadata("北京经济技术开发区管委会2021年政府信息公开工作年度报告\n正文。\n").agency
    assert (capital_zone.province, capital_zone.level) == ("北京市", "county")
    inside_host = read_metadata("大连金普新区管委会2021年政府信息公开工作年度报告\n正文。\n").agency
    assert (inside_host.city, inside_host.level) == ("大连市", "county")
