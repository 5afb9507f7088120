"""The warehouse schema as SQLAlchemy Core metadata: Alembic's target_metadata.

Migrations create the database objects; this module is the Python view of them, and
`alembic check` (run in the tests) fails when the two drift apart.

Layers are PostgreSQL schemas:
- ``ingest``: input files and bookkeeping (source_file, source_document, etl_run, parse_issue);
- ``warehouse``: the normalised model (agency, year, report, section, the fact tables,
  improvement_measures, check_result) and its controlled vocabularies (lookup tables);
- ``analytics``: the views analysts and BI tools query (created by migrations from sql/views/).

Naming: ``<thing>_id`` keys, ``is_…`` flags, ``…_count`` counts, ``start_offset``/``end_offset``
for character spans into ``report.text``. Fact tables are long (tidy): one number per row, never a
NULL value: a figure a report does not state has no row.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

INGEST = "ingest"
WAREHOUSE = "warehouse"
ANALYTICS = "analytics"


def _id(comment: str) -> sa.Column:
    return sa.Column("id", sa.Integer, sa.Identity(), primary_key=True, comment=comment)


def _fk(name: str, target: str, comment: str, nullable: bool = False, ondelete: str | None = None) -> sa.Column:
    return sa.Column(name, sa.ForeignKey(target, ondelete=ondelete), nullable=nullable, comment=comment)


def _now(name: str, comment: str) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now(), comment=comment)


# --------------------------------------------------------------------------- vocabularies


def _lookup(name: str, what: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("key", sa.Text, primary_key=True, comment=f"Canonical key of the {what}."),
        sa.Column("description", sa.Text, nullable=False, comment=f"What the {what} means, in English."),
        sa.Column("label_zh", sa.Text, comment="The Chinese label in the template or usual prose, if any."),
        schema=WAREHOUSE,
        comment=f"Controlled vocabulary: one row per {what} (docs/domain.md#canonical-keys).",
    )


request_item = _lookup("request_item", "request row (Table 3 row or prose/legacy measure)")
applicant = _lookup("applicant", "applicant column of Table 3")
proceeding = _lookup("proceeding", "appeal proceeding")
outcome = _lookup("outcome", "appeal outcome")
disclosure_item = _lookup("disclosure_item", "proactive-disclosure item (Table 2 cell or prose measure)")
section_kind = _lookup("section_kind", "section kind")
report_format = _lookup("report_format", "report format")
level = _lookup("level", "administrative level")

# --------------------------------------------------------------------------- ingest

etl_run = sa.Table(
    "etl_run",
    metadata,
    _id("Run identifier."),
    _now("started_at", "When the run started."),
    sa.Column(
        "finished_at", sa.DateTime(timezone=True), comment="When the run ended; NULL while running or if killed."
    ),
    sa.Column(
        "status",
        sa.Text,
        nullable=False,
        server_default="running",
        comment="running, succeeded, failed (the run itself broke) or interrupted.",
    ),
    sa.Column("command", sa.Text, nullable=False, comment="The command line that started the run."),
    sa.Column("parser_version", sa.Text, nullable=False, comment="Parser version used by the run."),
    sa.Column("files_seen", sa.Integer, nullable=False, server_default="0", comment="Input files found."),
    sa.Column(
        "files_new",
        sa.Integer,
        nullable=False,
        server_default="0",
        comment="Files whose content had not been loaded before (or needed re-parsing).",
    ),
    sa.Column(
        "files_unchanged",
        sa.Integer,
        nullable=False,
        server_default="0",
        comment="Files skipped because their content was already loaded by this parser version.",
    ),
    sa.Column(
        "files_failed",
        sa.Integer,
        nullable=False,
        server_default="0",
        comment="Files recorded with an error-level issue (undecodable, unsupported, parser failure).",
    ),
    sa.Column("reports_loaded", sa.Integer, nullable=False, server_default="0", comment="Reports written."),
    sa.Column("facts_loaded", sa.Integer, nullable=False, server_default="0", comment="Fact rows written."),
    sa.Column("message", sa.Text, comment="Why the run failed, when it did."),
    sa.CheckConstraint("status IN ('running', 'succeeded', 'failed', 'interrupted')", name="status"),
    schema=INGEST,
    comment="One row per `etl run` invocation: what it saw and did.",
)

source_document = sa.Table(
    "source_document",
    metadata,
    _id("Document identifier."),
    sa.Column(
        "sha256",
        sa.CHAR(64),
        nullable=False,
        unique=True,
        comment="SHA-256 of the file's bytes: the document's identity.",
    ),
    sa.Column("path", sa.Text, nullable=False, comment="Path the content was last seen at."),
    sa.Column("size_bytes", sa.BigInteger, nullable=False, comment="File size in bytes."),
    sa.Column("media_type", sa.Text, nullable=False, comment="Media type detected from the content."),
    sa.Column("encoding", sa.Text, comment="Text encoding detected; NULL when not decoded."),
    sa.Column(
        "status",
        sa.Text,
        nullable=False,
        comment="loaded (reports written), partial (reports written but an error-level issue says part of a "
        "report, such as a template table, could not be read), no_report (decoded but no report found) or failed.",
    ),
    sa.Column("parser_version", sa.Text, nullable=False, comment="Parser version that produced the current rows."),
    sa.Column("report_count", sa.Integer, nullable=False, server_default="0", comment="Reports found in the file."),
    sa.Column(
        "repairs",
        pg.JSONB,
        nullable=False,
        server_default=sa.text("'[]'::jsonb"),
        comment="Repairs normalisation applied: [{kind, count}].",
    ),
    _fk("first_run_id", "ingest.etl_run.id", "Run that first saw this content."),
    _fk("last_run_id", "ingest.etl_run.id", "Run that last (re)loaded this content."),
    _now("first_seen_at", "When this content was first seen."),
    _now("loaded_at", "When the current rows were written."),
    sa.Column(
        "presence",
        sa.Text,
        nullable=False,
        server_default="current",
        comment="current (a path seen by the last run over its folder holds this content), superseded (every "
        "path that held it now holds other content: the file was edited in place) or missing (its files were "
        "not found by a later run over their folder). Only reports of current documents can be primary.",
    ),
    sa.Column(
        "superseded_by_id",
        sa.ForeignKey("ingest.source_document.id", ondelete="SET NULL"),
        comment="The document an edit in place replaced this one with (the content its path held next); "
        "NULL unless presence is superseded.",
    ),
    sa.CheckConstraint("status IN ('loaded', 'partial', 'no_report', 'failed')", name="status"),
    sa.CheckConstraint("presence IN ('current', 'superseded', 'missing')", name="presence"),
    schema=INGEST,
    comment="One row per distinct file content (by SHA-256), including files that failed.",
)

source_file = sa.Table(
    "source_file",
    metadata,
    sa.Column("path", sa.Text, primary_key=True, comment="Absolute path of an input file."),
    sa.Column("size_bytes", sa.BigInteger, nullable=False, comment="Size when last seen."),
    sa.Column("mtime_ns", sa.BigInteger, nullable=False, comment="Modification time (ns) when last seen."),
    sa.Column("sha256", sa.CHAR(64), nullable=False, comment="Content hash when last seen."),
    _fk("document_id", "ingest.source_document.id", "The document this path holds.", ondelete="CASCADE"),
    sa.Column("last_seen_run_id", sa.ForeignKey("ingest.etl_run.id"), nullable=False, comment="Run that last saw it."),
    sa.Column(
        "missing_since_run_id",
        sa.ForeignKey("ingest.etl_run.id"),
        comment="The first run over the path's folder that did not find it (NULL while the file is there); the "
        "record is kept so that history stays queryable, and cleared when the file re-appears.",
    ),
    schema=INGEST,
    comment="One row per input path: lets a no-op nightly run skip unchanged files without hashing them.",
)

parse_issue = sa.Table(
    "parse_issue",
    metadata,
    _id("Issue identifier."),
    _fk("document_id", "ingest.source_document.id", "Document the issue is about.", ondelete="CASCADE"),
    _fk(
        "report_id",
        "warehouse.report.id",
        "Report the issue is about; NULL for file-level issues.",
        nullable=True,
        ondelete="CASCADE",
    ),
    sa.Column("severity", sa.Text, nullable=False, comment="error, warning or info."),
    sa.Column("code", sa.Text, nullable=False, comment="Stable identifier of the kind of issue."),
    sa.Column("message", sa.Text, nullable=False, comment="What is wrong, in words a user can act on."),
    sa.Column("start_offset", sa.Integer, comment="Start of the text the issue points at, if any."),
    sa.Column("end_offset", sa.Integer, comment="End of the text the issue points at, if any."),
    _fk("run_id", "ingest.etl_run.id", "Run that recorded the issue."),
    _now("recorded_at", "When the issue was recorded."),
    sa.CheckConstraint("severity IN ('error', 'warning', 'info')", name="severity"),
    sa.Index(None, "document_id"),
    sa.Index(None, "report_id"),
    schema=INGEST,
    comment="One row per problem found in a document or report (replaced when the document is re-parsed).",
)

# --------------------------------------------------------------------------- warehouse

agency = sa.Table(
    "agency",
    metadata,
    _id("Agency identifier."),
    sa.Column("name", sa.Text, nullable=False, unique=True, comment="Canonical name of the agency."),
    sa.Column("province", sa.Text, comment="Province-level division, e.g. 湖南省; NULL for central bodies or unknown."),
    sa.Column("city", sa.Text, comment="Prefecture-level division, if any."),
    sa.Column("county", sa.Text, comment="County-level division, if any."),
    sa.Column("adcode", sa.String(6), comment="GB/T 2260 code of the agency's region."),
    sa.Column("township", sa.Text, comment="Township-level division (乡、镇、街道), if any."),
    sa.Column("township_code", sa.String(9), comment="9-digit division code of the township, if any."),
    _fk("level", "warehouse.level.key", "Administrative level of the agency.", nullable=True),
    schema=WAREHOUSE,
    comment="One row per canonical agency (a renamed agency keeps one row; its names are aliases).",
)

agency_alias = sa.Table(
    "agency_alias",
    metadata,
    sa.Column("alias", sa.Text, primary_key=True, comment="A name as printed in reports."),
    _fk("agency_id", "warehouse.agency.id", "The canonical agency it denotes.", ondelete="CASCADE"),
    sa.Column(
        "origin",
        sa.Text,
        nullable=False,
        comment="parsed (name seen in a report) or alias_file (from the editable alias file).",
    ),
    sa.Column("note", sa.Text, comment="Why the alias exists (e.g. renamed in 2018)."),
    sa.CheckConstraint("origin IN ('parsed', 'alias_file')", name="origin"),
    sa.Index(None, "agency_id"),
    schema=WAREHOUSE,
    comment="One row per agency name variant, mapping it to its canonical agency.",
)

year = sa.Table(
    "year",
    metadata,
    sa.Column("year", sa.SmallInteger, primary_key=True, autoincrement=False, comment="The data year a report covers."),
    sa.Column(
        "expected_format",
        sa.Text,
        nullable=False,
        comment="The format normally used for that year: prose (≤2018), 2019-template (2019-2020), 2021-template.",
    ),
    schema=WAREHOUSE,
    comment="One row per report year: the time dimension.",
)

report = sa.Table(
    "report",
    metadata,
    _id("Report identifier."),
    _fk("document_id", "ingest.source_document.id", "Document the report was read from.", ondelete="CASCADE"),
    sa.Column(
        "ordinal", sa.SmallInteger, nullable=False, comment="Position of the report in its document (1 = first)."
    ),
    _fk("agency_id", "warehouse.agency.id", "Canonical agency; NULL when the agency is unknown.", nullable=True),
    sa.Column("agency_name", sa.Text, comment="Agency name as the report gives it."),
    _fk("year", "warehouse.year.year", "Data year; NULL when unknown (never guessed).", nullable=True),
    sa.Column("title", sa.Text, comment="Report title."),
    sa.Column("published_on", sa.Date, comment="Publication date from the signature, if stated."),
    _fk("format", "warehouse.report_format.key", "2019-template, 2021-template, prose or prose+table."),
    sa.Column("scope", sa.Text, nullable=False, comment="region (a summary of a whole area) or agency."),
    _fk("level", "warehouse.level.key", "Administrative level as parsed.", nullable=True),
    sa.Column("province", sa.Text, comment="Province as parsed."),
    sa.Column("city", sa.Text, comment="City as parsed."),
    sa.Column("county", sa.Text, comment="County as parsed."),
    sa.Column("adcode", sa.String(6), comment="GB/T 2260 code as parsed."),
    sa.Column("township", sa.Text, comment="Township (乡、镇、街道) as parsed."),
    sa.Column("township_code", sa.String(9), comment="9-digit township division code as parsed."),
    sa.Column(
        "is_truncated",
        sa.Boolean,
        nullable=False,
        server_default=sa.false(),
        comment="The report's text is cut off (e.g. a mirror site hid the rest).",
    ),
    sa.Column(
        "is_primary",
        sa.Boolean,
        nullable=False,
        server_default=sa.false(),
        comment="The report views use for its agency and year (one per agency × year).",
    ),
    sa.Column("primary_reason", sa.Text, comment="Why this report is or is not primary."),
    sa.Column(
        "text_offset",
        sa.Integer,
        nullable=False,
        server_default="0",
        comment="Where the report's text starts in the document's normalised text.",
    ),
    sa.Column("text", sa.Text, nullable=False, comment="The report's normalised text; fact offsets point into it."),
    _fk("run_id", "ingest.etl_run.id", "Run that wrote the report."),
    sa.UniqueConstraint("document_id", "ordinal"),
    sa.CheckConstraint("scope IN ('region', 'agency')", name="scope"),
    sa.Index(None, "agency_id", "year"),
    sa.Index(None, "year"),
    schema=WAREHOUSE,
    comment="One row per report found in a document (a file may hold several).",
)

section = sa.Table(
    "section",
    metadata,
    _id("Section identifier."),
    _fk("report_id", "warehouse.report.id", "Report the section belongs to.", ondelete="CASCADE"),
    sa.Column("ordinal", sa.SmallInteger, nullable=False, comment="Order of the section in the report (1 = first)."),
    _fk("kind", "warehouse.section_kind.key", "Canonical kind of the section."),
    sa.Column("subkind", sa.Text, comment="Finer kind for extra sections (e.g. consultations)."),
    sa.Column("heading", sa.Text, nullable=False, comment="The heading as printed (normalised)."),
    sa.Column("start_offset", sa.Integer, nullable=False, comment="Start of the section in report.text."),
    sa.Column("end_offset", sa.Integer, nullable=False, comment="End of the section in report.text."),
    sa.UniqueConstraint("report_id", "ordinal"),
    schema=WAREHOUSE,
    comment="One row per section of a report.",
)


def _provenance() -> list[sa.Column]:
    """Columns every fact row carries: where the number came from and how sure we are."""
    return [
        sa.Column(
            "value", sa.Numeric, nullable=False, comment="The number as stated (never NULL: unknown has no row)."
        ),
        sa.Column("unit", sa.Text, comment="Unit as printed (件, 条, 元, 万元 …), if any."),
        sa.Column(
            "is_approximate",
            sa.Boolean,
            nullable=False,
            server_default=sa.false(),
            comment="Printed with an approximation marker (余, 多, 近, 约 …).",
        ),
        sa.Column(
            "is_inferred",
            sa.Boolean,
            nullable=False,
            server_default=sa.false(),
            comment="Not printed but forced by a table identity (e.g. a blank in a row whose total is 0).",
        ),
        sa.Column("source", sa.Text, nullable=False, comment="table or prose."),
        sa.Column(
            "section_id",
            sa.ForeignKey("warehouse.section.id", ondelete="SET NULL"),
            comment="Section the number was read in; NULL when outside any section.",
        ),
        sa.Column("start_offset", sa.Integer, nullable=False, comment="Start of the value's text in report.text."),
        sa.Column("end_offset", sa.Integer, nullable=False, comment="End of the value's text in report.text."),
        sa.Column("evidence", sa.Text, nullable=False, comment="The sentence or table row the value was read from."),
        sa.Column("label", sa.Text, comment="The row label or phrase as printed, when it helps to read the key."),
        sa.Column("label_start", sa.Integer, comment="Start of the row label in report.text (tables)."),
        sa.Column("label_end", sa.Integer, comment="End of the row label in report.text (tables)."),
    ]


def _fact_table(name: str, keys: list[sa.Column], grain: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True, comment="Fact identifier."),
        _fk("report_id", "warehouse.report.id", "Report that states the number.", ondelete="CASCADE"),
        *keys,
        *_provenance(),
        sa.CheckConstraint("source IN ('table', 'prose')", name="source"),
        sa.CheckConstraint("start_offset <= end_offset", name="span"),
        sa.Index(None, "report_id"),
        schema=WAREHOUSE,
        comment=f"One row per {grain} stated by a report (a figure printed twice, in prose and table, has two rows).",
    )


requests = _fact_table(
    "requests",
    [
        _fk("item", "warehouse.request_item.key", "Table 3 row or prose measure (request_item)."),
        _fk("applicant", "warehouse.applicant.key", "Applicant column; total when not broken down."),
    ],
    "report × request item × applicant type",
)
appeals = _fact_table(
    "appeals",
    [
        _fk(
            "proceeding",
            "warehouse.proceeding.key",
            "review, litigation_direct, litigation_after_review, litigation or complaint.",
        ),
        _fk("outcome", "warehouse.outcome.key", "upheld, corrected, other, pending or total."),
    ],
    "report × proceeding × outcome",
)
disclosure_counts = _fact_table(
    "disclosure_counts",
    [_fk("item", "warehouse.disclosure_item.key", "Table 2 cell or prose measure (disclosure_item).")],
    "report × proactive-disclosure item",
)

improvement_measures = sa.Table(
    "improvement_measures",
    metadata,
    _id("Measure identifier."),
    _fk("report_id", "warehouse.report.id", "Report that states it.", ondelete="CASCADE"),
    sa.Column(
        "section_id", sa.ForeignKey("warehouse.section.id", ondelete="SET NULL"), comment="Section it was read in."
    ),
    sa.Column("ordinal", sa.SmallInteger, nullable=False, comment="Order within the report (1 = first)."),
    sa.Column(
        "kind", sa.Text, nullable=False, comment="measure (what the agency will do) or problem (what went wrong)."
    ),
    sa.Column("text", sa.Text, nullable=False, comment="The item's text."),
    sa.Column("start_offset", sa.Integer, nullable=False, comment="Start of the item in report.text."),
    sa.Column("end_offset", sa.Integer, nullable=False, comment="End of the item in report.text."),
    sa.CheckConstraint("kind IN ('measure', 'problem')", name="kind"),
    sa.Index(None, "report_id"),
    schema=WAREHOUSE,
    comment="One row per problem or improvement measure listed in a report's problems-and-improvements section.",
)

check_result = sa.Table(
    "check_result",
    metadata,
    _id("Check result identifier."),
    _fk("report_id", "warehouse.report.id", "Report checked.", ondelete="CASCADE"),
    sa.Column("check_name", sa.Text, nullable=False, comment="Which identity (e.g. t3_balance, t4_group_sum)."),
    sa.Column("subject", sa.Text, nullable=False, comment="Which column or group it was applied to."),
    sa.Column("status", sa.Text, nullable=False, comment="pass, fail or not_assessable."),
    sa.Column("severity", sa.Text, nullable=False, comment="error, warning or info (the weight of a fail)."),
    sa.Column("left_value", sa.Numeric, comment="Left-hand side of the identity."),
    sa.Column("right_value", sa.Numeric, comment="Right-hand side of the identity."),
    sa.Column("difference", sa.Numeric, comment="left_value − right_value."),
    sa.Column("message", sa.Text, nullable=False, server_default="", comment="Explanation of the result."),
    sa.CheckConstraint("status IN ('pass', 'fail', 'not_assessable')", name="status"),
    sa.CheckConstraint("severity IN ('error', 'warning', 'info')", name="severity"),
    sa.Index(None, "report_id"),
    schema=WAREHOUSE,
    comment="One row per report × consistency check × subject (docs/domain.md#checks).",
)

#: the semantics a printed cell can have (etl.parse.cells.CELL_SEMANTICS; revision 0016)
CELL_SEMANTIC_VALUES = ("number", "zero", "blank", "not_applicable", "text")

metric_definition = sa.Table(
    "metric_definition",
    metadata,
    sa.Column("key", sa.Text, primary_key=True, comment="Metric key (etl/metrics.py)."),
    sa.Column("name_zh", sa.Text, nullable=False, comment="Chinese name."),
    sa.Column("name_en", sa.Text, nullable=False, comment="English name."),
    sa.Column("formula", sa.Text, nullable=False, comment="Definition over canonical keys."),
    sa.Column("unit", sa.Text, nullable=False, comment="Unit and rounding."),
    sa.Column("aggregates", sa.Boolean, nullable=False, comment="Whether values may be summed across reports."),
    sa.Column("when_undefined", sa.Text, nullable=False, comment="What the metric is when it cannot be computed."),
    sa.Column("caveats", sa.Text, nullable=False, comment="What to keep in mind when reading it."),
    sa.Column("version", sa.Integer, nullable=False, comment="Definition version."),
    sa.Column("published_in", pg.ARRAY(sa.Text), nullable=False, comment="View columns (view.column) that "
              "publish it."),
    schema=WAREHOUSE,
    comment="The metric dictionary: one row per derived metric the analytics views publish (loaded by revision "
    "0016 from etl/metrics.py; tests/test_metrics.py keeps views, module and rows in step).",
)

table_cell = sa.Table(
    "table_cell",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True, comment="Cell identifier."),
    _fk("report_id", "warehouse.report.id", "Report whose table printed the cell.", ondelete="CASCADE"),
    sa.Column("table_name", sa.Text, nullable=False, comment="requests (Table 3), appeals (Table 4) or "
              "disclosure_counts (Table 2)."),
    sa.Column("row_key", sa.Text, comment="The cell's row as a canonical key: request item, proceeding, or the "
              "disclosure item (art20.other when its row could not be named)."),
    sa.Column("column_key", sa.Text, comment="The cell's column as a canonical key: applicant or outcome; NULL "
              "for Table 2 (its item key names the column)."),
    sa.Column("text", sa.Text, nullable=False, comment="The cell's text as printed ('' for a blank cell)."),
    sa.Column("semantic", sa.Text, nullable=False, comment="number, zero (0 or 无), blank, not_applicable "
              "(—, -, /, 不适用, N/A) or text (详见附表, 略) — docs/domain.md#cell-values."),
    sa.Column("value", sa.Numeric, comment="The number for number and zero cells; NULL otherwise (never 0 for a "
              "blank or not-applicable cell)."),
    sa.Column("start_offset", sa.Integer, nullable=False, comment="Start of the printed cell in report.text."),
    sa.Column("end_offset", sa.Integer, nullable=False, comment="End of the printed cell in report.text."),
    sa.CheckConstraint("semantic IN ('number', 'zero', 'blank', 'not_applicable', 'text')", name="semantic"),
    sa.CheckConstraint("start_offset <= end_offset", name="span"),
    sa.Index(None, "report_id"),
    schema=WAREHOUSE,
    comment="One row per template-table cell the parser read, as printed, whatever it holds. A table fact links "
    "to its cell by report_id, table_name, keys and start_offset/end_offset.",
)

correction = sa.Table(
    "correction",
    metadata,
    _id("Correction identifier (rows are replaced whenever the corrections file is synced)."),
    sa.Column("line", sa.Integer, nullable=False, comment="Line of the corrections file (1 = header)."),
    sa.Column("sha256", sa.CHAR(64), comment="Target document by content hash, if given."),
    sa.Column("agency_name", sa.Text, comment="Target agency (canonical name or any alias), if given."),
    sa.Column("year", sa.SmallInteger, comment="Target report year, if given."),
    sa.Column("fact_table", sa.Text, comment="requests, appeals or disclosure_counts."),
    sa.Column("item", sa.Text, comment="request_item or disclosure_item key; for appeals the proceeding."),
    sa.Column("applicant", sa.Text, comment="Applicant column (requests; total when not given)."),
    sa.Column("outcome", sa.Text, comment="Appeal outcome (appeals; total when not given)."),
    sa.Column("value", sa.Numeric, comment="The corrected value; NULL when the correction says unknown."),
    sa.Column(
        "is_unknown",
        sa.Boolean,
        nullable=False,
        server_default=sa.false(),
        comment="The figure is corrected to unknown (the report does not really state it).",
    ),
    sa.Column("evidence", sa.Text, comment="Quote or page of the source supporting the correction."),
    sa.Column("reason", sa.Text, comment="Why the parsed value is wrong."),
    sa.Column("author", sa.Text, comment="Who made the correction."),
    sa.Column("corrected_on", sa.Date, comment="When the correction was made."),
    sa.Column("problem", sa.Text, comment="Why the line cannot be applied as written (NULL when it is valid)."),
    sa.Column("source_path", sa.Text, nullable=False, comment="The corrections file the line was read from."),
    _now("synced_at", "When the line was synced from the file."),
    schema=WAREHOUSE,
    comment="One row per line of the analysts' corrections file (synced each run; the parsed facts are kept).",
)

FACT_TABLES = {"requests": requests, "appeals": appeals, "disclosure_counts": disclosure_counts}

#: Why a parsed fact was kept out of the fact tables (ingest.rejected_fact.reason).
REJECT_REASONS = ("unknown_key", "number_out_of_range")

rejected_fact = sa.Table(
    "rejected_fact",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True, comment="Rejected fact identifier."),
    _fk("document_id", "ingest.source_document.id", "Document the fact was read from.", ondelete="CASCADE"),
    _fk("report_id", "warehouse.report.id", "Report that states the number.", ondelete="CASCADE"),
    sa.Column("fact_table", sa.Text, nullable=False, comment="The fact table the parser meant it for."),
    sa.Column("item", sa.Text, comment="request_item or disclosure_item key as parsed (requests, disclosure_counts)."),
    sa.Column("applicant", sa.Text, comment="Applicant key as parsed (requests)."),
    sa.Column("proceeding", sa.Text, comment="Proceeding key as parsed (appeals)."),
    sa.Column("outcome", sa.Text, comment="Outcome key as parsed (appeals)."),
    sa.Column("value", sa.Numeric, comment="The number as parsed; NULL when it is not finite."),
    sa.Column("value_text", sa.Text, nullable=False, comment="The number as the parser gave it, in full."),
    sa.Column("unit", sa.Text, comment="Unit as printed, if any."),
    sa.Column("is_approximate", sa.Boolean, nullable=False, server_default=sa.false(),
              comment="Printed with an approximation marker."),
    sa.Column("is_inferred", sa.Boolean, nullable=False, server_default=sa.false(),
              comment="Forced by a table identity rather than printed."),
    sa.Column("source", sa.Text, nullable=False, comment="table or prose."),
    sa.Column("section_id", sa.ForeignKey("warehouse.section.id", ondelete="SET NULL"),
              comment="Section the number was read in."),
    sa.Column("start_offset", sa.Integer, nullable=False, comment="Start of the value's text in report.text."),
    sa.Column("end_offset", sa.Integer, nullable=False, comment="End of the value's text in report.text."),
    sa.Column("evidence", sa.Text, nullable=False, comment="The sentence or table row the value was read from."),
    sa.Column("label", sa.Text, comment="The row label or phrase as printed."),
    sa.Column("label_start", sa.Integer, comment="Start of the row label in report.text."),
    sa.Column("label_end", sa.Integer, comment="End of the row label in report.text."),
    sa.Column("reason", sa.Text, nullable=False,
              comment="unknown_key (a key not in the vocabulary: re-admitted when a migration adds it) or "
              "number_out_of_range (too many digits to be a count: kept for review only)."),
    sa.Column("message", sa.Text, nullable=False, comment="Why it was rejected, in words a user can act on."),
    _fk("run_id", "ingest.etl_run.id", "Run that rejected it."),
    _now("recorded_at", "When it was rejected."),
    sa.CheckConstraint("reason IN ('unknown_key', 'number_out_of_range')", name="reason"),
    sa.CheckConstraint("source IN ('table', 'prose')", name="source"),
    sa.Index(None, "document_id"),
    sa.Index(None, "report_id"),
    sa.Index(None, "section_id"),
    sa.Index(None, "run_id"),
    schema=INGEST,
    comment="One row per fact the loader kept out of the fact tables, as parsed, with the reason: nothing is "
    "dropped, and a fact whose key a later migration adds moves into its fact table (etl.load.readmit_rejected_facts, "
    "run at the start of every etl run). Replaced with its document's rows on re-parse.",
)

#: Foreign keys that deletes cascade through (a re-parse replaces one document's rows) or that run
#: bookkeeping joins on. Indexed so that removing one document's rows costs the same at any warehouse
#: size: without them every deleted section or report scans the fact tables. Foreign keys into the
#: vocabulary lookup tables stay unindexed on purpose: their rows are never deleted in normal use, and
#: three more indexes per fact row would slow every load.
DELETE_PATH_INDEXES: tuple[tuple[sa.Table, str], ...] = (
    (source_document, "first_run_id"),
    (source_document, "last_run_id"),
    (source_file, "document_id"),
    (source_file, "last_seen_run_id"),
    (source_file, "missing_since_run_id"),
    (source_document, "superseded_by_id"),
    (parse_issue, "run_id"),
    (report, "run_id"),
    *((table, "section_id") for table in (*FACT_TABLES.values(), improvement_measures)),
)
for _table, _column in DELETE_PATH_INDEXES:
    sa.Index(None, _table.c[_column])


# --------------------------------------------------------------------------- access control (revision 0006)

run_lock = sa.Table(
    "run_lock",
    metadata,
    sa.Column("singleton", sa.Boolean, sa.CheckConstraint("singleton", name="singleton"), primary_key=True,
              server_default=sa.text("true"), comment="Always true; the table is only ever locked."),
    schema="ingest",
    comment="Locked (EXCLUSIVE MODE) by the etl run in progress for its whole duration; holds no data. Only roles "
    "that may write ingest can take the lock.",
)

analyst_scope = sa.Table(
    "analyst_scope",
    metadata,
    sa.Column("role_name", sa.Text, primary_key=True, comment="Login role (a member of ogi_analyst)."),
    sa.Column("adcode", sa.String(6), sa.CheckConstraint("adcode ~ '^[0-9]{6}$'", name="adcode"), primary_key=True,
              comment="GB/T 2260 code: 430000 a province, 430400 a city, 430405 a county; the role sees agencies "
              "whose adcode lies within it."),
    sa.Column("prefix", sa.Text, sa.Computed("CASE WHEN adcode LIKE '__0000' THEN left(adcode, 2) WHEN adcode LIKE "
                                             "'____00' THEN left(adcode, 4) ELSE adcode END", persisted=True),
              comment="The adcode without its trailing 00 pairs: agency adcodes starting with it lie within the "
              "division."),
    schema="warehouse",
    comment="Divisions a login role may see in the analytics views (etl users add NAME --region ADCODE). A role "
    "with no row sees every region.",
)
