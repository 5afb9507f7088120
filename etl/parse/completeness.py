"""Is a report's text complete, or was the page cut off mid-report? (docs/domain.md#splitting)

A page saved before it finished loading, or a mirror that shows only the start, stops in the middle
of a sentence or of a table. Signals, on the report's own text:

- the last line is long prose that does not end a sentence (`…我局共受理政府信息公开申请`);
- the text ends at the first item of a table's numbered sub-list (`其中：1．当面申请数 条 0`);
- the last line is a table row and no closing section (problems and improvements, other matters)
  follows the tables — a template report always goes on after Table 4.

A last line that is a date, a signature, a heading or a short phrase ends a complete report; page
chrome left at the very end (`附件下载`) is ignored, and a page flattened into one long line is judged
by how that line ends.
"""

from __future__ import annotations

import re

from etl.model import Section
from etl.parse.patterns import (
    CJK,
    CLOSING_SECTION_KINDS,
    COMPLETE_LAST_LINE_RE,
    CUT_LINE_MIN,
    DATE_RE,
    END_DATE_RE,
    OPEN_SUB_LIST_END_RE,
    SENTENCE_END_CHARS,
    TRAILING_CHROME_RE,
)

_TABLE_ROW_RE = re.compile(r"\|")


def _last_line(text: str) -> str:
    for line in reversed(text.splitlines()):
        if line.strip():
            return line.strip()
    return ""


def cut_off_reason(text: str, sections: list[Section]) -> str | None:
    """Why the report in `text` looks cut off, or None when it looks complete."""
    line = TRAILING_CHROME_RE.sub("", _last_line(text)).rstrip()
    if not line or DATE_RE.search(line[-16:]) or END_DATE_RE.search(line):
        return None  # a signature date ends the report
    if OPEN_SUB_LIST_END_RE.search(line):
        return "the text stops inside a table, at the first item of a sub-list"
    if _TABLE_ROW_RE.search(line):
        if not any(s.kind in CLOSING_SECTION_KINDS for s in sections):
            return "the text stops inside a table and no closing section follows"
        return None
    # only a sentence can be cut mid-sentence: a line ending in a figure is the end of a table or list
    last = re.split(r"(?<=[。！？!?；;])", line)[-1].strip()  # what follows the last full sentence
    if COMPLETE_LAST_LINE_RE.search(last):
        return None
    if len(line) >= CUT_LINE_MIN and re.match(f"[{CJK}]", line[-1]) and line[-1] not in SENTENCE_END_CHARS:
        return f"the text stops mid-sentence ('…{line[-20:]}')"
    return None
