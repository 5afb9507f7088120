"""normalise: RawDocument → CleanText (repaired, simplified, chrome stripped).

A pure function. Each repair is a small function over `Tracked` text (the text plus a map
back to original offsets) returning the new text and a `Repair` record. Order matters:

1. ``control_chars``   – CRLF → LF; zero-width characters, BOMs, control characters, lone surrogates removed;
2. ``markup_residue``  – entities and stray tags (``</span>``) (entities never yield control characters);
3. ``pinyin_gloss``    – ``領(lǐng)`` → ``領`` (before 4, so a damaged run reads the same with or
                         without its glosses);
4. ``gbk_shift``       – GBK text decoded one byte off, re-decoded (works on the raw characters,
                         so it runs before anything rewrites them); it also removes what the damage
                         left right after a run (``?/span>``, a gloss after a consumed trail letter);
                         unrecoverable spots → issues;
5. ``fullwidth_ascii`` – full-width digits/letters → ASCII, odd spaces → space;
6. ``trailing_residue`` – ``。HtT`` at a line end (after 4 and 5, which can produce it);
7. ``traditional_to_simplified`` – OpenCC tw2sp, only for traditional text (after 2–4, which need
                         the original characters; before 8–9, whose patterns are simplified);
8. ``punctuation_form`` – canonical brackets, colons, separators, quotes, ``㈠`` → ``（一）`` (see `width`);
9. ``page_chrome`` / ``page_metadata`` – whole chrome lines removed (patterns in `patterns`).

No step creates input for an earlier one, and steps that can expose more of their own work
repeat to a fixed point, so normalising twice gives the same text.

Every `Repair.positions` entry is an offset in `CleanText.original` (at most the first 1,000
per repair for the character-level repairs; `count` is always exact); `CleanText.offset_map`
maps each offset of the normalised text to the original (len(text) + 1 entries). Issues of
this stage (``unrepairable_mojibake``) carry offsets into the normalised text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from etl.model import CleanText, Issue, RawDocument, Repair
from etl.normalise.chinese import to_simplified
from etl.normalise.chrome import removed_metadata_lines, strip_chrome
from etl.normalise.markup import strip_markup_residue, strip_trailing_residue
from etl.normalise.mojibake import repair_shifted_gbk
from etl.normalise.pinyin import strip_pinyin_glosses
from etl.normalise.tracked import Tracked, apply_edits, until_stable
from etl.normalise.width import canonical_punctuation, halfwidth_alnum

__all__ = ["normalise", "normalise_text"]

CONTROL = re.compile(r"\r\n?|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff\ud800-\udfff]")


def clean_control_chars(tracked: Tracked) -> tuple[Tracked, Repair | None]:
    """Line breaks to LF; zero-width characters, BOMs and control characters removed."""
    edits = [(m.start(), m.end(), "\n" if m.group()[0] == "\r" else "") for m in CONTROL.finditer(tracked.text)]
    if not edits:
        return tracked, None
    positions = tuple(tracked.original_offset(s) for s, _, _ in edits[:1000])
    return apply_edits(tracked, edits), Repair("control_chars", len(edits), positions)


def _final_offset(origin: list[int], original: int) -> int:
    """Where an original offset ended up in the normalised text (origin is non-decreasing)."""
    return min(bisect.bisect_left(origin, original), len(origin) - 1)


def normalise_text(text: str) -> tuple[str, list[int], list[Repair], list[Issue]]:
    """Normalise `text`: (new text, offset map, repairs, issues). Never raises."""
    tracked = Tracked.start(text)
    repairs: list[Repair] = []
    issues: list[Issue] = []

    def run(name: str, step: Callable[[Tracked], tuple[Tracked, object]]) -> None:
        nonlocal tracked
        try:
            result, extra = step(tracked)
        except Exception as exc:  # a repair must never lose the document: skip it and say so
            message = f"The {name} repair failed ({exc!r}); it was skipped."
            issues.append(Issue("warning", "normalise_step_failed", message))
            return
        tracked = result
        for item in extra if isinstance(extra, list) else [extra]:
            if isinstance(item, Repair) and item.count:
                repairs.append(item)

    run("control character", clean_control_chars)
    run("markup residue", lambda t: until_stable(strip_markup_residue, t))
    run("pinyin gloss", lambda t: until_stable(strip_pinyin_glosses, t))
    mojibake_issues: list[Issue] = []

    def shifted(t: Tracked) -> tuple[Tracked, Repair | None]:
        result, repair, found = repair_shifted_gbk(t)
        mojibake_issues.extend(found)
        return result, repair

    run("GBK shift", shifted)
    run("full-width", halfwidth_alnum)
    run("trailing residue", strip_trailing_residue)
    run("traditional to simplified", to_simplified)
    run("punctuation", lambda t: until_stable(canonical_punctuation, t))
    run("page chrome", strip_chrome)

    for issue in mojibake_issues:  # move positions from original offsets to normalised ones
        if issue.start is None:
            issues.append(issue)
            continue
        start = _final_offset(tracked.origin, issue.start)
        end = max(start, _final_offset(tracked.origin, issue.end or issue.start))
        issues.append(Issue(issue.severity, issue.code, issue.message, start, end))
    return tracked.text, tracked.origin, repairs, issues


def normalise(raw: RawDocument) -> CleanText:
    """Return the cleaned text of `raw` with the repairs applied. Pure; never raises.

    A document without text (`raw.text` is None) gives empty text and an issue.
    """
    if raw.text is None:
        issue = Issue("error", "no_text", "The document has no text to normalise; see the extract issues.")
        return CleanText(document=raw, text="", original="", issues=(issue,))
    text, origin, repairs, issues = normalise_text(raw.text)
    offset_map = () if text == raw.text else tuple(origin)
    page_lines = removed_metadata_lines(raw.text, repairs)
    return CleanText(
        document=raw,
        text=text,
        original=raw.text,
        repairs=tuple(repairs),
        issues=tuple(issues),
        offset_map=offset_map,
        page_lines=page_lines,
    )
