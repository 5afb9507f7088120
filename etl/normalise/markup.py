"""Remove markup residue left in extracted text: stray tags, entities, glued ASCII junk."""

from __future__ import annotations

import re

from etl.model import Repair
from etl.normalise.patterns import ENTITY_TEXT, STRAY_ENTITY, STRAY_TAG, TRAILING_RESIDUE
from etl.normalise.tracked import Edit, Tracked, apply_edits

KIND = "markup_residue"
KIND_TRAILING = "trailing_residue"
#: Characters an entity must not turn into: the control-character step has already run, and a
#: '?' before Chinese would look like mojibake to the next step.
NOT_FROM_ENTITY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\r\u200b-\u200d\u2060\ufeff?]")


def _entity_text(entity: str) -> str:
    if entity in ENTITY_TEXT:
        return ENTITY_TEXT[entity]
    try:
        number = int(entity[3:-1], 16) if entity[2] in "xX" else int(entity[2:-1])
    except ValueError:
        return ""
    if not 0 < number < 0x110000 or 0xD800 <= number <= 0xDFFF:
        return ""
    char = chr(number)
    if char == "?":
        return entity
    return "" if NOT_FROM_ENTITY.match(char) else char


def strip_markup_residue(tracked: Tracked) -> tuple[Tracked, Repair | None]:
    """Turn entities into their characters, then drop HTML tags.

    Entities go first so that ``&lt;span&gt;`` becomes a tag that is then removed; callers
    repeat the step until nothing changes (``&amp;nbsp;`` needs two rounds).
    """
    positions: list[int] = []
    entities = [(m.start(), m.end(), _entity_text(m.group())) for m in STRAY_ENTITY.finditer(tracked.text)]
    if entities:
        positions += [tracked.original_offset(start) for start, _, _ in entities]
        tracked = apply_edits(tracked, entities)
    edits: list[Edit] = [(m.start(), m.end(), "") for m in STRAY_TAG.finditer(tracked.text)]
    if edits:
        positions += [tracked.original_offset(start) for start, _, _ in edits]
        tracked = apply_edits(tracked, edits)
    if not positions:
        return tracked, None
    return tracked, Repair(KIND, len(positions), tuple(sorted(positions)))


def strip_trailing_residue(tracked: Tracked) -> tuple[Tracked, Repair | None]:
    """Drop 1–4 ASCII letters glued after a sentence end at a line end (``。HtT``)."""
    edits: list[Edit] = [(m.start(), m.end(), "") for m in TRAILING_RESIDUE.finditer(tracked.text)]
    if not edits:
        return tracked, None
    positions = tuple(tracked.original_offset(start) for start, _, _ in edits)
    return apply_edits(tracked, edits), Repair(KIND_TRAILING, len(edits), positions)
