"""Damaged and hostile inputs for the fuzz test and benchmark (like etl.synthetic, tooling, not a stage).

Each mutation takes the bytes of a real or example report and a random generator and returns new
bytes; `MUTATIONS` names them. The single-byte ones (``flip``, ``set``, ``nul``) are what a bad
disk sector or a download glitch does; the others are the bombs and oddities of issue 15. Nothing
here carries report text: the inserted strings are invented.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from etl.model import CleanText, ParsedDocument

Mutation = Callable[[bytes, random.Random], bytes]


def _at(data: bytes, rng: random.Random) -> int:
    return rng.randrange(len(data)) if data else 0


def flip(data: bytes, rng: random.Random) -> bytes:
    """One bit flipped."""
    if not data:
        return data
    at = _at(data, rng)
    return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1:]


def set_byte(data: bytes, rng: random.Random) -> bytes:
    """One byte replaced by a random one."""
    if not data:
        return data
    at = _at(data, rng)
    return data[:at] + bytes([rng.randrange(256)]) + data[at + 1:]


def nul(data: bytes, rng: random.Random) -> bytes:
    """One byte replaced by NUL."""
    if not data:
        return data
    at = _at(data, rng)
    return data[:at] + b"\x00" + data[at + 1:]


def insert8(data: bytes, rng: random.Random) -> bytes:
    """Eight random bytes inserted."""
    at = _at(data, rng)
    return data[:at] + bytes(rng.randrange(256) for _ in range(8)) + data[at:]


def delete_span(data: bytes, rng: random.Random) -> bytes:
    """Up to 64 bytes removed."""
    at = _at(data, rng)
    return data[:at] + data[at + rng.randint(1, 64):]


def truncate(data: bytes, rng: random.Random) -> bytes:
    """The file cut short (an interrupted download)."""
    return data[:_at(data, rng)]


def duplicate(data: bytes, rng: random.Random) -> bytes:
    """A span of up to 4 KB repeated (a resumed download that overlapped)."""
    at = _at(data, rng)
    span = data[at:at + rng.randint(1, 4096)]
    return data[:at] + span + data[at:]


def big_number(data: bytes, rng: random.Random) -> bytes:
    """A sentence with a 29-digit number inserted at a line start."""
    lines = data.split(b"\n")
    at = rng.randrange(len(lines))
    lines.insert(at, "本年收到申请99999999999999999999999999999件。".encode())
    return b"\n".join(lines)


def markup(data: bytes, rng: random.Random) -> bytes:
    """Text that rich would read as markup ([/x]) inserted at a line start."""
    lines = data.split(b"\n")
    lines.insert(rng.randrange(len(lines)), b"[/x] [bold]\xe7\xa4\xba\xe4\xbe\x8b[/]")
    return b"\n".join(lines)


def span_bomb(data: bytes, rng: random.Random) -> bytes:
    """A small HTML table whose spans would make a grid of millions of cells."""
    return data + b"<table><tr>" + b'<td rowspan="200" colspan="200">x</td>' * 300 + b"</tr></table>"


def deep_nesting(data: bytes, rng: random.Random) -> bytes:
    """The page wrapped in 100,000 nested <div>."""
    return b"<html><body>" + b"<div>" * 100_000 + data + b"</div>" * 100_000 + b"</body></html>"


def long_line(data: bytes, rng: random.Random) -> bytes:
    """A line of two million characters appended."""
    return data + b"\n" + "示例".encode() * 1_000_000 + b"\n"


def reencode_flip(data: bytes, rng: random.Random) -> bytes:
    """UTF-8 text re-encoded (GB18030, Big5 or UTF-16), then one bit flipped."""
    try:
        text = data.decode("utf-8")
        encoded = text.encode(rng.choice(["gb18030", "utf-16"]), errors="replace")
    except UnicodeError:
        encoded = data
    return flip(encoded, rng)


#: name → mutation; the single-byte damages first.
MUTATIONS: dict[str, Mutation] = {
    "flip": flip, "set": set_byte, "nul": nul, "insert8": insert8, "delete": delete_span, "truncate": truncate,
    "duplicate": duplicate, "big_number": big_number, "markup": markup, "span_bomb": span_bomb,
    "deep_nesting": deep_nesting, "long_line": long_line, "reencode_flip": reencode_flip,
}
SINGLE_BYTE = ("flip", "set", "nul")


@dataclass(frozen=True)
class FactKey:
    """A fact as compared across a clean and a damaged parse: its keys and value."""

    table: str
    item: str
    applicant: str | None
    proceeding: str | None
    outcome: str | None
    value: Decimal


def fact_lines(clean: CleanText, doc: ParsedDocument) -> list[dict[FactKey, set[int]]]:
    """Per report, each fact with the lines of the decoded file it depends on: its value's and label's,
    and for a table cell the header rows of its table.

    Offsets go report → document (report.offset) → decoded text (the normalise offset map); lines are
    counted in the decoded text, which has the same line breaks as the bytes for text files.
    """
    original = clean.original
    mapping = clean.offset_map

    def line(offset: int) -> int:
        at = mapping[min(offset, len(mapping) - 1)] if mapping else offset
        return original.count("\n", 0, at)

    text_lines = original.split("\n")

    def header_lines(row: int) -> set[int]:
        # a table cell means what its column header says: the header rows above it (P1 lines of the same
        # block holding no number cell) are lines the fact depends on too
        found, at = set(), row - 1
        while at >= 0 and "|" in text_lines[at]:
            cells = [c.strip() for c in text_lines[at].split("|")]
            if not any(c.replace(".", "", 1).isdigit() for c in cells):
                found.add(at)
            at -= 1
        return found

    reports = []
    for report in doc.reports:
        facts: dict[FactKey, set[int]] = {}
        for f in report.facts:
            spans = [(f.start, f.end)] + ([(f.label_start, f.label_end or f.label_start)]
                                         if f.label_start is not None else [])
            lines = {line(report.offset + a) for a, _ in spans} | {line(report.offset + b) for _, b in spans}
            lines = set(range(min(lines), max(lines) + 1))
            if f.source == "table":
                lines |= header_lines(min(lines))
            facts.setdefault(FactKey(f.table, f.item, f.applicant, f.proceeding, f.outcome, f.value), set()).update(
                lines)
        reports.append(facts)
    return reports


def damaged_lines(data: bytes, position: int) -> set[int]:
    """The lines a one-byte damage at `position` touches (a damaged line break touches both of its lines)."""
    line = data.count(b"\n", 0, position)
    return {line, line + 1} if data[position:position + 1] == b"\n" else {line}


def reports_kept(clean: list[dict[FactKey, set[int]]], damaged: ParsedDocument, touched: set[int]) -> tuple[int, int]:
    """(clean reports whose every fact off the `touched` lines is found again in `damaged`, clean reports)."""
    found = {FactKey(f.table, f.item, f.applicant, f.proceeding, f.outcome, f.value)
             for r in damaged.reports for f in r.facts}
    kept = sum(all(key in found for key, lines in facts.items() if not lines & touched) for facts in clean)
    return kept, len(clean)
