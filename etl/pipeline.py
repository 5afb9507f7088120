"""The pure stages composed: path → ParsedDocument. Parallelism and loading build on this."""

from __future__ import annotations

import hashlib
import traceback
from pathlib import Path

from etl.extract import extract
from etl.model import Issue, ParsedDocument
from etl.normalise import normalise
from etl.parse import parse


def process_file(path: str | Path) -> ParsedDocument:
    """Extract, normalise and parse one file. Never raises: a failure becomes an issue."""
    path = Path(path)
    try:
        raw = extract(path)
        if raw.text is None:
            return ParsedDocument(str(path), raw.sha256, raw.size, raw.media_type, raw.encoding,
                                  issues=list(raw.issues))
        return parse(normalise(raw))
    except Exception as exc:  # a parser bug must not stop the run; record it instead
        data = path.read_bytes() if path.is_file() else b""
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return ParsedDocument(
            str(path), hashlib.sha256(data).hexdigest(), len(data), "application/octet-stream", None,
            issues=[Issue("error", "internal_error",
                          f"The parser failed on this file ({type(exc).__name__}: {exc} at "
                          f"{Path(where.filename).name}:{where.lineno}). Please report it with the file.")],
        )
