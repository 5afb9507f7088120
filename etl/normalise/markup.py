"""Remove markup residue left in extracted text: stray tags, entities, glued ASCII junk."""

from __future__ import annotations

from etl.model import Repair
from etl.normalise.patterns import ENTITY_TEXT, STRAY_ENTITY, STRAY_TAG, TRAILING_RESIDUE
from etl.normalise.tracked import Edit, Tracked, apply_edits

KIND = "markup_residue"


def _entity_text(entity: str) -> str:
    if entity in ENTITY_TEXT:
        return ENTITY_TEXT[entity]
    try:
        number = int(entity[3:-1], 16) if entity[2] in "xX" else int(entity[2:-1])
        return chr(number) if 0 < number < 0x110000 and not 0xD800 <= number <= 0xDFFF else ""
    except ValueError:
        return ""


def strip_markup_residue(tracked: Tracked) -> tuple[Tracked, Repair | None]:
    """Turn entities into their characters, then drop HTML tags and trailing residue.

    Entities go first so that ``&lt;span&gt;`` becomes a tag that is then removed; callers
    repeat the step until nothing changes (``&amp;nbsp;`` needs two rounds).
    """
    positions: list[int] = []
    entities = [(m.start(), m.end(), _entity_text(m.group())) for m in STRAY_ENTITY.finditer(tracked.text)]
    if entities:
        positions += [tracked.original_offset(start) for start, _, _ in entities]
        tracked = apply_edits(tracked, entities)
    edits: list[Edit] = [(m.start(), m.end(), "") for m in STRAY_TAG.finditer(tracked.text)]
    edits += [(m.start(), m.end(), "") for m in TRAILING_RESIDUE.finditer(tracked.text)]
    if edits:
        positions += [tracked.original_offset(start) for start, _, _ in edits]
        tracked = apply_edits(tracked, edits)
    if not positions:
        return tracked, None
    return tracked, Repair(KIND, len(positions), tuple(sorted(positions)))
