"""normalise: RawDocument → CleanText (simplified, repaired, chrome stripped).

Thin first version: the decoded text unchanged. The full version replaces `normalise`.
"""

from __future__ import annotations

from etl.model import CleanText, RawDocument


def normalise(raw: RawDocument) -> CleanText:
    """Return the cleaned text of `raw`; `raw.text` must not be None."""
    assert raw.text is not None
    return CleanText(document=raw, text=raw.text, original=raw.text)
