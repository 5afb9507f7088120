"""Sections and improvement measures of pages whose crawler joined the whole report into one line.

Fixtures are written for these tests (no text of the seeds, devset or corpus).
"""

from __future__ import annotations

from etl.parse.measures import find_measures
from etl.parse.sections import find_sections

FILLER = "我办按照条例要求认真做好各项公开工作，及时更新栏目内容，确保信息准确。" * 3


def _one_line(*parts: str) -> str:
    return "标题行\n" + " ".join(parts) + "\n"


def _measures(text: str) -> list[str]:
    return [m.text for m in find_measures(text, find_sections(text)) if m.kind == "measure"]


def test_headings_inside_one_line_become_sections_in_order() -> None:
    text = _one_line(
        "首页 当前位置", "一、概述", FILLER, "二、公开情况", FILLER, "三、依申请公开政府信息情况", "本年度未收到申请。",
        "四、存在的主要问题和改进措施", "（一）存在的问题", "一是人员少。二是栏目少。",
    )
    sections = find_sections(text)
    assert [s.heading for s in sections] == [
        "一、概述", "二、公开情况", "三、依申请公开政府信息情况", "四、存在的主要问题和改进措施"]
    assert [s.kind for s in sections] == ["overview", "other", "requests", "problems_and_improvements"]
    assert text[sections[1].start:].startswith("二、公开情况")


def test_inline_ordinal_must_be_the_next_one_and_name_a_section() -> None:
    # a sub-list restarting at 一, a template row label and an unnamed long clause are not headings
    text = _one_line(
        "一、总体情况", FILLER, "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数",
        "三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量00",
        "（七）总计00四、结转下年度继续办理00四、政府信息公开行政复议、行政诉讼情况", FILLER,
    )
    headings = [s.heading for s in find_sections(text)]
    assert headings == ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                        "四、政府信息公开行政复议、行政诉讼情况"]


def test_glued_subheadings_split_problems_from_measures() -> None:
    text = _one_line(
        "一、总体情况", FILLER,
        "二、存在的主要问题及改进情况（一）存在的主要问题本年度工作仍有不足：一是人员流动大；二是内容单一；三是互动少。"
        "（二）下一步的改进措施针对上述问题，我办将持续改进。一是加强培训。二是完善机制。三是拓宽渠道。"
        "三、其他需要报告的事项本年度无收费。",
    )
    assert _measures(text) == ["一是加强培训。", "二是完善机制。", "三是拓宽渠道。"]


def test_first_item_glued_to_its_subheading_and_yao_markers() -> None:
    text = _one_line(
        "一、总体情况", FILLER,
        "二、存在的问题及改进措施（一）工作中存在的主要问题和困难一是认识不足。二是渠道较窄。"
        "（二）具体的解决办法和改进措施一要加强宣传教育，扩大范围。二要创新工作思路，丰富方式。"
        "三、其他需要报告的事项无。",
    )
    assert [t[:2] for t in _measures(text)] == ["一要", "二要"]


def test_a_closing_bridge_sentence_turns_the_following_items_into_measures() -> None:
    text = (
        "一、总体情况\n" + FILLER + "\n二、存在的问题及改进措施\n"
        "一是人员力量不足；二是公开内容不够深入；三是机制不够健全。因此，我们考虑从以下三个方面做进一步的改进。\n"
        "（一）深化公开内容。按要求做好主动公开。\n（二）扩展公开形式。发挥网站作用。\n（三）规范公开行为。加强培训。\n"
    )
    measures = _measures(text)
    assert [m[:3] for m in measures] == ["（一）", "（二）", "（三）"]


def test_a_flattened_statistics_table_after_the_measures_is_not_items() -> None:
    text = _one_line(
        "一、概述", FILLER, "二、存在的主要问题和改进措施", "（一）存在的问题", "一是人员少。二是栏目少。",
        "（二）改进措施", "针对问题，明年将着重改进：", "1、加强受理服务。", "2、加强主动公开。",
        "某某局信息公开情况统计表 指标名称 计量单位 本年度 主动公开信息数 条 12 其中：1、网站公开 条 12 "
        "2、政府公报公开 条 0 受理依申请公开信息总数 条 0 其中：1、当面申请数 条 0 2、传真申请数 条 0 "
        "3、电子邮件申请数 条 0 对申请的答复总数 条 0 行政复议数 件 0 行政诉讼数 件 0",
    )
    assert [t[:2] for t in _measures(text)] == ["1、", "2、"]


def test_an_appendix_label_in_the_line_closes_the_last_section() -> None:
    text = _one_line(
        "一、概述", FILLER, "二、存在的主要问题和改进措施", "（二）改进措施", "明年将着重改进：", "1、加强受理服务。",
        "某某局 二○一○年四月十日", "附表：", "指标名称 计量单位 年末统计 1．网站公开 条 6 2．政府公报公开 条 0",
    )
    sections = find_sections(text)
    assert sections[-1].subkind == "appendix"
    assert [t[:2] for t in _measures(text)] == ["1、"]
