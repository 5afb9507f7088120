"""Media type from content (magic bytes and tags), not from the file name."""

from __future__ import annotations

import io
import re
import zipfile

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOC = "application/msword"
ZIP = "application/zip"
RTF = "application/rtf"
HTML = "text/html"
TEXT = "text/plain"
BINARY = "application/octet-stream"

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")
HTML_TAGS = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|meta|title|div|p|table|tr|td|span|br|font|center|h[1-6])[\s>/]", re.I
)
EXPECTED_SUFFIXES = {
    PDF: {".pdf"},
    DOCX: {".docx"},
    DOC: {".doc", ".wps"},
    HTML: {".html", ".htm", ".shtml", ".xhtml", ".asp", ".aspx", ".jsp", ".php"},
    TEXT: {".txt", ".text", ""},
}


def _strip_utf16(head: bytes) -> bytes:
    """ASCII view of UTF-16 text so its tags are visible too."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[1:2] == b"\x00" or head[0:1] == b"\x00":
        return head.replace(b"\x00", b"")
    return head


def sniff(data: bytes) -> str:
    """The media type of `data` by content."""
    head = data[:1024]
    if b"%PDF-" in head:
        return PDF
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return ZIP
        return DOCX if "word/document.xml" in names else ZIP
    if data.startswith(OLE2):
        return DOC
    if data.startswith(b"{\\rtf"):
        return RTF
    if any(data.startswith(magic) for magic in IMAGE_MAGIC):
        return BINARY
    if HTML_TAGS.search(_strip_utf16(data[:8192])):
        return HTML
    return TEXT
