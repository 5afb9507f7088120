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
    CN_ORDINAL,
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
#: A line this long is a flattened page (a crawler joined the whole report into one line): its headings
#: sit inside the line, after a space, a sentence end or a table's last value (`…总计00五、存在的主要问题`).
INLINE_MIN_LINE = 200
#: An inline heading text runs to the first space, punctuation, parenthesis or digit, and is at most this long.
MAX_INLINE_HEADING = 30
_INLINE_ORDINAL_RE = re.compile(
    rf"(?:(?<=^)|(?<=[\s\d。；;！!）)”]))(?P<cn>{CN_ORDINAL})\s*[、．.]", re.M
)
_INLINE_APPENDIX_RE = re.compile(r"(?<=[\s。])附[表件]\s*(?=[：:\d一二三四五六七八九\s])")
_ENDING_RE = re.compile("|".join(BARE_HEADING_ENDINGS))
_Found = tuple[int, str, str | None, str | None]  # (start, heading, kind, subkind)
_INLINE_STOP_RE = re.compile(r"[\s。，,；;：:（(\d“”\"《|]")


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


def _inline_headings(line: str, offset: int, last_ordinal: int) -> tuple[list[_Found], int]:
    """Headings inside one flattened line, and the last top-level ordinal seen.

    Inside running text an ordinal is a heading only when it is the next one (一 after none, 二 after 一 …)
    and the short text after it names a known section kind: sub-lists that restart at 一 and template row
    labels (`四、结转下年度继续办理`) stay in their section. `附表：`/`附件1` after a space opens the appendix.
    """
    found: list[_Found] = []
    candidates = sorted([*_INLINE_ORDINAL_RE.finditer(line), *_INLINE_APPENDIX_RE.finditer(line)],
                        key=lambda m: m.start())
    for match in candidates:
        if match.re is _INLINE_APPENDIX_RE:
            if found:  # an appendix follows the report's own sections, never opens the page
                found.append((offset + match.start(), match.group(0).strip(), "other", "appendix"))
            continue
        number = read_number(match.group("cn"))
        if number is None or int(number) != last_ordinal + 1:
            continue
        rest = line[match.end():match.end() + MAX_INLINE_HEADING + 1]
        stop = _INLINE_STOP_RE.search(rest)
        heading = rest[:stop.start()] if stop else rest[:MAX_INLINE_HEADING]
        # a heading glued to what follows (`主动公开政府信息情况第二十条…`) ends at its last heading word
        ends = [m.end() for m in _ENDING_RE.finditer(heading)]
        heading = heading[:ends[-1]] if ends else heading
        if len(heading) < 2 or NOT_HEADING_RE.search(heading):
            continue
        kind, subkind = classify_heading(heading)
        if kind is None and not (stop and ends):
            continue  # an unnamed theme counts only when it stands apart and ends like a heading (`公开情况 `)
        last_ordinal = int(number)
        found.append((offset + match.start(), line[match.start():match.end()] + heading, kind, subkind))
    return found, last_ordinal


def find_sections(text: str) -> list[Section]:
    """Top-level sections in text order; text before the first heading belongs to no section."""
    found: list[_Found] = []
    last_ordinal = 0
    for match in _LINE_RE.finditer(text):
        line = match.group(0)
        if not line.strip():
            continue
        if len(line) >= INLINE_MIN_LINE and "|" not in line:
            inline, last_ordinal = _inline_headings(line, match.start(), last_ordinal)
            found.extend(inline)
            if inline:
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
