"""The values that flow between the pipeline stages.

extract: path -> RawDocument; normalise: RawDocument -> CleanText;
parse: CleanText -> ParsedDocument (one or more Report); load: ParsedDocument -> rows.

Every stage except the loader is a pure function over these values. They are plain
dataclasses so they pickle cheaply across the process pool and serialise to the
`etl parse --json` contract (see `ParsedDocument.to_contract`).
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SectionKind = Literal[
    "overview", "proactive", "requests", "fees", "appeals",
    "problems_and_improvements", "other", "preamble",
]
FactTable = Literal["requests", "appeals", "disclosure_counts"]
FactSource = Literal["table", "prose"]
ReportFormat = Literal["2019-template", "2021-template", "prose", "prose+table"]
Level = Literal["central", "province", "city", "county", "township"]
Scope = Literal["region", "agency"]
CheckStatus = Literal["pass", "fail", "not_assessable"]

#: The sources whose change can change what the pure stages produce for an unchanged file.
#: (data/special_zones.csv: the gazetteer's zone mapping decides regions and levels.)
PARSER_SOURCES: tuple[str, ...] = ("extract", "normalise", "parse", "vocabulary.py", "model.py",
                                  "data/special_zones.csv")


def parser_source_digest(package_dir: Path | None = None) -> str:
    """SHA-256 over the parsing code and vocabulary (file paths and bytes, in a fixed order).

    Deriving the parser version from the code itself means no one has to remember a bump: any edit to
    extract, normalise, parse, the vocabulary or the stage contracts makes the next run re-parse the
    documents an older parser loaded, and nothing else does.
    """
    root = package_dir or Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in PARSER_SOURCES:
        target = root / name
        files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        for path in files:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


#: What the loader compares to decide whether a document must be re-parsed: the release plus a digest
#: of the parsing sources (`parser_source_digest`).
PARSER_VERSION = f"0.1.0+{parser_source_digest()[:12]}"


@dataclass(frozen=True)
class Issue:
    """Something a user should know about an input: why it failed, or what looks wrong.

    `code` is a stable snake_case identifier (e.g. ``undecodable``, ``year_placeholder``);
    `message` is a sentence a user can act on. `start`/`end`, when set, are offsets into the
    text of the stage that raised it (normalised text for parse issues).
    """

    severity: Severity
    code: str
    message: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Repair:
    """One kind of repair the normalise stage applied, with where (offsets in the original text)."""

    kind: str
    count: int
    positions: tuple[int, ...] = ()


@dataclass(frozen=True)
class RawDocument:
    """A file as read from disk: its bytes, identity, media type and decoded text.

    `text` is None when the bytes could not be decoded or the format is unsupported;
    `issues` then says why. Tables found in HTML/PDF/DOCX are rendered into `text` as one
    row per line with cells separated by `` | `` (the P1 shape of docs/domain.md#flattened-tables) so
    that every cell keeps a character span. `tables` holds the same tables as structure
    (`etl.extract.tables.Grid`: cells with row/column positions, spans and offsets into `text`),
    so the template parser can map columns by header position instead of counting values.
    """

    path: str
    sha256: str
    size: int
    media_type: str
    text: str | None
    encoding: str | None = None
    issues: tuple[Issue, ...] = ()
    tables: tuple[Any, ...] = ()


@dataclass(frozen=True)
class CleanText:
    """Normalised text: simplified, repaired, chrome stripped, digits half-width.

    `original` is the decoded text before normalisation. `offset_map`, when not empty, maps
    each offset of `text` to an offset in `original` (len(text) + 1 entries) so provenance can
    point at the source; empty means the identity mapping.
    """

    document: RawDocument
    text: str
    original: str
    repairs: tuple[Repair, ...] = ()
    issues: tuple[Issue, ...] = ()
    offset_map: tuple[int, ...] = ()
    #: the page's metadata lines (`发布机构：…`, `发布日期：…`) removed as chrome, simplified, for the parser
    page_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """A section of a report: its position in the report's text and its canonical kind."""

    ordinal: int
    kind: str
    heading: str
    start: int
    end: int
    subkind: str | None = None


@dataclass(frozen=True)
class Fact:
    """One number stated by a report, with its canonical keys and provenance.

    Grain and keys follow docs/domain.md#canonical-keys:
    - table "requests": `item` × `applicant`;
    - table "appeals": `proceeding` × `outcome` (`item` is ``f"{proceeding}.{outcome}"``);
    - table "disclosure_counts": `item`.
    `start`/`end` are offsets into the report's normalised text and `evidence` is the text
    between them (or the table row it came from). `label_start`/`label_end` locate the row
    label of a table cell. `inferred` marks a value not printed but forced by an identity.
    `status` is ``"value"`` for numbers; ``"dash"`` cells (`/`, `—`) are not emitted as facts.
    """

    table: str
    item: str
    value: Decimal
    start: int
    end: int
    evidence: str
    source: str = "prose"
    approximate: bool = False
    unit: str | None = None
    applicant: str | None = None
    proceeding: str | None = None
    outcome: str | None = None
    label: str | None = None
    label_start: int | None = None
    label_end: int | None = None
    inferred: bool = False
    section_ordinal: int | None = None


@dataclass(frozen=True)
class TableCell:
    """One template-table cell as printed, whatever it holds (docs/domain.md#cell-values).

    `semantic` is ``number``, ``zero``, ``blank``, ``not_applicable`` or ``text``; `text` is the cell's
    printed text and `start`/`end` its span in the report's text. `row_key`/`column_key` place it with the
    canonical keys of its fact (requests: item × applicant; appeals: proceeding × outcome;
    disclosure_counts: the item, no column key), so a table fact links to its cell by table, keys and
    span. A cell whose row or column could not be named has None there.
    """

    table: str
    row_key: str | None
    column_key: str | None
    text: str
    semantic: str
    start: int
    end: int
    value: Decimal | None = None


@dataclass(frozen=True)
class ImprovementMeasure:
    """One item of the problems-and-improvements section. `kind` is "measure" or "problem"."""

    ordinal: int
    text: str
    start: int
    end: int
    kind: str = "measure"


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one consistency check (docs/domain.md#checks) on one column or group."""

    check: str
    subject: str
    status: str
    severity: str
    left: Decimal | None = None
    right: Decimal | None = None
    message: str = ""

    @property
    def difference(self) -> Decimal | None:
        if self.left is None or self.right is None:
            return None
        return self.left - self.right


@dataclass(frozen=True)
class Agency:
    """Who published a report, and where it sits in the administrative hierarchy."""

    name: str | None
    province: str | None = None
    city: str | None = None
    county: str | None = None
    adcode: str | None = None
    level: str | None = None
    scope: str = "agency"
    #: the township or street (乡、镇、街道) the agency belongs to, when its name states one
    township: str | None = None
    #: the township's 9-digit division code (the first 9 digits of the 12-digit statistical code)
    township_code: str | None = None
    #: where the name was read: ``title``, ``page`` (the page's 发布机构/来源 fields), ``signature`` or ``body``
    name_source: str | None = None


def section_at(sections: list[Section], position: int) -> Section | None:
    """The innermost (last-starting) section of `sections` that contains `position`, if any."""
    found = None
    for section in sections:
        if section.start <= position < section.end:
            found = section
    return found


@dataclass
class Report:
    """One annual report found in a document. Offsets refer to `text`."""

    text: str
    title: str | None
    agency: Agency
    year: int | None
    format: str
    published_on: date | None = None
    sections: list[Section] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    #: every template-table cell read, with its semantic (number, zero, blank, not_applicable, text)
    cells: list[TableCell] = field(default_factory=list)
    improvement_measures: list[ImprovementMeasure] = field(default_factory=list)
    checks: list[CheckResult] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    #: where this report's text starts in the document's normalised text
    offset: int = 0
    truncated: bool = False

    def section_at(self, position: int) -> Section | None:
        """The innermost section that contains `position`, if any."""
        return section_at(self.sections, position)


@dataclass
class ParsedDocument:
    """Everything the pure stages learned about one input file; what the loader writes."""

    path: str
    sha256: str
    size: int
    media_type: str
    encoding: str | None
    repairs: list[Repair] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    parser_version: str = PARSER_VERSION

    def to_contract(self) -> dict[str, Any]:
        """The `etl parse --json` object of architecture.md (fields may be added, never renamed)."""
        return {
            "path": self.path,
            "sha256": self.sha256,
            "size": self.size,
            "media_type": self.media_type,
            "encoding": self.encoding,
            "parser_version": self.parser_version,
            "repairs": [{"kind": r.kind, "count": r.count} for r in self.repairs],
            "issues": [_issue_json(i) for i in self.issues],
            "reports": [_report_json(r) for r in self.reports],
        }


def _number_json(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _issue_json(issue: Issue) -> dict[str, Any]:
    data = {"severity": issue.severity, "code": issue.code, "message": issue.message}
    if issue.start is not None:
        data["start"], data["end"] = issue.start, issue.end
    return data


def _fact_json(fact: Fact) -> dict[str, Any]:
    data: dict[str, Any] = {"table": fact.table}
    if fact.table == "appeals":
        data["proceeding"], data["outcome"] = fact.proceeding, fact.outcome
    else:
        data["item"] = fact.item
    if fact.table == "requests":
        data["applicant"] = fact.applicant or "total"
    data.update(
        value=_number_json(fact.value),
        approximate=fact.approximate,
        unit=fact.unit,
        source=fact.source,
        start=fact.start,
        end=fact.end,
        evidence=fact.evidence,
    )
    for optional in ("label", "label_start", "label_end", "section_ordinal"):
        if getattr(fact, optional) is not None:
            data[optional] = getattr(fact, optional)
    if fact.inferred:
        data["inferred"] = True
    return data


def _report_json(report: Report) -> dict[str, Any]:
    return {
        "title": report.title,
        "agency": dataclasses.asdict(report.agency),
        "year": report.year,
        "published_on": report.published_on.isoformat() if report.published_on else None,
        "format": report.format,
        "offset": report.offset,
        "truncated": report.truncated,
        "sections": [dataclasses.asdict(s) for s in report.sections],
        "facts": [_fact_json(f) for f in report.facts],
        "cells": [dataclasses.asdict(c) | {"value": None if c.value is None else _number_json(c.value)}
                  for c in report.cells],
        "improvement_measures": [dataclasses.asdict(m) for m in report.improvement_measures],
        "checks": [
            {
                "check": c.check, "subject": c.subject, "status": c.status, "severity": c.severity,
                "left": None if c.left is None else _number_json(c.left),
                "right": None if c.right is None else _number_json(c.right),
                "difference": None if c.difference is None else _number_json(c.difference),
                "message": c.message,
            }
            for c in report.checks
        ],
        "issues": [_issue_json(i) for i in report.issues],
    }
