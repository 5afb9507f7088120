"""load: ParsedDocument → warehouse rows. With etl.database, the only module that talks to PostgreSQL.

One transaction per document. A document is identified by the SHA-256 of its bytes: loading the
same content again with the same parser version changes nothing; loading it with a newer parser
version (or ``--reparse``) deletes its reports (the fact tables cascade) and writes the new rows in
the same transaction, so a reader never sees a half-replaced document.

Rows are written with COPY (psycopg 3). Report and section ids are allocated from their identity
sequences first, so the fact rows that point at them can be copied in the same batch.

Run bookkeeping lives in ``ingest.etl_run``; a lock on ``ingest.run_lock`` keeps two runs from
interleaving; ``ingest.source_file`` lets a no-op rerun skip unchanged files without reading them.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg

from etl.model import Fact, Issue, ParsedDocument, Report
from etl.schema import CELL_SEMANTIC_VALUES

#: The table `etl run` locks for its whole duration (revision 0006): only writers of ingest can lock it.
RUN_LOCK_TABLE = "ingest.run_lock"
#: Key of the advisory lock that serialises the first run on a warehouse older than revision 0006.
RUN_LOCK_KEY = 727001

#: The example alias file shipped with the package (analysts copy it to $ETL_HOME or pass --aliases).
DEFAULT_ALIAS_FILE = Path(__file__).resolve().parent / "data" / "agency_aliases.csv"

#: Facts at or above this are refused with an issue on the fact: 15 digits is past any count a report
#: states, and a double (CSV/Parquet readers, BI tools) holds integers exactly only up to 2**53 ≈ 9.007e15.
MAX_FACT_VALUE = Decimal(10) ** 15

FACT_COLUMNS = (
    "value", "unit", "is_approximate", "is_inferred", "source", "section_id", "start_offset", "end_offset",
    "evidence", "label", "label_start", "label_end",
)
#: The key columns of each fact table, in the order _fact_row gives them.
FACT_KEYS = {"requests": ("item", "applicant"), "appeals": ("proceeding", "outcome"), "disclosure_counts": ("item",)}
#: The vocabulary table each key column must be in.
KEY_VOCABULARY = {("requests", "item"): "request_item", ("requests", "applicant"): "applicant",
                  ("appeals", "proceeding"): "proceeding", ("appeals", "outcome"): "outcome",
                  ("disclosure_counts", "item"): "disclosure_item"}
REJECTED_COLUMNS = (
    "document_id", "report_id", "fact_table", "item", "applicant", "proceeding", "outcome", "value", "value_text",
    "unit", "is_approximate", "is_inferred", "source", "section_id", "start_offset", "end_offset", "evidence",
    "label", "label_start", "label_end", "reason", "message", "run_id",
)


class LockBusy(Exception):
    """Another `etl run` holds the warehouse's run lock."""


class AliasFileError(ValueError):
    """The alias file is malformed (a subclass of ValueError so that only it maps to the alias exit code)."""


# --------------------------------------------------------------------------- connections and runs


def connect(conninfo: str) -> psycopg.Connection:
    """A psycopg connection (autocommit off) with a short application name for pg_stat_activity.

    Commits do not wait for the WAL flush (synchronous_commit off, this session only): a crash of the
    server itself can lose the last fraction of a second of commits, never part of a document, and the
    next run loads what was lost because its source_file rows were lost with it. It saves a disk flush
    per document.
    """
    return psycopg.connect(conninfo, application_name="etl", options="-c synchronous_commit=off")


def acquire_run_lock(conn: psycopg.Connection, wait: bool, migrate: Callable[[], None] | None = None) -> None:
    """Take the lock that serialises runs, then call `migrate`; raise LockBusy when busy and `wait` is False.

    The lock is ``LOCK TABLE ingest.run_lock IN EXCLUSIVE MODE`` in a transaction left open on `conn`
    (a connection of its own: nothing else may commit on it) for the whole run. Only roles that may
    write ingest can take it, so a read-only analyst cannot block a run (any role can take an advisory
    lock), and PostgreSQL releases it when the process dies. The open transaction has no snapshot and no
    transaction id, so it holds back nothing. A warehouse older than revision 0006 has no such table:
    its first run serialises the migration with the old advisory lock, then takes the table lock.
    """
    conn.execute("SET idle_in_transaction_session_timeout = 0")  # the lock transaction idles for the whole run
    conn.commit()
    bootstrap = conn.execute("SELECT to_regclass(%s) IS NULL", (RUN_LOCK_TABLE,)).fetchone()[0]
    conn.commit()
    if bootstrap:
        _advisory_lock(conn, wait)
        try:
            if migrate is not None:
                migrate()
            _lock_table(conn, wait)
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (RUN_LOCK_KEY,))  # session-level: no commit needed
        return
    _lock_table(conn, wait)
    if migrate is not None:
        migrate()


def _lock_table(conn: psycopg.Connection, wait: bool) -> None:
    try:
        conn.execute(f"LOCK TABLE {RUN_LOCK_TABLE} IN EXCLUSIVE MODE" + ("" if wait else " NOWAIT"))
    except psycopg.errors.LockNotAvailable:
        conn.rollback()
        raise LockBusy(_busy_message(conn)) from None


def _advisory_lock(conn: psycopg.Connection, wait: bool) -> None:
    with conn.cursor() as cur:
        if wait:
            cur.execute("SELECT pg_advisory_lock(%s)", (RUN_LOCK_KEY,))
        else:
            cur.execute("SELECT pg_try_advisory_lock(%s)", (RUN_LOCK_KEY,))
            if not cur.fetchone()[0]:
                conn.commit()
                raise LockBusy(_busy_message(conn))
    conn.commit()


def _busy_message(conn: psycopg.Connection) -> str:
    detail = ""
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT id, started_at FROM ingest.etl_run WHERE status = 'running' ORDER BY id DESC LIMIT 1"
            )
            row = cur.fetchone()
            if row:
                detail = f" (run {row[0]}, started {row[1]:%Y-%m-%d %H:%M:%S %Z})"
        conn.commit()
    except psycopg.Error:
        conn.rollback()
    return (
        f"Another `etl run` is loading into this warehouse{detail}. "
        "Try again when it has finished, or pass --wait to queue behind it."
    )


def run_lock_held(conn: psycopg.Connection) -> bool:
    """Whether some session currently holds the run lock (used to tell running from interrupted runs)."""
    with conn.cursor() as cur:
        cur.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE granted AND database = "
            "(SELECT oid FROM pg_database WHERE datname = current_database()) AND ("
            "(locktype = 'relation' AND relation = to_regclass(%s) AND mode = 'ExclusiveLock') OR "
            "(locktype = 'advisory' AND classid = 0 AND objid = %s AND objsubid = 1)))",
            (RUN_LOCK_TABLE, RUN_LOCK_KEY),
        )
        return bool(cur.fetchone()[0])


def mark_interrupted_runs(conn: psycopg.Connection) -> int:
    """Runs still marked running while we hold the lock died without finishing: say so."""
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE ingest.etl_run SET status = 'interrupted', message = COALESCE(message, "
            "'The process ended before the run finished (killed or crashed); the documents it committed are kept.') "
            "WHERE status = 'running'"
        )
        count = cur.rowcount
    conn.commit()
    return count


def start_run(conn: psycopg.Connection, command: str, parser_version: str) -> int:
    """Insert the etl_run row of a new run and return its id."""
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO ingest.etl_run (command, parser_version) VALUES (%s, %s) RETURNING id",
            (command, parser_version),
        )
        run_id = cur.fetchone()[0]
    conn.commit()
    return run_id


@dataclass
class RunCounts:
    """What a run saw and did (mirrors the counters of ingest.etl_run)."""

    files_seen: int = 0
    files_new: int = 0
    files_unchanged: int = 0
    files_failed: int = 0
    reports_loaded: int = 0
    facts_loaded: int = 0


def save_counts(conn: psycopg.Connection, run_id: int, counts: RunCounts) -> None:
    """Write the run's counters (inside the caller's transaction)."""
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE ingest.etl_run SET files_seen = %s, files_new = %s, files_unchanged = %s, files_failed = %s, "
            "reports_loaded = %s, facts_loaded = %s WHERE id = %s",
            (counts.files_seen, counts.files_new, counts.files_unchanged, counts.files_failed,
             counts.reports_loaded, counts.facts_loaded, run_id),
        )


def finish_run(conn: psycopg.Connection, run_id: int, counts: RunCounts, status: str, message: str | None) -> None:
    """Close the run: final counters, status succeeded or failed, and why it failed."""
    conn.rollback()  # whatever a failure left half-done is not ours to keep
    save_counts(conn, run_id, counts)
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE ingest.etl_run SET status = %s, finished_at = now(), message = %s WHERE id = %s",
            (status, message, run_id),
        )
    conn.commit()


# --------------------------------------------------------------------------- agency aliases


@dataclass(frozen=True)
class AliasRow:
    """One line of the alias file: `alias` denotes the agency called `canonical_name`."""

    alias: str
    canonical_name: str
    note: str | None = None


def read_alias_file(path: str | Path) -> list[AliasRow]:
    """Read an alias CSV (header ``alias,canonical_name,note``; lines starting with # are comments).

    Raises AliasFileError with the file and line when a row is malformed or the aliases form a cycle.
    """
    path = Path(path)
    rows: list[AliasRow] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.lstrip().startswith("#"))
        reader = csv.DictReader(lines)
        missing = {"alias", "canonical_name"} - set(reader.fieldnames or ())
        if missing:
            raise AliasFileError(
                f"{path}: the header must be alias,canonical_name,note (missing {', '.join(missing)}).")
        for number, record in enumerate(reader, start=2):
            alias = (record.get("alias") or "").strip()
            canonical = (record.get("canonical_name") or "").strip()
            if not alias or not canonical:
                raise AliasFileError(f"{path}, row {number}: both alias and canonical_name are required.")
            rows.append(AliasRow(alias, canonical, (record.get("note") or "").strip() or None))
    _resolve_chains(rows, path)
    return rows


def _resolve_chains(rows: list[AliasRow], path: Path) -> dict[str, str]:
    mapping = {r.alias: r.canonical_name for r in rows if r.alias != r.canonical_name}
    resolved = {}
    for alias in mapping:
        seen, name = {alias}, mapping[alias]
        while name in mapping:
            if name in seen:
                raise AliasFileError(f"{path}: the aliases of {alias} form a cycle ({' → '.join([*seen, name])}).")
            seen.add(name)
            name = mapping[name]
        resolved[alias] = name
    return resolved


def alias_file_path(explicit: str | Path | None, home: Path) -> Path | None:
    """The alias file to use: --aliases, else $ETL_HOME/agency_aliases.csv, else the shipped example."""
    if explicit:
        return Path(explicit)
    local = home / "agency_aliases.csv"
    if local.is_file():
        return local
    return DEFAULT_ALIAS_FILE if DEFAULT_ALIAS_FILE.is_file() else None


# --------------------------------------------------------------------------- the loader


@dataclass
class KnownFile:
    """What ingest.source_file remembers about a path."""

    size_bytes: int
    mtime_ns: int
    sha256: str
    parser_version: str


@dataclass
class KnownDocument:
    """What ingest.source_document remembers about a content hash."""

    id: int
    parser_version: str
    last_run_id: int


@dataclass
class LoadResult:
    """What loading one document did."""

    status: str  # loaded, partial, no_report, failed, unchanged (content already loaded by this version)
    reports: int = 0
    facts: int = 0
    years: list[int | None] = field(default_factory=list)


@dataclass(frozen=True)
class FileStat:
    """Where a document was read from: the source_file key and its stat when it was read."""

    path: str
    size_bytes: int
    mtime_ns: int


class Loader:
    """Writes parsed documents of one run. Not thread-safe; one per run, on its own connection."""

    def __init__(self, conn: psycopg.Connection, run_id: int, parser_version: str, reparse: bool = False) -> None:
        self.conn = conn
        self.run_id = run_id
        self.parser_version = parser_version
        self.reparse = reparse
        self._agency_ids: dict[str, int] = {}
        self._alias_file: dict[str, tuple[str, str | None]] = {}  # alias → (canonical name, note)
        self._years: set[int] = set()
        with conn.cursor() as cur:
            self.vocab = {}
            for table in ("request_item", "applicant", "proceeding", "outcome", "disclosure_item",
                          "section_kind", "report_format", "level"):
                cur.execute(f"SELECT key FROM warehouse.{table}")
                self.vocab[table] = {r[0] for r in cur.fetchall()}
            cur.execute("SELECT year FROM warehouse.year")
            self._years = {r[0] for r in cur.fetchall()}
        conn.commit()

    def apply_aliases(self, rows: Sequence[AliasRow]) -> int:
        """sync_aliases, then map names first seen later by the same file (see _agency_id)."""
        self._agency_ids.clear()  # names resolved before may map elsewhere now
        resolved = _resolve_chains(list(rows), Path("alias file"))
        self._alias_file = {r.alias: (resolved[r.alias], r.note) for r in rows if r.alias in resolved}
        return sync_aliases(self.conn, rows)

    # ------------------------------------------------------------------ lookups for the pipeline

    def known_files(self, paths: Sequence[str]) -> dict[str, KnownFile]:
        """source_file rows for `paths`, with the parser version of the document each holds."""
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT f.path, f.size_bytes, f.mtime_ns, f.sha256, d.parser_version FROM ingest.source_file f "
                "JOIN ingest.source_document d ON d.id = f.document_id WHERE f.path = ANY(%s)",
                (list(paths),),
            )
            found = {r[0]: KnownFile(r[1], r[2], r[3].strip(), r[4]) for r in cur.fetchall()}
        self.conn.commit()
        return found

    def known_documents(self, hashes: Sequence[str]) -> dict[str, KnownDocument]:
        """source_document rows for the given content hashes."""
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT sha256, id, parser_version, last_run_id FROM ingest.source_document WHERE sha256 = ANY(%s)",
                (list(hashes),),
            )
            found = {r[0].strip(): KnownDocument(r[1], r[2], r[3]) for r in cur.fetchall()}
        self.conn.commit()
        return found

    def is_current(self, known: KnownDocument | KnownFile) -> bool:
        """Whether rows loaded earlier can stay: same parser version and no --reparse (or reparsed by this run)."""
        if known.parser_version != self.parser_version:
            return False
        if not self.reparse:
            return True
        return isinstance(known, KnownDocument) and known.last_run_id == self.run_id

    def touch_files(self, paths: Sequence[str]) -> None:
        """Record that unchanged files were seen by this run (one statement for a batch).

        A file marked missing by an earlier run is there again: its document becomes current again.
        """
        if not paths:
            return
        with self.conn.cursor() as cur:
            cur.execute(
                "WITH hit AS (SELECT path, document_id, missing_since_run_id IS NOT NULL AS was_missing "
                "FROM ingest.source_file WHERE path = ANY(%s) FOR UPDATE), "
                "touched AS (UPDATE ingest.source_file f SET last_seen_run_id = %s, missing_since_run_id = NULL "
                "FROM hit WHERE f.path = hit.path AND (f.last_seen_run_id <> %s OR hit.was_missing)) "
                "SELECT DISTINCT document_id FROM hit WHERE was_missing",
                (list(paths), self.run_id, self.run_id),
            )
            back = [r[0] for r in cur.fetchall()]
        if back:
            recompute_primary(self.conn, refresh_presence(self.conn, back))
        self.conn.commit()

    def mark_missing(self, folders: Sequence[str], unlisted: Sequence[str] = ()) -> int:
        """Mark the paths under `folders` that this run did not see as missing; commits. Returns how many.

        Called only after a complete walk of those folders (never by an interrupted run), so a path
        not seen is really gone. The path record and its document stay: history remains queryable, and
        the document is current again if the file re-appears. Paths outside the folders are left
        alone: a run over one folder says nothing about another, and so are paths under `unlisted`
        (subfolders the walk could not list: their files were not looked for, so they are not gone).
        """
        prefixes = sorted({folder.rstrip("/") + "/" for folder in folders})
        excluded = sorted({folder.rstrip("/") + "/" for folder in unlisted})
        if not prefixes:
            return 0
        with self.conn.cursor() as cur:
            cur.execute(
                "UPDATE ingest.source_file f SET missing_since_run_id = %s WHERE f.missing_since_run_id IS NULL "
                "AND f.last_seen_run_id <> %s AND EXISTS (SELECT 1 FROM unnest(%s::text[]) AS p(prefix) "
                "WHERE starts_with(f.path, p.prefix)) AND NOT EXISTS (SELECT 1 FROM unnest(%s::text[]) AS "
                "q(prefix) WHERE starts_with(f.path, q.prefix)) RETURNING f.document_id",
                (self.run_id, self.run_id, prefixes, excluded),
            )
            gone = {r[0] for r in cur.fetchall()}
        if gone:
            recompute_primary(self.conn, refresh_presence(self.conn, gone))
        self.conn.commit()
        return len(gone)

    def link_file(self, stat: FileStat, sha256: str, document_id: int) -> None:
        """Point a path at already-loaded content (a copied, moved or touched file); commits."""
        self._upsert_source_file(stat, sha256, document_id)
        self.conn.commit()

    def drop_orphan_path_records(self) -> int:
        """Delete path records (``inode/*`` documents: unreadable or special paths) no path points at any more.

        A file that was unreadable and is readable now is loaded as a real document; the record of its
        earlier failure would otherwise stay among the failed documents for ever.
        """
        with self.conn.cursor() as cur:
            cur.execute(
                "DELETE FROM ingest.source_document d WHERE d.media_type LIKE 'inode/%%' AND NOT EXISTS "
                "(SELECT 1 FROM ingest.source_file f WHERE f.document_id = d.id)"
            )
            count = cur.rowcount
        self.conn.commit()
        return count

    # ------------------------------------------------------------------ one document

    def load(self, doc: ParsedDocument, stat: FileStat, counts: RunCounts | None = None) -> LoadResult:
        """Write one parsed document in one transaction (and the run's counters with it).

        A database error while writing is not fatal: the transaction is rolled back and the document
        is recorded as failed with a ``load_error`` issue, so the run goes on.
        """
        try:
            result = self._load(doc, stat)
        except psycopg.Error as exc:
            self.conn.rollback()
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            failed = ParsedDocument(
                doc.path, doc.sha256, doc.size, doc.media_type, doc.encoding,
                issues=[*doc.issues, Issue(
                    "error", "load_error",
                    f"The warehouse refused this document's rows ({message}). Nothing of it was loaded; "
                    "please report it with the file.")],
            )
            result = self._load(failed, stat)
        if counts is not None:
            _count(counts, result)
            save_counts(self.conn, self.run_id, counts)
        self.conn.commit()
        return result

    def _load(self, doc: ParsedDocument, stat: FileStat) -> LoadResult:
        cur = self.conn.cursor()
        cur.execute(
            "SELECT id, parser_version, last_run_id FROM ingest.source_document WHERE sha256 = %s FOR UPDATE",
            (doc.sha256,),
        )
        existing = cur.fetchone()
        if existing and self.is_current(KnownDocument(*existing)):
            # the same content reached us twice in this run (two paths): only remember the path
            self._upsert_source_file(stat, doc.sha256, existing[0])
            return LoadResult("unchanged")

        status = _document_status(doc)
        affected: set[tuple[int, int]] = set()
        values = dict(
            path=_clean(doc.path), size_bytes=doc.size, media_type=doc.media_type, encoding=doc.encoding,
            status=status, parser_version=self.parser_version, report_count=len(doc.reports),
            repairs=json.dumps([{"kind": r.kind, "count": r.count} for r in doc.repairs], ensure_ascii=False),
            run_id=self.run_id,
        )
        if existing:
            document_id = existing[0]
            cur.execute("DELETE FROM warehouse.report WHERE document_id = %s RETURNING agency_id, year", (document_id,))
            affected |= {(a, y) for a, y in cur.fetchall() if a is not None and y is not None}
            cur.execute("DELETE FROM ingest.parse_issue WHERE document_id = %s", (document_id,))
            cur.execute(
                "UPDATE ingest.source_document SET path = %(path)s, size_bytes = %(size_bytes)s, "
                "media_type = %(media_type)s, encoding = %(encoding)s, status = %(status)s, "
                "parser_version = %(parser_version)s, report_count = %(report_count)s, repairs = %(repairs)s, "
                "last_run_id = %(run_id)s, loaded_at = now() WHERE id = %(id)s",
                {**values, "id": document_id},
            )
        else:
            cur.execute(
                "INSERT INTO ingest.source_document (sha256, path, size_bytes, media_type, encoding, status, "
                "parser_version, report_count, repairs, first_run_id, last_run_id) VALUES (%(sha256)s, %(path)s, "
                "%(size_bytes)s, %(media_type)s, %(encoding)s, %(status)s, %(parser_version)s, %(report_count)s, "
                "%(repairs)s, %(run_id)s, %(run_id)s) RETURNING id",
                {**values, "sha256": doc.sha256},
            )
            document_id = cur.fetchone()[0]

        result = LoadResult(status, reports=len(doc.reports))
        issues: list[tuple] = [self._issue_row(document_id, None, i) for i in doc.issues]
        if doc.reports:
            result.facts = self._write_reports(cur, document_id, doc.reports, issues, affected)
            result.years = [r.year for r in doc.reports]
        self._copy(cur, "ingest.parse_issue",
                   ("document_id", "report_id", "severity", "code", "message", "start_offset", "end_offset", "run_id"),
                   issues)
        self._upsert_source_file(stat, doc.sha256, document_id)
        if affected:
            recompute_primary(self.conn, affected)
        return result

    def _write_reports(self, cur: psycopg.Cursor, document_id: int, reports: list[Report],
                       issues: list[tuple], affected: set[tuple[int, int]]) -> int:
        section_total = sum(len(r.sections) for r in reports)
        cur.execute(
            "SELECT ARRAY(SELECT nextval(pg_get_serial_sequence('warehouse.report', 'id')) "
            "FROM generate_series(1, %s)), ARRAY(SELECT nextval(pg_get_serial_sequence('warehouse.section', 'id')) "
            "FROM generate_series(1, %s))",
            (len(reports), section_total),
        )
        report_ids, section_ids = cur.fetchone()
        section_ids = iter(section_ids)
        report_rows, section_rows, measure_rows, check_rows, rejected_rows = [], [], [], [], []
        cell_rows: list[tuple] = []
        fact_rows: dict[str, list[tuple]] = {"requests": [], "appeals": [], "disclosure_counts": []}
        for ordinal, (report_id, report) in enumerate(zip(report_ids, reports, strict=True), start=1):
            report_issues: list[Issue] = list(report.issues)
            agency_id = self._agency_id(report) if report.agency.name else None
            year = self._year(report.year, report_issues)
            if agency_id is not None and year is not None:
                affected.add((agency_id, year))
                reason = None  # set by recompute_primary below
            else:
                reason = "not comparable: " + ("agency" if agency_id is None else "year") + " unknown"
            report_format = report.format
            if report_format not in self.vocab["report_format"]:
                report_issues.append(Issue("warning", "unknown_format",
                                           f"The parser gave the unknown format {report.format!r}; stored as prose."))
                report_format = "prose"
            level = report.agency.level if report.agency.level in self.vocab["level"] else None
            scope = report.agency.scope if report.agency.scope in ("region", "agency") else "agency"
            report_rows.append((
                report_id, document_id, ordinal, agency_id, _clean(report.agency.name), year, _clean(report.title),
                report.published_on, report_format, scope, level, _clean(report.agency.province),
                _clean(report.agency.city), _clean(report.agency.county), report.agency.adcode,
                _clean(report.agency.township), report.agency.township_code, report.truncated,
                False, reason, report.offset, _clean(report.text), self.run_id,
            ))
            by_ordinal: dict[int, int] = {}
            for section in report.sections:
                section_id = next(section_ids)
                by_ordinal[section.ordinal] = section_id
                kind, subkind = section.kind, section.subkind
                if kind not in self.vocab["section_kind"]:
                    kind, subkind = "other", subkind or section.kind
                section_rows.append((section_id, report_id, section.ordinal, kind, subkind, _clean(section.heading),
                                     section.start, max(section.start, section.end)))
            for fact in report.facts:
                row = self._fact_row(report_id, fact, by_ordinal, report_issues, (document_id, rejected_rows))
                if row is not None:
                    fact_rows[fact.table].append(row)
            cell_rows.extend((report_id, c.table, _clean(c.row_key), _clean(c.column_key), _clean(c.text) or "",
                              c.semantic if c.semantic in CELL_SEMANTIC_VALUES else "text", c.value, c.start,
                              max(c.start, c.end)) for c in report.cells)
            for measure in report.improvement_measures:
                section = report.section_at(measure.start)
                kind = measure.kind if measure.kind in ("measure", "problem") else "measure"
                measure_rows.append((report_id, by_ordinal.get(section.ordinal) if section else None, measure.ordinal,
                                     kind, _clean(measure.text), measure.start, max(measure.start, measure.end)))
            for check in report.checks:
                check_rows.append((
                    report_id, _clean(check.check), _clean(check.subject),
                    check.status if check.status in ("pass", "fail", "not_assessable") else "not_assessable",
                    check.severity if check.severity in ("error", "warning", "info") else "warning",
                    check.left, check.right, check.difference, _clean(check.message) or "",
                ))
            issues.extend(self._issue_row(document_id, report_id, i) for i in report_issues)

        self._copy(cur, "warehouse.report", (
            "id", "document_id", "ordinal", "agency_id", "agency_name", "year", "title", "published_on", "format",
            "scope", "level", "province", "city", "county", "adcode", "township", "township_code", "is_truncated",
            "is_primary", "primary_reason",
            "text_offset", "text", "run_id"), report_rows)
        self._copy(cur, "warehouse.section", (
            "id", "report_id", "ordinal", "kind", "subkind", "heading", "start_offset", "end_offset"), section_rows)
        self._copy(cur, "warehouse.requests", ("report_id", "item", "applicant", *FACT_COLUMNS), fact_rows["requests"])
        self._copy(cur, "warehouse.appeals", ("report_id", "proceeding", "outcome", *FACT_COLUMNS),
                   fact_rows["appeals"])
        self._copy(cur, "warehouse.disclosure_counts", ("report_id", "item", *FACT_COLUMNS),
                   fact_rows["disclosure_counts"])
        self._copy(cur, "warehouse.improvement_measures", (
            "report_id", "section_id", "ordinal", "kind", "text", "start_offset", "end_offset"), measure_rows)
        self._copy(cur, "warehouse.table_cell", (
            "report_id", "table_name", "row_key", "column_key", "text", "semantic", "value", "start_offset",
            "end_offset"), cell_rows)
        self._copy(cur, "warehouse.check_result", (
            "report_id", "check_name", "subject", "status", "severity", "left_value", "right_value", "difference",
            "message"), check_rows)
        self._copy(cur, "ingest.rejected_fact", REJECTED_COLUMNS, rejected_rows)
        return sum(len(rows) for rows in fact_rows.values())

    def _fact_row(self, report_id: int, fact: Fact, sections: dict[int, int], issues: list[Issue],
                  rejected: tuple[int, list[tuple]] | None = None) -> tuple | None:
        """The row of one fact, or None (with an issue) when its keys are not in the vocabulary or its
        number is out of range; such a fact is kept in ingest.rejected_fact (appended to `rejected`, a
        (document id, rows) pair) so that nothing is lost and a later vocabulary migration can re-admit it."""
        if fact.table == "requests":
            keys: tuple[Any, ...] = (fact.item, fact.applicant or "total")
            valid = keys[0] in self.vocab["request_item"] and keys[1] in self.vocab["applicant"]
        elif fact.table == "appeals":
            proceeding, _, outcome = (fact.item or "").partition(".")
            keys = (fact.proceeding or proceeding, fact.outcome or outcome or "total")
            valid = keys[0] in self.vocab["proceeding"] and keys[1] in self.vocab["outcome"]
        elif fact.table == "disclosure_counts":
            keys = (fact.item,)
            valid = keys[0] in self.vocab["disclosure_item"]
        else:
            keys, valid = (fact.table,), False
        section_id = sections.get(fact.section_ordinal) if fact.section_ordinal is not None else None
        if not valid:
            issue = Issue(
                "warning", "unknown_key",
                f"A {fact.table} figure ({fact.value}) has keys {'/'.join(map(str, keys))} that are not in the "
                "warehouse vocabulary; it was kept in ingest.rejected_fact, not in the fact table. Add the key in a "
                "migration (the next run re-admits it) or fix the parser.", fact.start, fact.end)
            issues.append(issue)
            self._reject(report_id, fact, keys, section_id, issue, rejected)
            return None
        if not fact.value.is_finite() or abs(fact.value) >= MAX_FACT_VALUE:
            digits = len(str(abs(fact.value).to_integral_value())) if fact.value.is_finite() else "infinitely many"
            issue = Issue(
                "warning", "number_out_of_range",
                f"A {fact.table} figure ({fact.evidence[:40]!r}) is {digits} "
                "digits long, more than any count in a report can be and than analysts' tools hold exactly; it was "
                "kept in ingest.rejected_fact, not loaded. Check the source for a run-together number.",
                fact.start, fact.end)
            issues.append(issue)
            self._reject(report_id, fact, keys, section_id, issue, rejected)
            return None
        return (
            report_id, *keys, fact.value, _clean(fact.unit), fact.approximate, fact.inferred,
            fact.source if fact.source in ("table", "prose") else "prose", section_id, fact.start,
            max(fact.start, fact.end), _clean(fact.evidence) or "", _clean(fact.label), fact.label_start,
            fact.label_end,
        )

    def _reject(self, report_id: int, fact: Fact, keys: tuple[Any, ...], section_id: int | None, issue: Issue,
                rejected: tuple[int, list[tuple]] | None) -> None:
        """Keep a refused fact as parsed, with the keys it was checked with and the issue's reason."""
        if rejected is None:
            return
        document_id, rows = rejected
        named = dict(zip(FACT_KEYS.get(fact.table, ("item",)), keys, strict=False))
        if fact.table not in FACT_KEYS:
            named = {"item": fact.item}
        value = fact.value if fact.value.is_finite() else None
        rows.append((
            document_id, report_id, _clean(fact.table), _clean(named.get("item")), _clean(named.get("applicant")),
            _clean(named.get("proceeding")), _clean(named.get("outcome")), value, str(fact.value), _clean(fact.unit),
            fact.approximate, fact.inferred, fact.source if fact.source in ("table", "prose") else "prose",
            section_id, fact.start, max(fact.start, fact.end), _clean(fact.evidence) or "", _clean(fact.label),
            fact.label_start, fact.label_end, issue.code, _clean(issue.message), self.run_id,
        ))

    def _issue_row(self, document_id: int, report_id: int | None, issue: Issue) -> tuple:
        severity = issue.severity if issue.severity in ("error", "warning", "info") else "warning"
        return (document_id, report_id, severity, _clean(issue.code), _clean(issue.message) or issue.code,
                issue.start, issue.end, self.run_id)

    def _agency_id(self, report: Report) -> int:
        """The canonical agency of a report's agency name; a new name becomes a `parsed` alias of itself."""
        name = _clean(report.agency.name).strip()
        if name in self._agency_ids:
            return self._agency_ids[name]
        with self.conn.cursor() as cur:
            cur.execute("SELECT agency_id FROM warehouse.agency_alias WHERE alias = %s", (name,))
            row = cur.fetchone()
            if row:
                agency_id = row[0]
            elif name in self._alias_file:  # a renamed agency's old name, seen for the first time
                canonical, note = self._alias_file[name]
                agency_id = _ensure_agency(cur, canonical)
                cur.execute(
                    "INSERT INTO warehouse.agency_alias (alias, agency_id, origin, note) VALUES (%s, %s, 'alias_file', "
                    "%s), (%s, %s, 'alias_file', 'canonical name') ON CONFLICT (alias) DO NOTHING",
                    (name, agency_id, note, canonical, agency_id),
                )
            else:
                agency_id = _ensure_agency(cur, name)
                cur.execute(
                    "INSERT INTO warehouse.agency_alias (alias, agency_id, origin) VALUES (%s, %s, 'parsed') "
                    "ON CONFLICT (alias) DO NOTHING",
                    (name, agency_id),
                )
            if not row:  # a new name: what the report says about where the agency sits fills the gaps
                agency = report.agency
                cur.execute(
                    "UPDATE warehouse.agency SET province = COALESCE(province, %s), city = COALESCE(city, %s), "
                    "county = COALESCE(county, %s), adcode = COALESCE(adcode, %s), level = COALESCE(level, %s), "
                    "township = COALESCE(township, %s), township_code = COALESCE(township_code, %s) WHERE id = %s",
                    (agency.province, agency.city, agency.county, agency.adcode,
                     agency.level if agency.level in self.vocab["level"] else None, agency.township,
                     agency.township_code, agency_id),
                )
        self._agency_ids[name] = agency_id
        return agency_id

    def _year(self, year: int | None, issues: list[Issue]) -> int | None:
        if year is None:
            return None
        if not 1949 <= year <= 2100:
            issues.append(Issue("warning", "implausible_year",
                                f"The report year {year} is implausible; the report is stored without a year."))
            return None
        if year not in self._years:
            with self.conn.cursor() as cur:
                cur.execute(
                    "INSERT INTO warehouse.year (year, expected_format) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                    (year, expected_format(year)),
                )
            self._years.add(year)
        return year

    def _upsert_source_file(self, stat: FileStat, sha256: str, document_id: int) -> None:
        """Point the path at `document_id` (present again if it was missing).

        When the path held other content before (the file was edited in place), that document loses
        the path: it is marked superseded by this one unless another path still holds it, and its
        reports leave primary selection in the same transaction, so no reader sees both as primary.
        """
        with self.conn.cursor() as cur:
            cur.execute(
                "WITH old AS (SELECT document_id, missing_since_run_id FROM ingest.source_file WHERE path = %s) "
                "INSERT INTO ingest.source_file (path, size_bytes, mtime_ns, sha256, document_id, last_seen_run_id) "
                "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (path) DO UPDATE SET size_bytes = EXCLUDED.size_bytes, "
                "mtime_ns = EXCLUDED.mtime_ns, sha256 = EXCLUDED.sha256, document_id = EXCLUDED.document_id, "
                "last_seen_run_id = EXCLUDED.last_seen_run_id, missing_since_run_id = NULL "
                "RETURNING (SELECT document_id FROM old), (SELECT missing_since_run_id IS NOT NULL FROM old), "
                "(SELECT presence FROM ingest.source_document WHERE id = %s)",
                (_clean(stat.path), _clean(stat.path), stat.size_bytes, stat.mtime_ns, sha256, document_id,
                 self.run_id, document_id),
            )
            previous, was_missing, presence = cur.fetchone()
            changed = set()
            if previous is not None and previous != document_id:
                cur.execute("UPDATE ingest.source_document SET superseded_by_id = %s WHERE id = %s",
                            (document_id, previous))
                changed.add(previous)
            if was_missing or presence != "current":
                changed.add(document_id)  # present again (a new document is current already: no query)
        if changed:
            recompute_primary(self.conn, refresh_presence(self.conn, changed))

    @staticmethod
    def _copy(cur: psycopg.Cursor, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        if not rows:
            return
        with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def _count(counts: RunCounts, result: LoadResult) -> None:
    if result.status == "unchanged":
        counts.files_unchanged += 1
        return
    counts.files_new += 1
    counts.files_failed += result.status == "failed"
    counts.reports_loaded += result.reports
    counts.facts_loaded += result.facts


def _document_status(doc: ParsedDocument) -> str:
    """loaded; partial when a report was loaded but lost something an error says (e.g. a template
    table that could not be read), so coverage never shows such a document as plainly loaded."""
    if doc.reports:
        if any(i.severity == "error" for r in doc.reports for i in r.issues):
            return "partial"
        return "loaded"
    return "failed" if any(i.severity == "error" for i in doc.issues) else "no_report"


def expected_format(year: int) -> str:
    """The report format normally used for a year (the year table's expected_format)."""
    return "prose" if year <= 2018 else "2019-template" if year <= 2020 else "2021-template"


def _clean(text: str | None) -> str | None:
    """Text PostgreSQL can store, same length (offsets stay valid): NUL and lone surrogates become U+FFFD."""
    if text is None:
        return None
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    return text


def _ensure_agency(cur: psycopg.Cursor, name: str) -> int:
    cur.execute(
        "INSERT INTO warehouse.agency (name) VALUES (%s) ON CONFLICT (name) DO NOTHING RETURNING id", (name,)
    )
    row = cur.fetchone()
    if row:
        return row[0]
    cur.execute("SELECT id FROM warehouse.agency WHERE name = %s", (name,))
    return cur.fetchone()[0]


# --------------------------------------------------------------------------- primary reports

#: The order that picks the primary report of an agency and year, best first (documented in the README).
#: Only what the reports themselves say decides (never when a file was first seen), so the choice depends
#: on the set of reports alone: a clean load and an interrupted-then-resumed one agree.
PRIMARY_ORDER = ("is_truncated", "fact_count DESC", "published_on DESC NULLS LAST", "sha256", "ordinal")

_PRIMARY_SQL = f"""
WITH candidate AS (
    SELECT r.id, r.agency_id, r.year, r.is_truncated, r.published_on, r.ordinal, d.sha256,
           (SELECT count(*) FROM warehouse.requests f WHERE f.report_id = r.id)
         + (SELECT count(*) FROM warehouse.appeals f WHERE f.report_id = r.id)
         + (SELECT count(*) FROM warehouse.disclosure_counts f WHERE f.report_id = r.id) AS fact_count
    FROM warehouse.report r
    JOIN ingest.source_document d ON d.id = r.document_id
    WHERE r.agency_id = %(agency_id)s AND r.year = %(year)s  -- one pair at a time: an index lookup
      AND d.presence = 'current'  -- an edited-away or missing file's reports do not compete
), ranked AS (
    SELECT c.*,
           row_number() OVER w AS rank,
           count(*) OVER (PARTITION BY agency_id, year) AS rivals,
           first_value(id) OVER w AS best_id,
           first_value(is_truncated) OVER w AS best_truncated,
           first_value(fact_count) OVER w AS best_facts,
           first_value(published_on) OVER w AS best_published,
           lead(is_truncated) OVER w AS next_truncated,
           lead(fact_count) OVER w AS next_facts,
           lead(published_on) OVER w AS next_published
    FROM candidate c
    WINDOW w AS (PARTITION BY agency_id, year ORDER BY {", ".join(PRIMARY_ORDER)})
), decided AS (
    SELECT id, rank = 1 AS is_primary,
        CASE
        WHEN rivals = 1 THEN 'primary: the only report for this agency and year'
        WHEN rank = 1 THEN 'primary over ' || (rivals - 1) || ' other(s): ' || CASE
            WHEN is_truncated IS DISTINCT FROM next_truncated THEN 'not truncated'
            WHEN fact_count <> next_facts THEN 'more figures (' || fact_count || ' vs ' || next_facts || ')'
            WHEN published_on IS DISTINCT FROM next_published THEN 'published later'
            ELSE 'tie broken by document hash' END
        ELSE 'report ' || best_id || ' is primary: ' || CASE
            WHEN is_truncated IS DISTINCT FROM best_truncated THEN 'this one is truncated'
            WHEN fact_count <> best_facts THEN 'it has more figures (' || best_facts || ' vs ' || fact_count || ')'
            WHEN published_on IS DISTINCT FROM best_published THEN 'it was published later'
            ELSE 'tie broken by document hash' END
        END AS primary_reason
    FROM ranked
)
UPDATE warehouse.report r SET is_primary = d.is_primary, primary_reason = d.primary_reason
FROM decided d
WHERE r.id = d.id AND (r.is_primary, r.primary_reason) IS DISTINCT FROM (d.is_primary, d.primary_reason)
"""


#: Reports of documents that are not current (ingest.source_document.presence) are never primary.
_RETIRED_SQL = """
UPDATE warehouse.report r SET is_primary = false, primary_reason = CASE d.presence
    WHEN 'superseded' THEN 'not primary: its file was edited in place'
        || coalesce(' (now document ' || d.superseded_by_id || ')', '')
    ELSE 'not primary: its file is missing' END
FROM ingest.source_document d
WHERE d.id = r.document_id AND r.agency_id = %(agency_id)s AND r.year = %(year)s AND d.presence <> 'current'
  AND (r.is_primary, r.primary_reason) IS DISTINCT FROM (false, CASE d.presence
    WHEN 'superseded' THEN 'not primary: its file was edited in place'
        || coalesce(' (now document ' || d.superseded_by_id || ')', '')
    ELSE 'not primary: its file is missing' END)
"""


def recompute_primary(conn: psycopg.Connection, pairs: Iterable[tuple[int, int]]) -> None:
    """Mark exactly one primary report per (agency, year) among `pairs`, with the reason (caller commits).

    Only reports of current documents compete; the others are marked not primary with why.
    Rows whose flag and reason do not change are not written, so a rerun changes nothing.
    """
    pairs = sorted(set(pairs))
    if not pairs:
        return
    with conn.cursor() as cur:
        for agency_id, year in pairs:
            cur.execute(_RETIRED_SQL, {"agency_id": agency_id, "year": year})
            cur.execute(_PRIMARY_SQL, {"agency_id": agency_id, "year": year})


def readmit_rejected_facts(conn: psycopg.Connection) -> int:
    """Move rejected facts whose keys the vocabulary now has (a migration added them) into their fact
    tables; commits. Returns how many moved.

    Set-based, one statement per fact table: each ``DELETE … RETURNING`` feeds the ``INSERT``, so a fact
    is in exactly one of the two tables at any time. The ``unknown_key`` issue the loader recorded for
    it goes too (it said the figure was not loaded), and the primary report of each affected agency and
    year is recomputed (the number of figures is one of its criteria). Facts rejected as out of range
    stay: no migration makes them plausible. The same statements are documented in docs/lifecycle.md
    for a warehouse migrated by hand.
    """
    moved_reports: set[int] = set()
    count = 0
    with conn.cursor() as cur:
        for table, keys in FACT_KEYS.items():
            known = " AND ".join(
                f"EXISTS (SELECT 1 FROM warehouse.{KEY_VOCABULARY[(table, key)]} v WHERE v.key = r.{key})"
                for key in keys)
            columns = ", ".join(("report_id", *keys, *FACT_COLUMNS))
            cur.execute(
                f"WITH moved AS (DELETE FROM ingest.rejected_fact r WHERE r.reason = 'unknown_key' "
                f"AND r.fact_table = %s AND r.value IS NOT NULL AND {known} RETURNING r.*), "
                "dropped_issue AS (DELETE FROM ingest.parse_issue i USING moved m WHERE i.report_id = m.report_id "
                "AND i.code = 'unknown_key' AND i.start_offset = m.start_offset "
                "AND i.end_offset IS NOT DISTINCT FROM m.end_offset) "
                f"INSERT INTO warehouse.{table} ({columns}) SELECT {columns} FROM moved RETURNING report_id",
                (table,),
            )
            rows = cur.fetchall()
            count += len(rows)
            moved_reports.update(r[0] for r in rows)
        if moved_reports:
            cur.execute("SELECT DISTINCT agency_id, year FROM warehouse.report WHERE id = ANY(%s) "
                        "AND agency_id IS NOT NULL AND year IS NOT NULL", (sorted(moved_reports),))
            recompute_primary(conn, cur.fetchall())
    conn.commit()
    return count


def refresh_presence(conn: psycopg.Connection, document_ids: Iterable[int]) -> set[tuple[int, int]]:
    """Recompute the presence of `document_ids` from their paths; return the (agency, year) pairs of the
    documents whose presence changed (their primary report must be recomputed). Caller commits.

    current: a path that is not missing holds the document; missing: every path that holds it is
    missing; superseded: no path holds it any more (each was edited in place). Path records of
    unreadable paths (``inode/*``) are dropped when orphaned instead (drop_orphan_path_records).
    """
    ids = sorted(set(document_ids))
    if not ids:
        return set()
    with conn.cursor() as cur:
        cur.execute(
            """
            WITH state AS (
                SELECT d.id, CASE
                    WHEN EXISTS (SELECT 1 FROM ingest.source_file f WHERE f.document_id = d.id
                                 AND f.missing_since_run_id IS NULL) THEN 'current'
                    WHEN EXISTS (SELECT 1 FROM ingest.source_file f WHERE f.document_id = d.id) THEN 'missing'
                    ELSE 'superseded' END AS presence
                FROM ingest.source_document d WHERE d.id = ANY(%s)
            ), changed AS (
                UPDATE ingest.source_document d SET presence = s.presence,
                    superseded_by_id = CASE WHEN s.presence = 'superseded' THEN d.superseded_by_id END
                FROM state s WHERE d.id = s.id AND (d.presence <> s.presence
                    OR (s.presence <> 'superseded' AND d.superseded_by_id IS NOT NULL))
                RETURNING d.id
            )
            SELECT DISTINCT r.agency_id, r.year FROM warehouse.report r JOIN changed c ON c.id = r.document_id
            WHERE r.agency_id IS NOT NULL AND r.year IS NOT NULL
            """,
            (ids,),
        )
        return {(a, y) for a, y in cur.fetchall()}


# --------------------------------------------------------------------------- alias file sync


def sync_aliases(conn: psycopg.Connection, rows: Sequence[AliasRow]) -> int:
    """Make warehouse.agency_alias agree with the alias file, re-point reports, recompute primaries; commits.

    - an alias in the file that the warehouse already knows (as an alias or a report's agency name) maps
      to the agency named by its canonical_name (chains resolved, the agency created when missing, the
      canonical name an alias of itself); names not seen yet are mapped when a report first uses them
      (Loader), so the file never creates agencies that no report describes;
    - an alias that came from the file but is no longer in it maps back to an agency of its own name;
    - reports whose agency_name now maps elsewhere move, and the (agency, year) pairs they leave or join
      get their primary report recomputed; agencies left without reports are removed.
    Returns the number of reports that moved.
    """
    resolved = _resolve_chains(list(rows), Path("alias file"))
    notes = {r.alias: r.note for r in rows}
    declared = set(resolved) | set(resolved.values()) | {r.alias for r in rows}
    with conn.cursor() as cur:
        cur.execute("SELECT alias, origin FROM warehouse.agency_alias")
        existing = dict(cur.fetchall())
        cur.execute("SELECT DISTINCT agency_name FROM warehouse.report WHERE agency_name = ANY(%s)",
                    (list(resolved),))
        in_reports = {r[0] for r in cur.fetchall()}
        wanted: dict[str, tuple[int, str, str | None]] = {}
        for alias, canonical in resolved.items():
            if alias in existing or alias in in_reports:
                agency_id = _ensure_agency(cur, canonical)
                wanted[canonical] = (agency_id, "alias_file", "canonical name")
                wanted[alias] = (agency_id, "alias_file", notes.get(alias))
        for alias, origin in existing.items():
            if origin == "alias_file" and alias not in declared:
                wanted[alias] = (_ensure_agency(cur, alias), "parsed", None)  # the line was removed: undo it
        for alias, (agency_id, origin, note) in wanted.items():
            cur.execute(
                "INSERT INTO warehouse.agency_alias (alias, agency_id, origin, note) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (alias) DO UPDATE SET agency_id = EXCLUDED.agency_id, origin = EXCLUDED.origin, "
                "note = EXCLUDED.note WHERE (agency_alias.agency_id, agency_alias.origin, agency_alias.note) "
                "IS DISTINCT FROM (EXCLUDED.agency_id, EXCLUDED.origin, EXCLUDED.note)",
                (alias, agency_id, origin, note),
            )
        cur.execute("""
            WITH moved AS (
                SELECT r.id, r.agency_id AS old_agency_id, a.agency_id AS new_agency_id, r.year
                FROM warehouse.report r JOIN warehouse.agency_alias a ON a.alias = r.agency_name
                WHERE r.agency_id IS DISTINCT FROM a.agency_id
            )
            UPDATE warehouse.report r SET agency_id = m.new_agency_id FROM moved m WHERE r.id = m.id
            RETURNING m.old_agency_id, m.new_agency_id, m.year""")
        moved = cur.fetchall()
        affected = {(a, y) for old, new, y in moved for a in (old, new) if a is not None and y is not None}
        recompute_primary(conn, affected)
        # agencies no report describes (their aliases go with them; the file maps them again when needed)
        cur.execute("DELETE FROM warehouse.agency g WHERE NOT EXISTS "
                    "(SELECT 1 FROM warehouse.report r WHERE r.agency_id = g.id)")
    conn.commit()
    return len(moved)



# --------------------------------------------------------------------------- corrections file sync


def sync_corrections(conn: psycopg.Connection, lines: Sequence[Any], source_path: str) -> int:
    """Make warehouse.correction hold exactly the lines of the corrections file; commits.

    The table is replaced as a whole: a removed line leaves no row, so its correction is undone. The
    parsed facts are never touched; the analytics views apply the corrections (analytics.corrections
    says which applied, and which did not and why). `lines` are etl.corrections.CorrectionLine.
    Returns the number of lines synced.
    """
    with conn.cursor() as cur:
        cur.execute("DELETE FROM warehouse.correction")
        Loader._copy(cur, "warehouse.correction", (
            "line", "sha256", "agency_name", "year", "fact_table", "item", "applicant", "outcome", "value",
            "is_unknown", "evidence", "reason", "author", "corrected_on", "problem", "source_path"), [
            (c.line, c.sha256, _clean(c.agency_name), c.year, c.fact_table, _clean(c.item), c.applicant, c.outcome,
             c.value, c.is_unknown, _clean(c.evidence), _clean(c.reason), _clean(c.author), c.corrected_on,
             _clean(c.problem), source_path)
            for c in lines])
    conn.commit()
    return len(lines)
