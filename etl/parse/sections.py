"""Section headings and their canonical kinds (docs/domain.md#sections).

A heading is a short line that either starts with a top-level Chinese ordinal (`一、`, `一.`,
`第一部分`) or, without an ordinal, matches a known heading (`基本情况`, `下步工作思路和打算`).
Sub-items (`（一）`, `1、`) never open a top-level section, and the intro sentence that lists
the parts of the report is not a heading (it is long and ends in `。`). The kind comes from
keywords (patterns.SECTION_KIND_KEYWORDS), never from the ordinal.
"""

from __future__ import annotations

import re

from etl.model import Section
from etl.parse.numbers import read_number
from etl.parse.patterns import (
    BARE_HEADING_ENDINGS,
    NOT_HEADING_RE,
    SECTION_EXACT_HEADINGS,
    SECTION_KIND_KEYWORDS,
    SECTION_SUBKIND_KEYWORDS,
    SUB_ORDINAL_RE,
    TOP_ORDINAL_RE,
)

MAX_HEADING = 42
MAX_BARE_HEADING = 24
_LINE_RE = re.compile(r"[^\n]*")
_STRIP_RE = re.compile(r"[\s:：。]+$")


def classify_heading(heading: str) -> tuple[str | None, str | None]:
    """(kind, subkind) of a heading text without its ordinal; kind None when no keyword matches.

    Extra themes (咨询, 回应解读, 机构建设 …) become kind "other" with a subkind.
    """
    text = heading.replace(" ", "").replace("\u3000", "")
    if text.rstrip("：:") in SECTION_EXACT_HEADINGS:
        return SECTION_EXACT_HEADINGS[text.rstrip("：:")], None
    kind = next((k for keyword, k in SECTION_KIND_KEYWORDS if keyword in text), None)
    if kind in (None, "other"):
        subkind = next((s for keyword, s in SECTION_SUBKIND_KEYWORDS if keyword in text), None)
        if subkind is not None:
            return "other", subkind
    return kind, None


def _heading_text(line: str) -> tuple[str, int] | None:
    """The heading part of a line starting with a top-level ordinal, and its length in the line."""
    match = TOP_ORDINAL_RE.match(line)
    if not match:
        return None
    rest = line[match.end():]
    colon = min((i for i in (rest.find("："), rest.find(":")) if i > 0), default=-1)
    stop = rest.find("。")
    if 0 < colon <= 30 and (stop < 0 or colon < stop):
        rest = rest[:colon]  # `一、主动公开政府信息的情况：全年…` — content follows the colon
    elif stop >= 0:
        if stop > 30:
            return None
        rest = rest[:stop]
    elif len(line.strip()) > MAX_HEADING:
        return None
    heading = _STRIP_RE.sub("", rest).strip()
    if not heading:
        return None
    return heading, match.end() + len(rest)


def _is_bare_heading(line: str) -> bool:
    text = _STRIP_RE.sub("", line).strip()
    if not text or len(text) > MAX_BARE_HEADING or SUB_ORDINAL_RE.match(text):
        return False
    if any(ch in text for ch in "。，,；;|《"):
        return False
    if text.startswith(("附件", "附表")):
        return True
    if not text.endswith(BARE_HEADING_ENDINGS):
        return False
    kind, _ = classify_heading(text)
    return kind is not None


def _attachment_line(line: str) -> bool:
    text = line.strip()
    return text.startswith(("附件", "附表")) and len(text) <= 60 and "。" not in text


def find_sections(text: str) -> list[Section]:
    """Top-level sections in text order; text before the first heading belongs to no section."""
    found: list[tuple[int, str, str | None, str | None]] = []  # (start, heading, kind, subkind)
    last_ordinal = 0
    for match in _LINE_RE.finditer(text):
        line = match.group(0)
        if not line.strip():
            continue
        if ("|" in line and not _attachment_line(line)) or NOT_HEADING_RE.search(line):
            continue
        head = _heading_text(line)
        if head is not None:
            ordinal = TOP_ORDINAL_RE.match(line)
            number = read_number(ordinal.group("cn") or ordinal.group("part") or "")
            if number is not None:
                if last_ordinal and number <= last_ordinal:
                    continue  # a restarted or repeated ordinal is a sub-list, not a section
                last_ordinal = int(number)
            heading = head[0]
            kind, subkind = classify_heading(heading)
            found.append((match.start(), line.strip()[: head[1]].strip(), kind, subkind))
            continue
        if _is_bare_heading(line) or _attachment_line(line):
            heading = _STRIP_RE.sub("", line).strip()
            kind, subkind = classify_heading(heading)
            if _attachment_line(line):
                kind, subkind = "other", "appendix"
            found.append((match.start(), heading, kind, subkind))
    sections: list[Section] = []
    seen_overview = False
    for number, (start, heading, kind, subkind) in enumerate(found, start=1):
        end = found[number][0] if number < len(found) else len(text)
        if kind is None:
            # an unnamed first theme ("一、适应形势发展，…") is the report's general account
            kind = "overview" if not seen_overview and not sections else "other"
        seen_overview = seen_overview or kind == "overview"
        sections.append(Section(number, kind, heading, start, end, subkind))
    return sections
