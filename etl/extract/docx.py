"""DOCX → text with python-docx: paragraphs and tables in document order, tables as P1 rows.

The archive is checked before python-docx opens it: it must contain ``word/document.xml``
and must not unpack to more than the limit (zip bombs). Merged cells (gridSpan, vMerge)
come back from python-docx as the same cell repeated; only its top-left position keeps
the text.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from etl.extract.limits import Limits
from etl.extract.tables import Grid, RenderedTable, clean_cell_text, line_offsets, render_placed
from etl.model import Issue


@dataclass(frozen=True)
class DocxResult:
    text: str | None
    issues: tuple[Issue, ...]
    tables: tuple[Grid, ...] = ()


def check_archive(data: bytes, limits: Limits) -> Issue | None:
    """An error issue when the zip is not a safe DOCX, else None (reads only the directory)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return Issue("error", "unreadable_docx", "The file is a damaged zip/DOCX archive; download or save it again.")
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        return Issue(
            "error",
            "unsupported_archive",
            "The file is a zip archive but not a Word document; unpack it and pass the report inside.",
        )
    total = sum(info.file_size for info in infos)
    bomb = any(
        info.file_size > 1_048_576 and info.file_size > limits.max_zip_ratio * max(info.compress_size, 1)
        for info in infos
    )
    if total > limits.max_unzipped_bytes or bomb:
        return Issue(
            "error",
            "docx_too_large",
            f"The DOCX would unpack to {total} bytes (limit {limits.max_unzipped_bytes}) or is compressed "
            "suspiciously well; it was not opened. Check the file, or raise ETL_MAX_UNZIPPED_BYTES if it is genuine.",
        )
    return None


def _render(table) -> RenderedTable:  # type: ignore[no-untyped-def]
    """Place a Word table's cells by grid position with their spans.

    python-docx returns a merged cell once per grid column it covers (gridSpan) and, for a
    vertical merge, the top cell again in the rows below (vMerge); runs of the same cell become
    one placed cell with its colspan and rowspan.
    """
    rows = [list(row.cells) for row in table.rows]
    placed: dict[int, list] = {}  # id of the cell element -> [row, col, rowspan, colspan, text]
    width = 0
    for r, cells in enumerate(rows):
        width = max(width, len(cells))
        for c, cell in enumerate(cells):
            key = id(cell._tc)
            entry = placed.get(key)
            if entry is None:
                placed[key] = [r, c, 1, 1, clean_cell_text(cell.text)]
                continue
            entry[3] = max(entry[3], c - entry[1] + 1)
            entry[2] = max(entry[2], r - entry[0] + 1)
    cells_out = [(r, c, rs, cs, text) for r, c, rs, cs, text in placed.values()]
    return render_placed(cells_out, len(rows), width)


def _table_lines(table) -> list[str]:  # type: ignore[no-untyped-def]
    return _render(table).lines


def docx_to_text(data: bytes, limits: Limits) -> DocxResult:
    """Extract paragraphs and tables from DOCX bytes. Never raises."""
    problem = check_archive(data, limits)
    if problem:
        return DocxResult(None, (problem,))
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        rendered: list[tuple[int, RenderedTable]] = []
        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                text = Paragraph(child, document).text.strip()
                if text:
                    lines.append(text)
            elif tag == "tbl":
                table = _render(Table(child, document))
                if table.lines:
                    rendered.append((len(lines), table))
                    lines.extend(table.lines)
    except Exception as exc:  # python-docx/lxml raise many types for damaged parts
        return DocxResult(
            None,
            (
                Issue(
                    "error",
                    "unreadable_docx",
                    f"The DOCX could not be read ({type(exc).__name__}); open and save it again in Word.",
                ),
            ),
        )
    offsets = line_offsets(lines)
    grids = [t.to_grid_at(offsets[first:first + len(t.lines)]) for first, t in rendered]
    return DocxResult("\n".join(lines) + ("\n" if lines else ""), (), tuple(g for g in grids if g is not None))
