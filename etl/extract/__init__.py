"""extract: a path → RawDocument (bytes, identity, media type, decoded text).

The media type is sniffed from the content (``%PDF``; a zip holding ``word/document.xml``;
OLE2 for legacy ``.doc``; HTML tags), not from the file name. Text and HTML are decoded by
`decode.decode_bytes` (BOM, declared charset, GB18030/Big5/UTF-16 trials, detection); HTML,
PDF and DOCX are turned into text with table rows in P1 form (``cell | cell |``).

Nothing here raises for bad content: every path gives a RawDocument with the SHA-256 of
its bytes, and problems (empty, too large, unsupported, binary, encrypted, scanned) are
issues with a message the user can act on; `text` is None when there is no usable text.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from etl.extract import sniff as media
from etl.extract.decode import decode_bytes
from etl.extract.docx import docx_to_text
from etl.extract.html import html_to_document
from etl.extract.limits import Limits, TooComplex, too_complex_issue
from etl.extract.pdf import pdf_to_text
from etl.extract.tables import Grid
from etl.model import Issue, RawDocument

__all__ = ["Limits", "extract", "extract_bytes"]


def _hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def extract(path: str | Path, limits: Limits | None = None) -> RawDocument:
    """Read one file and decode it. Never raises for bad content: problems become issues."""
    path = Path(path)
    limits = limits or Limits.from_env()
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            sha, size = _hash_file(path)
            issue = Issue(
                "error",
                "file_too_large",
                f"{path.name} is {size} bytes, over the {limits.max_file_bytes}-byte limit; it was not read. "
                "Raise ETL_MAX_FILE_MB if the file is genuine.",
            )
            return RawDocument(str(path), sha, size, media.BINARY, None, None, (issue,))
        data = path.read_bytes()
    except OSError as exc:
        issue = Issue(
            "error", "unreadable_file", f"{path.name} could not be read ({exc.strerror or exc}); check the path."
        )
        return RawDocument(str(path), hashlib.sha256(b"").hexdigest(), 0, media.BINARY, None, None, (issue,))
    return extract_bytes(data, str(path), limits)


def extract_bytes(data: bytes, path: str = "<bytes>", limits: Limits | None = None) -> RawDocument:
    """`extract` for bytes already in memory (`path` is only recorded). Never raises."""
    limits = limits or Limits.from_env()
    sha = hashlib.sha256(data).hexdigest()
    name = Path(path).name
    if len(data) > limits.max_file_bytes:
        issue = Issue(
            "error", "file_too_large", f"{name} is {len(data)} bytes, over the {limits.max_file_bytes}-byte limit."
        )
        return RawDocument(path, sha, len(data), media.BINARY, None, None, (issue,))
    if not data.strip():
        issue = Issue("error", "empty_file", f"{name} is empty; download the report again.")
        return RawDocument(path, sha, len(data), media.TEXT, None, None, (issue,))
    try:
        media_type = media.sniff(data)
        text, encoding, issues, grids = _text_of(media_type, data, limits)
        too_complex = text is not None and limits.text_problem(text)
        if too_complex:  # a bomb costs this file, not the worker's memory
            text, issues = None, [*issues, too_complex_issue(name, too_complex)]
    except TooComplex as exc:  # raised by _text_of, after the media type was sniffed
        text, encoding, grids = None, None, []
        issues = [too_complex_issue(name, str(exc))]
    except Exception as exc:  # last line of defence: a bug must not stop the run
        media_type, text, encoding, grids = media.BINARY, None, None, []
        issues = [Issue("error", "extract_failed", f"{name} could not be extracted ({type(exc).__name__}: {exc}).")]
    issues = [*_suffix_issue(name, media_type), *issues]
    tables = tuple(grids) if text is not None else ()
    return RawDocument(path, sha, len(data), media_type, text, encoding, tuple(issues), tables)


def _text_of(media_type: str, data: bytes, limits: Limits) -> tuple[str | None, str | None, list[Issue], list[Grid]]:
    if media_type == media.PDF:
        result = pdf_to_text(data, limits.max_pdf_pages)
        return result.text, None, list(result.issues), list(result.tables)
    if media_type == media.DOCX:
        result = docx_to_text(data, limits)
        return result.text, None, list(result.issues), list(result.tables)
    text, encoding, issues = _plain_text_of(media_type, data)
    if text is None or media_type != media.HTML:
        return text, encoding, issues, []
    notes: list[str] = []
    text, grids = html_to_document(text, limits.max_table_cells, notes)
    issues += [Issue("warning", "too_complex", f"Read in a simpler way: {note}.") for note in notes]
    if not text.strip():
        issues.append(
            Issue("error", "empty_html", "The HTML page has no visible text; check that it is the report page.")
        )
        return None, encoding, issues, []
    return text, encoding, issues, grids


def _plain_text_of(media_type: str, data: bytes) -> tuple[str | None, str | None, list[Issue]]:
    """Decoded text of anything that is not PDF/DOCX (HTML still as markup), or why there is none."""
    if media_type == media.DOC:
        return (
            None,
            None,
            [
                Issue(
                    "error",
                    "unsupported_doc",
                    "This is a legacy Word (.doc/OLE2) file, which cannot be read; convert it to .docx or to a PDF "
                    "with a text layer and run again.",
                )
            ],
        )
    if media_type == media.RTF:
        return None, None, [Issue("error", "unsupported_rtf", "RTF is not supported; save the file as .docx or PDF.")]
    if media_type == media.ZIP:
        return (
            None,
            None,
            [Issue("error", "unsupported_archive", "The file is a zip archive; unpack it and pass the report inside.")],
        )
    if media_type == media.BINARY:
        return (
            None,
            None,
            [
                Issue(
                    "error",
                    "not_text",
                    "The file is an image or other binary file; pass the report as HTML, text, DOCX or a text PDF.",
                )
            ],
        )
    decoded = decode_bytes(data, html=media_type == media.HTML)
    return decoded.text, decoded.encoding, list(decoded.issues)


def _suffix_issue(name: str, media_type: str) -> list[Issue]:
    suffix = Path(name).suffix.lower()
    expected = media.EXPECTED_SUFFIXES.get(media_type)
    known = set().union(*media.EXPECTED_SUFFIXES.values())
    if expected is None or suffix in expected or suffix not in known:
        return []
    return [
        Issue(
            "info",
            "extension_mismatch",
            f"{name} has the extension {suffix} but its content is {media_type}; read as such.",
        )
    ]
