"""One table representation for every flattened shape of docs/domain.md#flattened-tables.

A table reaches the parser as text in one of several shapes (pipe rows, one cell per line
with or without pipes, PDF rows with space-separated values, tab-separated rows). This module
turns any of them into `Line`s of `Cell`s, each cell carrying its text and its character span
in the text it was read from, plus what kind of value it holds (docs/domain.md#cell-values). Parsers work on these
cells only and never look at separators again.

Shapes (the `Line.shape` codes):

- ``P1`` one table row per line, cells joined by pipes; covered (colspan/rowspan) positions are
  empty cells, so positions of blanks are known;
- ``P2`` one cell per line ending with a pipe; a lone pipe is an empty cell; two or more bare
  pipes are colspan padding and dropped;
- ``T`` tab-separated row (positions known);
- ``F`` PDF row: a label followed by space-separated values (empty cells vanish);
- ``L`` one cell per line without separators (empty cells vanish).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

#: shapes whose lines keep empty cells, so the column of every value is known
POSITIONAL_SHAPES = frozenset({"P1", "P2", "T"})

_NUMBER_RE = re.compile(
    r"(?P<approx_pre>约|近|超过|逾)?"
    r"(?P<sign>[+\-－＋−])?\s*"
    r"(?P<int>\d{1,3}(?:[,，]\d{3})+|\d+)(?:[.．](?P<frac>\d+))?\s*"
    r"(?P<approx_post>余|多|以上|左右)?\s*"
    r"(?P<unit>万元|元|件|个|项|条|次|宗|万)?"
)
_DASH_RE = re.compile(r"[/\\\-－—–─‐―]+")
_NONE_WORDS = frozenset({"无", "無"})
#: words printed in a value cell that mean "not applicable" (docs/domain.md#cell-values): read like a dash
_NA_WORDS = frozenset({"不适用", "不適用", "N/A", "NA", "N／A"})
#: what each cell is as printed (docs/domain.md#cell-values); `cell_semantic` decides, the warehouse stores it
CELL_SEMANTICS = ("number", "zero", "blank", "not_applicable", "text")
_FOOTER_RE = re.compile(
    r"[\-－—–]\s*\d{1,3}\s*[\-－—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3}"
)
_WS_TOKEN_RE = re.compile(r"\S+")
_PIPE_ONLY_RE = re.compile(r"[|\s]+")
#: a Markdown table's header separator row (``|---|:---:|``): layout, not dash cells
_MD_RULE_LINE_RE = re.compile(r"^\s*\|\s*:?-{3,}", re.M)
_MD_RULE_RE = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*")


@dataclass(frozen=True, slots=True)
class Value:
    """What a cell means as a number (docs/domain.md#cell-values).

    `kind` is one of ``number`` (a printed number, or ``无``), ``blank``, ``dash`` or ``text``;
    `number` is set only for ``number``.
    """

    kind: str
    number: Decimal | None = None
    unit: str | None = None
    approximate: bool = False
    #: the printed text was a word meaning zero (``无``)
    word_zero: bool = False


BLANK = Value("blank")
DASH = Value("dash")
TEXT = Value("text")


@lru_cache(maxsize=4096)
def parse_value(text: str) -> Value:
    """Classify a cell's text: number (with sign, decimals, thousands, unit), blank, dash or text."""
    t = text.strip().replace("\u3000", "").replace("&nbsp;", "")
    if not t:
        return BLANK
    if t in _NONE_WORDS:
        return Value("number", Decimal(0), word_zero=True)
    if _DASH_RE.fullmatch(t) or t in _NA_WORDS or t.upper() in _NA_WORDS:
        return DASH
    m = _NUMBER_RE.fullmatch(t)
    if m is None:
        return TEXT
    digits = m.group("int").replace(",", "").replace("，", "")
    if m.group("frac"):
        digits += "." + m.group("frac")
    try:
        number = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the regex only admits digits
        return TEXT
    if m.group("sign") in ("-", "－", "−"):
        number = -number
    approximate = bool(m.group("approx_pre") or m.group("approx_post"))
    return Value("number", number, unit=m.group("unit"), approximate=approximate)


def cell_semantic(value: Value) -> str:
    """What a printed cell states (one of `CELL_SEMANTICS`).

    ``zero`` is an explicit zero (``0`` or ``无``, a statement that there were none); ``blank`` says
    nothing; ``not_applicable`` is a dash, slash or 不适用; ``text`` is words in a value position
    (详见附表, 略). Only ``number`` and ``zero`` become facts.
    """
    if value.kind == "number":
        return "zero" if value.number == 0 else "number"
    if value.kind == "dash":
        return "not_applicable"
    return value.kind if value.kind in ("blank", "text") else "text"


def is_footer(text: str) -> bool:
    """True for page footers that PDF extraction leaves inside tables (``-4-``, ``第 3 页``)."""
    return _FOOTER_RE.fullmatch(text.strip()) is not None


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: its stripped text, its span in the text, and its value reading."""

    text: str
    start: int
    end: int
    value: Value

    @property
    def is_value(self) -> bool:
        """A number or a dash: a cell that fills a value slot."""
        return self.value.kind in ("number", "dash")

    @property
    def is_slot(self) -> bool:
        """A cell that occupies a value position: a number, a dash or a known blank."""
        return self.value.kind != "text"


@dataclass(slots=True)
class Line:
    """One physical line of the text and the cells read from it."""

    shape: str
    start: int
    end: int
    text: str
    cells: list[Cell] = field(default_factory=list)

    @property
    def positional(self) -> bool:
        """Whether empty cells are kept on this line (so positions are known)."""
        return self.shape in POSITIONAL_SHAPES


def make_cell(text: str, start: int, end: int) -> Cell:
    """A cell over text[start:end] with surrounding whitespace trimmed from the span."""
    stripped_left = len(text) - len(text.lstrip())
    core = text.strip()
    s = start + stripped_left
    return Cell(core, s, s + len(core), parse_value(core))


def _split_separated(raw: str, offset: int, sep: str) -> list[Cell]:
    cells = []
    pos = 0
    parts = raw.split(sep)
    if raw.rstrip().endswith(sep) and parts and not parts[-1].strip():
        parts = parts[:-1]
    for part in parts:
        cells.append(make_cell(part, offset + pos, offset + pos + len(part)))
        pos += len(part) + len(sep)
    return cells


def read_line(raw: str, offset: int, markdown: bool = False) -> Line | None:
    """Read one line of text (without its newline) starting at `offset` in the full text.

    Returns None for lines that carry no cells: empty lines, page footers, colspan padding,
    Markdown rule rows. `markdown` says the text holds Markdown tables (a rule row was seen), so a
    leading pipe is a border.
    """
    body = raw.replace("\f", " ").replace("\r", "")
    stripped = body.strip()
    if not stripped or is_footer(stripped):
        return None
    end = offset + len(raw)
    if "\t" in body:
        return Line("T", offset, end, raw, _split_separated(body, offset, "\t"))
    if "|" in body:
        if _PIPE_ONLY_RE.fullmatch(body):
            if body.count("|") == 1:
                at = offset + body.index("|")
                return Line("P2", offset, end, raw, [Cell("", at, at, BLANK)])
            return None  # colspan padding
        if markdown and _MD_RULE_RE.fullmatch(body.strip()):
            return None
        cells = _split_separated(body, offset, "|")
        if markdown and len(cells) > 2 and body.lstrip().startswith("|") and not cells[0].text:
            # a Markdown row's leading border pipe, not an empty cell (in P1 text a row may start
            # with a pipe because its first cell is empty, so only a Markdown table's rule decides)
            cells = cells[1:]
        non_blank = [c for c in cells if c.text]
        if len(cells) == 1 or (len(non_blank) == 1 and cells[0].text and body.rstrip().endswith("|")
                               and all(not c.text for c in cells[1:])):
            return Line("P2", offset, end, raw, [cells[0]])
        return Line("P1", offset, end, raw, cells)
    tokens = list(_WS_TOKEN_RE.finditer(body))
    if len(tokens) >= 2:
        values = [parse_value(t.group()) for t in tokens]
        first_value = len(tokens)
        while first_value > 0 and values[first_value - 1].kind in ("number", "dash"):
            first_value -= 1
        if first_value < len(tokens) and (len(tokens) - first_value >= 2 or first_value > 0):
            cells = []
            if first_value:
                a, b = tokens[0].start(), tokens[first_value - 1].end()
                cells.append(Cell(body[a:b], offset + a, offset + b, TEXT))
            for tok, val in zip(tokens[first_value:], values[first_value:], strict=True):
                cells.append(Cell(tok.group(), offset + tok.start(), offset + tok.end(), val))
            return Line("F", offset, end, raw, cells)
    return Line("L", offset, end, raw, [make_cell(body, offset, offset + len(body))])


_LINE_RE = re.compile(r"[^\n]*")


def iter_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, str]]:
    """(offset, line) for every line of text[start:end]."""
    stop = len(text) if end is None else end
    pos = start
    while pos <= stop:
        nl = text.find("\n", pos, stop)
        if nl < 0:
            if pos < stop:
                yield pos, text[pos:stop]
            return
        yield pos, text[pos:nl]
        pos = nl + 1


def read_table(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """All cell-bearing lines of text[start:end], in order, with spans into `text`."""
    lines = []
    markdown = _MD_RULE_LINE_RE.search(text, start, len(text) if end is None else end) is not None
    for offset, raw in iter_lines(text, start, end):
        line = read_line(raw, offset, markdown)
        if line is not None:
            lines.append(line)
    return lines
