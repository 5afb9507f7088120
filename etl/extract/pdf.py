"""PDF → text with pdfplumber: text lines, and table rows in P1 form where a table is found.

Per page, text outside table areas is extracted line by line; each table found by
pdfplumber is placed into grid positions by its cells' boxes (the distinct ruling edges are the
grid lines, so merged cells get their spans), rendered as P1 rows placed by its vertical
position among the lines, and returned as a `Grid` with the page number. A table that cannot be
extracted becomes an issue and its text is read as ordinary lines.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from etl.extract.tables import Grid, RenderedTable, line_offsets, render_placed
from etl.model import Issue

#: PDF points within which two cell edges are the same grid line
EDGE_TOLERANCE = 1.5


@dataclass(frozen=True)
class PdfResult:
    text: str | None
    issues: tuple[Issue, ...]
    tables: tuple[Grid, ...] = ()


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
    y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _edges(values: list[float]) -> list[float]:
    """Distinct cell edges, merging those closer than EDGE_TOLERANCE."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > EDGE_TOLERANCE:
            out.append(v)
    return out


def _index(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def render_pdf_table(table) -> RenderedTable:  # type: ignore[no-untyped-def]
    """Place pdfplumber's cells by their boxes: columns and rows are the distinct ruling edges,
    so a merged cell gets its colspan/rowspan from the edges it covers."""
    texts = table.extract()
    boxes = [(r, i, bbox) for r, row in enumerate(table.rows) for i, bbox in enumerate(row.cells) if bbox]
    xs = _edges([b[0] for _, _, b in boxes] + [b[2] for _, _, b in boxes])
    ys = _edges([b[1] for _, _, b in boxes] + [b[3] for _, _, b in boxes])
    placed = []
    for r, i, (x0, top, x1, bottom) in boxes:
        col, row = _index(xs, x0), _index(ys, top)
        colspan = max(_index(xs, x1) - col, 1)
        rowspan = max(_index(ys, bottom) - row, 1)
        text = texts[r][i] if r < len(texts) and i < len(texts[r]) else ""
        placed.append((row, col, rowspan, colspan, text or ""))
    return render_placed(placed, max(len(ys) - 1, 1), max(len(xs) - 1, 1))


def _page_text(page, number: int, issues: list[Issue]) -> tuple[list[str], list[tuple[int, RenderedTable]], int]:  # type: ignore[no-untyped-def]
    """The lines of one page, its tables (index of first line, table) and how many characters it has.

    A table whose detection or extraction fails is recorded as an issue and its area is read as
    ordinary text lines, so no characters are lost.
    """
    items: list[tuple[float, float, list[str], RenderedTable | None]] = []
    try:
        tables = page.find_tables()
    except Exception as exc:  # table detection is best effort; the text is still read below
        issues.append(Issue("warning", "pdf_table_failed",
                            f"Tables on page {number} could not be detected ({type(exc).__name__}); the page was "
                            "read as plain text lines."))
        tables = []
    boxes = []
    for table in tables:
        try:
            rendered = render_pdf_table(table)
        except Exception as exc:
            issues.append(Issue("warning", "pdf_table_failed",
                                f"A table on page {number} could not be extracted ({type(exc).__name__}); its "
                                "text was kept as plain lines, without cell positions."))
            continue
        boxes.append(tuple(table.bbox))
        if rendered.lines:
            items.append((table.bbox[1], table.bbox[0], rendered.lines, rendered))
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes)) if boxes else page
    for line in outside.extract_text_lines(layout=False, strip=True, return_chars=False):
        if line.get("text"):
            items.append((line["top"], line["x0"], [line["text"]], None))
    items.sort(key=lambda item: (round(item[0], 1), item[1]))
    lines: list[str] = []
    placed: list[tuple[int, RenderedTable]] = []
    for _, _, texts, rendered in items:
        if rendered is not None:
            placed.append((len(lines), rendered))
        lines.extend(texts)
    return lines, placed, len(page.chars)


def pdf_to_text(data: bytes, max_pages: int) -> PdfResult:
    """Extract text from PDF bytes. Never raises: failures become error issues."""
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - dependency missing
        return PdfResult(
            None, (Issue("error", "pdf_unsupported", "pdfplumber is not installed; install it to read PDFs."),)
        )
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = pdf.pages
            issues: list[Issue] = []
            if len(pages) > max_pages:
                issues.append(
                    Issue("warning", "pdf_truncated", f"Only the first {max_pages} of {len(pages)} pages were read.")
                )
            all_lines: list[str] = []
            grids: list[Grid] = []
            chars = 0
            pos = 0  # offset of the next page's first line: all lines are joined by one newline
            for number, page in enumerate(pages[:max_pages], start=1):
                lines, tables, count = _page_text(page, number, issues)
                chars += count
                offsets = line_offsets(lines, pos)
                pos += sum(len(x) + 1 for x in lines)
                for first, rendered in tables:
                    grid = rendered.to_grid_at(offsets[first:first + len(rendered.lines)], page=number)
                    if grid is not None:
                        grids.append(grid)
                all_lines.extend(lines)
                page.flush_cache()
    except Exception as exc:  # pdfminer raises many types for damaged or protected files
        name = type(exc).__name__
        # pdfplumber wraps pdfminer's errors (PdfminerException(PDFPasswordIncorrect()))
        described = f"{name} {exc!r} {exc.__cause__!r}".lower()
        if "password" in described or "encrypt" in described:
            return PdfResult(
                None,
                (
                    Issue(
                        "error",
                        "encrypted_pdf",
                        "The PDF is password-protected; save an unprotected copy (or the HTML page) and run again.",
                    ),
                ),
            )
        return PdfResult(
            None,
            (
                Issue(
                    "error",
                    "unreadable_pdf",
                    f"The PDF could not be read ({name}); it may be truncated or damaged — download it again.",
                ),
            ),
        )
    if chars == 0:
        return PdfResult(
            None,
            (
                *issues,
                Issue(
                    "error",
                    "no_text_layer",
                    "The PDF has no text layer (scanned pages); run OCR on it or use a version with text, "
                    "such as the HTML page or a .docx.",
                ),
            ),
        )
    text = "\n".join(all_lines)
    return PdfResult(text + ("\n" if text else ""), tuple(issues), tuple(grids))
