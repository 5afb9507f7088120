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
from dataclasses import replace

from etl.model import ImprovementMeasure, Section
from etl.parse.numbers import read_number
from etl.parse.patterns import (
    CLOSE,
    CN_ORDINAL,
    MEASURE_BRIDGE_RE,
    MEASURE_GLUED_ITEM_RE,
    MEASURE_INTRO_RE,
    MEASURE_ITEM_RE,
    OPEN,
    PROBLEM_INTRO_RE,
    SIGNATURE_RE,
    SUBHEADING_MAX,
)
from etl.parse.prose import find_old_tables, find_run_tables
from etl.parse.sections import INLINE_MIN_LINE

_PARAGRAPH_RE = re.compile(r"[^\n]+")
_PROBLEM_HEADING_RE = re.compile(r"问题|不足")
_MEASURE_HEADING_RE = re.compile(r"措施|打算|改进|整改|安排|思路")
TAIL_SHARE = 0.4
#: A heading line longer than this is not a heading alone: the section's body starts right after its heading.
HEADING_LINE_MAX = 60
#: A sub-heading inside a flattened line (`（二）下一步的改进措施针对上述问题，…`) runs to the first punctuation.
INLINE_SUBHEADING_MAX = 20
#: Where a flattened line is cut into paragraphs: before each `（一）` after a space or a sentence end.
_SUB_MARKER_RE = re.compile(rf"(?<=[\s。；;：:！!])[ \t\u3000]*{OPEN}\s*{CN_ORDINAL}\s*{CLOSE}")
_INLINE_SUB_STOP_RE = re.compile(rf"[\s。，,；;：:\d]|(?={CN_ORDINAL}[是要])")
#: Wording of an item that states a shortcoming (used when no intro says which kind follows).
_PROBLEM_ITEM_RE = re.compile(r"有待|不够|不足|不强|滞后|薄弱|欠缺|差距|不到位|不平衡|不及时|不完善")


def _ordinal(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    for group in ("o1", "o2", "o3"):
        if groups.get(group):
            value = read_number(match.group(group))
            return int(value) if value is not None else None
    return None


def _items(text: str, start: int, end: int, mode: str | None) -> tuple[list[ImprovementMeasure], str | None]:
    """Items between `start` and `end`, classified by the running mode ("problem"/"measure"/None)."""
    default = mode
    found: list[ImprovementMeasure] = []
    guessed: list[int] = []  # items whose kind was guessed from their wording (no intro said which kind)
    signature = SIGNATURE_RE.search(text, start, end)
    if signature:
        end = signature.start()
    for p_start, p_end in _paragraphs(text, start, end):
        body = text[p_start:p_end]
        if "|" in body or body.strip().startswith(("附件", "附表")):
            break
        markers = list(MEASURE_ITEM_RE.finditer(text, p_start, p_end))
        sub = _subheading(text, p_start, p_end, markers)
        if sub is not None:
            mode, p_start = sub
            guessed = []
            markers = markers[1:]
            glued = MEASURE_GLUED_ITEM_RE.match(text, p_start, p_end)
            if glued and (not markers or markers[0].start() > glued.start()):
                markers.insert(0, glued)
            if not markers:
                continue
        lead_end = markers[0].start() if markers else p_end
        lead = text[p_start:lead_end]
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
            if mode is None:
                guessed.append(len(found))
            found.append(ImprovementMeasure(_ordinal(marker) or 0, item_text, marker.start(), item_end, local_mode))
            first_stop = item_text.find("。")
            bridge = MEASURE_BRIDGE_RE.search(item_text, first_stop + 1) if first_stop >= 0 else None
            if mode != "measure" and bridge:
                # the list of problems ends here and announces measures: this and the unlabelled items
                # before it are problems, the items after it measures
                for index in [*guessed, len(found) - 1]:
                    found[index] = replace(found[index], kind="problem")
                guessed = []
                mode = "measure"
    return found, mode


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraph spans; a flattened line (a whole page in one line) is cut before each `（一）` marker."""
    spans: list[tuple[int, int]] = []
    for line in _PARAGRAPH_RE.finditer(text, start, end):
        p_start, p_end = line.span()
        full_end = text.find("\n", p_end)
        if (len(text) if full_end < 0 else full_end) - (text.rfind("\n", 0, p_start) + 1) < INLINE_MIN_LINE:
            spans.append((p_start, p_end))
            continue
        cuts = [p_start, *(m.start() for m in _SUB_MARKER_RE.finditer(text, p_start, p_end) if m.start() > p_start)]
        spans.extend(zip(cuts, [*cuts[1:], p_end], strict=True))
    return spans


def _heading_kind(heading: str) -> str | None:
    if _MEASURE_HEADING_RE.search(heading):
        return "measure"
    return "problem" if _PROBLEM_HEADING_RE.search(heading) else None


def _subheading(text: str, p_start: int, p_end: int, markers: list[re.Match[str]]) -> tuple[str, int] | None:
    """(mode, end of the sub-heading) when the paragraph opens with a problems or measures sub-heading.

    Either the whole paragraph is a short heading (`（二）改进措施`), or, in flattened text, the words right
    after a `（二）` marker up to the first punctuation are one (`（二）下一步的改进措施针对上述问题，…`).
    """
    if not markers or markers[0].start() != p_start:
        return None
    stripped = text[p_start:p_end].strip()
    if len(stripped) <= SUBHEADING_MAX and "。" not in stripped and (kind := _heading_kind(stripped)):
        return kind, p_end
    first = markers[0]
    if not first.group("o1"):
        return None
    after = text[first.end():p_end]
    stop = _INLINE_SUB_STOP_RE.search(after)
    words = after[:stop.start()] if stop else after
    if 2 <= len(words) <= INLINE_SUBHEADING_MAX and (kind := _heading_kind(words)):
        return kind, first.end() + len(words)
    return None


def _body(text: str, section: Section) -> tuple[int, str]:
    """Where a section's body starts, and its heading line (a flattened page's heading ends inside its line)."""
    line_end = text.find("\n", section.start, section.end)
    if 0 <= line_end - section.start <= HEADING_LINE_MAX:
        return line_end + 1, text[section.start:line_end]
    head = text.find(section.heading, section.start, section.end)
    if head >= 0:
        return head + len(section.heading), section.heading
    if line_end < 0:
        return section.end, text[section.start:section.end]
    return line_end + 1, text[section.start:line_end]


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
    table_starts = [start for start, _ in find_old_tables(text)] + [run[0].start() for run in find_run_tables(text)]
    for section in sections:
        if section.kind != "problems_and_improvements":
            continue
        body_start, heading_line = _body(text, section)
        # a statistics table flattened into the section's text (no `附表` heading before it) ends the items
        end = min((t for t in table_starts if body_start < t < section.end), default=section.end)
        mode = "measure" if _MEASURE_HEADING_RE.search(heading_line) and not _PROBLEM_HEADING_RE.search(
            heading_line) else None
        items, _ = _items(text, body_start, end, mode)
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
