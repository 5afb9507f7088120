"""One invented pre-2019 report end to end through the pipeline (extract → normalise → parse)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from etl.pipeline import process_file

REPORT = """永嘉县水产站2014年度政府信息公开工作年度报告

本报告所列数据的统计期限自2014年1月1日起至2014年12月31日止。

一、概述
2014年，我站认真贯彻《中华人民共和国政府信息公开条例》，完善公开制度，加强队伍建设，公开工作有序推进。
二、主动公开政府信息情况
全年共主动公开政府信息二百一十条，其中，在县政府门户网站公开信息180条，在站门户网站公开信息30余条。到年底累计主动公开政府信息1520条。
三、依申请公开政府信息情况
全年共受理政府信息公开申请4件，在已答复的4件申请中，“同意公开”的3件，“信息不存在”的1件。
四、政府信息公开的收费及减免情况
未向申请人收取任何费用。
五、因政府信息公开申请行政复议、提起行政诉讼的情况
未发生因政府信息公开申请行政复议、提起行政诉讼的情况。
六、存在的主要问题及改进措施
我站公开工作还存在一些不足：一是公开内容不够丰富；二是更新不够及时。
下一步，我站将做好以下工作：
（一）丰富公开内容。
（二）建立更新机制。

永嘉县水产站
2015年2月10日
"""


def test_invented_report_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    (report,) = process_file(path).reports
    assert (report.agency.name, report.agency.adcode, report.agency.level) == ("永嘉县水产站", "330324", "county")
    assert (report.year, report.published_on, report.format) == (2014, date(2015, 2, 10), "prose")
    assert [s.kind for s in report.sections] == ["overview", "proactive", "requests", "fees", "appeals",
                                                 "problems_and_improvements"]
    got = {(f.item, f.value, f.approximate) for f in report.facts}
    assert got == {
        ("proactive.total", 210, False),
        ("proactive.channel.government_portal", 180, False),
        ("proactive.channel.agency_website", 30, True),
        ("proactive.cumulative", 1520, False),
        ("new_received", 4, False),
        ("answered", 4, False),
        ("granted", 3, False),
        ("legacy.not_exist", 1, False),
        ("fees.charged_yuan", 0, False),
        ("review.total", 0, False),
        ("litigation.total", 0, False),
    }
    for fact in report.facts:
        assert report.text[fact.start:fact.end] == fact.evidence
        assert fact.section_ordinal is not None
    kinds = [m.kind for m in report.improvement_measures]
    assert kinds == ["problem", "problem", "measure", "measure"]
