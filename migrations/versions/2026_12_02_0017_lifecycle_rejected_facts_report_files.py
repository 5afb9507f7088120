"""Path lifecycle (superseded and missing documents), rejected facts kept, analysts' report_files and
national rollup views

- ``ingest.source_document.presence`` (current, superseded, missing) and ``superseded_by_id``: a file edited
  in place keeps its old document, marked superseded; a file a run over its folder did not find is marked
  missing (``ingest.source_file.missing_since_run_id``) and current again when it re-appears. Only reports
  of current documents can be primary, so the comparison views leave the others out.
- ``ingest.rejected_fact``: facts the loader refused (unknown key, out-of-range number), as parsed, with the
  reason; a fact whose key a later migration adds is moved into its fact table by the next run
  (etl.load.readmit_rejected_facts).
- Views (frozen below): document_coverage and coverage_agency_year show the lifecycle; new report_files and
  national_year_rollup.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 12:40:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0017'
down_revision: str | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ANALYST_ROLE = 'ogi_analyst'
VIEW_OWNER = 'ogi_views'

_PRESENCE_COMMENT = (
    "current (a path seen by the last run over its folder holds this content), superseded (every path that held "
    "it now holds other content: the file was edited in place) or missing (its files were not found by a later "
    "run over their folder). Only reports of current documents can be primary.")
_SUPERSEDED_COMMENT = ("The document an edit in place replaced this one with (the content its path held next); "
                       "NULL unless presence is superseded.")
_MISSING_COMMENT = ("The first run over the path's folder that did not find it (NULL while the file is there); the "
                    "record is kept so that history stays queryable, and cleared when the file re-appears.")
_REJECTED_COMMENT = (
    "One row per fact the loader kept out of the fact tables, as parsed, with the reason: nothing is dropped, and "
    "a fact whose key a later migration adds moves into its fact table (etl.load.readmit_rejected_facts, run at "
    "the start of every etl run). Replaced with its document's rows on re-parse.")


def _ddl_upgrade() -> None:
    op.add_column('source_document', sa.Column('presence', sa.Text(), server_default='current', nullable=False,
                                               comment=_PRESENCE_COMMENT), schema='ingest')
    op.add_column('source_document', sa.Column('superseded_by_id', sa.Integer(), nullable=True,
                                               comment=_SUPERSEDED_COMMENT), schema='ingest')
    op.create_foreign_key(op.f('fk_source_document_superseded_by_id_source_document'), 'source_document',
                          'source_document', ['superseded_by_id'], ['id'], source_schema='ingest',
                          referent_schema='ingest', ondelete='SET NULL')
    op.create_check_constraint(op.f('ck_source_document_presence'), 'source_document',
                               "presence IN ('current', 'superseded', 'missing')", schema='ingest')
    op.create_index('ix_source_document_superseded_by_id', 'source_document', ['superseded_by_id'], schema='ingest')
    op.add_column('source_file', sa.Column('missing_since_run_id', sa.Integer(), nullable=True,
                                           comment=_MISSING_COMMENT), schema='ingest')
    op.create_foreign_key(op.f('fk_source_file_missing_since_run_id_etl_run'), 'source_file', 'etl_run',
                          ['missing_since_run_id'], ['id'], source_schema='ingest', referent_schema='ingest')
    op.create_index('ix_source_file_missing_since_run_id', 'source_file', ['missing_since_run_id'], schema='ingest')
    # documents no path holds any more were left behind by edits in place before this revision
    op.execute("UPDATE ingest.source_document d SET presence = 'superseded' WHERE d.media_type NOT LIKE 'inode/%' "
               "AND NOT EXISTS (SELECT 1 FROM ingest.source_file f WHERE f.document_id = d.id)")
    op.execute("UPDATE warehouse.report r SET is_primary = false, primary_reason = 'not primary: its file was "
               "edited in place (document superseded)' FROM ingest.source_document d WHERE d.id = r.document_id "
               "AND d.presence = 'superseded'")

    op.create_table(
        'rejected_fact',
        sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False, comment='Rejected fact identifier.'),
        sa.Column('document_id', sa.Integer(), nullable=False, comment='Document the fact was read from.'),
        sa.Column('report_id', sa.Integer(), nullable=False, comment='Report that states the number.'),
        sa.Column('fact_table', sa.Text(), nullable=False, comment='The fact table the parser meant it for.'),
        sa.Column('item', sa.Text(), nullable=True,
                  comment='request_item or disclosure_item key as parsed (requests, disclosure_counts).'),
        sa.Column('applicant', sa.Text(), nullable=True, comment='Applicant key as parsed (requests).'),
        sa.Column('proceeding', sa.Text(), nullable=True, comment='Proceeding key as parsed (appeals).'),
        sa.Column('outcome', sa.Text(), nullable=True, comment='Outcome key as parsed (appeals).'),
        sa.Column('value', sa.Numeric(), nullable=True, comment='The number as parsed; NULL when it is not finite.'),
        sa.Column('value_text', sa.Text(), nullable=False, comment='The number as the parser gave it, in full.'),
        sa.Column('unit', sa.Text(), nullable=True, comment='Unit as printed, if any.'),
        sa.Column('is_approximate', sa.Boolean(), server_default=sa.text('false'), nullable=False,
                  comment='Printed with an approximation marker.'),
        sa.Column('is_inferred', sa.Boolean(), server_default=sa.text('false'), nullable=False,
                  comment='Forced by a table identity rather than printed.'),
        sa.Column('source', sa.Text(), nullable=False, comment='table or prose.'),
        sa.Column('section_id', sa.Integer(), nullable=True, comment='Section the number was read in.'),
        sa.Column('start_offset', sa.Integer(), nullable=False, comment="Start of the value's text in report.text."),
        sa.Column('end_offset', sa.Integer(), nullable=False, comment="End of the value's text in report.text."),
        sa.Column('evidence', sa.Text(), nullable=False, comment='The sentence or table row the value was read from.'),
        sa.Column('label', sa.Text(), nullable=True, comment='The row label or phrase as printed.'),
        sa.Column('label_start', sa.Integer(), nullable=True, comment='Start of the row label in report.text.'),
        sa.Column('label_end', sa.Integer(), nullable=True, comment='End of the row label in report.text.'),
        sa.Column('reason', sa.Text(), nullable=False,
                  comment='unknown_key (a key not in the vocabulary: re-admitted when a migration adds it) or '
                  'number_out_of_range (too many digits to be a count: kept for review only).'),
        sa.Column('message', sa.Text(), nullable=False, comment='Why it was rejected, in words a user can act on.'),
        sa.Column('run_id', sa.Integer(), nullable=False, comment='Run that rejected it.'),
        sa.Column('recorded_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False,
                  comment='When it was rejected.'),
        sa.CheckConstraint("reason IN ('unknown_key', 'number_out_of_range')", name=op.f('ck_rejected_fact_reason')),
        sa.CheckConstraint("source IN ('table', 'prose')", name=op.f('ck_rejected_fact_source')),
        sa.ForeignKeyConstraint(['document_id'], ['ingest.source_document.id'], ondelete='CASCADE',
                                name=op.f('fk_rejected_fact_document_id_source_document')),
        sa.ForeignKeyConstraint(['report_id'], ['warehouse.report.id'], ondelete='CASCADE',
                                name=op.f('fk_rejected_fact_report_id_report')),
        sa.ForeignKeyConstraint(['section_id'], ['warehouse.section.id'], ondelete='SET NULL',
                                name=op.f('fk_rejected_fact_section_id_section')),
        sa.ForeignKeyConstraint(['run_id'], ['ingest.etl_run.id'], name=op.f('fk_rejected_fact_run_id_etl_run')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_rejected_fact')),
        schema='ingest',
        comment=_REJECTED_COMMENT,
    )
    for column in ('document_id', 'report_id', 'section_id', 'run_id'):
        op.create_index(f'ix_rejected_fact_{column}', 'rejected_fact', [column], schema='ingest')


def _ddl_downgrade() -> None:
    op.drop_table('rejected_fact', schema='ingest')
    op.drop_index('ix_source_file_missing_since_run_id', table_name='source_file', schema='ingest')
    op.drop_column('source_file', 'missing_since_run_id', schema='ingest')
    op.drop_index('ix_source_document_superseded_by_id', table_name='source_document', schema='ingest')
    op.drop_column('source_document', 'superseded_by_id', schema='ingest')
    op.drop_column('source_document', 'presence', schema='ingest')


# Frozen copies of sql/views/<name>.sql at this revision, in dependency order.
VIEWS = [
    ('coverage_agency_year', r'''-- analytics.coverage_agency_year: which agencies have a report for which years.
-- Grain: one row per canonical agency × year, from the agency's first reported year to the latest
-- year any report in the warehouse covers (a matrix for heat maps; filter status for the gaps).
-- A report of a current document counts for its canonical agency and year whether primary or not;
-- reports whose file was edited in place (superseded) or disappeared (missing) are counted apart.
-- Reports with an unknown agency or year cannot be placed and show in unplaced_reports instead.
CREATE VIEW analytics.coverage_agency_year AS
WITH documents AS (
    SELECT
        id,
        presence
    FROM ingest.source_document
),

reports AS (
    SELECT
        report.agency_id,
        report.year,
        report.is_primary,
        documents.presence
    FROM warehouse.report AS report
    INNER JOIN documents ON documents.id = report.document_id
    WHERE report.agency_id IS NOT NULL AND report.year IS NOT NULL
),

agencies AS (
    SELECT
        id,
        name,
        level,
        province
    FROM warehouse.agency
),

agency_span AS (
    SELECT
        agency_id,
        min(year) AS first_year,
        max(year) AS last_year
    FROM reports
    GROUP BY agency_id
),

latest AS (
    SELECT max(year) AS latest_year
    FROM reports
),

grid AS (
    SELECT
        agency_span.agency_id,
        agency_span.first_year,
        agency_span.last_year,
        year_series.year::smallint AS year
    FROM agency_span
    CROSS JOIN latest
    CROSS JOIN LATERAL generate_series(agency_span.first_year::integer, latest.latest_year::integer) AS year_series (year)
),

counts AS (
    SELECT
        agency_id,
        year,
        count(*) FILTER (WHERE presence = 'current') AS reports_count,
        count(*) FILTER (WHERE is_primary) AS primary_count,
        count(*) FILTER (WHERE presence = 'superseded') AS superseded_count,
        count(*) FILTER (WHERE presence = 'missing') AS file_missing_count
    FROM reports
    GROUP BY agency_id, year
)

SELECT
    grid.agency_id,
    agencies.name AS agency_name,
    agencies.level,
    agencies.province,
    grid.year,
    coalesce(counts.reports_count, 0)::integer AS reports_count,
    coalesce(counts.primary_count, 0)::integer AS primary_reports_count,
    coalesce(counts.superseded_count, 0)::integer AS superseded_reports_count,
    coalesce(counts.file_missing_count, 0)::integer AS file_missing_reports_count,
    CASE
        WHEN counts.primary_count = 1 THEN 'reported'
        WHEN counts.primary_count > 1 THEN 'several_primary'
        WHEN counts.reports_count > 0 THEN 'no_primary'
        WHEN counts.file_missing_count > 0 THEN 'file_missing'
        WHEN grid.year < grid.last_year THEN 'missing'
        ELSE 'not_yet_reported'
    END AS status
FROM grid
INNER JOIN agencies ON agencies.id = grid.agency_id
LEFT JOIN counts ON counts.agency_id = grid.agency_id AND counts.year = grid.year;

COMMENT ON VIEW analytics.coverage_agency_year IS 'One row per canonical agency × year from the agency''s first reported year to the latest year in the warehouse: how many reports and primary reports it has, how many were superseded by an edit in place or have lost their file, and a status (reported, missing, not_yet_reported, no_primary, several_primary, file_missing).';
COMMENT ON COLUMN analytics.coverage_agency_year.agency_id IS 'Canonical agency (warehouse.agency.id).';
COMMENT ON COLUMN analytics.coverage_agency_year.agency_name IS 'Canonical agency name.';
COMMENT ON COLUMN analytics.coverage_agency_year.level IS 'Administrative level of the agency.';
COMMENT ON COLUMN analytics.coverage_agency_year.province IS 'Province of the agency.';
COMMENT ON COLUMN analytics.coverage_agency_year.year IS 'Data year.';
COMMENT ON COLUMN analytics.coverage_agency_year.reports_count IS 'Reports of this agency for this year in current documents, primary or not.';
COMMENT ON COLUMN analytics.coverage_agency_year.superseded_reports_count IS 'Reports of this agency and year whose file was since edited in place (kept for history, never primary).';
COMMENT ON COLUMN analytics.coverage_agency_year.file_missing_reports_count IS 'Reports of this agency and year whose files were not found by a later run (kept for history, never primary).';
COMMENT ON COLUMN analytics.coverage_agency_year.primary_reports_count IS 'Primary reports of this agency for this year (should be 1 when reports_count > 0).';
COMMENT ON COLUMN analytics.coverage_agency_year.status IS 'reported (one primary report), missing (no report, but the agency reported before and after), not_yet_reported (no report after the agency''s last reported year), no_primary (reports but none marked primary), several_primary (more than one primary) or file_missing (the only reports are in files that have disappeared).';
'''),
    ('document_coverage', r'''-- analytics.document_coverage: what became of every input document, failed ones included.
-- Grain: one row per distinct document content (ingest.source_document).
CREATE VIEW analytics.document_coverage AS
WITH documents AS (
    SELECT
        id,
        path,
        status,
        media_type,
        encoding,
        parser_version,
        report_count,
        last_run_id,
        loaded_at,
        presence,
        superseded_by_id
    FROM ingest.source_document
),

files AS (
    SELECT
        document_id,
        count(*) AS paths_count,
        max(missing_since_run_id) AS missing_since_run_id
    FROM ingest.source_file
    GROUP BY document_id
),

reports AS (
    SELECT
        document_id,
        count(*) AS reports_loaded,
        count(*) FILTER (WHERE is_primary) AS primary_reports
    FROM warehouse.report
    GROUP BY document_id
),

issues AS (
    SELECT
        document_id,
        count(*) FILTER (WHERE severity = 'error') AS errors_count,
        count(*) FILTER (WHERE severity = 'warning') AS warnings_count,
        (array_agg(code ORDER BY id) FILTER (WHERE severity = 'error'))[1] AS first_error_code,
        (array_agg(message ORDER BY id) FILTER (WHERE severity = 'error'))[1] AS first_error_message
    FROM ingest.parse_issue
    GROUP BY document_id
)

SELECT
    documents.id AS document_id,
    documents.path AS document_path,
    documents.status,
    documents.status = 'failed' AS is_failed,
    documents.presence,
    documents.superseded_by_id AS superseded_by_document_id,
    coalesce(files.paths_count, 0)::integer AS paths_count,
    CASE WHEN documents.presence = 'missing' THEN files.missing_since_run_id END AS missing_since_run_id,
    documents.media_type,
    documents.encoding,
    documents.parser_version,
    documents.report_count,
    coalesce(reports.reports_loaded, 0)::integer AS reports_loaded,
    coalesce(reports.primary_reports, 0)::integer AS primary_reports,
    coalesce(issues.errors_count, 0)::integer AS errors_count,
    coalesce(issues.warnings_count, 0)::integer AS warnings_count,
    issues.first_error_code,
    issues.first_error_message,
    documents.last_run_id,
    documents.loaded_at
FROM documents
LEFT JOIN reports ON reports.document_id = documents.id
LEFT JOIN issues ON issues.document_id = documents.id
LEFT JOIN files ON files.document_id = documents.id;

COMMENT ON VIEW analytics.document_coverage IS 'One row per input document (by content), including failed ones, files with no report, and contents that were edited away or whose files disappeared (presence): how many reports were loaded from it, how many are primary, and its first error.';
COMMENT ON COLUMN analytics.document_coverage.document_id IS 'ingest.source_document.id.';
COMMENT ON COLUMN analytics.document_coverage.document_path IS 'Path the content was last seen at.';
COMMENT ON COLUMN analytics.document_coverage.status IS 'loaded (reports written), partial (reports written, part of one unreadable), no_report (decoded but no report found) or failed.';
COMMENT ON COLUMN analytics.document_coverage.is_failed IS 'status = failed: the file could not be decoded or parsed.';
COMMENT ON COLUMN analytics.document_coverage.presence IS 'current (a file holds this content), superseded (its file was edited in place: the content it holds now is superseded_by_document_id) or missing (its files were not found by a later run over their folder). Only current documents have primary reports.';
COMMENT ON COLUMN analytics.document_coverage.superseded_by_document_id IS 'For a superseded document, the document its file held next.';
COMMENT ON COLUMN analytics.document_coverage.paths_count IS 'Paths that hold or last held this content (0 when every one was edited in place).';
COMMENT ON COLUMN analytics.document_coverage.missing_since_run_id IS 'For a missing document, the run that last found one of its files gone.';
COMMENT ON COLUMN analytics.document_coverage.media_type IS 'Media type detected from the content.';
COMMENT ON COLUMN analytics.document_coverage.encoding IS 'Text encoding detected; NULL when not decoded.';
COMMENT ON COLUMN analytics.document_coverage.parser_version IS 'Parser version that produced the current rows.';
COMMENT ON COLUMN analytics.document_coverage.report_count IS 'Reports the parser found in the file.';
COMMENT ON COLUMN analytics.document_coverage.reports_loaded IS 'Report rows in warehouse.report for this document.';
COMMENT ON COLUMN analytics.document_coverage.primary_reports IS 'Of those, how many are primary (used by the views).';
COMMENT ON COLUMN analytics.document_coverage.errors_count IS 'Error-level parse issues of the document and its reports.';
COMMENT ON COLUMN analytics.document_coverage.warnings_count IS 'Warning-level parse issues of the document and its reports.';
COMMENT ON COLUMN analytics.document_coverage.first_error_code IS 'Code of the first error-level issue, if any.';
COMMENT ON COLUMN analytics.document_coverage.first_error_message IS 'Message of the first error-level issue, if any.';
COMMENT ON COLUMN analytics.document_coverage.last_run_id IS 'Run that last (re)loaded this content.';
COMMENT ON COLUMN analytics.document_coverage.loaded_at IS 'When the current rows were written.';
'''),
    ('report_files', r'''-- analytics.report_files: every report with the file(s) it was read from and why it is or is not primary.
-- Grain: one row per report (warehouse.report): primary or not, placed or not, in a current document
-- or in one whose file was since edited in place (superseded) or disappeared (missing).
-- file_paths lists the paths that hold the content now; missing_file_paths those a later run over
-- their folder did not find. A superseded document has neither: last_seen_path says where it was.
CREATE VIEW analytics.report_files AS
WITH reports AS (
    SELECT
        id,
        document_id,
        ordinal,
        agency_id,
        agency_name,
        year,
        title,
        scope,
        format,
        is_primary,
        primary_reason
    FROM warehouse.report
),

agencies AS (
    SELECT
        id,
        name
    FROM warehouse.agency
),

documents AS (
    SELECT
        id,
        sha256,
        path,
        status,
        presence,
        superseded_by_id
    FROM ingest.source_document
),

files AS (
    SELECT
        document_id,
        array_agg(path ORDER BY path) FILTER (WHERE missing_since_run_id IS NULL) AS paths,
        array_agg(path ORDER BY path) FILTER (WHERE missing_since_run_id IS NOT NULL) AS missing_paths
    FROM ingest.source_file
    GROUP BY document_id
)

SELECT
    reports.id AS report_id,
    reports.document_id,
    reports.ordinal AS report_ordinal,
    reports.agency_id,
    agencies.name AS agency_name,
    reports.agency_name AS printed_agency_name,
    reports.year,
    reports.title,
    reports.scope,
    reports.format,
    reports.is_primary,
    reports.primary_reason,
    documents.presence,
    documents.superseded_by_id AS superseded_by_document_id,
    documents.status AS document_status,
    coalesce(files.paths, '{}'::text []) AS file_paths,
    coalesce(files.missing_paths, '{}'::text []) AS missing_file_paths,
    documents.path AS last_seen_path,
    documents.sha256
FROM reports
INNER JOIN documents ON documents.id = reports.document_id
LEFT JOIN agencies ON agencies.id = reports.agency_id
LEFT JOIN files ON files.document_id = reports.document_id;

COMMENT ON VIEW analytics.report_files IS 'One row per report, every one (primary or not, with an unknown agency or year, superseded or with its file missing): the file path(s) it was read from, whether it is primary and why (primary_reason), and whether its document is current.';
COMMENT ON COLUMN analytics.report_files.report_id IS 'warehouse.report.id.';
COMMENT ON COLUMN analytics.report_files.document_id IS 'Document (file content) the report was read from.';
COMMENT ON COLUMN analytics.report_files.report_ordinal IS 'Position of the report in its document (1 = first).';
COMMENT ON COLUMN analytics.report_files.agency_id IS 'Canonical agency; NULL when the agency is unknown.';
COMMENT ON COLUMN analytics.report_files.agency_name IS 'Canonical agency name; NULL when the agency is unknown.';
COMMENT ON COLUMN analytics.report_files.printed_agency_name IS 'Agency name as the report gives it.';
COMMENT ON COLUMN analytics.report_files.year IS 'Data year; NULL when unknown.';
COMMENT ON COLUMN analytics.report_files.title IS 'Report title.';
COMMENT ON COLUMN analytics.report_files.scope IS 'region (a summary of a whole area) or agency.';
COMMENT ON COLUMN analytics.report_files.format IS '2019-template, 2021-template, prose or prose+table.';
COMMENT ON COLUMN analytics.report_files.is_primary IS 'The report the comparison views use for its agency and year.';
COMMENT ON COLUMN analytics.report_files.primary_reason IS 'Why the report is or is not primary (including not comparable: agency or year unknown, edited in place, file missing).';
COMMENT ON COLUMN analytics.report_files.presence IS 'current, superseded (its file was edited in place) or missing (its files were not found by a later run).';
COMMENT ON COLUMN analytics.report_files.superseded_by_document_id IS 'For a superseded document, the document its file held next.';
COMMENT ON COLUMN analytics.report_files.document_status IS 'loaded, partial, no_report or failed.';
COMMENT ON COLUMN analytics.report_files.file_paths IS 'Paths that hold this content now, sorted (a copied file has several).';
COMMENT ON COLUMN analytics.report_files.missing_file_paths IS 'Paths that held this content and were not found by a later run over their folder.';
COMMENT ON COLUMN analytics.report_files.last_seen_path IS 'Path the content was last loaded from.';
COMMENT ON COLUMN analytics.report_files.sha256 IS 'SHA-256 of the file content (the document identity).';
'''),
    ('national_year_rollup', r'''-- analytics.national_year_rollup: national totals per year, beside region_year_rollup.
-- Grain: one row per year.
-- Inputs: primary reports of scope agency only, as in region_year_rollup (region summary reports
-- are aggregates of their area already and would be counted twice); agencies of unknown province
-- count here too.
-- NULL rule: <figure>_sum adds the agencies that state the figure and is NULL when none does;
-- <figure>_agencies says how many did, so a sum over 3 of 4,000 agencies is never read as a full total.
-- Rates use only the agencies that state both numerator and denominator.
CREATE VIEW analytics.national_year_rollup AS
WITH headline AS (
    SELECT
        report_id,
        agency_id,
        year,
        province,
        new_received,
        total_processed,
        granted,
        partially_granted,
        denied,
        unable,
        not_processed,
        other,
        reviews_total,
        lawsuits_total,
        proactive_total
    FROM analytics.report_headline
    WHERE scope = 'agency' AND year IS NOT NULL
),

rolled AS (
    SELECT
        year,
        count(*) AS agencies_reporting,
        count(DISTINCT province) AS provinces_reporting,
        sum(new_received) AS new_received_sum,
        count(new_received) AS new_received_agencies,
        sum(total_processed) AS total_processed_sum,
        count(total_processed) AS total_processed_agencies,
        sum(granted) AS granted_sum,
        count(granted) AS granted_agencies,
        sum(partially_granted) AS partially_granted_sum,
        count(partially_granted) AS partially_granted_agencies,
        sum(denied) AS denied_sum,
        count(denied) AS denied_agencies,
        sum(unable) AS unable_sum,
        count(unable) AS unable_agencies,
        sum(not_processed) AS not_processed_sum,
        count(not_processed) AS not_processed_agencies,
        sum(other) AS other_sum,
        count(other) AS other_agencies,
        sum(reviews_total) AS reviews_total_sum,
        count(reviews_total) AS reviews_total_agencies,
        sum(lawsuits_total) AS lawsuits_total_sum,
        count(lawsuits_total) AS lawsuits_total_agencies,
        sum(proactive_total) AS proactive_total_sum,
        count(proactive_total) AS proactive_total_agencies,
        sum(granted) FILTER (WHERE granted IS NOT NULL AND total_processed IS NOT NULL) AS rate_granted,
        sum(denied) FILTER (WHERE denied IS NOT NULL AND total_processed IS NOT NULL) AS rate_denied,
        sum(total_processed) FILTER (WHERE granted IS NOT NULL AND total_processed IS NOT NULL) AS rate_granted_base,
        sum(total_processed) FILTER (WHERE denied IS NOT NULL AND total_processed IS NOT NULL) AS rate_denied_base
    FROM headline
    GROUP BY year
)

SELECT
    year,
    agencies_reporting::integer AS agencies_reporting,
    provinces_reporting::integer AS provinces_reporting,
    new_received_sum,
    new_received_agencies::integer AS new_received_agencies,
    total_processed_sum,
    total_processed_agencies::integer AS total_processed_agencies,
    granted_sum,
    granted_agencies::integer AS granted_agencies,
    partially_granted_sum,
    partially_granted_agencies::integer AS partially_granted_agencies,
    denied_sum,
    denied_agencies::integer AS denied_agencies,
    unable_sum,
    unable_agencies::integer AS unable_agencies,
    not_processed_sum,
    not_processed_agencies::integer AS not_processed_agencies,
    other_sum,
    other_agencies::integer AS other_agencies,
    reviews_total_sum,
    reviews_total_agencies::integer AS reviews_total_agencies,
    lawsuits_total_sum,
    lawsuits_total_agencies::integer AS lawsuits_total_agencies,
    proactive_total_sum,
    proactive_total_agencies::integer AS proactive_total_agencies,
    round(rate_granted / nullif(rate_granted_base, 0), 4) AS grant_rate,
    round(rate_denied / nullif(rate_denied_base, 0), 4) AS refusal_rate
FROM rolled;

COMMENT ON VIEW analytics.national_year_rollup IS 'One row per year: national sums of the headline figures over the primary agency-scope reports (region summary reports excluded to avoid double counting), each with the number of agencies that stated it; the national counterpart of region_year_rollup. Unknown figures are never summed as zeros: a sum is NULL when no agency states the figure.';
COMMENT ON COLUMN analytics.national_year_rollup.year IS 'Data year.';
COMMENT ON COLUMN analytics.national_year_rollup.agencies_reporting IS 'Primary agency-scope reports in the year (one per agency).';
COMMENT ON COLUMN analytics.national_year_rollup.provinces_reporting IS 'Distinct provinces of those agencies (agencies of unknown province not counted).';
COMMENT ON COLUMN analytics.national_year_rollup.new_received_sum IS 'Σ new_received (requests newly received) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.new_received_agencies IS 'How many agencies state new_received: the coverage of new_received_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.total_processed_sum IS 'Σ total_processed (requests processed) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.total_processed_agencies IS 'How many agencies state total_processed: the coverage of total_processed_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.granted_sum IS 'Σ granted (requests granted) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.granted_agencies IS 'How many agencies state granted: the coverage of granted_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.partially_granted_sum IS 'Σ partially_granted (requests partially granted) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.partially_granted_agencies IS 'How many agencies state partially_granted: the coverage of partially_granted_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.denied_sum IS 'Σ denied (requests denied) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.denied_agencies IS 'How many agencies state denied: the coverage of denied_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.unable_sum IS 'Σ unable (requests unable to answer) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.unable_agencies IS 'How many agencies state unable: the coverage of unable_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.not_processed_sum IS 'Σ not_processed (requests not processed) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.not_processed_agencies IS 'How many agencies state not_processed: the coverage of not_processed_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.other_sum IS 'Σ other (requests with other handling) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.other_agencies IS 'How many agencies state other: the coverage of other_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.reviews_total_sum IS 'Σ reviews_total (administrative reviews) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.reviews_total_agencies IS 'How many agencies state reviews_total: the coverage of reviews_total_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.lawsuits_total_sum IS 'Σ lawsuits_total (lawsuits) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.lawsuits_total_agencies IS 'How many agencies state lawsuits_total: the coverage of lawsuits_total_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.proactive_total_sum IS 'Σ proactive_total (items proactively disclosed) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.proactive_total_agencies IS 'How many agencies state proactive_total: the coverage of proactive_total_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.grant_rate IS 'Σ granted / Σ total_processed over the agencies that state both, 4 decimals; NULL when none does or the base is 0.';
COMMENT ON COLUMN analytics.national_year_rollup.refusal_rate IS 'Σ denied / Σ total_processed over the agencies that state both, 4 decimals; NULL when none does or the base is 0.';
'''),
]

# The text the earlier revisions applied, restored by the downgrade (views new here have none).
PREVIOUS_VIEWS = [
    ('coverage_agency_year', r'''-- analytics.coverage_agency_year: which agencies have a report for which years.
-- Grain: one row per canonical agency × year, from the agency's first reported year to the latest
-- year any report in the warehouse covers (a matrix for heat maps; filter status for the gaps).
-- A report counts for its canonical agency and year whether primary or not; reports with an
-- unknown agency or year cannot be placed and show in document_coverage / open_parse_issues instead.
CREATE VIEW analytics.coverage_agency_year AS
WITH reports AS (
    SELECT
        agency_id,
        year,
        is_primary
    FROM warehouse.report
    WHERE agency_id IS NOT NULL AND year IS NOT NULL
),

agencies AS (
    SELECT
        id,
        name,
        level,
        province
    FROM warehouse.agency
),

agency_span AS (
    SELECT
        agency_id,
        min(year) AS first_year,
        max(year) AS last_year
    FROM reports
    GROUP BY agency_id
),

latest AS (
    SELECT max(year) AS latest_year
    FROM reports
),

grid AS (
    SELECT
        agency_span.agency_id,
        agency_span.first_year,
        agency_span.last_year,
        year_series.year::smallint AS year
    FROM agency_span
    CROSS JOIN latest
    CROSS JOIN LATERAL generate_series(agency_span.first_year::integer, latest.latest_year::integer) AS year_series (year)
),

counts AS (
    SELECT
        agency_id,
        year,
        count(*) AS reports_count,
        count(*) FILTER (WHERE is_primary) AS primary_count
    FROM reports
    GROUP BY agency_id, year
)

SELECT
    grid.agency_id,
    agencies.name AS agency_name,
    agencies.level,
    agencies.province,
    grid.year,
    coalesce(counts.reports_count, 0)::integer AS reports_count,
    coalesce(counts.primary_count, 0)::integer AS primary_reports_count,
    CASE
        WHEN counts.primary_count = 1 THEN 'reported'
        WHEN counts.primary_count > 1 THEN 'several_primary'
        WHEN counts.reports_count > 0 THEN 'no_primary'
        WHEN grid.year < grid.last_year THEN 'missing'
        ELSE 'not_yet_reported'
    END AS status
FROM grid
INNER JOIN agencies ON agencies.id = grid.agency_id
LEFT JOIN counts ON counts.agency_id = grid.agency_id AND counts.year = grid.year;

COMMENT ON VIEW analytics.coverage_agency_year IS 'One row per canonical agency × year from the agency''s first reported year to the latest year in the warehouse: how many reports and primary reports it has, and a status (reported, missing, not_yet_reported, no_primary, several_primary).';
COMMENT ON COLUMN analytics.coverage_agency_year.agency_id IS 'Canonical agency (warehouse.agency.id).';
COMMENT ON COLUMN analytics.coverage_agency_year.agency_name IS 'Canonical agency name.';
COMMENT ON COLUMN analytics.coverage_agency_year.level IS 'Administrative level of the agency.';
COMMENT ON COLUMN analytics.coverage_agency_year.province IS 'Province of the agency.';
COMMENT ON COLUMN analytics.coverage_agency_year.year IS 'Data year.';
COMMENT ON COLUMN analytics.coverage_agency_year.reports_count IS 'Reports of this agency for this year, primary or not.';
COMMENT ON COLUMN analytics.coverage_agency_year.primary_reports_count IS 'Primary reports of this agency for this year (should be 1 when reports_count > 0).';
COMMENT ON COLUMN analytics.coverage_agency_year.status IS 'reported (one primary report), missing (no report, but the agency reported before and after), not_yet_reported (no report after the agency''s last reported year), no_primary (reports but none marked primary) or several_primary (more than one primary).';
'''),
    ('document_coverage', r'''-- analytics.document_coverage: what became of every input document, failed ones included.
-- Grain: one row per distinct document content (ingest.source_document).
CREATE VIEW analytics.document_coverage AS
WITH documents AS (
    SELECT
        id,
        path,
        status,
        media_type,
        encoding,
        parser_version,
        report_count,
        last_run_id,
        loaded_at
    FROM ingest.source_document
),

reports AS (
    SELECT
        document_id,
        count(*) AS reports_loaded,
        count(*) FILTER (WHERE is_primary) AS primary_reports
    FROM warehouse.report
    GROUP BY document_id
),

issues AS (
    SELECT
        document_id,
        count(*) FILTER (WHERE severity = 'error') AS errors_count,
        count(*) FILTER (WHERE severity = 'warning') AS warnings_count,
        (array_agg(code ORDER BY id) FILTER (WHERE severity = 'error'))[1] AS first_error_code,
        (array_agg(message ORDER BY id) FILTER (WHERE severity = 'error'))[1] AS first_error_message
    FROM ingest.parse_issue
    GROUP BY document_id
)

SELECT
    documents.id AS document_id,
    documents.path AS document_path,
    documents.status,
    documents.status = 'failed' AS is_failed,
    documents.media_type,
    documents.encoding,
    documents.parser_version,
    documents.report_count,
    coalesce(reports.reports_loaded, 0)::integer AS reports_loaded,
    coalesce(reports.primary_reports, 0)::integer AS primary_reports,
    coalesce(issues.errors_count, 0)::integer AS errors_count,
    coalesce(issues.warnings_count, 0)::integer AS warnings_count,
    issues.first_error_code,
    issues.first_error_message,
    documents.last_run_id,
    documents.loaded_at
FROM documents
LEFT JOIN reports ON reports.document_id = documents.id
LEFT JOIN issues ON issues.document_id = documents.id;

COMMENT ON VIEW analytics.document_coverage IS 'One row per input document (by content), including failed ones and files with no report: how many reports were loaded from it, how many are primary, and its first error.';
COMMENT ON COLUMN analytics.document_coverage.document_id IS 'ingest.source_document.id.';
COMMENT ON COLUMN analytics.document_coverage.document_path IS 'Path the content was last seen at.';
COMMENT ON COLUMN analytics.document_coverage.status IS 'loaded (reports written), no_report (decoded but no report found) or failed.';
COMMENT ON COLUMN analytics.document_coverage.is_failed IS 'status = failed: the file could not be decoded or parsed.';
COMMENT ON COLUMN analytics.document_coverage.media_type IS 'Media type detected from the content.';
COMMENT ON COLUMN analytics.document_coverage.encoding IS 'Text encoding detected; NULL when not decoded.';
COMMENT ON COLUMN analytics.document_coverage.parser_version IS 'Parser version that produced the current rows.';
COMMENT ON COLUMN analytics.document_coverage.report_count IS 'Reports the parser found in the file.';
COMMENT ON COLUMN analytics.document_coverage.reports_loaded IS 'Report rows in warehouse.report for this document.';
COMMENT ON COLUMN analytics.document_coverage.primary_reports IS 'Of those, how many are primary (used by the views).';
COMMENT ON COLUMN analytics.document_coverage.errors_count IS 'Error-level parse issues of the document and its reports.';
COMMENT ON COLUMN analytics.document_coverage.warnings_count IS 'Warning-level parse issues of the document and its reports.';
COMMENT ON COLUMN analytics.document_coverage.first_error_code IS 'Code of the first error-level issue, if any.';
COMMENT ON COLUMN analytics.document_coverage.first_error_message IS 'Message of the first error-level issue, if any.';
COMMENT ON COLUMN analytics.document_coverage.last_run_id IS 'Run that last (re)loaded this content.';
COMMENT ON COLUMN analytics.document_coverage.loaded_at IS 'When the current rows were written.';
'''),
]


def _drop(names: list[str]) -> None:
    for name in reversed(names):
        op.execute(f"DROP VIEW IF EXISTS analytics.{name}")


def _create(views: list[tuple[str, str]]) -> None:
    for name, sql in views:
        op.execute(sa.text(sql))
        # views run with their owner's rights: a superuser owner would bypass the region scoping (0006)
        op.execute(f"""DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{VIEW_OWNER}') THEN
            ALTER VIEW analytics.{name} OWNER TO {VIEW_OWNER}; END IF; END $$""")
    op.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO {ANALYST_ROLE}")


def upgrade() -> None:
    _ddl_upgrade()  # first: the views read the new columns
    _drop([name for name, _ in VIEWS])
    _create(VIEWS)


def downgrade() -> None:
    _drop([name for name, _ in VIEWS])
    _create(PREVIOUS_VIEWS)
    _ddl_downgrade()
