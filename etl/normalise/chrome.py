"""Strip page chrome (docs/domain.md#page-chrome): whole lines only, never parts of sentences.

A line is chrome when it matches a chrome regex, is a metadata-grid line (``索引号 | …``,
``发布日期：…``), or consists only of chrome tokens (``【打印此页】 【关闭窗口】``,
``字号：[大 中 小]``). All patterns live in `etl.normalise.patterns`. Metadata lines are
reported under their own repair kind so the parser can still read them from the original
text (`Repair.positions` are original offsets of the removed lines).
"""

from __future__ import annotations

from collections.abc import Sequence

from etl.model import Repair
from etl.normalise.chinese import simplified_characters
from etl.normalise.patterns import (
    BULLET,
    CHROME_LINES,
    CHROME_TOKEN_SPLIT,
    CHROME_TOKENS,
    METADATA_LABEL_ANYWHERE,
    METADATA_LINE,
    METADATA_MAX_LINE,
    METADATA_SHORT_LINE,
    WEAK_CHROME_TOKENS,
)
from etl.normalise.tracked import Edit, Tracked, apply_edits

KIND_CHROME = "page_chrome"
KIND_METADATA = "page_metadata"


def classify_line(line: str) -> str | None:
    """``"chrome"``, ``"metadata"`` or None for a line of report text."""
    probe = BULLET.sub("", line).strip()
    if not probe or len(probe) > METADATA_MAX_LINE:
        return None
    probe = simplified_characters(probe)  # chrome may survive in traditional script in a mixed page
    if METADATA_LINE.match(probe) and (
        len(probe) <= METADATA_SHORT_LINE or len(METADATA_LABEL_ANYWHERE.findall(probe)) >= 2
    ):
        return "metadata"
    if len(probe) > 120:
        return None
    if any(pattern.match(probe) for pattern in CHROME_LINES):
        return "chrome"
    tokens = [t for t in CHROME_TOKEN_SPLIT.split(probe) if t]
    # inside a table row, weak tokens alone (中, 关闭) are more likely cell values than chrome
    only_chrome = bool(tokens) and all(t in CHROME_TOKENS for t in tokens)
    if only_chrome and ("|" not in probe or any(t not in WEAK_CHROME_TOKENS for t in tokens)):
        return "chrome"
    return None


def strip_chrome(tracked: Tracked) -> tuple[Tracked, list[Repair]]:
    """Remove chrome and metadata lines (with their line break)."""
    edits: dict[str, list[Edit]] = {"chrome": [], "metadata": []}
    position = 0
    for line in tracked.text.splitlines(keepends=True):
        kind = classify_line(line.rstrip("\r\n"))
        if kind:
            edits[kind].append((position, position + len(line), ""))
        position += len(line)
    repairs: list[Repair] = []
    for kind, name in (("chrome", KIND_CHROME), ("metadata", KIND_METADATA)):
        if edits[kind]:
            positions = tuple(tracked.original_offset(s) for s, _, _ in edits[kind])
            repairs.append(Repair(name, len(edits[kind]), positions))
    all_edits = edits["chrome"] + edits["metadata"]
    return (apply_edits(tracked, all_edits) if all_edits else tracked), repairs


def removed_metadata_lines(original: str, repairs: Sequence[Repair]) -> tuple[str, ...]:
    """The metadata lines `strip_chrome` removed, read back from the original text and simplified.

    The parser reads the publisher and date from them (`发布机构：…`); the clean text no longer has them.
    """
    lines = []
    for repair in repairs:
        if repair.kind != KIND_METADATA:
            continue
        for position in repair.positions:
            end = original.find("\n", position)
            line = original[position:end if end != -1 else len(original)].strip()
            if line:
                lines.append(simplified_characters(line))
    return tuple(lines)
