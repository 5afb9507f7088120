"""extract → normalise on a whole (invented) government web page: chrome goes, the report stays."""

from __future__ import annotations

from pathlib import Path

from etl.extract import extract
from etl.normalise import normalise

PAGE = """<!DOCTYPE html>
<html><head><meta charset="gbk"><title>某某县民政局2020年政府信息公开工作年度报告</title>
<script>var share = "分享到";</script></head>
<body>
<table class="meta">
  <tr><td>索引号：</td><td>000000-2021-00001</td><td>分类：</td><td>综合政务</td></tr>
  <tr><td>发布机构：</td><td>某某县民政局</td><td>发文日期：</td><td>2021-01-20</td></tr>
</table>
<div class="tools">字号：[ <a>大</a> <a>中</a> <a>小</a> ]</div>
<h1>某某县民政局2020年政府信息公开工作年度报告</h1>
<p>一、总体情况</p>
<p>　　２０２０年，我局主动公开政府信息１２３条。</p>
<p>二、主动公开政府信息情况</p>
<table border="1">
  <tr><td colspan="4">第二十条第(一)项</td></tr>
  <tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>
  <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
</table>
<div class="tools"><a>【打印此页】</a> <a>【关闭窗口】</a></div>
<div>分享到：</div>
<div>扫一扫在手机打开当前页</div>
</body></html>
"""


def test_government_page_keeps_report_and_table_and_loses_chrome(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.encode("gbk"))
    raw = extract(path)
    assert raw.encoding == "gb18030"
    clean = normalise(raw)
    lines = clean.text.splitlines()
    assert "一、总体情况" in lines
    assert "2020年，我局主动公开政府信息123条。" in lines
    assert "第二十条第（一）项 |  |  |  |" in lines
    assert "规章 | 0 | 0 | 0 |" in lines
    for chrome in ("索引号", "发布机构", "字号", "打印此页", "分享到", "扫一扫"):
        assert not [line for line in lines if chrome in line], chrome
    metadata = next(r for r in clean.repairs if r.kind == "page_metadata")
    assert metadata.count == 2
    assert clean.original[metadata.positions[0] :].startswith("索引号")
