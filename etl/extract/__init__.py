"""extract: a path → RawDocument (bytes, identity, media type, decoded text).

Thin first version: plain text in UTF-8 only. The full version (encodings, HTML, PDF, DOCX)
replaces `extract` without changing its signature.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from etl.model import Issue, RawDocument


def extract(path: str | Path) -> RawDocument:
    """Read one file and decode it. Never raises for bad content: problems become issues."""
    path = Path(path)
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        issue = Issue("error", "undecodable", f"{path.name}: not UTF-8 text ({exc.reason} at byte {exc.start}).")
        return RawDocument(str(path), sha, len(data), "application/octet-stream", None, None, (issue,))
    return RawDocument(str(path), sha, len(data), "text/plain", text, "utf-8")
