"""Improvement measures of the problems-and-improvements section (and problems, kept apart).

Items are marked `一是…`, `（一）…` or `1、…`. Within the section, text introduced by problem
words (`存在的问题`, `主要表现在`) holds problems; text introduced by future-action words
(`将继续…`, `下一步`, `做好以下几方面工作`) or a sub-heading such as `（二）改进措施` holds
measures. A report without such a section may still close with a paragraph of future actions
(`{Y}年，我们将继续努力…一是…二是…`); its items are the measures. Sub-headings, tables and
signature blocks never become items.
"""

from __future__ import annotations

import re

from etl.model import ImprovementMeasure, Section
from etl.parse.numbers import read_number
from etl.parse.patterns import (
    MEASURE_INTRO_RE,
    MEASURE_ITEM_RE,
    PROBLEM_INTRO_RE,
    SIGNATURE_RE,
    SUBHEADING_MAX,
)

_PARAGRAPH_RE = re.compile(r"[^\n]+")
_PROBLEM_HEADING_RE = re.compile(r"问题|不足")
_MEASURE_HEADING_RE = re.compile(r"措施|打算|改进|整改|安排|思路")
TAIL_SHARE = 0.4
#: Wording of an item that states a shortcoming (used when no intro says which kind follows).
_PROBLEM_ITEM_RE = re.compile(r"有待|不够|不足|不强|滞后|薄弱|欠缺|差距|不到位|不平衡|不及时|不完善")


def _ordinal(match: re.Match[str]) -> int | None:
    for group in ("o1", "o2", "o3"):
        if match.group(group):
            value = read_number(match.group(group))
            return int(value) if value is not None else None
    return None


def _items(text: str, start: int, end: int, mode: str | None) -> tuple[list[ImprovementMeasure], str | None]:
    """Items between `start` and `end`, classified by the running mode ("problem"/"measure"/None)."""
    default = mode
    found: list[ImprovementMeasure] = []
    signature = SIGNATURE_RE.search(text, start, end)
    if signature:
        end = signature.start()
    for paragraph in _PARAGRAPH_RE.finditer(text, start, end):
        p_start, p_end = paragraph.start(), paragraph.end()
        body = paragraph.group(0)
        if "|" in body or body.strip().startswith(("附件", "附表")):
            break
        markers = list(MEASURE_ITEM_RE.finditer(text, p_start, p_end))
        lead_end = markers[0].start() if markers else p_end
        lead = text[p_start:lead_end]
        stripped = body.strip()
        if (markers and markers[0].start() == p_start and len(stripped) <= SUBHEADING_MAX and "。" not in stripped
                and (_MEASURE_HEADING_RE.search(stripped) or _PROBLEM_HEADING_RE.search(stripped))):
            mode = "measure" if _MEASURE_HEADING_RE.search(stripped) else "problem"
            continue
        if MEASURE_INTRO_RE.search(lead):
            mode = "measure"
        elif PROBLEM_INTRO_RE.search(lead):
            mode = "problem"
        if not markers:
            if lead.strip() and mode == "problem" and PROBLEM_INTRO_RE.search(lead):
                found.append(ImprovementMeasure(0, lead.strip(), p_start, p_end, "problem"))
                mode = default  # a problem stated in one paragraph: what follows is the section's own kind
            continue
        for index, marker in enumerate(markers):
            item_end = markers[index + 1].start() if index + 1 < len(markers) else p_end
            item_text = text[marker.start():item_end].strip().rstrip("，,；;")
            if not item_text:
                continue
            local_mode = mode or ("problem" if _PROBLEM_ITEM_RE.search(item_text) else "measure")
            if mode == "problem" and MEASURE_INTRO_RE.search(text[p_start:marker.start()]):
                local_mode = "measure"
            found.append(ImprovementMeasure(_ordinal(marker) or 0, item_text, marker.start(), item_end, local_mode))
    return found, mode


def _number(items: list[ImprovementMeasure]) -> list[ImprovementMeasure]:
    out = []
    counters = {"measure": 0, "problem": 0}
    for item in items:
        counters[item.kind] += 1
        out.append(ImprovementMeasure(item.ordinal or counters[item.kind], item.text, item.start, item.end, item.kind))
    return out


def find_measures(text: str, sections: list[Section]) -> list[ImprovementMeasure]:
    """Problems and improvement measures, in text order."""
    found: list[ImprovementMeasure] = []
    for section in sections:
        if section.kind != "problems_and_improvements":
            continue
        body_start = text.find("\n", section.start, section.end)
        body_start = section.end if body_start < 0 else body_start + 1
        heading_line = text[section.start:body_start]
        mode = "measure" if _MEASURE_HEADING_RE.search(heading_line) and not _PROBLEM_HEADING_RE.search(
            heading_line) else None
        items, _ = _items(text, body_start, section.end, mode)
        found.extend(items)
    if not any(s.kind == "problems_and_improvements" for s in sections):
        found.extend(_closing_paragraph(text))
    return _number(found)


def _closing_paragraph(text: str) -> list[ImprovementMeasure]:
    """Measures listed in a closing future-actions paragraph of a report with no problems section."""
    floor = int(len(text) * (1 - TAIL_SHARE))
    paragraphs = [p for p in _PARAGRAPH_RE.finditer(text) if p.end() > floor]
    for paragraph in paragraphs:
        markers = list(MEASURE_ITEM_RE.finditer(text, paragraph.start(), paragraph.end()))
        if not markers:
            continue
        lead = text[paragraph.start():markers[0].start()]
        if MEASURE_INTRO_RE.search(lead):
            items, _ = _items(text, paragraph.start(), paragraph.end(), "measure")
            return [i for i in items if i.kind == "measure"]
    return []
