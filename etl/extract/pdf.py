"""PDF → text with pdfplumber: text lines, and table rows in P1 form where a table is found.

Per page, text outside table areas is extracted line by line; each table found by
pdfplumber is rendered with `tables.render_rows` (merged cells come back as None and are
left empty) and placed by its vertical position among the lines.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from etl.extract.tables import render_rows
from etl.model import Issue


@dataclass(frozen=True)
class PdfResult:
    text: str | None
    issues: tuple[Issue, ...]


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
    y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _page_text(page) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """The text of one page and how many characters it has."""
    items: list[tuple[float, float, str]] = []
    try:
        tables = page.find_tables()
    except Exception:  # table detection is best effort
        tables = []
    boxes = [tuple(t.bbox) for t in tables]
    for table in tables:
        try:
            rows = table.extract()
        except Exception:
            continue
        lines = render_rows([[cell or "" for cell in row] for row in rows])
        if lines:
            items.append((table.bbox[1], table.bbox[0], "\n".join(lines)))
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes)) if boxes else page
    for line in outside.extract_text_lines(layout=False, strip=True, return_chars=False):
        if line.get("text"):
            items.append((line["top"], line["x0"], line["text"]))
    items.sort(key=lambda item: (round(item[0], 1), item[1]))
    return "\n".join(text for _, _, text in items), len(page.chars)


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
            texts: list[str] = []
            chars = 0
            for page in pages[:max_pages]:
                text, count = _page_text(page)
                chars += count
                texts.append(text)
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
    text = "\n".join(texts)
    return PdfResult(text + ("\n" if text else ""), tuple(issues))
