"""Analyst corrections: a CSV kept in git that overrides parsed figures without re-parsing.

One line per corrected figure::

    sha256,agency,year,table,item,applicant,value,evidence,reason,author,date
    ,示例市生态环境局,2020,requests,new_received,,12,"p. 3, Table 3 row 一",carried-over cell read,alice,2026-12-01

- **Which report**: ``sha256`` (the document's content hash; with ``agency``/``year`` to pick one report
  of a document that holds several), or ``agency`` + ``year`` (any alias of the agency; the correction
  applies to that agency-year's primary report, whichever document it comes from).
- **Which figure**: ``table`` (requests, appeals, disclosure_counts) and ``item`` — a request row or
  disclosure key of docs/domain.md#canonical-keys, or ``proceeding.outcome`` for appeals (``review.total``);
  ``applicant`` for requests (default ``total``).
- **The value**: a number, or ``unknown`` when the report does not really state the figure.
- ``evidence`` (quote or page), ``reason``, ``author`` and ``date`` (YYYY-MM-DD) say why and who.

This module only reads and validates (no database). A line that cannot be applied as written is not
refused: it is kept with its ``problem`` so the warehouse (``analytics.corrections``) and ``etl run``
report it, like a correction whose target report has gone. The loader syncs the lines into
``warehouse.correction`` at each run; the views apply them (the parsed facts stay as parsed), so
removing a line undoes its correction at the next run.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from etl import vocabulary


class CorrectionsFileError(ValueError):
    """The corrections file cannot be read as one (its header is wrong); single bad lines are kept, not raised."""


#: The corrections file shipped as an example (no lines: analysts keep their own in git).
DEFAULT_CORRECTIONS_FILE = Path(__file__).resolve().parent / "data" / "corrections.csv"

COLUMNS = ("sha256", "agency", "year", "table", "item", "applicant", "value", "evidence", "reason", "author", "date")
REQUIRED = ("table", "item", "value", "reason", "author", "date")

#: Spellings of "the figure is unknown" accepted in the value column (data, gathered in one place).
UNKNOWN_WORDS = frozenset({"unknown", "null", "未知", "不详"})

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class CorrectionLine:
    """One line of the corrections file, normalised; `problem` says why it cannot be applied."""

    line: int
    sha256: str | None
    agency_name: str | None
    year: int | None
    fact_table: str | None
    item: str | None
    applicant: str | None
    outcome: str | None
    value: Decimal | None
    is_unknown: bool
    evidence: str | None
    reason: str | None
    author: str | None
    corrected_on: dt.date | None
    problem: str | None


def corrections_file_path(explicit: str | Path | None, home: Path) -> Path | None:
    """--corrections, else $ETL_HOME/corrections.csv, else the shipped example (which corrects nothing)."""
    if explicit:
        return Path(explicit)
    local = home / "corrections.csv"
    if local.is_file():
        return local
    return DEFAULT_CORRECTIONS_FILE if DEFAULT_CORRECTIONS_FILE.is_file() else None


def read_corrections(path: str | Path) -> list[CorrectionLine]:
    """Every correction line of `path` (blank and ``#`` lines skipped), each validated.

    Raises ValueError only when the file as a whole is unusable (no header with the required columns).
    """
    path = Path(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        numbered = [(n, line) for n, line in enumerate(handle, start=1)
                    if line.strip() and not line.lstrip().startswith("#")]
    if not numbered:
        return []
    reader = csv.reader(line for _, line in numbered)
    header = [h.strip() for h in next(reader)]
    missing = [c for c in REQUIRED if c not in header]
    if missing or not ({"sha256", "agency"} & set(header)):
        raise CorrectionsFileError(f"{path}: the header must be {','.join(COLUMNS)} (missing "
                         f"{', '.join(missing) or 'sha256 or agency'}).")
    lines = []
    for (number, _), cells in zip(numbered[1:], reader, strict=False):
        record = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)}
        lines.append(parse_line(number, record))
    return lines


def parse_line(number: int, record: dict[str, str]) -> CorrectionLine:
    """Normalise and validate one record (column → text); problems are collected, never raised."""
    problems: list[str] = []
    get = {k: (v.strip() or None) for k, v in record.items()}.get
    sha = (get("sha256") or "").lower() or None
    if sha is not None and not _SHA256.match(sha):
        problems.append("sha256 is not 64 hexadecimal digits")
    year = None
    if get("year"):
        try:
            year = int(get("year"))  # type: ignore[arg-type]
        except ValueError:
            problems.append(f"year {get('year')!r} is not a number")
        if year is not None and not 1949 <= year <= 2100:
            problems.append(f"year {year} is implausible")
            year = None
    agency = get("agency")
    if sha is None and (agency is None or year is None):
        problems.append("name the report by sha256, or by agency and year")

    table, item, applicant, outcome = get("table"), get("item"), None, None
    if table == "requests":
        applicant = get("applicant") or "total"
        if item not in vocabulary.REQUEST_ITEMS:
            problems.append(f"{item!r} is not a request item of docs/domain.md#keys-requests")
        if applicant not in vocabulary.APPLICANTS:
            problems.append(f"{applicant!r} is not an applicant column")
    elif table == "appeals":
        proceeding, _, outcome = (item or "").partition(".")
        item, outcome = proceeding, outcome or "total"
        if proceeding not in vocabulary.PROCEEDINGS or outcome not in vocabulary.OUTCOMES:
            problems.append(f"{get('item')!r} is not proceeding.outcome (e.g. review.total)")
    elif table == "disclosure_counts":
        if item not in vocabulary.DISCLOSURE_ITEMS:
            problems.append(f"{item!r} is not a disclosure item of docs/domain.md#keys-disclosure")
    else:
        problems.append(f"table {table!r} is not requests, appeals or disclosure_counts")

    raw_value, value, unknown = get("value"), None, False
    if raw_value is None:
        problems.append("value is empty (write a number, or unknown)")
    elif raw_value.lower() in UNKNOWN_WORDS:
        unknown = True
    else:
        try:
            value = Decimal(raw_value.replace(",", ""))
        except InvalidOperation:
            problems.append(f"value {raw_value!r} is neither a number nor unknown")
    for column in ("reason", "author"):
        if not get(column):
            problems.append(f"{column} is required")
    corrected_on = None
    if get("date"):
        try:
            corrected_on = dt.date.fromisoformat(get("date"))  # type: ignore[arg-type]
        except ValueError:
            problems.append(f"date {get('date')!r} is not YYYY-MM-DD")
    else:
        problems.append("date is required")
    return CorrectionLine(
        number, sha, agency, year, table, item, applicant, outcome, value, unknown, get("evidence"),
        get("reason"), get("author"), corrected_on,
        f"line {number}: " + "; ".join(problems) if problems else None,
    )
