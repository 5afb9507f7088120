"""The gazetteer: chains of divisions from the start of a name, disambiguated by the document."""

from __future__ import annotations

from etl.parse.gazetteer import gazetteer, province_named_most


def test_chain_down_to_a_street_office() -> None:
    place = gazetteer().resolve("杭州市西湖区北山街道办事处")
    assert (place.province, place.city, place.county, place.township) == ("浙江省", "杭州市", "西湖区", "北山街道")
    assert (place.level, place.consumed, place.inferred) == ("township", 10, False)
    assert place.code is not None and len(place.code) == 9 and place.code.startswith("330106")


def test_short_forms_only_where_they_are_safe() -> None:
    assert gazetteer().resolve("福州晋安区教育局").county == "晋安区"  # a short prefecture, then a county
    assert gazetteer().resolve("晋安教育局").county is None  # a bare short county name is an ordinary word


def test_repeated_names_keep_only_what_the_candidates_share() -> None:
    alone = gazetteer().resolve("城关镇人民政府")
    assert alone.ambiguous and alone.township is None
    in_gansu = gazetteer().resolve("城关镇人民政府", "甘肃省人民政府要求各乡镇……")
    assert in_gansu.province == "甘肃省" and in_gansu.level == "township"


def test_the_province_a_document_points_to() -> None:
    assert province_named_most(gazetteer(), "温州市、永嘉县、瑞安市的工作") == "浙江省"
    assert province_named_most(gazetteer(), "温州市与福州市交流") is None  # no clear winner
