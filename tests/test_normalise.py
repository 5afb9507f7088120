"""Unit tests for the normalise stage, one group per repair, on short strings we wrote."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.model import RawDocument
from etl.normalise import normalise, normalise_text
from etl.normalise.chrome import classify_line
from etl.normalise.mojibake import repair_run
from etl.normalise.pinyin import is_pinyin


def clean(text: str) -> str:
    return normalise_text(text)[0]


def raw(text: str | None) -> RawDocument:
    return RawDocument("x.txt", "0" * 64, len(text or ""), "text/plain", text, "utf-8")


def kinds(text: str) -> dict[str, int]:
    return {r.kind: r.count for r in normalise_text(text)[2]}


def shifted(text: str, lead: bytes = b"") -> str:
    """Damage `text` the way real pages are damaged: GBK bytes decoded one byte late."""
    data = lead + text.encode("gbk")
    return "?" + data[1:].decode("gbk", errors="replace").replace("\ufffd", "?")


# --- pinyin glosses -------------------------------------------------------------------


def test_pinyin_gloss_after_character_is_removed() -> None:
    assert clean("正確領(lǐng)導(dǎo)下") == "正确领导下"


def test_pinyin_with_tone_digits_and_fullwidth_parens_is_removed() -> None:
    assert clean("领（ling3）导(dao3)") == "领导"


@pytest.mark.parametrize("text", ["（一）主动公开", "报告(2019)", "网站(Internet)", "信息(PDF)", "机关(ling)"])
def test_real_parenthesised_content_is_kept(text: str) -> None:
    assert kinds(text).get("pinyin_gloss") is None


def test_is_pinyin_rejects_english_and_accepts_syllables() -> None:
    assert is_pinyin("lǐng")
    assert is_pinyin("wù")
    assert not is_pinyin("café")
    assert not is_pinyin("word")


# --- one-byte-off GBK ----------------------------------------------------------------------


def test_shifted_ordinal_heading_is_repaired() -> None:
    damaged = shifted("（一）领导重视", lead="　".encode("gbk"))  # indented with an ideographic space
    assert damaged.startswith("?")
    assert clean(damaged).startswith("（一）领导")


def test_shifted_date_is_repaired_to_halfwidth_digits() -> None:
    damaged = shifted("２０１６年３月１２日")
    text, _, repairs, issues = normalise_text("附表\n" + damaged + "\n")
    assert "2016年3月12" in text
    assert any(r.kind == "gbk_shift" and r.positions == (3,) for r in repairs)
    assert not [i for i in issues if i.code == "unrepairable_mojibake"]


def test_shifted_run_with_lost_trail_byte_is_completed_by_date_pattern() -> None:
    # the last character's trail byte was swallowed together with '<' of the next tag
    run = "。玻埃保赌辏吃拢保踩"
    assert repair_run(run, "?") == ("２０１６年３月１２日", False)


def test_unrepairable_run_is_reported_with_position_and_left_in_place() -> None:
    text = "推进工作?,F将有关情况报告如下"
    cleaned, _, _, issues = normalise_text(text)
    assert "?,F将" in cleaned
    (issue,) = [i for i in issues if i.code == "unrepairable_mojibake"]
    assert issue.start == cleaned.index("?,F")


def test_many_damaged_spots_are_reported_individually_up_to_a_cap() -> None:
    issues = normalise_text("\ufffd好" * 80)[3]
    assert len(issues) == 51
    assert issues[-1].start is None
    assert "30 more" in issues[-1].message


def test_offset_map_points_unchanged_characters_at_themselves() -> None:
    text = "一、总体情况\n【打印此页】 【关闭窗口】\n共公开信息１２条。\n"
    cleaned, origin, _, _ = normalise_text(text)
    assert cleaned == "一、总体情况\n共公开信息12条。\n"
    for index, char in enumerate(cleaned):
        if char not in "12":
            assert text[origin[index]] == char
    assert text[origin[cleaned.index("12")]] == "１"


def test_plain_question_mark_before_chinese_is_not_rewritten() -> None:
    assert clean("是否?是的") == "是否?是的"


# --- markup residue and chrome -----------------------------------------------------------


def test_stray_tags_and_glued_residue_are_removed() -> None:
    assert clean("工作水平。HtT\n2016年3月12日</span>\n") == "工作水平。\n2016年3月12日\n"


@pytest.mark.parametrize(
    "line",
    [
        "基本介紹",
        "  • 中文名:某某市统计局",
        "年份:2012",
        "相關詞條",
        "熱門詞條",
        "聯絡我們",
        "正文",
        "【打印此頁】 【關閉窗口】",
        "分享至:",
        "字號:",
        "字号:[大 中 小]",
        "扫一扫在手机打开当前页",
        "第 [1] [2] 页 共[4]页",
        "发布日期:2019-01-09 15:44 来源:办公室",
        "索引号 | 000014349/2020-00001 | 分类 | 综合政务 |",
        "-1-",
        "年报附件.pdf",
    ],
)
def test_chrome_line_is_removed(line: str) -> None:
    assert clean(f"一、总体情况\n{line}\n本年度共受理申请3件。\n") == "一、总体情况\n本年度共受理申请3件。\n"


@pytest.mark.parametrize(
    "line",
    [
        "打印机、复印机等设备已更新。",
        "基本情况",
        "正文共分六个部分,分别说明如下。",
        "来源渠道进一步拓宽,公开质量提高。",
        "中 |",
        "大 | 中 | 小 |",
        "公开方式：通过政府网站、政府公报、新闻发布会和政务微博等多种方式主动公开政府信息。",
        "关闭 |",
    ],
)
def test_report_sentences_are_not_chrome(line: str) -> None:
    assert classify_line(line) is None


# --- width and punctuation ------------------------------------------------------------------


def test_fullwidth_digits_and_letters_become_ascii() -> None:
    assert clean("２０１６年ＡＢ类占９５．５％") == "2016年AB类占95.5%"


def test_parenthesised_ideographs_become_bracketed_ordinals() -> None:
    assert clean("㈠主动公开㈡依申请公开") == "（一）主动公开（二）依申请公开"


def test_brackets_around_chinese_become_fullwidth_and_ascii_brackets_stay() -> None:
    assert clean("(一)主动公开(2019)县(市、区)") == "（一）主动公开(2019)县（市、区）"


def test_label_colon_becomes_fullwidth_but_times_and_urls_stay() -> None:
    assert clean("来访:15:44 见http://a.cn") == "来访：15:44 见http://a.cn"


def test_commas_and_semicolons_by_chinese_become_fullwidth_but_digit_groups_stay() -> None:
    assert clean("2012年,按照规定;共11,398条,占5%") == "2012年，按照规定；共11,398条，占5%"


def test_straight_quotes_around_chinese_become_curly() -> None:
    assert clean('开展"三安全一稳定"活动') == "开展“三安全一稳定”活动"


# --- traditional → simplified ----------------------------------------------------------------


def test_traditional_text_with_taiwan_vocabulary_is_simplified() -> None:
    text = "通過入口網站公開計畫生育的程式和數位資訊,建立規範性檔案。"
    assert clean(text) == "通过门户网站公开计划生育的程序和数字信息，建立规范性文件。"


def test_simplified_text_is_not_run_through_taiwan_conversion() -> None:
    text = "以公开为核心，查询文件和统计指标。"
    assert clean(text) == text
    assert "traditional_to_simplified" not in kinds(text)


def test_mainland_words_in_traditional_text_are_not_overconverted() -> None:
    assert clean("以公開為核心,查詢文件和統計指標,加強互動。") == "以公开为核心，查询文件和统计指标，加强互动。"


# --- the whole stage -----------------------------------------------------------------------


def test_normalise_records_repairs_original_and_offset_map() -> None:
    text = "領(lǐng)導(dǎo)重視\n２０１６年\n"
    result = normalise(raw(text))
    assert result.original == text
    assert result.text == "领导重视\n2016年\n"
    assert len(result.offset_map) == len(result.text) + 1
    assert text[result.offset_map[result.text.index("2016")]] == "２"
    assert {r.kind for r in result.repairs} >= {"pinyin_gloss", "traditional_to_simplified", "fullwidth_ascii"}


def test_document_without_text_gives_empty_text_and_an_issue() -> None:
    result = normalise(raw(None))
    assert result.text == ""
    assert result.issues[0].code == "no_text"


def test_crlf_and_zero_width_characters_are_cleaned() -> None:
    assert clean("一、总体\u200b情况\r\n内容\r\n") == "一、总体情况\n内容\n"


TEXT = st.text(
    alphabet=st.sampled_from(list('領導(lǐng)（一）?？。ㄒ唬╊I２０１６年月日㈠:"打印正文\n |<>/span計畫程式檔案ab 　'))
    | st.characters(),
    max_size=120,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_normalise_never_raises_and_is_idempotent(text: str) -> None:
    once = normalise(raw(text))
    twice = normalise(raw(once.text))
    assert twice.text == once.text
    assert len(once.offset_map) in (0, len(once.text) + 1)
    assert not [i for i in once.issues if i.code == "normalise_step_failed"]


@pytest.mark.parametrize("text", ["&amp;nbsp;x", "&lt;span&gt;a", "<<b>b>c", "字(lǐng)(lǐng)", "((一))"])
def test_repairs_that_expose_another_repair_reach_a_fixed_point(text: str) -> None:
    once = clean(text)
    assert clean(once) == once


def test_entities_become_characters_and_decoded_tags_are_removed() -> None:
    assert clean("数量&nbsp;3&lt;span&gt;件") == "数量 3件"


def test_shifted_run_ending_in_an_ascii_trail_byte_takes_its_gloss_along() -> None:
    damaged = shifted("（五）加強計算機") + "(jī)和网络"  # 機 ends in the ASCII byte 'C'
    assert damaged.endswith("C(jī)和网络")
    assert clean(damaged) == "（五）加强计算机和网络"


def test_glossed_and_unglossed_damage_normalise_alike() -> None:
    assert clean("?當(dāng)面申请") == clean("?當面申请") == "?當面申请"


def shifted_dropping(text: str) -> str:
    """Decode GBK bytes one byte late as a real decoder does: an ASCII byte puts it back in step,
    and pairs it cannot show vanish (as they did on real pages)."""
    data = "　".encode("gbk") + text.encode("gbk")
    chars, index = ["?"], 1
    while index < len(data):
        if data[index] < 0x80:
            chars.append(chr(data[index]))
            index += 1
            continue
        with contextlib.suppress(UnicodeDecodeError):
            chars.append(data[index : index + 2].decode("gbk"))
        index += 2
    return "".join(chars)


def test_second_lost_pair_is_restored_from_words_elsewhere_in_the_document() -> None:
    damaged = shifted_dropping("（二）著力抓好門戶網站建設。")
    assert "二" not in damaged  # both the ordinal and 著力 lost a byte pair
    text = "（一）著力抓好政務信息報送工作。\n" + damaged + "\n"
    assert "（二）着力抓好门户网站建设" in clean(text)


def test_without_support_in_the_document_the_second_loss_is_not_guessed() -> None:
    damaged = shifted_dropping("（二）著力抓好門戶網站建設。")
    cleaned = clean("本年度工作總結。\n" + damaged + "\n")
    assert cleaned.splitlines()[1].startswith("（二）")
    assert "着力" not in cleaned


def test_a_glossed_page_loses_its_toneless_and_spaced_glosses_too() -> None:
    text = "張義鎮(zhèn)2010年度政府信息公開(kāi)工作年度報(bào)告\n本鎮 (zhen)認真落實條例(tiao li)。\n"
    cleaned = normalise_text(text)[0]
    assert cleaned == "张义镇2010年度政府信息公开工作年度报告\n本镇认真落实条例。\n"
    assert normalise_text(cleaned)[0] == cleaned


def test_toneless_brackets_stay_in_a_text_without_toned_glosses() -> None:
    cleaned = normalise_text("开通(app)客户端与(long)栏目")[0]
    assert "(app)" in cleaned and "(long)" in cleaned


def test_a_glossed_report_is_still_recognised_as_a_report() -> None:
    from etl.model import RawDocument
    from etl.normalise import normalise
    from etl.parse import parse

    text = ("張義鎮(zhèn)2010年度政府信息公開(kāi)工作年度報(bào)告\n"
            "一、概述\n2010年，我鎮(zhèn)認真貫徹落實《條例》，穩步推進政府信息公開(kai)工作。\n"
            "二、主動公開政府信息情況\n全年主動公開政府信息(xin xi)120條。\n")
    doc = parse(normalise(RawDocument("g.txt", "0" * 64, len(text), "text/plain", text)))
    assert [r.year for r in doc.reports] == [2010]
    assert doc.reports[0].agency.name == "张义镇人民政府"
