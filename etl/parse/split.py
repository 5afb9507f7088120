"""Find where each report starts and ends in a document (docs/domain.md#splitting).

Signals that a second report starts:

- a second title line after some body text;
- top-level ordinals restarting at `一、` after `五、`/`六、`, or after `三、`/`四、` when the
  paragraph introducing the restart uses a different self-name (`我委` … then `我们交通局`);
- a signature block (agency + date) followed by more headed prose.

A report whose text holds a truncation marker (`此处隐藏:NNNN字`, `全部文档内容请下载后查看`) is
marked truncated. Decision: an appended report becomes a Report of its own (flagged
`truncated` when cut off), so its numbers are never mixed into the first report and the
loader can decide whether to keep a fragment; the document also gets a `several_reports`
issue. A text that is not a report at all (a notice, a letter) yields no span and a
`not_a_report` issue saying why.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from etl.model import Issue
from etl.parse.metadata import find_titles
from etl.parse.numbers import read_number
from etl.parse.patterns import (
    ANNUAL_REPORT_WORDS_RE,
    NOT_REPORT_OPENINGS_RE,
    OTHER_DOCUMENT_TITLE_RE,
    PAGE_TITLE_LABEL_RE,
    REPORT_WORDS_RE,
    SELF_REFERENCE_RE,
    SIGNATURE_RE,
    TEMPLATE_ANCHOR_RE,
    TOP_ORDINAL_RE,
    TRUNCATION_RE,
)
from etl.parse.sections import classify_heading, find_sections

MIN_BODY = 300
_LINE_RE = re.compile(r"[^\n]*")


@dataclass(frozen=True)
class ReportSpan:
    """Where one report lies in the document's normalised text."""

    start: int
    end: int
    truncated: bool = False


@dataclass
class SplitResult:
    """The reports found in a document, and issues about the document as a whole."""

    reports: list[ReportSpan] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def not_report_reason(text: str) -> str | None:
    """Why `text` is not an annual report, or None when it looks like one."""
    head = "\n".join(line for line in text.strip().splitlines()[:3])
    first = PAGE_TITLE_LABEL_RE.sub("", text.strip().splitlines()[0]).strip() if text.strip() else ""
    if OTHER_DOCUMENT_TITLE_RE.search(first) and not ANNUAL_REPORT_WORDS_RE.search(first):
        return f"its title names another kind of document ('{first[-40:]}'), not an annual report"
    opening = NOT_REPORT_OPENINGS_RE.search(head)
    if opening and not find_titles(head):
        return f"it opens like a notice or letter ('{opening.group(0).strip()[:40]}'), not an annual report"
    if find_titles(text):
        return None
    if TEMPLATE_ANCHOR_RE.search(text):
        return None
    known = [s for s in find_sections(text) if classify_heading(s.heading)[0] is not None]
    if len({s.kind for s in known}) >= 2 or (known and re.search(r"公开|申请", text)):
        return None
    if len(REPORT_WORDS_RE.findall(text)) >= 5 and SELF_REFERENCE_RE.search(text) and len(text) >= MIN_BODY:
        return None
    return "it has no report title, no report section headings and no account of information-disclosure work"


def _self_type(text: str) -> str | None:
    types = Counter(m.group("type") for m in SELF_REFERENCE_RE.finditer(text))
    return types.most_common(1)[0][0] if types else None


def _ordinal_boundaries(text: str) -> list[int]:
    """Positions where top-level ordinals restart at 一 and a new report begins."""
    boundaries: list[int] = []
    highest = 0
    last_start = 0
    previous_line: tuple[int, str] | None = None
    for match in _LINE_RE.finditer(text):
        line = match.group(0)
        if not line.strip():
            continue
        ordinal = TOP_ORDINAL_RE.match(line)
        number = None
        if ordinal and ordinal.group("cn"):
            value = read_number(ordinal.group("cn"))
            number = int(value) if value is not None else None
        if number == 1 and highest >= 3 and match.start() - last_start >= MIN_BODY:
            start = match.start()
            intro_type = _self_type(previous_line[1]) if previous_line else None
            before_type = _self_type(text[last_start:previous_line[0]] if previous_line else "")
            if intro_type and before_type and intro_type != before_type:
                start = previous_line[0]
            elif highest < 5 or classify_heading(TOP_ORDINAL_RE.sub("", line))[0] not in (None, "overview"):
                # a report opens with its overview; `一、主动公开政府信息情况` after an overview numbered
                # 一…六 (the template sections following a long 总体情况) continues the same report
                start = -1
            if start >= 0:
                boundaries.append(start)
                last_start = start
                highest = 0
        if number is not None:
            highest = max(highest, number)
        previous_line = (match.start(), line)
    return boundaries


_NAVIGATION_RE = re.compile(r"^\s*(?:上一篇|下一篇|上一条|下一条|相关|推荐|链接|来源|转载|附件)")


def _title_boundaries(text: str) -> list[int]:
    """Second and later titles with a body of their own (not a repeated title, not a list of links)."""
    boundaries = []
    titles = [t for t in find_titles(text) if not _NAVIGATION_RE.match(text[text.rfind("\n", 0, t.start) + 1:])]
    last = titles[0].end if titles else 0
    for index, title in enumerate(titles[1:], start=1):
        following = titles[index + 1].start if index + 1 < len(titles) else len(text)
        body = text[title.end:following]
        if title.start - last >= MIN_BODY and len(body.strip()) >= MIN_BODY and body.count("。") >= 3:
            boundaries.append(title.start)
        last = title.end
    return boundaries


def _signature_boundaries(text: str) -> list[int]:
    boundaries = []
    for match in SIGNATURE_RE.finditer(text):
        rest = text[match.end():]
        prose = "\n".join(line for line in rest.splitlines() if "|" not in line)
        if (len(prose.strip()) >= MIN_BODY and prose.count("。") >= 3
                and any(TOP_ORDINAL_RE.match(line) for line in prose.splitlines())):
            first = re.search(r"\S", rest)
            if first:
                boundaries.append(match.end() + first.start())
    return boundaries


def split_reports(text: str) -> SplitResult:
    """Spans of the reports in `text` (none, with an issue, when it is not a report)."""
    if not text.strip():
        return SplitResult([], [Issue("warning", "empty_text", "The file holds no text.")])
    reason = not_report_reason(text)
    if reason:
        return SplitResult([], [Issue("warning", "not_a_report", f"This file is not an annual report: {reason}; "
                                      "nothing was loaded from it.")])
    starts = sorted({0, *_title_boundaries(text), *_ordinal_boundaries(text), *_signature_boundaries(text)})
    spans = []
    issues = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        truncated = TRUNCATION_RE.search(text, start, end) is not None
        spans.append(ReportSpan(start, end, truncated))  # the orchestrator adds the report's own issue
    if len(spans) > 1:
        issues.insert(0, Issue("warning", "several_reports",
                               f"This file holds {len(spans)} reports glued together; they were split at "
                               f"offsets {', '.join(str(s.start) for s in spans[1:])} and parsed separately."))
    return SplitResult(spans, issues)
