"""Bounded resources: span bombs, huge texts, deep nesting and memory-hungry files cost one file, not the run."""

from __future__ import annotations

import time
from pathlib import Path

from etl import pipeline
from etl.extract import Limits, extract_bytes

HEAD = "<html><body><p>示例局2019年政府信息公开工作年度报告</p>"


def test_a_table_of_huge_spans_is_too_complex_and_costs_nothing():
    bomb = (HEAD + "<table><tr>" + '<td rowspan="200" colspan="200">x</td>' * 300 + "</tr></table></body></html>")
    started = time.monotonic()
    raw = extract_bytes(bomb.encode(), "bomb.html")
    assert time.monotonic() - started < 5
    assert raw.text is None and [i.code for i in raw.issues] == ["too_complex"]
    assert "12,000,000 positions" in raw.issues[0].message


def test_an_ordinary_spanning_table_is_under_the_cap():
    table = HEAD + '<table><tr><td rowspan="2">项目</td><td colspan="3">申请人</td></tr><tr><td>a</td></tr></table>'
    raw = extract_bytes((table + "</body></html>").encode(), "t.html")
    assert raw.text is not None and "项目 | 申请人 |" in raw.text


def test_text_past_the_length_caps_is_too_complex():
    long_text = "示例局2019年政府信息公开工作年度报告\n" + "本年收到申请12件。" * 1000
    raw = extract_bytes(long_text.encode(), "r.txt", Limits(max_line_chars=5000))
    assert raw.text is None and raw.issues[-1].code == "too_complex" and "ETL_MAX_LINE_CHARS" in raw.issues[-1].message
    raw = extract_bytes(long_text.encode(), "r.txt", Limits(max_text_chars=5000))
    assert raw.text is None and "ETL_MAX_TEXT_CHARS" in raw.issues[-1].message


def test_deep_nesting_keeps_its_text():
    for depth, degraded in ((1500, False), (100_000, True)):  # past Python's recursion limit; past libxml2's
        page = HEAD + "<div>" * depth + "本年收到申请12件。" + "</div>" * depth
        raw = extract_bytes((page + "<table><tr><td>新收</td><td>3</td></tr></table></body></html>").encode(), "d.html")
        assert raw.text is not None and "本年收到申请12件。" in raw.text and "新收 | 3 |" in raw.text
        assert [i.code for i in raw.issues] == (["too_complex"] if degraded else [])


def test_a_file_that_needs_too_much_memory_costs_only_itself(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "_parse_task", _parse_or_bloat)
    results = []
    with pipeline.ParsePool(1, timeout=60, memory_bytes=200 * 2**20) as pool:
        for name in ("a.txt", "bomb.txt", "b.txt"):
            (tmp_path / name).write_text("示例局2019年政府信息公开工作年度报告\n", encoding="utf-8")
            results += pool.submit(pipeline.Task(str(tmp_path / name), 1, 1, "0" * 64))
        while pool.pending:
            results += pool.collect(block=True)
    codes = {Path(task.path).name: [i.code for i in doc.issues] for task, doc in results}
    assert codes == {"a.txt": [], "bomb.txt": ["too_complex"], "b.txt": []}


def _parse_or_bloat(path: str):
    if path.endswith("bomb.txt"):  # in the worker: an extract stage that wants 2 GB for this file
        real = pipeline.extract
        pipeline.extract = lambda p: bytearray(2 * 2**30)
        try:
            return pipeline.process_file(path)
        finally:
            pipeline.extract = real
    return pipeline.process_file(path)
