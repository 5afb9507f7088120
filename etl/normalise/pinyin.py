"""Remove pinyin glosses written after characters: ``領(lǐng)導(dǎo)`` → ``領導``.

A gloss is one to three pinyin syllables in ASCII or full-width parentheses directly after a
CJK character, each syllable carrying a tone mark (``lǐng``) or a tone digit (``ling3``).
Parentheses holding ordinals (``(一)``), numbers (``(2019)``) or English words are left alone
because they never look like toned pinyin syllables.

A page that glosses characters usually does so throughout, and some of its glosses lose their tone
marks or gain a space before the bracket (``鎮 (zhen)``). Once a text holds at least
`MIN_TONED_GLOSSES` toned glosses, such toneless or spaced glosses are removed too (each syllable must
still be valid pinyin); a text without toned glosses keeps every bracket (`(app)`, `(long)`).
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


#: A gloss separated from its character by one space (only removed in a glossed text).
LOOSE_GLOSS = re.compile(
    rf"(?<=[\u3400-\u9fff\uf900-\ufaff])[ \u3000]?[(（]\s?({_SYLLABLE}(?:\s{_SYLLABLE}){{0,2}})\s?[)）]", re.I
)
#: Toned glosses that show a text is glossed, so its toneless glosses can be removed too.
MIN_TONED_GLOSSES = 2


def is_pinyin(content: str, toneless: bool = False) -> bool:
    """True when `content` is pinyin: every syllable well-formed and (unless `toneless`) toned."""
    for syllable in content.lower().split():
        digit = syllable[-1] if syllable[-1] in "12345" else ""
        letters = syllable[:-1] if digit else syllable
        toned = digit or any(c in TONE_MARKED for c in letters)
        if not (toned or toneless) or not PINYIN_SYLLABLE.match(letters.translate(TONE_FOLD)):
            return False
    return bool(content.strip())


def strip_pinyin_glosses(tracked: Tracked) -> tuple[Tracked, Repair | None]:
    """Delete every pinyin gloss that follows a CJK character."""
    edits = [(m.start(), m.end(), "") for m in GLOSS.finditer(tracked.text) if is_pinyin(m.group(1))]
    if len(edits) >= MIN_TONED_GLOSSES:
        taken = {start for start, _, _ in edits}
        edits += [(m.start(), m.end(), "") for m in LOOSE_GLOSS.finditer(tracked.text)
                  if is_pinyin(m.group(1), toneless=True) and m.start() not in taken
                  and not any(a < m.end() and m.start() < b for a, b, _ in edits)]
        edits.sort()
    if not edits:
        return tracked, None
    positions = tuple(tracked.original_offset(start) for start, _, _ in edits)
    return apply_edits(tracked, edits), Repair(KIND, len(edits), positions)
