"""Traditional → simplified with OpenCC (``tw2sp``: Taiwan vocabulary too, 計畫 → 计划).

Only text that is actually traditional is converted: ``tw2sp`` is not a no-op on simplified
text (it turns 文件 into 文档 and 核心 into 内核), so a document is converted only when at
least 2 % of its CJK characters (and at least 3) change under plain ``t2s``. After ``tw2sp``,
a plain ``t2s`` pass catches characters ``tw2sp`` leaves alone, so a second normalisation
sees simplified text and does nothing (idempotence). A few tw2sp over-conversions that are
wrong in these reports are undone (patterns.TW2SP_OVERCONVERSIONS).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from etl.model import Repair
from etl.normalise.patterns import TW2SP_OVERCONVERSIONS
from etl.normalise.tracked import Edit, Tracked, apply_edits

KIND = "traditional_to_simplified"
CJK = re.compile(r"[\u3400-\u9fff]")
MIN_SHARE = 0.02
MIN_CHANGED = 3


@lru_cache(maxsize=4)
def _converter(config: str) -> Any:
    import opencc

    for name in (config, f"{config}.json"):  # the PyPI build takes either form
        try:
            return opencc.OpenCC(name)
        except Exception:
            continue
    raise RuntimeError(f"OpenCC config {config} is not available")


def simplified_characters(text: str) -> str:
    """Plain character-level traditional → simplified (OpenCC t2s), no vocabulary changes."""
    return _converter("t2s").convert(text)


def traditional_share(text: str) -> tuple[int, int]:
    """(characters that t2s changes, CJK characters) over `text`."""
    cjk = len(CJK.findall(text))
    if not cjk:
        return 0, 0
    converted = _converter("t2s").convert(text)
    if len(converted) != len(text):
        changed = sum(1 for c in text if c != _converter("t2s").convert(c))
    else:
        changed = sum(1 for a, b in zip(text, converted, strict=True) if a != b)
    return changed, cjk


def is_traditional(text: str) -> bool:
    """True when enough of the text is in traditional characters to convert it."""
    changed, cjk = traditional_share(text)
    return changed >= MIN_CHANGED and changed >= MIN_SHARE * cjk


CHUNK = re.compile(r"(?<=[，。、；：！？,;:!?|])")


def _convert_chunk(chunk: str) -> str | None:
    """tw2sp with over-conversions undone, or None when tw2sp changed the length."""
    converted = _converter("tw2sp").convert(chunk)
    plain = _converter("t2s").convert(chunk)
    if len(converted) != len(plain):
        return None
    for wrong, right in TW2SP_OVERCONVERSIONS:
        start = converted.find(wrong)
        while start != -1:
            if plain[start : start + len(right)] == right:
                converted = converted[:start] + right + converted[start + len(wrong) :]
            start = converted.find(wrong, start + 1)
    return _converter("t2s").convert(converted)


def _convert_line(line: str) -> str:
    """tw2sp with the over-conversions undone (whole line, or chunk by chunk at punctuation
    when a phrase changed length, so the comparison with plain t2s stays aligned)."""
    whole = _convert_chunk(line)
    if whole is not None:
        return whole
    parts = []
    for chunk in CHUNK.split(line):
        converted = _convert_chunk(chunk)
        if converted is None:
            converted = _converter("t2s").convert(_converter("tw2sp").convert(chunk))
        parts.append(converted)
    return "".join(parts)


def to_simplified(tracked: Tracked) -> tuple[Tracked, Repair | None]:
    """Convert traditional text to simplified, line by line (so offsets stay close)."""
    if not is_traditional(tracked.text):
        return tracked, None
    edits: list[Edit] = []
    changed_chars = 0
    position = 0
    for line in tracked.text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        converted = _convert_line(body) if CJK.search(body) else body
        if converted != body:
            if len(converted) == len(body):
                # per-character edits keep a one-to-one offset map
                for index, (old, new) in enumerate(zip(body, converted, strict=True)):
                    if old != new:
                        edits.append((position + index, position + index + 1, new))
                        changed_chars += 1
            else:
                edits.append((position, position + len(body), converted))
                changed_chars += sum(1 for a, b in zip(body, converted, strict=False) if a != b) or 1
        position += len(line)
    if not edits:
        return tracked, None
    positions = tuple(tracked.original_offset(start) for start, _, _ in edits[:1000])
    return apply_edits(tracked, edits), Repair(KIND, changed_chars, positions)
