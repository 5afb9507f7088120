"""Pages cut off mid-report are marked truncated (issue 10), on invented text."""

from __future__ import annotations

from etl.model import RawDocument
from etl.normalise import normalise
from etl.parse import parse
from etl.parse.completeness import cut_off_reason
from etl.parse.sections import find_sections

HEAD = "示例县审计局2016年政府信息公开工作年度报告\n一、概述\n今年以来，我局认真贯彻落实条例，稳步推进公开工作。\n"
TEMPLATE_HEAD = ("示例县审计局2020年政府信息公开工作年度报告\n一、总体情况\n我局认真落实条例。\n"
                 "二、主动公开政府信息情况\n")


def _parse(text: str):
    return parse(normalise(RawDocument("x.txt", "0" * 64, len(text), "text/plain", text)))


def test_text_stopping_mid_sentence_is_truncated() -> None:
    text = HEAD + "二、依申请公开政府信息情况\n全年我局共受理公民、法人和其他组织提出的政府信息公开申请\n"
    doc = _parse(text)
    assert doc.reports[0].truncated
    assert any(i.code == "truncated_report" and "mid-sentence" in i.message for i in doc.reports[0].issues)


def test_text_stopping_inside_a_table_without_a_closing_section_is_truncated() -> None:
    text = TEMPLATE_HEAD + "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 0 | 0 | 0\n"
    assert "table" in (cut_off_reason(text, find_sections(text)) or "")


def test_complete_reports_are_not_truncated() -> None:
    signed = HEAD + "五、存在的主要问题及改进措施\n一是加强培训。\n示例县审计局\n2017年3月1日\n"
    assert not _parse(signed).reports[0].truncated
    ends_with_sentence = HEAD + "五、其他需要报告的事项\n本年度无其他需要报告的事项。\n"
    assert not _parse(ends_with_sentence).reports[0].truncated
    table_then_closing = (TEMPLATE_HEAD + "规章 | 0 | 0 | 0\n五、存在的主要问题及改进情况\n无。\n"
                          "六、其他需要报告的事项\n无。\n附表 | 说明 | 无\n")
    assert cut_off_reason(table_then_closing, find_sections(table_then_closing)) is None
    short_last_line = HEAD + "特此报告\n"
    assert not _parse(short_last_line).reports[0].truncated


def test_a_page_flattened_into_one_line_is_judged_by_how_it_ends() -> None:
    body = "示例县农业局2011年政府信息公开工作年度报告 一、概述 今年以来我局认真落实条例。 "
    signed = body + "示例县农业局 二○一二年元月二十日 附件下载\n"
    assert cut_off_reason(signed, find_sections(signed)) is None
    table_end = body + "行政复议数 件 0 行政诉讼数 件 0 附件下载\n"
    assert cut_off_reason(table_end, find_sections(table_end)) is None
    cut = body + "全年共受理公民、法人和其他组织提出的政府信息公开申请 附件下载\n"
    assert "mid-sentence" in (cut_off_reason(cut, find_sections(cut)) or "")


def test_a_page_titled_as_another_kind_of_document_is_not_a_report() -> None:
    body = "一、总体情况\n今年以来，我局认真落实政府信息公开条例，主动公开政府信息20条，稳步推进各项工作。\n" * 3
    for title in ("标题： 关于印发2018年政务公开工作任务实施方案的通知", "示例局关于做好政务公开任务落实情况的自查报告",
                  "标题： 示例局关于2015年政府信息公开工作要点落实情况的函"):
        doc = _parse(title + "\n" + body)
        assert not doc.reports and doc.issues[-1].code == "not_a_report", title
    letter = _parse("标题： 关于报送《示例县公安局2015年政府信息公开年度报告》的函\n" + body)
    assert len(letter.reports) == 1


def test_a_flattened_table_cut_at_the_first_item_of_a_sub_list() -> None:
    text = ("示例县教育局2011年度政府信息公开年度报告 一、概述 我局认真落实条例。 附表： 指标名称 计量单位 年末统计 "
            "主动公开信息数 条 20 受理依申请公开信息总数 条 0 其中：1．当面申请数 条 0 附件下载\n")
    assert "sub-list" in (cut_off_reason(text, find_sections(text)) or "")


def test_template_sections_after_a_numbered_overview_do_not_start_a_second_report() -> None:
    overview = "".join(f"{n}、第{n}项工作\n我局认真落实条例，稳步推进公开工作，取得了明显成效，群众满意度不断提升。\n"
                       for n in "一二三四五六")
    text = ("2024年示例市科委政府信息公开工作年度报告\n" + overview * 2 + "一、主动公开政府信息情况\n规章 | 0 | 0 | 0\n"
            "二、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请数量 | 3\n五、其他需要报告的事项\n无。\n")
    doc = _parse(text)
    assert len(doc.reports) == 1 and not any(i.code == "several_reports" for i in doc.issues)


def test_a_signature_dated_by_month_only_ends_a_flattened_page() -> None:
    text = ("示例县农业局2011年度政府信息公开年度报告 一、概述 我局认真落实条例，稳步推进各项工作。 "
            "示例县农业局 二○一二年元月\n")
    assert cut_off_reason(text, find_sections(text)) is None


def test_attachment_lists_contact_lines_and_titles_end_a_complete_page() -> None:
    for last in ("附件：示例县农业局2016年政府信息公开工作情况统计表",
                 "地址：示例县人民路一号行政中心大楼三楼东侧办公室",
                 "我局认真落实条例。示例县农业局2016年度政府信息公开工作年度报告"):
        text = HEAD + last + "\n"
        assert cut_off_reason(text, find_sections(text)) is None, last
