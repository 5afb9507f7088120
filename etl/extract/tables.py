"""Render a table as P1 rows (report-format.md §9): ``cell | cell | cell |``, one row per line.

Spanning cells are resolved into a grid first: a cell's text is written once, at its
top-left grid position; the positions it covers stay empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MAX_SPAN = 200  # a rowspan/colspan larger than this is a page error, not a layout
WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Cell:
    """One source cell with its spans."""

    text: str
    rowspan: int = 1
    colspan: int = 1


def clean_cell_text(text: str | None) -> str:
    """One line of text: whitespace collapsed; a pipe inside a cell becomes a full-width bar."""
    if not text:
        return ""
    return WHITESPACE.sub(" ", text.replace("|", "｜")).strip()


def to_grid(rows: Iterable[Sequence[Cell]]) -> list[list[str]]:
    """Place cells into a rectangular grid, resolving rowspan/colspan."""
    grid: dict[tuple[int, int], str] = {}
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
            grid[(r, c)] = cell.text
            for dr in range(rowspan):
                for dc in range(colspan):
                    covered.add((r + dr, c + dc))
            c += colspan
            width = max(width, c)
        while (r, c) in covered:  # spans from above at the end of this row
            c += 1
        width = max(width, c)
    return [[grid.get((r, c), "") for c in range(width)] for r in range(row_count)]


def render_rows(grid: Iterable[Sequence[str]]) -> list[str]:
    """P1 lines for a grid; rows with no text at all are dropped."""
    lines = []
    for row in grid:
        cells = [clean_cell_text(cell) for cell in row]
        if any(cells):
            lines.append(" | ".join(cells) + " |")
    return lines
