"""Tables 2, 3 and 4 of the 2019 and 2021 templates (docs/domain.md#table2, docs/domain.md#table3,
docs/domain.md#table4, docs/domain.md#flattened-tables, docs/domain.md#checks).

The text is read once into lines of cells (`cells.read_table`), whatever shape the tables were
flattened to. Each table is located by its anchors (docs/domain.md#locating-tables), not by section headings, then:

- Table 2 is read block by block: a caption names the Article 20 item, the header row after
  ``信息内容`` names the columns (their labels decide the keys, so 2019 and 2021 columns never
  mix), and each data row's values are mapped onto those columns;
- Table 3 rows are recognised by the text after their ordinal; values are read after the label,
  on the same line (pipe, tab and PDF rows) or from the following one-cell lines. When labels
  are printed away from their numbers, runs of 7·m values spill into the following template
  rows whose labels carry no values of their own;
- Table 4 is the 15 values after its anchor.

Where positions were lost (empty cells vanished, digits of adjacent cells run together, or the
values came out of order), every alignment is tried against the identities (row sums, column
balance, results sum, Table 4 group totals) and one is used only when it is the only one that
satisfies them; otherwise the row is left out and an issue says why. Blanks stay blank unless an
identity forces them to 0 (stored with ``inferred=True``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations, pairwise, permutations
from math import comb

from etl.extract.tables import Grid
from etl.model import CheckResult, Fact, Issue, Section, TableCell
from etl.parse import grid as grid_rows
from etl.parse.cells import BLANK, Cell, Line, Value, cell_semantic, make_cell, read_table
from etl.parse.checks import run_checks, signals_check, unread_checks
from etl.parse.segment import segment_lines
from etl.parse.template_labels import (
    T2_CAPTION_SIGNALS,
    T2_SIGNALS,
    T3_2021_ONLY,
    T3_ANCHORS,
    T3_COLUMN_LABELS,
    T3_COLUMNS,
    T3_OUTCOME_ROWS,
    T3_ROW_ORDER,
    T3_SUBTOTAL_BODIES,
    T4_ANCHORS,
    T4_OUTCOME_LABELS,
    T4_OUTCOMES,
    T4_PROCEEDING_LABELS,
    T4_PROCEEDINGS,
    V2019,
    V2021,
    ColumnLabel,
    is_t2_header_start,
    label_key,
    match_caption,
    match_t2_column,
    match_t2_row,
    match_t3_row,
    squash,
)
from etl.vocabulary import DISCLOSURE_ITEMS

N3 = len(T3_COLUMNS)
N4 = len(T4_PROCEEDINGS) * len(T4_OUTCOMES)
#: give up enumerating alignments beyond this many candidates (an issue is raised instead)
MAX_CANDIDATES = 20000

_HEADING_RE = re.compile(r"^\s*[一二三四五六七八九十]+、")
_LATER_HEADING_RE = re.compile(r"^\s*[五六七八九十]、")
_T4_END_RE = re.compile(r"^\s*[一二三四五六七八九十]+、|。")
_APPEAL_WORDS = ("复议", "诉讼")
#: any anchor of any table (whitespace tolerated): lines before the first one are never read
_ANY_ANCHOR_RE = re.compile("|".join(
    r"\s*".join(map(re.escape, anchor)) for anchor in ("第二十条", *T3_ANCHORS, *T4_ANCHORS)))


@dataclass
class TemplateResult:
    """What the template parser found in one report's text."""

    #: "2019-template", "2021-template", or None when the report has no template tables
    format: str | None = None
    facts: list[Fact] = field(default_factory=list)
    checks: list[CheckResult] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    #: every value cell of the rows read, as printed (blank, dash and text cells too)
    cells: list[TableCell] = field(default_factory=list)

    def keep_cell(self, table: str, row_key: str | None, column_key: str | None, cell: Cell | None) -> None:
        """Record a printed cell of a row that was read; a position with no printed cell records nothing."""
        if cell is None:
            return
        value = cell.value
        self.cells.append(TableCell(table, row_key, column_key, cell.text, cell_semantic(value), cell.start, cell.end,
                                    value.number if value.kind == "number" else None))


@dataclass(slots=True)
class Slot:
    """One value position of a table row: the printed cell (if any) and its numeric reading."""

    cell: Cell | None
    value: Value
    inferred: bool = False
    #: where the slot sits in the text when no cell was printed (zero-length span)
    at: int | None = None

    @property
    def number(self) -> Decimal | None:
        return self.value.number if self.value.kind == "number" else None


@dataclass(slots=True)
class RowData:
    """A table row as read: its label cell, its slots, and the text to show as evidence."""

    label: Cell | None
    slots: list[Slot]
    evidence: str


def _slot(cell: Cell) -> Slot:
    return Slot(cell, cell.value)


# ====================================================================== entry point

def parse_template(text: str, sections: list[Section], grids: Sequence[Grid] = ()) -> TemplateResult:
    """Find and read the template tables of one report (offsets refer to `text`).

    `sections` may be empty: tables are located by their own anchors. `grids` are the report's
    tables as structure (offsets into `text`); rows they place by header are read from them.
    """
    result = TemplateResult()
    first = _ANY_ANCHOR_RE.search(text)
    if first is None:
        return result
    lines = read_table(text, text.rfind("\n", 0, first.start()) + 1)
    if not lines:
        return result
    if grids:
        projection = grid_rows.project(grids, text, lines)
        lines = grid_rows.apply(lines, projection)
        result.issues.extend(projection.issues)
    lines = split_run_together(segment_lines(lines))
    squashed = [squash(line.text) for line in lines]
    t2_start = _find(squashed, lambda s: match_caption(s) is not None)
    t3_start = _find_t3(lines, squashed)
    t4_start = _find_t4(squashed, t3_start or 0)

    t2_version = t3_version = None
    if t2_start is not None:
        end = _first_after(t2_start + 1, len(lines), lambda i: i == t3_start or (
            _HEADING_RE.match(lines[i].text) is not None and match_caption(squashed[i]) is None))
        before = len(result.facts)
        t2_version = _parse_table2(lines[t2_start:end], result)
        if not any(f.table == "disclosure_counts" for f in result.facts[before:]):
            _table_lost(result, "table2_unread", "Table 2 (proactive disclosure, Article 20 items)", lines[t2_start])
    if t3_start is not None:
        regions = []
        start: int | None = t3_start
        while start is not None:  # every Table 3 of the report, in text order
            end = _first_after(start + 1, len(lines), lambda i: any(w in squashed[i] for w in _APPEAL_WORDS)
                               or _LATER_HEADING_RE.match(lines[i].text) is not None)
            regions.append((start, end))
            found = _find_t3(lines[end:], squashed[end:])
            start = None if found is None else end + found
        t3_version = _read_copies(
            regions, lines, result, "requests", "Table 3", "table3_unread", "Table 3 (requests received and handled)",
            lambda part, sub: _parse_table3(part, t2_version, sub))
    if t4_start is not None:
        regions = []
        start = t4_start
        while start is not None:
            end = _t4_end(lines, start)
            regions.append((start, end))
            found = _find_t4(squashed, end)
            start = found if found is not None and found >= end else None
        _read_copies(regions, lines, result, "appeals", "Table 4", "table4_unread",
                     "Table 4 (administrative reviews and lawsuits)", _parse_table4)

    if t2_start is None and t3_start is None and t4_start is None:
        return result
    result.format = _decide_version(t2_version, t3_version, result)
    # Table 3 identities follow the rows Table 3 printed (a hybrid report has a 2019 Table 3 beside a
    # 2021 Table 2, and its （六）其他处理 row is then one row, not three)
    result.checks.extend(run_checks(result.facts, t3_version or result.format))
    lost = {i.code for i in result.issues if i.code in ("table3_unread", "table4_unread")}
    result.checks.extend(unread_checks("table3_unread" in lost, "table4_unread" in lost))
    if t2_start is not None or t3_start is not None:
        result.checks.append(signals_check(t2_version, t3_version))
    return result


_GLUED_MAX = 200
_GLUED_RE = re.compile(r"[^\d\s|][ \t\u3000]*[0-9]")
#: digit runs (spaces between digits kept inside the run: cells separated by a space) or other text
_PIECE_RE = re.compile(r"\d(?:[\d \t\u3000]*\d)?|\D+")
_SPACED_RE = re.compile(r"\S+")
_ORDINAL_MARK = ".、．"


def _glued_pieces(cell: Cell) -> list[tuple[Cell, list[Cell]]] | None:
    """(label, digits) pairs of a cell whose row labels and values ran together, e.g.
    ``一、本年新收政府信息公开申请数量1000001`` or a whole run of rows on one line.

    A digit run followed by ``.``/``、`` ends with the ordinal of the next label (``…00002.重复申请``).
    Accepted only when every label piece is a Table 3 row or group label, so prose that states a
    figure after a label-like phrase (``…申请数量5件``) is never taken for a table row.
    """
    text = cell.text
    parts = [(m.start(), m.group()) for m in _PIECE_RE.finditer(text)]
    labels: list[tuple[int, int]] = []
    values: dict[int, tuple[int, int]] = {}
    carry: int | None = None
    for i, (at, piece) in enumerate(parts):
        if piece[0].isdigit():
            end = at + len(piece)
            following = parts[i + 1][1] if i + 1 < len(parts) else ""
            if following[:1] in _ORDINAL_MARK and following[:1]:
                end -= 1
                carry = end
            if end > at:
                if not labels or len(labels) - 1 in values:
                    return None
                values[len(labels) - 1] = (at, end)
            continue
        start = carry if carry is not None else at
        carry = None
        labels.append((start, at + len(piece)))
    if not values or not labels:
        return None
    out = []
    for i, (a, b) in enumerate(labels):
        a += _row_label_at(text[a:b])
        label = make_cell(text[a:b], cell.start + a, cell.start + b)
        if not label.text or match_t3_row(label.text) is None:
            return None
        digits: list[Cell] = []
        if i in values:  # cells a space still separates stay apart; each may hold run-together digits
            va, vb = values[i]
            digits = [make_cell(m.group(), cell.start + m.start(), cell.start + m.end())
                      for m in _SPACED_RE.finditer(text, va, vb)]
        out.append((label, digits))
    return out


_INNER_ORDINAL_RE = re.compile(r"[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d[.、．]")


def _row_label_at(text: str) -> int:
    """Where the row label starts in a piece that also holds its group label(s) run together
    (``三、本年度办理结果（一）予以公开``): the first inner ordinal whose tail is a row label."""
    if match_t3_row(text) not in (None, "group"):
        return 0
    for m in _INNER_ORDINAL_RE.finditer(text, 1):
        if match_t3_row(text[m.start():]) not in (None, "group"):
            return m.start()
    return 0


def split_run_together(lines: list[Line]) -> list[Line]:
    """Lines whose Table 3 labels and digits ran together, split into one line per row (label, digits).

    The digits stay one cell: `_candidates` later splits it into columns, and a split is used only
    when it alone satisfies the identities.
    """
    out: list[Line] = []
    for line in lines:
        cell = line.cells[0] if len(line.cells) == 1 else None
        # a glued row is a label and its digits (long lines were cut into such pieces by segment_lines)
        if (cell is None or cell.value.kind != "text" or len(cell.text) > _GLUED_MAX
                or not _GLUED_RE.search(cell.text)):
            out.append(line)
            continue
        pieces = _glued_pieces(cell)
        if pieces is None:
            out.append(line)
            continue
        for label, digits in pieces:
            cells = [label, *digits]
            end = cells[-1].end
            out.append(Line("F", label.start, end, line.text[label.start - line.start:end - line.start], cells))
    return out


#: issues that say a Table 3 row was found but left out (not a blank row)
_ROW_LEFT_OUT = frozenset({"table3_row_ambiguous", "table3_positions_lost", "table3_row_unread",
                           "table3_values_unplaced", "table3_unrecognised_row"})


def _read_copies(regions: list[tuple[int, int]], lines: list[Line], result: TemplateResult, table: str,
                 name: str, lost_code: str, long_name: str, read) -> str | None:
    """Read every copy of a table (some reports print a table twice, e.g. a region's and the agency's
    own, or a corrected copy); the first copy that yields values is used and an issue says which.

    Returns what `read` returned for the copy used (Table 3: the version its rows name)."""
    copies = []
    for start, end in regions:
        sub = TemplateResult()
        copies.append((start, sub, read(lines[start:end], sub)))
    used = next((c for c in copies if any(f.table == table for f in c[1].facts)), copies[0])
    result.facts.extend(used[1].facts)
    result.issues.extend(used[1].issues)
    result.cells.extend(used[1].cells)
    left_out = sum(i.code in _ROW_LEFT_OUT for i in used[1].issues)
    rows = len({f.item for f in used[1].facts if f.table == table})
    if not any(f.table == table for f in used[1].facts):
        _table_lost(result, lost_code, long_name, lines[used[0]])
    elif table == "requests" and left_out > rows:
        # most rows were found but could not be placed: as good as lost, and as loud
        result.issues.append(Issue(
            "error", lost_code,
            f"{long_name}: {left_out} rows were found but could not be read, more than the {rows} that were "
            "(see the warnings about its rows); this report's Table 3 figures are largely missing.",
            lines[used[0]].start, lines[used[0]].end))
    if len(copies) > 1:
        described = "; ".join(
            f"{'used: ' if c is used else ''}the copy at offset {lines[c[0]].start} "
            f"({sum(f.table == table for f in c[1].facts)} values)" for c in copies)
        result.issues.append(Issue(
            "warning", f"{name.lower().replace(' ', '')}_copies",
            f"The report prints {len(copies)} copies of {name}: {described}. The first readable copy was "
            "stored; check which one belongs to this report.", lines[used[0]].start, lines[used[0]].end))
    return used[2]


def _table_lost(result: TemplateResult, code: str, name: str, at: Line) -> None:
    """Loss is loud: a template table that was found but yielded no value is an error (the
    warnings before it say why), so the report is not shown as fully loaded."""
    result.issues.append(Issue(
        "error", code,
        f"{name} was found but none of its values could be read (see the warnings about its rows); "
        "its figures are missing from this report and its identity checks are not assessable. Check the "
        "table in the source, or supply a cleaner copy (HTML or DOCX) of the report.", at.start, at.end))


def _find(squashed: list[str], pred) -> int | None:
    for i, s in enumerate(squashed):
        if pred(s):
            return i
    return None


def _first_after(start: int, stop: int, pred) -> int:
    for i in range(start, stop):
        if pred(i):
            return i
    return stop


def _find_t3(lines: list[Line], squashed: list[str]) -> int | None:
    """The first line holding a Table 3 anchor as a cell (not inside a prose sentence)."""
    for i, s in enumerate(squashed):
        for anchor in T3_ANCHORS:
            if anchor in s and any(anchor in squash(c.text) and len(squash(c.text)) <= len(anchor) + 12
                                   for c in lines[i].cells):
                return i
    return None


def _t4_end(lines: list[Line], start: int) -> int:
    """Where the Table 4 region that starts at `start` ends: at the next heading, or at a prose
    sentence once values have been seen — a sentence between the header and the values is a note
    printed inside the table (``注：…含上年度结转数量。``), not the end of it."""
    seen_values = False
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.shape in ("L", "F") and _T4_END_RE.search(line.text) is not None and (
                seen_values or _HEADING_RE.match(line.text) is not None):
            return i
        seen_values = seen_values or any(c.is_value for c in line.cells)
    return len(lines)


def _find_t4(squashed: list[str], after: int) -> int | None:
    """The header line of Table 4: the anchor line, or the 行政复议 line just above it."""
    for i in range(after, len(squashed)):
        if any(a in squashed[i] for a in T4_ANCHORS) and len(squashed[i]) < 80:
            for j in range(i, max(after, i - 6) - 1, -1):
                if "行政复议" in squashed[j] and len(squashed[j]) < 40:
                    return j
            return i
    return None


def _decide_version(t2: str | None, t3: str | None, result: TemplateResult) -> str | None:
    """The report's template version from the two detectors (docs/domain.md#template-detection).

    Issues when they disagree or are silent.
    """
    if t2 and t3 and t2 != t3:
        result.issues.append(Issue(
            "warning", "template_version_conflict",
            f"Table 2 reads as the {t2} but Table 3 as the {t3}; each table was read by its own labels "
            f"and the report is filed under Table 2's version."))
        return t2
    version = t2 or t3
    if version is None:
        result.issues.append(Issue(
            "warning", "template_version_unknown",
            "Template tables were found but no label tells the 2019 format from the 2021 format; "
            "rows common to both were read, and the report's format is left unknown."))
    return version


# ====================================================================== Table 2

@dataclass
class _Block:
    item: int
    columns: list[tuple[ColumnLabel | None, str | None, str]] = field(default_factory=list)
    #: positions of the header cells on a multi-cell header line (None for one-cell-per-line)
    positions: list[int] | None = None
    width: int | None = None
    pending_fragment: str = ""


def _open_block(item: str, signals: set[str]) -> _Block:
    """A new Table 2 block for an Article 20 caption; a caption only one version has is a version signal."""
    if item in T2_CAPTION_SIGNALS:
        signals.add(T2_CAPTION_SIGNALS[item])
    return _Block(item)


def _parse_table2(lines: list[Line], result: TemplateResult) -> str | None:
    """Read Table 2 into facts; return the version its labels name (None if none or both)."""
    signals: set[str] = set()
    block: _Block | None = None
    header_mode = False
    row: tuple[Cell, str | None] | None = None  # (label cell, row key) of a one-cell-per-line row
    row_slots: list[Cell] = []
    row_positional = True

    def flush() -> None:
        nonlocal row, row_slots
        if row is not None and block is not None and row_slots:
            _emit_t2_row(block, row[0], row[1], row_slots, None, row_positional, result)
        row, row_slots = None, []

    for line in lines:
        multi = line.shape in ("P1", "T", "F") and len(line.cells) > 1
        if multi:
            flush()
            first = next((c for c in line.cells if c.text), None)
            if first is None:
                continue
            item = match_caption(first.text)
            if item is not None:
                block, header_mode = _open_block(item, signals), False
                continue
            if block is None:
                continue
            idx = line.cells.index(first)
            if is_t2_header_start(first.text):
                block.columns, block.positions = [], []
                rest = line.cells[idx + 1:]
                block.width = len(rest)
                for pos, cell in enumerate(rest):
                    if not cell.text:
                        continue
                    block.columns.append(_t2_column(cell.text, signals))
                    block.positions.append(pos)
                header_mode = False
                continue
            rest = line.cells[idx + 1:]
            if first.value.kind == "text" and any(c.is_value for c in rest):
                _emit_t2_row(block, first, match_t2_row(first.text), rest, len(rest),
                             line.positional, result)
            continue
        cell = line.cells[0]
        if cell.value.kind == "text":
            item = match_caption(cell.text)
            if item is not None:
                flush()
                block, header_mode = _open_block(item, signals), False
                continue
            if block is None:
                continue
            if is_t2_header_start(cell.text):
                flush()
                block.columns, block.positions, header_mode = [], None, True
                continue
            words = cell.text.split()
            if len(words) > 1 and is_t2_header_start(words[0]):  # PDF header row: labels separated by spaces
                flush()
                block.columns, block.positions, header_mode = [], None, True
                for word in words[1:]:
                    _t2_header_fragment(block, word, signals)
                continue
            glued = _T2_GLUED_RE.fullmatch(cell.text)
            if glued and block.columns and match_t2_row(glued.group(1)) is not None:
                flush()
                header_mode = False
                _emit_t2_glued(block, cell, glued, result)
                continue
            row_key = match_t2_row(cell.text)
            if header_mode and row_key is None:
                _t2_header_fragment(block, cell.text, signals)
                continue
            header_mode = False
            if row_key is None and not row_slots and row is not None:
                continue  # a wrapped label's second line
            flush()
            row, row_positional = (cell, row_key), True
        elif row is not None:
            row_slots.append(cell)
            row_positional = row_positional and line.positional
    flush()
    if len(signals) == 1:
        return signals.pop()
    if len(signals) > 1:
        result.issues.append(Issue("warning", "template_signals_mixed",
                                   "Table 2 carries column labels of both the 2019 and the 2021 format."))
    return None


def _t2_column(text: str, signals: set[str]) -> tuple[ColumnLabel | None, str | None, str]:
    found = match_t2_column(text)
    body = label_key(text).body
    if body in T2_SIGNALS:
        signals.add(T2_SIGNALS[body])
    if found is None:
        return None, None, text
    return found[0], found[1], text


def _t2_header_fragment(block: _Block, text: str, signals: set[str]) -> None:
    """A header cell on its own line; a label broken over two lines is joined before matching."""
    if match_t2_column(text) is not None:
        block.columns.append(_t2_column(text, signals))
        block.pending_fragment = ""
        return
    joined = block.pending_fragment + text
    if block.pending_fragment and match_t2_column(joined) is not None:
        block.columns.append(_t2_column(joined, signals))
        block.pending_fragment = ""
        return
    block.pending_fragment = text


_T2_GLUED_RE = re.compile(r"(\D+?)(\d+)")


def _digit_compositions(digits: str, parts: int, limit: int = 50) -> list[list[tuple[int, int]]]:
    """Every way to cut `digits` into `parts` numbers without leading zeros, as (start, end) pairs."""
    out: list[list[tuple[int, int]]] = []

    def walk(at: int, acc: list[tuple[int, int]]) -> None:
        if len(out) >= limit:
            return
        if len(acc) == parts - 1:
            if len(digits) - at == 1 or (at < len(digits) and digits[at] != "0"):
                out.append([*acc, (at, len(digits))])
            return
        for end in range(at + 1, len(digits)):
            if end - at > 1 and digits[at] == "0":
                break
            walk(end, [*acc, (at, end)])

    walk(0, [])
    return out


def _emit_t2_glued(block: _Block, cell: Cell, glued: re.Match, result: TemplateResult) -> None:
    """A Table 2 row whose label and values ran together (``规章000``): the digits are cut into the
    block's columns when only one cut gives numbers without leading zeros (Table 2 has no identity
    to decide between several); the values are stored as inferred."""
    label = make_cell(glued.group(1), cell.start, cell.start + glued.end(1))
    digits = glued.group(2)
    at = cell.start + glued.start(2)
    cuts = _digit_compositions(digits, len(block.columns))
    if len(cuts) != 1:
        shown = "; ".join(" ".join(digits[a:b] for a, b in cut) for cut in cuts[:4])
        result.issues.append(_issue_at(
            "warning", "table2_digits_ambiguous", cell,
            f"Table 2 row '{label.text}' printed its values run together ('{digits}') for {len(block.columns)} "
            f"columns and {'no' if not cuts else len(cuts)} ways to cut them fit"
            f"{f' (candidates: {shown})' if cuts else ''}; the row was left out."))
        return
    cells = [make_cell(digits[a:b], at + a, at + b) for a, b in cuts[0]]
    _emit_t2_row(block, label, match_t2_row(label.text), cells, None, True, result, inferred=len(cells) > 1)


def _emit_t2_row(block: _Block, label: Cell, row_key: str | None, cells: list[Cell], width: int | None,
                 positional: bool, result: TemplateResult, inferred: bool = False) -> None:
    columns = block.columns
    if not columns:
        return
    slots: list[Cell | None]
    if width is not None and block.positions is not None and width == block.width:
        slots = [cells[p] if p < len(cells) else None for p in block.positions]
    else:
        present = cells if positional else [c for c in cells if c.is_slot]
        if len(present) >= len(columns):
            extra = present[len(columns):]
            if any(c.is_value for c in extra):
                result.issues.append(_issue_at(
                    "warning", "table2_row_extra_values", label,
                    f"Table 2 row '{label.text}' has {len(present)} values for {len(columns)} columns; "
                    "the row was left out."))
                return
            slots = list(present[:len(columns)])
        else:
            if any(c.is_value for c in present):
                result.issues.append(_issue_at(
                    "warning", "table2_positions_lost", label,
                    f"Table 2 row '{label.text}' shows {len(present)} of {len(columns)} values and empty cells "
                    "were not kept, so which column each belongs to cannot be known; the row was left out."))
            return
    evidence = " | ".join([label.text, *(c.text if c else "" for c in slots)])
    for (col, col_unit, col_text), cell in zip(columns, slots, strict=True):
        if cell is None:
            continue
        item = None
        if col is not None and row_key is not None:
            candidate = f"art20_{block.item}.{row_key}.{col.key}"
            if candidate in DISCLOSURE_ITEMS:
                item = candidate
            else:  # the row's own caption was not printed: the one Article 20 item that has this row
                homes = [k for k in (f"art20_{i}.{row_key}.{col.key}" for i in range(1, 11)) if k in DISCLOSURE_ITEMS]
                item = homes[0] if len(homes) == 1 else None
        result.keep_cell("disclosure_counts", item or "art20.other", None, cell)
        if cell.value.kind != "number":
            continue
        fact_label = label.text if item else f"第二十条第（{block.item}）项 {label.text} {col_text}"
        result.facts.append(Fact(
            table="disclosure_counts", item=item or "art20.other", value=cell.value.number,
            start=cell.start, end=cell.end, evidence=evidence, source="table",
            approximate=cell.value.approximate, unit=cell.value.unit or col_unit,
            label=fact_label, label_start=label.start, label_end=label.end, inferred=inferred))


def _issue_at(severity: str, code: str, cell: Cell | None, message: str) -> Issue:
    if cell is None:
        return Issue(severity, code, message)
    return Issue(severity, code, message, cell.start, cell.end)


# ====================================================================== Table 3

@dataclass
class _Run:
    """Value cells read after one row label (or after none), in order."""

    key: str | None
    label: Cell | None
    cells: list[Cell] = field(default_factory=list)
    positional: bool = True
    #: read from one line holding label and values (pipe, tab or PDF row): never spills
    line_row: bool = False
    evidence: str | None = None


def _match_t3_cell(text: str) -> str | None:
    """Row key of a label cell; a PDF cell holding group label + row label matches by its tail."""
    tokens = text.split()
    for i in range(1, len(tokens)):
        key = match_t3_row(" ".join(tokens[i:]))
        if key is not None and key != "group":
            return key
    return match_t3_row(text)


def _t3_subtotal_at(lines: list[Line]) -> int | None:
    """Position (0-based, among the value columns) of an extra 小计/合计 column, if the header has one.

    The template has none (docs/domain.md#table3-columns) but some agencies add a subtotal for
    法人或其他组织; it is placed before 商业企业 when printed before it, else after 其他.
    """
    seen_commercial = False
    for line in lines:
        for cell in line.cells:
            if cell.value.kind != "text" or not cell.text:
                continue
            key = _match_t3_cell(cell.text)
            if key and key != "group":
                return None
            body = label_key(cell.text).body
            if body == T3_COLUMN_LABELS["commercial_enterprise"]:
                seen_commercial = True
            if body in T3_SUBTOTAL_BODIES:
                return 6 if seen_commercial else 1
    return None


def _drop_at(items: list, at: int | None) -> list:
    return items if at is None else items[:at] + items[at + 1:]


def _t3_runs(lines: list[Line], result: TemplateResult, width: int = N3) -> list[_Run]:
    runs: list[_Run] = []
    current = _Run(None, None)
    runs.append(current)
    for line in lines:
        if line.shape in ("P2", "L"):
            cell = line.cells[0]
            if cell.value.kind == "text":
                key = _match_t3_cell(cell.text)
                if key and key != "group":
                    current = _Run(key, cell)
                    runs.append(current)
            else:
                current.cells.append(cell)
                current.positional = current.positional and line.positional
            continue
        label_at = None
        for i, cell in enumerate(line.cells):
            if cell.value.kind == "text" and cell.text:
                key = _match_t3_cell(cell.text)
                if key and key != "group":
                    label_at = (i, key)
        if label_at is not None:
            i, key = label_at
            slots = line.cells[i + 1:]
            if line.positional and len(slots) > width:
                slots = _window(slots, width)
            if not slots or (all(not c.text for c in slots) and not line.positional):
                current = _Run(key, line.cells[i])
                runs.append(current)
                continue
            runs.append(_Run(key, line.cells[i], list(slots), line.positional, True, line.text.strip()))
            current = _Run(None, None)
            runs.append(current)
            continue
        values = [c for c in line.cells if c.is_slot]
        texts = [c for c in line.cells if c.value.kind == "text" and c.text]
        if not any(c.is_value for c in values):
            continue
        if texts and current.cells:
            result.issues.append(_issue_at(
                "warning", "table3_unrecognised_row", texts[0],
                f"Table 3 line '{line.text.strip()[:60]}' has values but no row label this parser knows; "
                "its values were not used."))
            continue
        current.cells.extend(values)
        current.positional = current.positional and line.positional
    return runs


def _window(slots: list[Cell], width: int) -> list[Cell]:
    """The `width` value cells of a pipe row that has extra empty cells (colspan padding).

    Padding is normally right after the label (right-aligned values); when empty cells sit on both
    sides, the window whose row total equals the sum of its six columns is used if it is the only
    one, else the right-aligned one. A blank is not a 0: only a window whose cells are all stated
    can prove itself by the identity (blanks counted as zeros made a shifted window "balance").
    """
    windows = [slots[i:i + width] for i in range(len(slots) - width + 1)
               if all(not c.text for c in slots[:i]) and all(not c.text for c in slots[i + width:])]
    if not windows:
        return slots
    if len(windows) > 1:
        def balanced(w: list[Cell]) -> bool:
            nums = [c.value.number for c in w]
            if any(n is None for n in nums):
                return False
            return sum(nums[:-1], Decimal(0)) == nums[-1]

        fitting = [w for w in windows if balanced(w)]
        if len(fitting) == 1:
            return fitting[0]
    return windows[-1]


def _t3_version(runs: list[_Run]) -> str | None:
    keys = {r.key for r in runs if r.key}
    if keys & T3_2021_ONLY:
        return V2021
    if any(r.key == "other" and r.cells for r in runs):
        return V2019
    return None


def _parse_table3(lines: list[Line], t2_version: str | None, result: TemplateResult) -> str | None:
    subtotal_at = _t3_subtotal_at(lines)
    width = N3 if subtotal_at is None else N3 + 1
    if subtotal_at is not None:
        result.issues.append(Issue("info", "table3_subtotal_column",
                                   "Table 3 has an extra subtotal (小计/合计) column, which the template does not; "
                                   "its values were read past and not stored."))
    runs = _t3_runs(lines, result, width)
    t3_version = _t3_version(runs)
    version = t3_version or t2_version or V2019
    order = T3_ROW_ORDER[version]
    if version == V2021:  # （六）其他处理 is a group label in 2021
        runs = [r for r in runs if r.key != "other"]
    own = {r.key for r in runs if r.key and r.cells}
    table: dict[str, RowData] = {}
    labels: dict[str, Cell] = {r.key: r.label for r in runs if r.key and r.label is not None}
    short: list[tuple[str, _Run]] = []
    cursor = 0
    for run in runs:
        if run.key is not None and run.key not in order:
            continue
        idx = order.index(run.key) if run.key is not None else cursor
        cells = run.cells
        if not cells:
            continue
        if run.key is None and not any(c.is_value for c in cells):
            continue
        n = len(cells)
        if run.positional and n > width and n % width and all(not c.text for c in cells[:n % width]):
            cells = cells[n % width:]
            n = len(cells)
        if n % width == 0:
            m = n // width
            rows = order[idx: idx + m]
            spill = rows if run.key is None else rows[1:]
            if len(rows) < m or any(k in table for k in rows) or any(k in own for k in spill):
                result.issues.append(_issue_at(
                    "warning", "table3_values_unplaced", cells[0],
                    f"Table 3 has {n} values after '{run.label.text if run.label else 'the header'}' that fit no "
                    "run of unlabelled template rows; they were not used."))
                cursor = idx + 1
                continue
            if m > 1 or run.key is None:
                result.issues.append(_issue_at(
                    "info", "table3_labels_displaced", cells[0],
                    f"Table 3 rows {', '.join(rows)} were read in template order because their labels are "
                    "printed away from their numbers."))
            for j, key in enumerate(rows):
                chunk = cells[j * width:(j + 1) * width]
                label = labels.get(key)
                evidence = run.evidence if run.line_row else " | ".join(
                    [label.text if label else key, *(c.text for c in chunk)])
                table[key] = RowData(label, [_slot(c) for c in _drop_at(chunk, subtotal_at)], evidence)
            cursor = idx + m
        elif n < width and run.key is not None:
            short.append((run.key, run))
            cursor = idx + 1
        else:
            result.issues.append(_issue_at(
                "warning", "table3_row_ambiguous", run.label or cells[0],
                f"Table 3 row '{run.label.text if run.label else run.key}' has {n} values where {width} were "
                "expected; it was left out."))
            cursor = idx + 1
    for key, run in short:
        if key in table:
            result.issues.append(_issue_at("warning", "table3_row_repeated", run.label,
                                           f"Table 3 row '{run.label.text}' appears twice; the second was ignored."))
    short = [(k, r) for k, r in short if k not in table]
    _resolve_short_t3(short, table, version, result, width, subtotal_at)
    _infer_t3(table, version)
    _emit_t3(table, order, result)
    missing = [k for k in order if k not in table]
    for key in missing:  # digits inside a label cell are printed values this parser could not place
        label = labels.get(key)
        if label is not None and any(ch.isdigit() for ch in label_key(label.text).body):
            result.issues.append(_issue_at(
                "warning", "table3_row_unread", label,
                f"Table 3 row '{label.text[:60]}' carries numbers inside its label cell that could not be "
                "separated into its 7 columns; the row was left out."))
    if table and missing:
        result.issues.append(Issue(
            "info", "table3_rows_missing",
            f"Table 3 has no values for {len(missing)} of its {len(order)} rows ({', '.join(missing[:6])}"
            f"{', …' if len(missing) > 6 else ''}): blank rows, rows cut off, or rows left out above."))
    return t3_version


def _t3_identities(version: str) -> list[tuple[list[tuple[str, int]], list[tuple[str, int]]]]:
    """Every identity of Table 3 as (left cells, right cells), cells as (row key, column index)."""
    ids = []
    for row in T3_ROW_ORDER[version]:
        ids.append(([(row, N3 - 1)], [(row, c) for c in range(N3 - 1)]))
    outcomes = T3_OUTCOME_ROWS[version]
    for c in range(N3):
        ids.append(([("total_processed", c)], [(o, c) for o in outcomes]))
        ids.append(([("new_received", c), ("carried_over", c)], [("total_processed", c), ("carried_forward", c)]))
    return ids


def _vector(row: RowData) -> tuple[Decimal | None, ...]:
    return tuple(s.number for s in row.slots)


def _satisfies(ids, grid: dict[str, tuple[Decimal | None, ...]], touching: str) -> bool:
    """No identity that involves row `touching` is refuted by what is known of the table.

    An unknown cell (a position that vanished, a printed blank or dash, a row not placed) is not a
    0: an identity that contains one cannot confirm a layout. Reading such a cell as 0 let a layout
    with the blank in the wrong column "balance" while the true layout (blank where a non-zero was)
    failed, and the printed values were then moved. What an unknown still allows is the bound every
    count obeys (≥ 0, as for inferred zeros): a side whose cells are all known cannot be smaller than
    what is known of the other side. Only that refutes; an equality is checked only when fully known.
    """
    for left, right in ids:
        if not any(r == touching for r, _ in (*left, *right)):
            continue
        sides = []
        for side in (left, right):
            values = [grid[r][c] if r in grid else None for r, c in side]
            known = [v for v in values if v is not None]
            sides.append((sum(known, Decimal(0)), len(known) < len(values), known))
        (lsum, l_open, lknown), (rsum, r_open, rknown) = sides
        if not l_open and not r_open:
            if lsum != rsum:
                return False
        elif any(v < 0 for v in (*lknown, *rknown)):
            continue  # a negative figure breaks the bound: nothing follows
        elif (not r_open and lsum > rsum) or (not l_open and rsum > lsum):
            return False
    return True


def _candidates(cells: list[Cell], width: int) -> list[list[Slot]]:
    """Every way to lay `cells` out over `width` positions: vanished blanks or run-together digits."""
    out: list[list[Slot]] = []
    n = len(cells)
    # a printed number cannot start with 0 (``00``, ``012``): such a token is run-together cells
    run_together = any(_LEADING_ZERO.fullmatch(c.text) for c in cells)
    if n <= width and not run_together and comb(width, n) <= MAX_CANDIDATES:
        for chosen in combinations(range(width), n):
            slots = [Slot(None, BLANK) for _ in range(width)]
            for cell, pos in zip(cells, chosen, strict=True):
                slots[pos] = _slot(cell)
            out.append(slots)
    if n < width:
        for pieces in _splits(cells, width):
            out.append(pieces)
    if run_together and 1 < n < width and sum(len(c.text) for c in cells) < width:
        out.extend(_gap_splits(cells, width))
    return out


def _gap_splits(cells: list[Cell], width: int) -> list[list[Slot]]:
    """Run-together tokens that hold fewer digits than the row has columns (``0 00000`` for 7):
    a space left between two glued runs is the trace of an empty cell, so the missing cells are
    blanks placed in those gaps (one per gap), each token cut into numbers without leading zeros."""
    if not all(_PLAIN_DIGITS.fullmatch(c.text) for c in cells):
        return []
    per_token = [([] if _LEADING_ZERO.fullmatch(c.text) else [[c]])
                 + (_digit_splits(c, len(c.text)) if len(c.text) > 1 else []) for c in cells]
    results: list[list[Slot]] = []

    def walk(i: int, acc: list[list[Cell]]) -> None:
        if len(results) > MAX_CANDIDATES:
            return
        if i == len(per_token):
            parts = sum(len(a) for a in acc)
            blanks = width - parts
            if not 0 < blanks <= len(acc) - 1:
                return
            for gaps in combinations(range(1, len(acc)), blanks):
                slots: list[Slot] = []
                for t, token_parts in enumerate(acc):
                    if t in gaps:
                        slots.append(Slot(None, BLANK, at=token_parts[0].start))
                    slots.extend(_slot(c) for c in token_parts)
                results.append(slots)
            return
        for way in per_token[i]:
            walk(i + 1, [*acc, way])

    walk(0, [])
    return results


_PLAIN_DIGITS = re.compile(r"\d+")
_LEADING_ZERO = re.compile(r"0\d+")


def _splits(cells: list[Cell], width: int) -> list[list[Slot]]:
    """Split multi-digit cells into several cells so that there are exactly `width` of them."""
    options: list[list[list[Cell]]] = []
    most = width - len(cells) + 1  # parts one cell can be cut into when every other cell stays whole
    for cell in cells:
        ways = [] if _LEADING_ZERO.fullmatch(cell.text) else [[cell]]
        if cell.value.kind == "number" and _PLAIN_DIGITS.fullmatch(cell.text) and len(cell.text) > 1:
            ways.extend(_digit_splits(cell, most, exact=len(cells) == 1))
        options.append(ways)
    results: list[list[Slot]] = []

    def walk(i: int, acc: list[Cell]) -> None:
        if len(results) > MAX_CANDIDATES or len(acc) > width:
            return
        if i == len(options):
            if len(acc) == width:
                results.append([_slot(c) for c in acc])
            return
        for way in options[i]:
            walk(i + 1, acc + way)

    walk(0, [])
    return [r for r in results if any(s.cell not in cells for s in r)]


def _digit_splits(cell: Cell, most: int, exact: bool = False) -> list[list[Cell]]:
    """Every cut of a digit run into 2..`most` numbers (exactly `most` if `exact`) without leading zeros."""
    text = cell.text
    out = []
    for k in range(most - 1 if exact else 1, min(len(text), most)):
        for cuts in combinations(range(1, len(text)), k):
            bounds = (0, *cuts, len(text))
            parts = [text[a:b] for a, b in pairwise(bounds)]
            if any(len(p) > 1 and p[0] == "0" for p in parts):
                continue
            out.append([Cell(p, cell.start + a, cell.start + b, Value("number", Decimal(p)))
                        for p, (a, b) in zip(parts, pairwise(bounds), strict=True)])
    return out


def _valid_layouts(key: str, candidates: list[list[Slot]], grid: dict[str, tuple[Decimal | None, ...]], ids,
                   subtotal_at: int | None) -> dict[tuple, list[Slot]]:
    """The layouts of row `key` (by their numbers) that no identity over `grid` refutes."""
    valid: dict[tuple, list[Slot]] = {}
    others = {k: v for k, v in grid.items() if k != key}
    for candidate in candidates:
        slots = _drop_at(candidate, subtotal_at)
        vec = tuple(s.number for s in slots)
        if vec in valid:
            continue
        others[key] = vec
        if _satisfies(ids, others, key):
            valid[vec] = slots
    return valid


def _resolve_short_t3(short: list[tuple[str, _Run]], table: dict[str, RowData], version: str,
                      result: TemplateResult, width: int = N3, subtotal_at: int | None = None) -> None:
    """Place the values of rows that lost positions, when the identities allow one layout only.

    A vanished position is unknown, so identities through it prove nothing (`_satisfies`): a layout
    is stored only when it is the one layout, given the other rows, that no identity refutes.
    When every pending row still has several layouts (rows whose digits all ran together wait on
    each other's columns), a row whose only fully printed layout balances is placed on trial, and at
    the end every placed row is checked again against all the others: a row for which another
    layout now also fits is taken out and reported, never kept as a guess.

    Values that come from splitting a run of digits (cells printed without separators) are not
    what the report printed cell by cell: they are stored with ``inferred=True``.
    """
    ids = _t3_identities(version)
    pending = list(short)
    outcome: dict[str, list[tuple]] = {}
    printed_of = {id(run): [c for c in run.cells if c.value.kind != "blank"] for _, run in pending}
    candidates_of = {id(run): _candidates(printed_of[id(run)], width) for _, run in pending}
    placed: dict[str, tuple[_Run, tuple]] = {}

    def place(key: str, run: _Run, slots: list[Slot]) -> bool:
        split = False
        for s in slots:
            s.inferred = s.cell is not None and s.cell not in printed_of[id(run)]
            split |= s.inferred
        evidence = " | ".join([run.label.text, *(c.text for c in run.cells)])
        table[key] = RowData(run.label, slots, evidence)
        pending.remove((key, run))
        placed[key] = (run, tuple(s.number for s in slots))
        return split

    def complete(slots: list[Slot]) -> bool:
        return all(s.cell is not None and s.number is not None for s in slots)

    progress = True
    while pending and progress:
        progress = False
        for trial in (False, True):
            for key, run in list(pending):
                grid = {k: _vector(r) for k, r in table.items()}
                valid = _valid_layouts(key, candidates_of[id(run)], grid, ids, subtotal_at)
                if trial:  # every row was ambiguous: try the only fully printed layout that fits
                    valid = {vec: slots for vec, slots in valid.items() if complete(slots)}
                if len(valid) == 1:
                    place(key, run, next(iter(valid.values())))
                    progress = True
                elif not trial:
                    outcome[key] = list(valid)
            if progress:
                break
        if not progress:
            progress = _resolve_inconsistent(pending, outcome, table, candidates_of, printed_of, subtotal_at,
                                             result)
    _recheck_placed(placed, table, pending, outcome, candidates_of, ids, subtotal_at)
    for key, (run, _) in placed.items():
        split = any(s.inferred for s in table[key].slots)
        how = ("its digits ran together and were split in the only way" if split
               else "the only layout")
        result.issues.append(_issue_at(
            "info", "table3_split_inferred" if split else "table3_alignment_inferred", run.label,
            f"Table 3 row '{run.label.text}' showed {len(run.cells)} values for 7 columns; {how} "
            "that satisfies the table's identities was used (values marked inferred)."
            if split else
            f"Table 3 row '{run.label.text}' showed {len(run.cells)} values for 7 columns; {how} "
            "that satisfies the table's identities was used."))
    for key, run in pending:
        # fully printed layouts first: they tell the reader more than one number among blanks
        candidates = sorted(outcome.get(key, []), key=lambda vec: sum(v is None for v in vec))
        if not candidates:
            why = "no layout satisfies the table's identities"
        else:
            shown = "; ".join(" ".join("·" if v is None else str(v) for v in vec) for vec in candidates[:4])
            more = f" and {len(candidates) - 4} more" if len(candidates) > 4 else ""
            why = f"{len(candidates)} layouts satisfy the table's identities (candidates: {shown}{more})"
        result.issues.append(_issue_at(
            "warning", "table3_positions_lost", run.label,
            f"Table 3 row '{run.label.text}' shows {len(run.cells)} values ({' '.join(c.text for c in run.cells)}) "
            f"for 7 columns and {why}; the row was left out."))


def _recheck_placed(placed: dict[str, tuple[_Run, tuple]], table: dict[str, RowData],
                    pending: list[tuple[str, _Run]], outcome: dict[str, list[tuple]], candidates_of: dict, ids,
                    subtotal_at: int | None) -> None:
    """Take out every placed row for which, given all the other rows, another layout fits too.

    A row placed early was judged against fewer rows (or on trial); the final table must still
    single it out. Taking a row out can leave others unproven, so this repeats until stable.
    A row no layout fits any more (a printed inconsistency elsewhere) stays: nothing competes with it.
    """
    changed = True
    while changed:
        changed = False
        grid = {k: _vector(r) for k, r in table.items()}
        for key, (run, vec) in list(placed.items()):
            valid = _valid_layouts(key, candidates_of[id(run)], grid, ids, subtotal_at)
            if any(other != vec for other in valid):
                del table[key], placed[key], grid[key]
                pending.append((key, run))
                outcome[key] = list(valid)
                changed = True


def _row_balances(vec: tuple[Decimal | None, ...]) -> bool:
    """The row's own identity: the six applicant columns add up to 总计 (blank read as 0)."""
    return sum((v or 0 for v in vec[:-1]), Decimal(0)) == (vec[-1] or 0)


def _resolve_inconsistent(pending: list[tuple[str, _Run]], outcome: dict[str, list[tuple]],
                          table: dict[str, RowData], candidates_of: dict, printed_of: dict,
                          subtotal_at: int | None, result: TemplateResult) -> bool:
    """Rows no layout fits because the printed table fails an identity elsewhere (a printed
    inconsistency, docs/domain.md#printed-inconsistencies): the printed cells are kept
    when their positions are certain anyway — the digits can be laid out in one way only, or in one
    way only that satisfies the row's own identity — and the failed identity is left to the checks.
    Rows whose positions stay ambiguous are still refused. Returns whether a row was placed."""
    placed = False
    for key, run in list(pending):
        if outcome.get(key):
            continue  # several layouts satisfy the identities: positions are ambiguous
        layouts: dict[tuple, list[Slot]] = {}
        for candidate in candidates_of[id(run)]:
            slots = _drop_at(candidate, subtotal_at)
            layouts.setdefault(tuple(s.number for s in slots), slots)
        how = "can be laid out over the 7 columns in one way only"
        full = {vec: slots for vec, slots in layouts.items() if all(s.cell is not None for s in slots)}
        if len(layouts) > 1 and full:
            # a row that ran together prints every cell (0s included): read all its digits as cells
            layouts, how = full, "reads every printed digit as a cell in one way only"
        if len(layouts) > 1:
            layouts = {vec: slots for vec, slots in layouts.items() if _row_balances(vec)}
            how = "has one layout only in which its columns add up to its 总计"
        if len(layouts) != 1:
            continue
        slots = next(iter(layouts.values()))
        for s in slots:
            if s.cell is not None and s.cell not in printed_of[id(run)]:
                s.inferred = True
        evidence = " | ".join([run.label.text, *(c.text for c in run.cells)])
        table[key] = RowData(run.label, slots, evidence)
        pending.remove((key, run))
        placed = True
        result.issues.append(_issue_at(
            "warning", "table3_kept_inconsistent", run.label,
            f"Table 3 row '{run.label.text}' ({' '.join(c.text for c in run.cells)}) {how}, but that layout "
            "fails an identity of the table as printed (see the failed checks); the printed values were kept "
            "(split values marked inferred)."))
    return placed


def _promote(slots_left: list[Slot], slots_right: list[Slot]) -> bool:
    """If one side is fully stated and the stated part of the other already equals it, the blanks
    of the other side are forced to 0 (all counts are ≥ 0). Returns whether anything changed."""
    changed = False
    for full, other in ((slots_left, slots_right), (slots_right, slots_left)):
        if any(s.number is None for s in full) or all(s.number is not None for s in other):
            continue
        if any(s.value.approximate for s in (*full, *other)):
            continue
        if any(s.number is not None and s.number < 0 for s in (*full, *other)):
            continue
        if sum((s.number for s in full), Decimal(0)) == sum((s.number for s in other if s.number is not None),
                                                             Decimal(0)):
            for s in other:
                if s.number is None and s.value.kind in ("blank", "dash"):
                    s.value = Value("number", Decimal(0))
                    s.inferred = True
                    changed = True
    return changed


def _infer_t3(table: dict[str, RowData], version: str) -> None:
    """Promote blanks to inferred zeros where an identity forces them (docs/domain.md#cell-values)."""
    outcomes = [o for o in T3_OUTCOME_ROWS[version] if o in table]
    for _ in range(4):
        changed = False
        for row in table.values():
            changed |= _promote(row.slots[-1:], row.slots[:-1])
        if "total_processed" in table and len(outcomes) == len(T3_OUTCOME_ROWS[version]):
            for c in range(N3):
                changed |= _promote([table["total_processed"].slots[c]], [table[o].slots[c] for o in outcomes])
        if all(k in table for k in ("new_received", "carried_over", "total_processed", "carried_forward")):
            for c in range(N3):
                changed |= _promote([table["new_received"].slots[c], table["carried_over"].slots[c]],
                                    [table["total_processed"].slots[c], table["carried_forward"].slots[c]])
        if not changed:
            break


def _slot_span(slot: Slot, row: RowData) -> tuple[int, int]:
    if slot.cell is not None:
        return slot.cell.start, slot.cell.end
    at = slot.at if slot.at is not None else (row.label.start if row.label else 0)
    return at, at


def _emit_t3(table: dict[str, RowData], order: tuple[str, ...], result: TemplateResult) -> None:
    for key in order:
        row = table.get(key)
        if row is None:
            continue
        for col, slot in zip(T3_COLUMNS, row.slots, strict=True):
            result.keep_cell("requests", key, col, slot.cell)
            if slot.number is None:
                continue
            start, end = _slot_span(slot, row)
            result.facts.append(Fact(
                table="requests", item=key, value=slot.number, start=start, end=end, evidence=row.evidence,
                source="table", approximate=slot.value.approximate, unit=slot.value.unit, applicant=col,
                label=(row.label.text if row.label else None),
                label_start=row.label.start if row.label else None,
                label_end=row.label.end if row.label else None, inferred=slot.inferred))


# ====================================================================== Table 4

def _t4_identities() -> list[tuple[list[int], list[int]]]:
    width = len(T4_OUTCOMES)
    return [([g * width + width - 1], [g * width + k for k in range(width - 1)]) for g in range(len(T4_PROCEEDINGS))]


def _t4_ok(vec: tuple[Decimal | None, ...]) -> bool:
    for left, right in _t4_identities():
        if sum((vec[i] or 0 for i in left), Decimal(0)) != sum((vec[i] or 0 for i in right), Decimal(0)):
            return False
    return True


def _parse_table4(lines: list[Line], result: TemplateResult) -> None:
    cells: list[Cell] = []
    positional = all(line.positional for line in lines if any(c.is_slot for c in line.cells))
    has_blanks = any(c.value.kind == "blank" for line in lines for c in line.cells)
    if positional and has_blanks:
        # pipe/tab shapes: the data row is what follows the last header text cell
        flat = [c for line in lines for c in line.cells]
        last_text = max((i for i, c in enumerate(flat) if c.value.kind == "text" and c.text), default=-1)
        cells = [c for c in flat[last_text + 1:] if c.is_slot]
        if len(cells) > N4 and all(not c.text for c in cells[:len(cells) - N4]):
            cells = cells[len(cells) - N4:]
    else:
        cells = [c for line in lines for c in line.cells if c.is_value]
        positional = False
    if not any(c.is_value for c in cells):
        return
    slots: list[Slot] | None = None
    if len(cells) == N4:
        slots = [_slot(c) for c in cells]
        one_line = len({_line_of(lines, c) for c in cells}) == 1
        if not positional and not one_line and not _t4_ok(tuple(s.number for s in slots)):
            reordered = _t4_reorder(cells)
            if reordered == "several":
                result.issues.append(_issue_at(
                    "warning", "table4_order_ambiguous", cells[0],
                    "Table 4's 15 values do not satisfy the group totals in printed order and several other "
                    "orders would; Table 4 was left out."))
                return
            if reordered is not None:
                slots = reordered
                result.issues.append(_issue_at(
                    "info", "table4_order_inferred", cells[0],
                    "Table 4's values came out of order (flattened PDF); the only order in which each group's "
                    "total equals the sum of its four outcomes was used."))
    elif len(cells) < N4:
        valid: dict[tuple, list[Slot]] = {}
        layouts: dict[tuple, list[Slot]] = {}
        for cand in _candidates([c for c in cells if c.is_value] if positional else cells, N4):
            vec = tuple(s.number for s in cand)
            layouts.setdefault(vec, cand)
            if vec not in valid and _t4_ok(vec):
                valid[vec] = cand
        if not valid and len(layouts) > 1:
            # a row that ran together prints every cell (0s included): the layouts filling every
            # position are the ones that read all its digits as cells
            layouts = {v: c for v, c in layouts.items() if all(s.cell is not None for s in c)}
        if not valid and len(layouts) == 1:
            # the digits fit the 15 positions in one way only: the positions are certain and the
            # printed numbers fail a group total (a printed inconsistency the checks record)
            slots = next(iter(layouts.values()))
            result.issues.append(_issue_at(
                "warning", "table4_kept_inconsistent", cells[0],
                f"Table 4 showed {len(cells)} values for 15 positions; only one layout reads every printed digit "
                "as a cell, and that layout fails a group total as printed (see the failed checks); the printed "
                "values were kept (split values marked inferred)."))
        elif len(valid) != 1:
            why = "no layout" if not valid else "several layouts"
            result.issues.append(_issue_at(
                "warning", "table4_positions_lost", cells[0],
                f"Table 4 shows {len(cells)} values for 15 positions and {why} satisfy the group totals; "
                "Table 4 was left out."))
            return
        else:
            slots = next(iter(valid.values()))
            result.issues.append(_issue_at(
                "info", "table4_alignment_inferred", cells[0],
                f"Table 4 showed {len(cells)} values for 15 positions; the only layout satisfying the group "
                "totals was used."))
        for s in slots:  # digits cut out of a run-together cell are not what the report printed cell by cell
            if s.cell is not None and s.cell not in cells:
                s.inferred = True
    else:
        result.issues.append(_issue_at(
            "warning", "table4_too_many_values", cells[0],
            f"Table 4 shows {len(cells)} values where 15 were expected; Table 4 was left out."))
        return
    width = len(T4_OUTCOMES)
    for g in range(len(T4_PROCEEDINGS)):
        _promote(slots[g * width + width - 1: g * width + width], slots[g * width: g * width + width - 1])
    evidence = " | ".join(s.cell.text if s.cell else "" for s in slots)
    for i, slot in enumerate(slots):
        proceeding, outcome = T4_PROCEEDINGS[i // width], T4_OUTCOMES[i % width]
        result.keep_cell("appeals", proceeding, outcome, slot.cell)
        if slot.number is None:
            continue
        at = slot.cell.start if slot.cell else cells[0].start
        result.facts.append(Fact(
            table="appeals", item=f"{proceeding}.{outcome}", value=slot.number, start=at,
            end=slot.cell.end if slot.cell else at, evidence=evidence, source="table",
            approximate=slot.value.approximate, unit=slot.value.unit, proceeding=proceeding, outcome=outcome,
            label=f"{T4_PROCEEDING_LABELS[proceeding]} {T4_OUTCOME_LABELS[outcome]}", inferred=slot.inferred))


def _line_of(lines: list[Line], cell: Cell) -> int:
    for i, line in enumerate(lines):
        if line.start <= cell.start <= line.end:
            return i
    return -1


def _t4_reorder(cells: list[Cell]) -> list[Slot] | str | None:
    """Values in order except the three group totals, printed elsewhere (pdftotext reading order).

    Tries every choice of three positions for the totals and every assignment of them to the
    groups; the twelve other values stay in printed order. Returns the only layout satisfying
    the group totals, ``"several"`` when more than one does, None when none does.
    """
    width = len(T4_OUTCOMES)
    groups = len(T4_PROCEEDINGS)
    parts_n = width - 1
    vals = [c.value.number if c.value.number is not None else Decimal(0) for c in cells]
    valid: dict[tuple, list[int]] = {}
    for total_pos in combinations(range(N4), groups):
        rest = [i for i in range(N4) if i not in total_pos]
        sums = [sum((vals[i] for i in rest[g * parts_n:(g + 1) * parts_n]), Decimal(0)) for g in range(groups)]
        if sorted(sums) != sorted(vals[i] for i in total_pos):
            continue
        for assign in permutations(total_pos):
            if all(vals[assign[g]] == sums[g] for g in range(groups)):
                order: list[int] = []
                for g in range(groups):
                    order.extend(rest[g * parts_n:(g + 1) * parts_n])
                    order.append(assign[g])
                valid.setdefault(tuple(cells[i].value.number for i in order), order)
    if len(valid) > 1:
        return "several"
    if valid:
        return [_slot(cells[i]) for i in next(iter(valid.values()))]
    return None


__all__ = ["TemplateResult", "parse_template"]
