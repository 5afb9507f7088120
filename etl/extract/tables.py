"""Tables as structure, and their P1 rendering (docs/domain.md#flattened-tables): ``cell | cell | cell |``.

Extraction keeps every data table it finds twice: as P1 rows inside the document text (so the
text-only parsers and provenance by character span keep working) and as a `Grid` — each source
cell with its row/column position and spans, and the character span its text occupies in that
text. The template parser maps columns by the grid's header cells (their positions and labels),
never by counting values on a line.

Spanning cells are resolved into positions first: a cell's text is written once, at its
top-left grid position; the positions it covers stay empty in the P1 rendering.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

MAX_SPAN = 200  # a rowspan/colspan larger than this is a page error, not a layout
WHITESPACE = re.compile(r"\s+")
SEPARATOR = " | "


@dataclass(frozen=True)
class Cell:
    """One source cell with its spans."""

    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True, slots=True)
class GridCell:
    """One source cell placed in its table: top-left position, spans, and where its text is.

    `start`/`end` are character offsets of the cell's text in the text the table was rendered
    into (an empty cell has a zero-length span where it sits on its P1 line).
    """

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Grid:
    """A table as cells with resolved positions; offsets into the text it was rendered into.

    `page` is the 1-based PDF page the table was found on (None for HTML/DOCX).
    """

    cells: tuple[GridCell, ...]
    rows: int
    cols: int
    start: int
    end: int
    page: int | None = None

    def shifted(self, delta: int) -> Grid:
        """The same grid with every offset moved by `delta`."""
        cells = tuple(replace(c, start=c.start + delta, end=c.end + delta) for c in self.cells)
        return replace(self, cells=cells, start=self.start + delta, end=self.end + delta)


@dataclass
class RenderedTable:
    """P1 lines of one table and its cells, positioned relative to those lines.

    `cells` holds (row, col, rowspan, colspan, text, line index, column offset in the line);
    `Grid`s are made from it once the lines' offsets in the whole text are known (`to_grid_at`).
    """

    lines: list[str] = field(default_factory=list)
    cells: list[tuple[int, int, int, int, str, int, int]] = field(default_factory=list)
    rows: int = 0
    cols: int = 0

    def to_grid_at(self, line_offsets: Sequence[int], page: int | None = None) -> Grid | None:
        """The grid once line `i` of this table is known to start at `line_offsets[i]`."""
        if not self.lines:
            return None
        cells = tuple(
            GridCell(r, c, rs, cs, text, line_offsets[li] + at, line_offsets[li] + at + len(text))
            for r, c, rs, cs, text, li, at in self.cells
        )
        end = line_offsets[-1] + len(self.lines[-1])
        return Grid(cells, self.rows, self.cols, line_offsets[0], end, page)


def clean_cell_text(text: str | None) -> str:
    """One line of text: whitespace collapsed; a pipe inside a cell becomes a full-width bar."""
    if not text:
        return ""
    return WHITESPACE.sub(" ", text.replace("|", "｜")).strip()


def place(rows: Iterable[Sequence[Cell]]) -> tuple[list[tuple[int, int, int, int, str]], int, int]:
    """Place cells row by row into grid positions, resolving rowspan/colspan as HTML does.

    Returns (row, col, rowspan, colspan, text) per cell, the row count and the column count.
    """
    placed: list[tuple[int, int, int, int, str]] = []
    covered: set[tuple[int, int]] = set()
    width = 0
    row_count = 0
    for r, row in enumerate(rows):
        row_count = max(row_count, r + 1)
        c = 0
        for cell in row:
            while (r, c) in covered:
                c += 1
            rowspan = min(max(cell.rowspan, 1), MAX_SPAN)
            colspan = min(max(cell.colspan, 1), MAX_SPAN)
            placed.append((r, c, rowspan, colspan, cell.text))
            for dr in range(rowspan):
                for dc in range(colspan):
                    covered.add((r + dr, c + dc))
            c += colspan
            width = max(width, c)
        while (r, c) in covered:  # spans from above at the end of this row
            c += 1
        width = max(width, c)
    row_count = max([row_count, *(r + rs for r, _, rs, _, _ in placed)]) if placed else row_count
    return placed, row_count, width


def render_placed(placed: Iterable[tuple[int, int, int, int, str]], rows: int, cols: int) -> RenderedTable:
    """P1 lines for placed cells; rows with no text at all are dropped (their cells too)."""
    by_row: dict[int, dict[int, tuple[int, int, str]]] = {}
    for r, c, rs, cs, text in placed:
        by_row.setdefault(r, {})[c] = (rs, cs, clean_cell_text(text))
    out = RenderedTable(rows=rows, cols=cols)
    for r in range(rows):
        row = by_row.get(r, {})
        if not any(text for _, _, text in row.values()):
            continue
        parts: list[str] = []
        at = 0
        line_index = len(out.lines)
        for c in range(cols):
            cell = row.get(c)
            text = cell[2] if cell else ""
            if cell is not None:
                out.cells.append((r, c, cell[0], cell[1], text, line_index, at))
            parts.append(text)
            at += len(text) + len(SEPARATOR)
        out.lines.append(SEPARATOR.join(parts) + " |")
    return out


def render_table(rows: Iterable[Sequence[Cell]]) -> RenderedTable:
    """Place HTML-style rows of spanning cells and render them."""
    placed, row_count, width = place(rows)
    return render_placed(placed, row_count, width)


def line_offsets(lines: Sequence[str], first: int = 0) -> list[int]:
    """Start offset of each line when `lines` are joined by newlines starting at `first`."""
    out = []
    pos = first
    for line in lines:
        out.append(pos)
        pos += len(line) + 1
    return out
