"""Remove pinyin glosses written after characters: ``領(lǐng)導(dǎo)`` → ``領導``.

A gloss is one to three pinyin syllables in ASCII or full-width parentheses directly after a
CJK character, each syllable carrying a tone mark (``lǐng``) or a tone digit (``ling3``).
Parentheses holding ordinals (``(一)``), numbers (``(2019)``) or English words are left alone
because they never look like toned pinyin syllables.
"""

from __future__ import annotations

import re

from etl.model import Repair
from etl.normalise.patterns import PINYIN_LETTERS, PINYIN_SYLLABLE, TONE_FOLD, TONE_MARKED
from etl.normalise.tracked import Tracked, apply_edits

KIND = "pinyin_gloss"

_SYLLABLE = rf"[{PINYIN_LETTERS}]{{1,6}}[1-5]?"
GLOSS = re.compile(rf"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（]\s?({_SYLLABLE}(?:\s{_SYLLABLE}){{0,2}})\s?[)）]", re.I)


#: The same gloss without the look-behind, to match at a given position.
GLOSS_AT = re.compile(rf"[(（]\s?({_SYLLABLE}(?:\s{_SYLLABLE}){{0,2}})\s?[)）]", re.I)


def is_pinyin(content: str) -> bool:
    """True when `content` is toned pinyin: every syllable well-formed and toned."""
    for syllable in content.lower().split():
        digit = syllable[-1] if syllable[-1] in "12345" else ""
        letters = syllable[:-1] if digit else syllable
        toned = digit or any(c in TONE_MARKED for c in letters)
        if not toned or not PINYIN_SYLLABLE.match(letters.translate(TONE_FOLD)):
            return False
    return bool(content.strip())


def strip_pinyin_glosses(tracked: Tracked) -> tuple[Tracked, Repair | None]:
    """Delete every pinyin gloss that follows a CJK character."""
    edits = [(m.start(), m.end(), "") for m in GLOSS.finditer(tracked.text) if is_pinyin(m.group(1))]
    if not edits:
        return tracked, None
    positions = tuple(tracked.original_offset(start) for start, _, _ in edits)
    return apply_edits(tracked, edits), Repair(KIND, len(edits), positions)
