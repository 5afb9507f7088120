"""Template tables read from their structure: grids (cells with positions and spans) → table rows.

Extraction hands over every HTML/DOCX/PDF table as a `Grid` beside the text (offsets into the
raw text). Here the grids are moved onto the normalised text, and each row of a template table
is projected onto the columns its header defines: a value belongs to the header cell whose grid
columns it overlaps most, wherever it sits and however wide it is drawn. So columns drawn two grid
columns wide, empty padding cells, merged (rowspan/colspan) label cells and headers printed over
several rows (or one character per row, as vertical PDF headers are) need no counting of values.

The result is one `Line` per data row holding the row's label cells and exactly one cell per
column (a zero-length blank where nothing is printed), which replaces that row's P1 line before
the template parser reads the text. Rows of a table whose header cannot be read keep their P1
line, so the text path still applies; a table continued on the next PDF page without a repeated
header keeps the columns of the table before it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from etl.extract.tables import Grid, GridCell
from etl.model import Issue
from etl.parse.cells import Cell, Line, make_cell, parse_value
from etl.parse.template_labels import (
    T3_COLUMN_LABELS,
    T3_SUBTOTAL_BODIES,
    T4_OUTCOME_LABELS,
    is_t2_header_start,
    label_key,
    match_t2_column,
    match_t3_row,
)

#: header labels that only Table 3 / only Table 4 has: they decide which table a header belongs to
_T3_ONLY = frozenset(v for k, v in T3_COLUMN_LABELS.items() if k not in ("other_org", "total"))
_T4_ONLY = frozenset(v for k, v in T4_OUTCOME_LABELS.items() if k != "total")
_T3_COLUMN_ORDER = tuple(T3_COLUMN_LABELS.values())
_T4_ORDER = tuple(T4_OUTCOME_LABELS.values())
N4 = 15


def to_clean(grids: Iterable[Grid], offset_map: Sequence[int]) -> list[Grid]:
    """Grids with offsets moved from the raw text to the normalised text (`CleanText.offset_map`)."""
    grids = list(grids)
    if not offset_map:
        return grids

    def where(offset: int) -> int:
        return min(bisect.bisect_left(offset_map, offset), len(offset_map) - 1)

    out = []
    for g in grids:
        cells = tuple(GridCell(c.row, c.col, c.rowspan, c.colspan, c.text, where(c.start), where(c.end))
                      for c in g.cells)
        out.append(Grid(cells, g.rows, g.cols, where(g.start), where(g.end), g.page))
    return out


def within(grids: Iterable[Grid], start: int, end: int) -> list[Grid]:
    """The grids inside text[start:end], with offsets relative to `start`."""
    return [g.shifted(-start) for g in grids if start <= g.start and g.end <= end]


@dataclass
class _Columns:
    """The value columns of a table: grid column intervals in printed order, and the table kind."""

    kind: str
    intervals: list[tuple[int, int]]
    cols: int


@dataclass
class Projection:
    """Projected lines keyed by the start offset of the P1 line they replace, and issues."""

    lines: dict[int, Line] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    #: lines of a transposed table: all of them replace the table's first line; its other lines go
    blocks: dict[int, list[Line]] = field(default_factory=dict)
    dropped: set[int] = field(default_factory=set)


def _cell(text: str, g: GridCell) -> Cell:
    return make_cell(text[g.start:g.end], g.start, g.end)


def _body(text: str) -> str:
    return label_key(text).body


def _header_kind(bodies: Iterable[str]) -> str | None:
    found = set(bodies)
    if found & _T4_ONLY:
        return "t4"
    if found & _T3_ONLY:
        return "t3"
    return None


def _leaves(cells: list[tuple[GridCell, str]], labels: Sequence[str]) -> list[tuple[GridCell, str]]:
    """Header cells naming one of `labels`; cells of one column stacked over several rows (a label
    split over rows, or printed one character per row) are joined top to bottom before matching."""
    wanted = set(labels) | (T3_SUBTOTAL_BODIES if labels is _T3_COLUMN_ORDER else set())
    out = [(g, b) for g, b in cells if b in wanted]
    used = {id(g) for g, _ in out}
    stacks: dict[tuple[int, int], list[tuple[GridCell, str]]] = {}
    for g, b in cells:
        if id(g) not in used and b:
            stacks.setdefault((g.col, g.colspan), []).append((g, b))
    for stack in stacks.values():
        stack.sort(key=lambda item: item[0].row)
        joined = "".join(b for _, b in stack)
        if joined in wanted:
            out.append((stack[0][0], joined))
    return sorted(out, key=lambda item: item[0].col)


def _columns(kind: str, header: list[tuple[GridCell, str]], cols: int) -> _Columns | None:
    if kind == "t3":
        leaves = _leaves(header, _T3_COLUMN_ORDER)
        names = [b for _, b in leaves if b not in T3_SUBTOTAL_BODIES]
        if names != list(_T3_COLUMN_ORDER):
            return None
    elif kind == "t4":
        leaves = _leaves(header, _T4_ORDER)
        if [b for _, b in leaves] != list(_T4_ORDER) * 3:
            return None
    else:
        leaves = header
    return _Columns(kind, [(g.col, g.col + g.colspan) for g, _ in leaves], cols)


def _column_of(columns: _Columns) -> list[int]:
    """For every grid column, the index of the value column covering it (-1 for none)."""
    out = [-1] * max(columns.cols, max((b for _, b in columns.intervals), default=0))
    for i, (a, b) in enumerate(columns.intervals):
        for c in range(a, b):
            out[c] = i
    return out


def _project_row(row: list[GridCell], columns: _Columns, owner: list[int], text: str, line: Line) -> Line | None:
    """The row's label cells and one cell per column; None when a column has two printed values."""
    first = columns.intervals[0][0]
    labels = [g for g in row if g.col + g.colspan <= first]
    per_column: list[list[GridCell]] = [[] for _ in columns.intervals]
    for g in row[len(labels):]:  # cells do not overlap, so (sorted by column) labels are a prefix
        # the value column this cell overlaps most (a cell drawn wider than its column still
        # belongs to one column; covered grid columns outside every header are padding)
        counts: dict[int, int] = {}
        for c in range(g.col, min(g.col + g.colspan, len(owner))):
            if owner[c] >= 0:
                counts[owner[c]] = counts.get(owner[c], 0) + 1
        if counts:
            per_column[max(counts, key=lambda i: (counts[i], -i))].append(g)
        elif text[g.start:g.end].strip():
            return None  # a printed cell outside every column: leave the row to the text path
    slots: list[Cell] = []
    last = (labels[-1].end if labels else line.start)
    for found in per_column:
        printed = [g for g in found if g.end > g.start and text[g.start:g.end].strip()]
        if len(printed) > 1:
            return None
        chosen = printed[0] if printed else (found[0] if found else None)
        if chosen is None:
            slots.append(make_cell("", last, last))
        else:
            slots.append(_cell(text, chosen))
            last = chosen.end
    label_cells = [] if columns.kind == "t4" else [_cell(text, g) for g in labels]
    return Line("P1", line.start, line.end, line.text, [*label_cells, *slots])


def _line_at(lines: list[Line], starts: list[int], offset: int) -> Line | None:
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and lines[i].start <= offset <= lines[i].end:
        return lines[i]
    return None


def project(grids: Iterable[Grid], text: str, lines: list[Line]) -> Projection:
    """Project the data rows of every template table found in `grids` (offsets into `text`)."""
    out = Projection()
    starts = [line.start for line in lines]
    carried: _Columns | None = None
    owner: list[int] | None = None
    owner_of: _Columns | None = None
    for grid in grids:
        transposed = _is_transposed(grid, text)
        if transposed:
            grid = _transpose(grid)
            first = _line_at(lines, starts, grid.start)
            block: list[Line] = []
            if first is not None:
                out.blocks[first.start] = block
                out.dropped.update(line.start for line in lines if grid.start <= line.start <= grid.end)
        rows: dict[int, list[GridCell]] = {}
        for g in grid.cells:
            rows.setdefault(g.row, []).append(g)
        columns = carried if carried is not None and carried.cols == grid.cols else None
        header: list[tuple[GridCell, str]] = []
        for r in sorted(rows):
            row = sorted(rows[r], key=lambda g: g.col)
            texts = [text[g.start:g.end].strip() for g in row]
            values = [parse_value(t).kind in ("number", "dash") for t in texts]
            if transposed:  # a transposed row is no line of the text: it gets a line of its own
                if not any(texts):
                    continue
                line = Line("P1", min(g.start for g in row), max(g.end for g in row), " | ".join(texts),
                            [_cell(text, g) for g in row])
                block.append(line)
            else:
                line = _line_at(lines, starts, row[0].start)
            if line is None:
                continue
            bodies = [_body(t) for t in texts]
            # Table 2: each block's header is one row that starts with 信息内容
            t2_at = next((i for i, t in enumerate(texts) if t and is_t2_header_start(t)), None)
            if t2_at is not None and not any(values):
                head = row[t2_at]
                leaves = [(g, b) for g, b, t in zip(row, bodies, texts, strict=True)
                          if g.col > head.col and t and match_t2_column(t) is not None]
                if leaves:
                    columns = _Columns("t2", [(g.col, g.col + g.colspan) for g, _ in leaves], grid.cols)
                    cells = [_cell(text, head), *(_cell(text, g) for g, _ in leaves)]
                    out.lines[line.start] = Line("P1", line.start, line.end, line.text, cells)
                header = []
                continue
            is_label_row = any(t and match_t3_row(t) not in (None, "group") for t in texts)
            if not any(values) and not is_label_row:
                header.extend((g, b) for g, b in zip(row, bodies, strict=True) if b)
                continue
            if header:
                kind = _header_kind(b for _, b in header)
                if kind is not None:
                    found = _columns(kind, header, grid.cols)
                    if found is None:
                        out.issues.append(Issue(
                            "warning", "table_header_unread",
                            f"A {'Table 3' if kind == 't3' else 'Table 4'} header was found but its columns "
                            "could not all be named; the table was read from its text.", row[0].start, row[0].end))
                    columns = found
                header = []
            if columns is None:
                continue
            if owner is None or owner_of is not columns:
                owner, owner_of = _column_of(columns), columns
            projected = _project_row(row, columns, owner, text, line)
            if projected is not None:
                if transposed:
                    block[-1] = projected
                else:
                    out.lines[line.start] = projected
        if transposed:
            out.issues.append(Issue("info", "table3_transposed",
                                    "Table 3 is printed transposed (applicants as rows, outcomes as columns); "
                                    "it was read by turning it back.", grid.start, grid.end))
        carried = columns
    return out


def _is_transposed(grid: Grid, text: str) -> bool:
    """A Table 3 printed with its outcome rows as columns: one grid row holds several row labels."""
    per_row: dict[int, int] = {}
    for g in grid.cells:
        t = text[g.start:g.end].strip()
        if t and match_t3_row(t) not in (None, "group"):
            per_row[g.row] = per_row.get(g.row, 0) + 1
    return max(per_row.values(), default=0) >= 3


def _transpose(grid: Grid) -> Grid:
    cells = tuple(GridCell(g.col, g.row, g.colspan, g.rowspan, g.text, g.start, g.end) for g in grid.cells)
    return Grid(cells, grid.cols, grid.rows, grid.start, grid.end, grid.page)


def apply(lines: list[Line], projection: Projection) -> list[Line]:
    """`lines` with every projected row in place of its P1 line (and transposed tables turned back)."""
    if not projection.lines and not projection.blocks:
        return lines
    out: list[Line] = []
    for line in lines:
        if line.start in projection.blocks:
            out.extend(projection.blocks[line.start])
        elif line.start not in projection.dropped:
            out.append(projection.lines.get(line.start, line))
    return out
