"""Template tables whose cells ran into one line of text: cut them back into label segments.

Crawled pages often lose every tag and line break, so a whole report — prose, headings and all
three template tables — is one line, and each table row reads ``label`` + ``digits`` with nothing
in between (``…规章000规范性文件000…``, ``…（三）不予公开1.属于国家秘密00000002.其他法律…``).
Within such a line this module finds the table regions (they start at a table anchor and run as
long as template labels keep following each other closely) and cuts them before every template
label (and the ordinal printed in front of it) and before every ``一、``-style heading ordinal.
Each piece becomes a `Line` with offsets into the original text, so the template parser reads
the pieces like one-cell-per-line text, and the run-together splitting (identities) applies to
the ``label + digits`` pieces. The labels come from `template_labels` (one place per concept).
"""

from __future__ import annotations

import re
from functools import lru_cache

from etl.parse.cells import Line, make_cell, read_line
from etl.parse.template_labels import (
    T2_COLUMNS,
    T2_HEADER_START,
    T2_ROWS,
    T3_ANCHORS,
    T3_COLUMN_LABELS,
    T3_GROUP_BODIES,
    T3_ROWS,
    T3_SUBTOTAL_BODIES,
    T4_ANCHORS,
    T4_OUTCOME_LABELS,
    T4_PROCEEDING_LABELS,
    match_t2_row,
)

#: lines shorter than this are left alone (a real table row, not a run-together page)
MIN_LENGTH = 120
#: a table region ends where more than this many characters pass without a label or a digit, or
#: at a full stop (table cells are not sentences)
MAX_GAP = 24

#: quote, comma and space characters a printed label may carry between the characters of its body
_SEP = r"[\s“”\"'‘’，,、]*"
_ORDINAL_BEFORE = r"(?:(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d[.、．])\s*)?"
_CAPTION = r"第二十条第?[（(][一二三四五六七八九十]+[)）]项"
_HEADING_ORDINAL_RE = re.compile(r"[一二三四五六七八九十]+、")
_DIGITS_RE = re.compile(r"[\d\s.,，]*")
#: what does not count towards a gap: digits and parenthetical annotations of labels
_NOT_GAP_RE = re.compile(r"[（(][^（）()]*[)）]|[\d\s.,，]")
_T4_LABELS = frozenset(T4_OUTCOME_LABELS.values())


def _labels() -> list[str]:
    words = {T2_HEADER_START, *T2_COLUMNS, *T2_ROWS, *T3_GROUP_BODIES, "其他处理", *T3_SUBTOTAL_BODIES,
             *T3_COLUMN_LABELS.values(), "法人或其他组织", *T3_ANCHORS, *T4_ANCHORS, *T4_OUTCOME_LABELS.values(),
             *(w for label in T4_PROCEEDING_LABELS.values() for w in label.split())}
    words |= {b for row in T3_ROWS for b in row.bodies}
    return sorted(words, key=len, reverse=True)


@lru_cache(maxsize=1)
def _label_re() -> re.Pattern[str]:
    bodies = "|".join(_SEP.join(map(re.escape, word)) for word in _labels())
    return re.compile(f"(?P<ordinal>{_ORDINAL_BEFORE})(?P<label>{_CAPTION}|{bodies})")


_ANCHOR_RE = re.compile("|".join([_CAPTION, *map(re.escape, (*T3_ANCHORS, *T4_ANCHORS, "行政复议"))]))


def _depth_change(text: str) -> int:
    return sum(text.count(c) for c in "（(") - sum(text.count(c) for c in "）)")


def _regions(text: str) -> list[tuple[int, int, list[re.Match[str]]]]:
    """(start, end, label matches) of each table region of a long line."""
    regions = []
    pos = 0
    label_re = _label_re()
    while True:
        anchor = _ANCHOR_RE.search(text, pos)
        if anchor is None:
            return regions
        matches: list[re.Match[str]] = []
        end = anchor.start()
        depth_at, depth = anchor.start(), 0
        for m in label_re.finditer(text, anchor.start()):
            gap_text = text[end:m.start()]
            if len(_NOT_GAP_RE.sub("", gap_text)) > MAX_GAP or "。" in gap_text:
                break
            # a label word inside a parenthetical annotation (…不计其他情形）) is not a cell
            depth += _depth_change(text[depth_at:m.start()])
            depth_at = m.start()
            if depth > 0:
                continue
            matches.append(m)
            tail = _DIGITS_RE.match(text, m.end())
            end = tail.end() if tail else m.end()
        if not matches:
            pos = anchor.end()
            continue
        regions.append((matches[0].start(), end, matches))
        pos = end


_TAIL_RE = re.compile(r"(?P<body>.*?)(?P<digits>[\d\s,，.]*)", re.S)


def _pieces(line: Line, a: int, b: int, out: list[Line]) -> None:
    """One line for text[a:b] of `line` (offsets relative to the line); two for a Table 4 header
    label with the table's values run on, so that the values read as a value line."""
    raw = line.text[a:b]
    if not raw.strip():
        return
    start = line.start + a
    m = _TAIL_RE.fullmatch(raw)
    body, digits = m.group("body"), m.group("digits")
    if body.strip() in _T4_LABELS and any(ch.isdigit() for ch in digits):
        out.append(Line("L", start, start + len(body), body, [make_cell(body, start, start + len(body))]))
        at = start + len(body)
        cells = [make_cell(t.group(), at + t.start(), at + t.end()) for t in re.finditer(r"\S+", digits)]
        out.append(Line("F" if len(cells) > 1 else "L", at, at + len(digits), digits, cells))
        return
    # a Table 2 row piece whose values a space still separates (``规章 0 0 0``) is read like a PDF row:
    # a label cell and value cells (Table 3 pieces stay one cell: their digits are cut by the identities)
    piece = read_line(raw, start) if match_t2_row(body) is not None else None
    if piece is None or piece.shape != "F":
        piece = Line("L", start, start + len(raw), raw, [make_cell(raw, start, start + len(raw))])
    out.append(piece)


def segment_line(line: Line) -> list[Line]:
    """The line cut into template label pieces, or [line] when it holds no run-together table."""
    text = line.text
    regions = _regions(text)
    if not regions:
        return [line]
    out: list[Line] = []
    pos = 0
    for start, end, matches in regions:
        cuts = {m.start() for m in matches}
        inside = [(m.start(), m.end()) for m in matches]
        for h in _HEADING_ORDINAL_RE.finditer(text, start, end):
            if not any(a <= h.start() < b for a, b in inside):
                cuts.add(h.start())
        cuts = sorted(c for c in cuts if start <= c < end)
        _pieces(line, pos, start, out)  # prose before the region, kept whole
        for a, b in zip(cuts, [*cuts[1:], end], strict=True):
            _pieces(line, a, b, out)
        pos = end
    _pieces(line, pos, len(text), out)
    return out


def segment_lines(lines: list[Line]) -> list[Line]:
    """Every long one-cell line that holds a run-together template table, cut into pieces."""
    out: list[Line] = []
    for line in lines:
        # a page that lost its line breaks may still carry a stray pipe or spaced numbers, so any
        # long line with few cells qualifies; real table rows are short or have many cells
        if len(line.text) < MIN_LENGTH or len(line.cells) > 3 or _ANCHOR_RE.search(line.text) is None:
            out.append(line)
            continue
        out.extend(segment_line(line))
    return out
