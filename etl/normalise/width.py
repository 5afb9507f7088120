"""Width and punctuation: one form for digits, letters, brackets, colons and quotes.

Canonical forms (docs/domain.md#normalisation; the official labels use full-width punctuation):

- digits and Latin letters are half-width: ``２０１６`` → ``2016``, ``ＡＢ`` → ``AB``;
  ``％`` → ``%``; a full-width ``．`` between digits → ``.``;
- brackets are full-width ``（）`` when they hold Chinese (``(一)`` → ``（一）``,
  ``(市、区)`` → ``（市、区）``); brackets around ASCII only (``(2019)``, ``(PDF)``) stay half-width;
- ``㈠㈡…`` → ``（一）（二）…`` and ``⑴⑵…`` → ``（1）（2）…``;
- a colon after a Chinese character or bracket is full-width ``：`` (``中文名:`` → ``中文名：``);
  colons between digits (``15:44``) and in URLs stay half-width;
- a comma or semicolon touching a Chinese character is full-width ``，`` / ``；``
  (``2012年,按照`` → ``2012年，按照``); between digits (``11,398``) it stays;
- straight double quotes around Chinese become ``“…”``;
- non-breaking and ideographic spaces become an ordinary space.
"""

from __future__ import annotations

import re

from etl.model import Repair
from etl.normalise.patterns import PAREN_DIGITS, PAREN_IDEOGRAPHS
from etl.normalise.tracked import Edit, Tracked, apply_edits

KIND_WIDTH = "fullwidth_ascii"
KIND_PUNCT = "punctuation_form"

FULLWIDTH_ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ％]")
FULLWIDTH_POINT = re.compile(r"(?<=[0-9０-９])．(?=[0-9０-９])")
SPACES = re.compile(r"[\u00a0\u3000]")
CJK_CLASS = r"\u3400-\u9fff"
HALF_BRACKETS = re.compile(rf"\(([^()\n]{{0,40}}[{CJK_CLASS}][^()\n]{{0,40}})\)")
LABEL_COLON = re.compile(rf"(?<=[{CJK_CLASS}）)])[ \t]*:(?!//)")
CJK_PUNCT_NEIGHBOUR = rf"[{CJK_CLASS}“”（）《》、。]"
SEPARATOR = re.compile(rf"(?<={CJK_PUNCT_NEIGHBOUR})[,;]|[,;](?={CJK_PUNCT_NEIGHBOUR})")
FULLWIDTH_SEPARATOR = {",": "，", ";": "；"}
STRAIGHT_QUOTES = re.compile(rf'"([^"\n]{{0,40}}[{CJK_CLASS}][^"\n]{{0,40}})"')
ENCLOSED = re.compile("[" + "".join(PAREN_IDEOGRAPHS) + "".join(PAREN_DIGITS) + "]")


def halfwidth_alnum(tracked: Tracked) -> tuple[Tracked, Repair | None]:
    """Full-width digits, letters, percent and decimal points → ASCII."""
    text = tracked.text
    edits: list[Edit] = [(m.start(), m.end(), chr(ord(m.group()) - 0xFEE0)) for m in FULLWIDTH_ALNUM.finditer(text)]
    edits += [(m.start(), m.end(), ".") for m in FULLWIDTH_POINT.finditer(tracked.text)]
    edits += [(m.start(), m.end(), " ") for m in SPACES.finditer(tracked.text)]
    if not edits:
        return tracked, None
    positions = tuple(tracked.original_offset(s) for s, _, _ in sorted(edits)[:1000])
    return apply_edits(tracked, edits), Repair(KIND_WIDTH, len(edits), positions)


def canonical_punctuation(tracked: Tracked) -> tuple[Tracked, Repair | None]:
    """Brackets, enclosed ordinals, label colons, separators and quotes → their canonical forms."""
    text = tracked.text
    edits: list[Edit] = []
    for m in ENCLOSED.finditer(text):
        edits.append((m.start(), m.end(), PAREN_IDEOGRAPHS.get(m.group()) or PAREN_DIGITS[m.group()]))
    for m in HALF_BRACKETS.finditer(text):
        edits.append((m.start(), m.start() + 1, "（"))
        edits.append((m.end() - 1, m.end(), "）"))
    for m in LABEL_COLON.finditer(text):
        edits.append((m.end() - 1, m.end(), "："))
    for m in SEPARATOR.finditer(text):
        edits.append((m.start(), m.end(), FULLWIDTH_SEPARATOR[m.group()]))
    for m in STRAIGHT_QUOTES.finditer(text):
        edits.append((m.start(), m.start() + 1, "“"))
        edits.append((m.end() - 1, m.end(), "”"))
    if not edits:
        return tracked, None
    edits.sort()
    positions = tuple(tracked.original_offset(s) for s, _, _ in edits[:1000])
    return apply_edits(tracked, edits), Repair(KIND_PUNCT, len(edits), positions)
