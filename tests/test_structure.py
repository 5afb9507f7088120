"""Sections, report splitting, non-reports and improvement measures, on invented text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.model import CleanText, RawDocument
from etl.parse import parse
from etl.parse.measures import find_measures
from etl.parse.sections import classify_heading, find_sections
from etl.parse.split import split_reports

FILLER = "我局坚持公开为常态、不公开为例外，扎实推进各项工作，取得了较好成效。" * 10


def doc(text: str):
    raw = RawDocument("x.txt", "0" * 64, len(text.encode()), "text/plain", text, "utf-8")
    return parse(CleanText(document=raw, text=text, original=text))


def test_headings_with_ordinals_and_the_intro_sentence() -> None:
    text = (
        "青田县林业局2013年政府信息公开工作年度报告\n"
        "本报告由概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、"
        "因政府信息公开申请行政复议、提起行政诉讼的情况、存在的主要问题及改进措施等部分组成。\n"
        "一、概述\n(一)加强领导。正文。\n(二)完善制度。正文。\n"
        "二、主动公开政府信息情况\n正文。\n"
        "三、依申请公开政府信息情况\n正文。\n"
        "四、政府信息公开的收费及减免情况\n正文。\n"
        "五、因政府信息公开申请行政复议、提起行政诉讼的情况\n正文。\n"
        "六、政府信息公开咨询处理情况\n正文。\n"
        "七、存在的主要问题及改进措施\n正文。\n"
        "八、其他需要报告的事项\n无。\n"
    )
    sections = find_sections(text)
    assert [s.kind for s in sections] == ["overview", "proactive", "requests", "fees", "appeals", "other",
                                          "problems_and_improvements", "other"]
    assert sections[5].subkind == "consultations"
    assert sections[0].heading == "一、概述"
    assert text[sections[1].start:].startswith("二、主动公开")


def test_bare_headings_without_ordinals() -> None:
    text = ("基本情况\n正文。\n主动公开政府信息的情况\n正文。\n复议、诉讼和申诉情况\n正文。\n"
            "存在问题及工作打算\n正文。\n")
    assert [s.kind for s in find_sections(text)] == ["overview", "proactive", "appeals", "problems_and_improvements"]


def test_keyword_order_appeals_and_fees_before_requests() -> None:
    assert classify_heading("因政府信息公开申请行政复议和提起行政诉讼情况")[0] == "appeals"
    assert classify_heading("依申请公开信息收费情况")[0] == "fees"
    assert classify_heading("依申请公开政府信息和不予公开政府信息的情况")[0] == "requests"
    assert classify_heading("回应解读情况") == ("other", "responses")


GLUED = (
    "一、加强领导，落实责任\n我委高度重视公开工作。" + FILLER.replace("我局", "我委") + "\n"
    "二、规范目录\n我委调整了目录。\n三、加强互动\n全年未收到政府信息公开申请，也没有发生行政复议和行政诉讼。\n"
    "四、拓展渠道\n我委共发布各类信息80条。\n"
    "我们水利局按照县政府的统一安排，现就本局政务公开工作总结如下\n"
    "一、加强组织领导\n本局共发布信息900条。" + FILLER + "\n"
    "二、加大宣传力度\n我们结合实际，通过 …… 此处隐藏:1234字，全部文档内容请下载后查看 ……"
)


def test_glued_reports_are_split_and_not_mixed() -> None:
    parsed = doc(GLUED)
    assert [i.code for i in parsed.issues][:1] == ["several_reports"]
    first, second = parsed.reports
    assert not first.truncated and second.truncated
    assert second.text.startswith("我们水利局")
    assert {(f.item, f.value) for f in first.facts if f.item == "proactive.total"} == {("proactive.total", 80)}
    assert any(i.code == "truncated_report" for i in second.issues)
    assert second.offset == len(first.text)


def test_a_second_title_starts_a_second_report() -> None:
    text = ("青田县林业局2013年政府信息公开工作年度报告\n" + FILLER + "\n"
            "青田县水利局2013年政府信息公开工作年度报告\n" + FILLER + "\n")
    spans = split_reports(text).reports
    assert len(spans) == 2 and text[spans[1].start:].startswith("青田县水利局")


def test_repeated_title_at_the_top_is_one_report() -> None:
    title = "青田县林业局2013年政府信息公开工作年度报告\n"
    assert len(split_reports(title + "\n" + title + FILLER).reports) == 1


def test_a_notice_is_not_a_report() -> None:
    text = ("关于做好2014年度政府信息公开工作年度报告编制发布工作的通知\n各乡镇人民政府、县政府各部门:\n"
            "一、主动公开政府信息情况要写清楚。\n二、依申请公开情况要写清楚。\n")
    parsed = doc(text)
    assert parsed.reports == []
    assert [i.code for i in parsed.issues] == ["not_a_report"]
    assert "notice" in parsed.issues[0].message


def test_a_letter_without_report_content_is_not_a_report() -> None:
    parsed = doc("王先生：\n您好！来信收到，感谢您对我们工作的支持。\n")
    assert parsed.reports == [] and parsed.issues[0].code == "not_a_report"


def test_measures_apart_from_problems() -> None:
    text = (
        "五、存在问题及改进措施\n"
        "我局公开工作还存在一些问题：一是公开内容不够全面。二是更新不够及时。\n"
        "下一步，我局将重点做好以下几方面工作：\n"
        "（一）完善公开制度。细化流程。\n"
        "（二）加强平台建设。升级网站。\n"
        "（三）强化队伍培训。每季度培训一次。\n"
    )
    measures = find_measures(text, find_sections(text))
    assert [(m.kind, m.ordinal) for m in measures] == [
        ("problem", 1), ("problem", 2), ("measure", 1), ("measure", 2), ("measure", 3)]
    assert measures[2].text.startswith("（一）完善公开制度")
    assert text[measures[2].start:measures[2].end].strip() == measures[2].text


def test_measures_under_sub_headings_and_numbered_items() -> None:
    text = (
        "存在问题及改进措施\n(一)存在问题\n目前公开工作与群众需求还有差距。\n(二)改进措施\n"
        "1、加大公开力度。\n2、拓宽公开渠道。\n"
    )
    measures = find_measures(text, find_sections(text))
    assert [m.kind for m in measures] == ["problem", "measure", "measure"]


def test_measures_in_a_closing_paragraph_without_a_problems_section() -> None:
    text = ("一、加强领导\n" + FILLER + "\n二、规范目录\n" + FILLER + "\n"
            "明年，我们将继续努力，一是扩大公开范围；二是提高公开质量；三是加强监督检查。\n")
    measures = find_measures(text, find_sections(text))
    assert [m.ordinal for m in measures] == [1, 2, 3]


def test_heading_followed_by_content_after_a_colon() -> None:
    text = "一、主动公开政府信息的情况：全年主动公开政府信息120条，内容涵盖各个领域，方便群众查询办事。\n"
    (section,) = find_sections(text)
    assert (section.kind, section.heading) == ("proactive", "一、主动公开政府信息的情况")


_ALPHABET = list("一二三四五六七八九十、。，；：（）()|\n 0123456789余多近约年月日条件次我局委公开主动申请"
                 "复议诉讼收费报告政府信息其中累计未收到没有发生情况问题改进措施是第%—无")


@given(st.text(alphabet=_ALPHABET, max_size=400))
@settings(max_examples=150, deadline=None)
def test_parse_never_raises_and_spans_are_consistent(text: str) -> None:
    parsed = doc(text)
    for report in parsed.reports:
        for fact in report.facts:
            assert 0 <= fact.start <= fact.end <= len(report.text)
            if fact.source == "prose":
                assert report.text[fact.start:fact.end] == fact.evidence
        for measure in report.improvement_measures:
            assert 0 <= measure.start <= measure.end <= len(report.text)


HEADING_VARIANTS = {
    "overview": "概述;概 述;总体情况;总体工作情况;基本情况;主要工作概述;政府信息公开工作要点落实情况;"
                "主要任务落实情况;引言",
    "proactive": "主动公开政府信息的情况;政府信息主动公开情况;政府信息公开情况;行政机关主动公开政府信息情况",
    "requests": "依申请公开政府信息和不予公开政府信息的情况;依申请公开信息的情况和不予公开信息的情况;"
                "政府信息依申请公开办理情况;依申请公开、不予公开及咨询政府信息情况;收到和处理政府信息公开申请情况",
    "fees": "政府信息公开的收费及减免情况;依申请信息公开收费情况;政府信息公开相关费用情况;政府支出和收费;"
            "人员和收支情况",
    "appeals": "因政府信息公开申请行政复议、提起行政诉讼的情况;申请行政复议、提起行政诉讼和申诉的情况;"
               "复议、诉讼和申述情况;行政复议和诉讼情况;行政复议诉讼和举报投诉情况;政府信息公开类行政复议和行政诉讼情况",
    "problems_and_improvements": "存在的主要问题及改进措施;存在问题及工作打算;工作存在的主要问题及下步打算;"
                                 "存在的主要问题及下步工作安排;主要问题和改进措施",
    "other": "其他需要报告的事项;其他事项;需要说明的事项与附表;附件;咨询处理情况;回应解读情况;"
             "机构建设、保障经费和培训会议情况;政府信息公开会议和培训情况;政府信息公开重点工作落实情况;政府信息公开工作创新性做法",
}


def test_all_observed_heading_variants() -> None:
    for kind, variants in HEADING_VARIANTS.items():
        for variant in variants.split(";"):
            assert classify_heading(variant)[0] == kind, variant


def test_signature_then_an_appended_statistics_table_is_one_report() -> None:
    rows = ["一、主动公开情况", "条", "120", "二、依申请公开情况", "件", "3", "三、行政复议数量", "件", "0"]
    table = "\n".join(rows * 8)
    text = ("一、概述\n" + FILLER + "\n二、主动公开政府信息情况\n全年主动公开信息120条。\n"
            "青田县林业局\n2014年3月1日\n附件：统计表\n" + table + "\n")
    assert len(split_reports(text).reports) == 1


def test_signature_then_another_report_is_split() -> None:
    second = ("一、概述\n" + FILLER.replace("我局", "本中心")
              + "\n二、主动公开政府信息情况\n本中心全年主动公开信息40条。\n")
    text = ("一、概述\n" + FILLER + "\n二、主动公开政府信息情况\n全年主动公开信息120条。\n"
            "青田县林业局\n2014年3月1日\n" + second)
    spans = split_reports(text).reports
    assert len(spans) == 2 and text[spans[1].start:].startswith("一、概述")


def test_short_reports_and_template_fragments_are_reports() -> None:
    assert len(split_reports("一、总体情况\n本年度共受理申请2件。\n").reports) == 1
    assert len(split_reports("第二十条第（一）项 | | |\n信息内容 | 本年制发件数 |\n规章 | 0 |\n").reports) == 1


def test_items_without_an_intro_are_classified_by_their_wording() -> None:
    text = ("六、存在的主要问题及改进措施\n1、信息更新不够及时。\n2、建立信息更新提醒机制，每周检查。\n"
            "3、加强人员培训。\n")
    measures = find_measures(text, find_sections(text))
    assert [m.kind for m in measures] == ["problem", "measure", "measure"]


def test_titles_in_page_navigation_do_not_start_reports() -> None:
    text = ("青田县林业局2013年政府信息公开工作年度报告\n" + FILLER + "\n"
            "上一篇：青田县林业局2012年政府信息公开工作年度报告\n"
            "青田县林业局2011年政府信息公开工作年度报告\n青田县林业局2010年政府信息公开工作年度报告\n")
    assert len(split_reports(text).reports) == 1
