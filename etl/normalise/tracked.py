"""Text with a map back to the original, so every repair can report original offsets.

Each repair returns a list of edits ``(start, end, replacement)`` on the current text;
`apply_edits` rewrites the text and keeps `origin[i]` = the offset in the original text
of character ``i`` (plus one trailing entry for the end of the text).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from etl.model import Repair

Edit = tuple[int, int, str]


@dataclass
class Tracked:
    """The text being normalised and, per character, its offset in the original."""

    text: str
    origin: list[int]

    @classmethod
    def start(cls, text: str) -> Tracked:
        return cls(text, list(range(len(text) + 1)))

    def original_offset(self, position: int) -> int:
        return self.origin[min(max(position, 0), len(self.origin) - 1)]


def apply_edits(tracked: Tracked, edits: Iterable[Edit]) -> Tracked:
    """Apply non-overlapping edits (sorted or not); replaced characters inherit origins.

    A replacement of the same length as the span keeps a one-to-one mapping; otherwise every
    new character points at the start of the replaced span (good enough for provenance).
    """
    ordered = sorted(edits)
    if not ordered:
        return tracked
    text, origin = tracked.text, tracked.origin
    parts: list[str] = []
    new_origin: list[int] = []
    cursor = 0
    for start, end, replacement in ordered:
        if start < cursor:  # overlapping edit: skip rather than corrupt the text
            continue
        parts.append(text[cursor:start])
        new_origin.extend(origin[cursor:start])
        parts.append(replacement)
        if len(replacement) == end - start:
            new_origin.extend(origin[start:end])
        else:
            new_origin.extend([origin[start]] * len(replacement))
        cursor = end
    parts.append(text[cursor:])
    new_origin.extend(origin[cursor:])
    return Tracked("".join(parts), new_origin)


def until_stable(
    step: Callable[[Tracked], tuple[Tracked, Repair | None]], tracked: Tracked, rounds: int = 5
) -> tuple[Tracked, Repair | None]:
    """Apply `step` until it changes nothing (a repair can expose another: ``&amp;nbsp;``,
    ``((一))``, a gloss after a gloss), so normalising twice gives the same text."""
    kind, count, positions = "", 0, []
    for _ in range(rounds):
        tracked, repair = step(tracked)
        if repair is None or not repair.count:
            break
        kind, count = repair.kind, count + repair.count
        positions.extend(repair.positions)
    if not count:
        return tracked, None
    return tracked, Repair(kind, count, tuple(sorted(set(positions))))
