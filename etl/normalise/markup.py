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
    """Drop HTML tags and trailing residue; turn entities into their characters."""
    edits: list[Edit] = [(m.start(), m.end(), "") for m in STRAY_TAG.finditer(tracked.text)]
    edits += [(m.start(), m.end(), _entity_text(m.group())) for m in STRAY_ENTITY.finditer(tracked.text)]
    edits += [(m.start(), m.end(), "") for m in TRAILING_RESIDUE.finditer(tracked.text)]
    if not edits:
        return tracked, None
    edits.sort()
    result = apply_edits(tracked, edits)
    positions = tuple(tracked.original_offset(start) for start, _, _ in edits)
    return result, Repair(KIND, len(edits), positions)
