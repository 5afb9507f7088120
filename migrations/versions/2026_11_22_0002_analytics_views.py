"""analytics views: headline, peers, trends, wide tables, rollups, quality and coverage

Applies the text of sql/views/*.sql as it was when this revision was written. The copies below are
frozen: a later change to a view is a new revision that embeds the new text (docs/views.md), so
replaying history on an empty database always builds the same objects.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 04:00:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Frozen copies of sql/views/<name>.sql at this revision, in dependency order.
VIEWS = [
    ('check_results', r'''-- analytics.check_results: the consistency checks the parser ran (warehouse.check_result), readable.
-- Grain: one row per report × check × subject.
CREATE VIEW analytics.check_results AS
WITH checks AS (
    SELECT
        id,
        report_id,
        check_name,
        subject,
        status,
        severity,
        left_value,
        right_value,
        difference,
        message
    FROM warehouse.check_result
),

reports AS (
    SELECT
        id,
        document_id,
        agency_id,
        agency_name,
        year,
        is_primary
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
        path
    FROM ingest.source_document
)

SELECT
    checks.id AS check_result_id,
    checks.report_id,
    reports.is_primary,
    reports.agency_id,
    coalesce(agencies.name, reports.agency_name) AS agency_name,
    reports.year,
    documents.path AS document_path,
    checks.check_name,
    checks.subject,
    checks.status,
    checks.severity,
    checks.left_value,
    checks.right_value,
    checks.difference,
    checks.message
FROM checks
INNER JOIN reports ON reports.id = checks.report_id
LEFT JOIN agencies ON agencies.id = reports.agency_id
LEFT JOIN documents ON documents.id = reports.document_id;

COMMENT ON VIEW analytics.check_results IS 'One row per report × consistency check × subject (warehouse.check_result) with the agency, year and document path, so failed identities can be read and traced.';
COMMENT ON COLUMN analytics.check_results.check_result_id IS 'warehouse.check_result.id.';
COMMENT ON COLUMN analytics.check_results.report_id IS 'Report checked.';
COMMENT ON COLUMN analytics.check_results.is_primary IS 'The report is the one views use for its agency and year.';
COMMENT ON COLUMN analytics.check_results.agency_id IS 'Canonical agency; NULL when unknown.';
COMMENT ON COLUMN analytics.check_results.agency_name IS 'Canonical agency name, else the printed name.';
COMMENT ON COLUMN analytics.check_results.year IS 'Data year of the report.';
COMMENT ON COLUMN analytics.check_results.document_path IS 'Path of the document the report was read from.';
COMMENT ON COLUMN analytics.check_results.check_name IS 'Which identity, e.g. t3_balance, t4_group_sum.';
COMMENT ON COLUMN analytics.check_results.subject IS 'Which column or group it was applied to.';
COMMENT ON COLUMN analytics.check_results.status IS 'pass, fail or not_assessable.';
COMMENT ON COLUMN analytics.check_results.severity IS 'error, warning or info: the weight of a fail.';
COMMENT ON COLUMN analytics.check_results.left_value IS 'Left-hand side of the identity.';
COMMENT ON COLUMN analytics.check_results.right_value IS 'Right-hand side of the identity.';
COMMENT ON COLUMN analytics.check_results.difference IS 'left_value − right_value.';
COMMENT ON COLUMN analytics.check_results.message IS 'Explanation of the result.';
'''),
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
    ('open_parse_issues', r'''-- analytics.open_parse_issues: the problems the current parse of each document found.
-- Grain: one row per parse issue. Issues are replaced when a document is re-parsed, so every row
-- in ingest.parse_issue is open: it describes the rows currently loaded.
CREATE VIEW analytics.open_parse_issues AS
WITH issues AS (
    SELECT
        id,
        document_id,
        report_id,
        severity,
        code,
        message,
        start_offset,
        end_offset,
        run_id,
        recorded_at
    FROM ingest.parse_issue
),

documents AS (
    SELECT
        id,
        path,
        status
    FROM ingest.source_document
),

reports AS (
    SELECT
        id,
        agency_id,
        agency_name,
        year,
        text
    FROM warehouse.report
),

agencies AS (
    SELECT
        id,
        name
    FROM warehouse.agency
)

SELECT
    issues.id AS issue_id,
    issues.severity,
    issues.code,
    issues.message,
    issues.document_id,
    documents.path AS document_path,
    documents.status AS document_status,
    issues.report_id,
    reports.agency_id,
    coalesce(agencies.name, reports.agency_name) AS agency_name,
    reports.year,
    issues.start_offset,
    issues.end_offset,
    CASE
        WHEN issues.start_offset IS NOT NULL AND issues.end_offset IS NOT NULL
            THEN left(substr(reports.text, issues.start_offset + 1, issues.end_offset - issues.start_offset), 200)
    END AS excerpt,
    issues.run_id,
    issues.recorded_at
FROM issues
INNER JOIN documents ON documents.id = issues.document_id
LEFT JOIN reports ON reports.id = issues.report_id
LEFT JOIN agencies ON agencies.id = reports.agency_id;

COMMENT ON VIEW analytics.open_parse_issues IS 'One row per parse issue of the current load (issues are replaced when a document is re-parsed), with the document path and, for report-level issues, the agency, year and the text the issue points at.';
COMMENT ON COLUMN analytics.open_parse_issues.issue_id IS 'ingest.parse_issue.id.';
COMMENT ON COLUMN analytics.open_parse_issues.severity IS 'error, warning or info.';
COMMENT ON COLUMN analytics.open_parse_issues.code IS 'Stable identifier of the kind of issue.';
COMMENT ON COLUMN analytics.open_parse_issues.message IS 'What is wrong, in words a user can act on.';
COMMENT ON COLUMN analytics.open_parse_issues.document_id IS 'Document the issue is about.';
COMMENT ON COLUMN analytics.open_parse_issues.document_path IS 'Path of that document.';
COMMENT ON COLUMN analytics.open_parse_issues.document_status IS 'loaded, no_report or failed.';
COMMENT ON COLUMN analytics.open_parse_issues.report_id IS 'Report the issue is about; NULL for file-level issues.';
COMMENT ON COLUMN analytics.open_parse_issues.agency_id IS 'Canonical agency of the report; NULL for file-level issues or unknown agencies.';
COMMENT ON COLUMN analytics.open_parse_issues.agency_name IS 'Canonical agency name, else the printed name.';
COMMENT ON COLUMN analytics.open_parse_issues.year IS 'Data year of the report.';
COMMENT ON COLUMN analytics.open_parse_issues.start_offset IS 'Start of the text the issue points at, in report.text.';
COMMENT ON COLUMN analytics.open_parse_issues.end_offset IS 'End of the text the issue points at.';
COMMENT ON COLUMN analytics.open_parse_issues.excerpt IS 'The text between the offsets (at most 200 characters); NULL without offsets or report.';
COMMENT ON COLUMN analytics.open_parse_issues.run_id IS 'Run that recorded the issue.';
COMMENT ON COLUMN analytics.open_parse_issues.recorded_at IS 'When the issue was recorded.';
'''),
    ('stg_appeals', r'''-- analytics.stg_appeals: staging layer over warehouse.appeals.
-- Grain: one row per report × appeal proceeding × outcome that the report states.
-- A figure printed twice (prose and table, or twice in prose) keeps one row here, chosen by the
-- preference rule: table before prose, printed before inferred, exact before approximate, then the
-- earliest in the text. Every other view reads appeal figures from here, never from the base table.
CREATE VIEW analytics.stg_appeals AS
WITH facts AS (
    SELECT
        id,
        report_id,
        proceeding,
        outcome,
        value,
        unit,
        source,
        is_approximate,
        is_inferred,
        start_offset
    FROM warehouse.appeals
),

ranked AS (
    SELECT
        facts.*,
        row_number() OVER (
            PARTITION BY report_id, proceeding, outcome
            ORDER BY (source = 'table') DESC, is_inferred, is_approximate, start_offset, id
        ) AS preference,
        count(*) OVER (PARTITION BY report_id, proceeding, outcome) AS statements_count,
        min(value) OVER (PARTITION BY report_id, proceeding, outcome) AS min_value,
        max(value) OVER (PARTITION BY report_id, proceeding, outcome) AS max_value
    FROM facts
)

SELECT
    report_id,
    proceeding,
    outcome,
    value,
    unit,
    source,
    is_approximate,
    is_inferred,
    id AS fact_id,
    statements_count::integer AS statements_count,
    min_value <> max_value AS has_conflict
FROM ranked
WHERE preference = 1;

COMMENT ON VIEW analytics.stg_appeals IS 'Staging: one row per report × proceeding × outcome stated, holding the preferred value (table before prose, printed before inferred, exact before approximate, earliest in the text). Figures a report does not state have no row.';
COMMENT ON COLUMN analytics.stg_appeals.report_id IS 'Report that states the figure (warehouse.report.id).';
COMMENT ON COLUMN analytics.stg_appeals.proceeding IS 'review, litigation_direct, litigation_after_review, litigation or complaint (warehouse.proceeding key).';
COMMENT ON COLUMN analytics.stg_appeals.outcome IS 'upheld, corrected, other, pending or total (warehouse.outcome key).';
COMMENT ON COLUMN analytics.stg_appeals.value IS 'The preferred value as stated.';
COMMENT ON COLUMN analytics.stg_appeals.unit IS 'Unit as printed with the preferred value, if any.';
COMMENT ON COLUMN analytics.stg_appeals.source IS 'table or prose: where the preferred value was read.';
COMMENT ON COLUMN analytics.stg_appeals.is_approximate IS 'The preferred value was printed with an approximation marker (余, 多, 近, 约 …).';
COMMENT ON COLUMN analytics.stg_appeals.is_inferred IS 'The preferred value was not printed but forced by a table identity.';
COMMENT ON COLUMN analytics.stg_appeals.fact_id IS 'warehouse.appeals.id of the preferred value: follow it for provenance (span, evidence).';
COMMENT ON COLUMN analytics.stg_appeals.statements_count IS 'How many times the report states this figure (prose and table rows together).';
COMMENT ON COLUMN analytics.stg_appeals.has_conflict IS 'The report states this figure more than once with different values.';
'''),
    ('stg_disclosure', r'''-- analytics.stg_disclosure: staging layer over warehouse.disclosure_counts.
-- Grain: one row per report × proactive-disclosure item that the report states.
-- A figure printed twice (prose and table, or twice in prose) keeps one row here, chosen by the
-- preference rule: table before prose, printed before inferred, exact before approximate, then the
-- earliest in the text. Every other view reads disclosure figures from here, never from the base table.
CREATE VIEW analytics.stg_disclosure AS
WITH facts AS (
    SELECT
        id,
        report_id,
        item,
        value,
        unit,
        source,
        is_approximate,
        is_inferred,
        start_offset
    FROM warehouse.disclosure_counts
),

ranked AS (
    SELECT
        facts.*,
        row_number() OVER (
            PARTITION BY report_id, item
            ORDER BY (source = 'table') DESC, is_inferred, is_approximate, start_offset, id
        ) AS preference,
        count(*) OVER (PARTITION BY report_id, item) AS statements_count,
        min(value) OVER (PARTITION BY report_id, item) AS min_value,
        max(value) OVER (PARTITION BY report_id, item) AS max_value
    FROM facts
)

SELECT
    report_id,
    item,
    value,
    unit,
    source,
    is_approximate,
    is_inferred,
    id AS fact_id,
    statements_count::integer AS statements_count,
    min_value <> max_value AS has_conflict
FROM ranked
WHERE preference = 1;

COMMENT ON VIEW analytics.stg_disclosure IS 'Staging: one row per report × proactive-disclosure item stated, holding the preferred value (table before prose, printed before inferred, exact before approximate, earliest in the text). Figures a report does not state have no row.';
COMMENT ON COLUMN analytics.stg_disclosure.report_id IS 'Report that states the figure (warehouse.report.id).';
COMMENT ON COLUMN analytics.stg_disclosure.item IS 'Table 2 cell or prose measure (warehouse.disclosure_item key).';
COMMENT ON COLUMN analytics.stg_disclosure.value IS 'The preferred value as stated.';
COMMENT ON COLUMN analytics.stg_disclosure.unit IS 'Unit as printed with the preferred value, if any.';
COMMENT ON COLUMN analytics.stg_disclosure.source IS 'table or prose: where the preferred value was read.';
COMMENT ON COLUMN analytics.stg_disclosure.is_approximate IS 'The preferred value was printed with an approximation marker (余, 多, 近, 约 …).';
COMMENT ON COLUMN analytics.stg_disclosure.is_inferred IS 'The preferred value was not printed but forced by a table identity.';
COMMENT ON COLUMN analytics.stg_disclosure.fact_id IS 'warehouse.disclosure_counts.id of the preferred value: follow it for provenance (span, evidence).';
COMMENT ON COLUMN analytics.stg_disclosure.statements_count IS 'How many times the report states this figure (prose and table rows together).';
COMMENT ON COLUMN analytics.stg_disclosure.has_conflict IS 'The report states this figure more than once with different values.';
'''),
    ('stg_requests', r'''-- analytics.stg_requests: staging layer over warehouse.requests.
-- Grain: one row per report × request item × applicant that the report states.
-- A figure printed twice (prose and table, or twice in prose) keeps one row here, chosen by the
-- preference rule: table before prose, printed before inferred, exact before approximate, then the
-- earliest in the text. Every other view reads request figures from here, never from the base table.
CREATE VIEW analytics.stg_requests AS
WITH facts AS (
    SELECT
        id,
        report_id,
        item,
        applicant,
        value,
        unit,
        source,
        is_approximate,
        is_inferred,
        start_offset
    FROM warehouse.requests
),

ranked AS (
    SELECT
        facts.*,
        row_number() OVER (
            PARTITION BY report_id, item, applicant
            ORDER BY (source = 'table') DESC, is_inferred, is_approximate, start_offset, id
        ) AS preference,
        count(*) OVER (PARTITION BY report_id, item, applicant) AS statements_count,
        min(value) OVER (PARTITION BY report_id, item, applicant) AS min_value,
        max(value) OVER (PARTITION BY report_id, item, applicant) AS max_value
    FROM facts
)

SELECT
    report_id,
    item,
    applicant,
    value,
    unit,
    source,
    is_approximate,
    is_inferred,
    id AS fact_id,
    statements_count::integer AS statements_count,
    min_value <> max_value AS has_conflict
FROM ranked
WHERE preference = 1;

COMMENT ON VIEW analytics.stg_requests IS 'Staging: one row per report × request item × applicant stated, holding the preferred value (table before prose, printed before inferred, exact before approximate, earliest in the text). Figures a report does not state have no row.';
COMMENT ON COLUMN analytics.stg_requests.report_id IS 'Report that states the figure (warehouse.report.id).';
COMMENT ON COLUMN analytics.stg_requests.item IS 'Table 3 row or prose measure (warehouse.request_item key).';
COMMENT ON COLUMN analytics.stg_requests.applicant IS 'Applicant column (warehouse.applicant key); total when not broken down.';
COMMENT ON COLUMN analytics.stg_requests.value IS 'The preferred value as stated.';
COMMENT ON COLUMN analytics.stg_requests.unit IS 'Unit as printed with the preferred value, if any.';
COMMENT ON COLUMN analytics.stg_requests.source IS 'table or prose: where the preferred value was read.';
COMMENT ON COLUMN analytics.stg_requests.is_approximate IS 'The preferred value was printed with an approximation marker (余, 多, 近, 约 …).';
COMMENT ON COLUMN analytics.stg_requests.is_inferred IS 'The preferred value was not printed but forced by a table identity.';
COMMENT ON COLUMN analytics.stg_requests.fact_id IS 'warehouse.requests.id of the preferred value: follow it for provenance (span, evidence).';
COMMENT ON COLUMN analytics.stg_requests.statements_count IS 'How many times the report states this figure (prose and table rows together).';
COMMENT ON COLUMN analytics.stg_requests.has_conflict IS 'The report states this figure more than once with different values.';
'''),
    ('report_headline', r'''-- analytics.report_headline: the headline figures of every primary report.
-- Grain: one row per primary report (warehouse.report.is_primary), i.e. one per agency × year.
--
-- Rules (also in docs/views.md):
-- * Values come from analytics.stg_*: a figure stated in both a table and prose takes the table value.
-- * Unknown is NULL, never 0. A figure the report does not state is NULL; a stated 0 is 0.
-- * A group figure (denied, unable, not_processed, other, reviews, lawsuits) is the sum of its stated
--   parts, and NULL when no part is stated. When no part is stated the group figure printed as such
--   (e.g. prose "不予公开3件" → item denied) is used. outcome_rows_missing and table4_cells_missing
--   say how many template cells were blank, so a sum over some parts is never silently taken for a
--   complete one.
-- * other: 2019 template row `other` = 2021 Σ `other.*` (report-format.md §7.3).
-- * Rates divide by NULLIF(denominator, 0): a zero or unknown denominator gives NULL.
CREATE VIEW analytics.report_headline AS
WITH reports AS (
    SELECT
        id,
        document_id,
        agency_id,
        agency_name,
        year,
        format,
        scope,
        level,
        province,
        city,
        county,
        adcode,
        published_on,
        is_truncated
    FROM warehouse.report
    WHERE is_primary
),

agencies AS (
    SELECT
        id,
        name,
        level,
        province,
        city,
        county,
        adcode
    FROM warehouse.agency
),

documents AS (
    SELECT
        id,
        path
    FROM ingest.source_document
),

request_totals AS (
    SELECT
        report_id,
        item,
        value,
        source,
        is_approximate
    FROM analytics.stg_requests
    WHERE applicant = 'total'
),

appeal_values AS (
    SELECT
        report_id,
        proceeding,
        outcome,
        value,
        source,
        is_approximate
    FROM analytics.stg_appeals
),

disclosure_values AS (
    SELECT
        report_id,
        item,
        value,
        source,
        is_approximate
    FROM analytics.stg_disclosure
),

sections AS (
    SELECT
        report_id,
        kind
    FROM warehouse.section
),

measures AS (
    SELECT
        report_id,
        kind
    FROM warehouse.improvement_measures
),

request_figures AS (
    SELECT
        report_id,
        max(value) FILTER (WHERE item = 'new_received') AS new_received,
        max(value) FILTER (WHERE item = 'carried_over') AS carried_over,
        max(value) FILTER (WHERE item = 'total_processed') AS total_processed,
        max(value) FILTER (WHERE item = 'carried_forward') AS carried_forward,
        max(value) FILTER (WHERE item = 'granted') AS granted,
        max(value) FILTER (WHERE item = 'partially_granted') AS partially_granted,
        sum(value) FILTER (WHERE starts_with(item, 'denied.')) AS denied_parts,
        max(value) FILTER (WHERE item = 'denied') AS denied_group,
        sum(value) FILTER (WHERE starts_with(item, 'unable.')) AS unable_parts,
        max(value) FILTER (WHERE item = 'unable') AS unable_group,
        sum(value) FILTER (WHERE starts_with(item, 'not_processed.')) AS not_processed_parts,
        max(value) FILTER (WHERE item = 'not_processed') AS not_processed_group,
        sum(value) FILTER (WHERE starts_with(item, 'other.')) AS other_parts,
        max(value) FILTER (WHERE item = 'other') AS other_single,
        count(*) FILTER (
            WHERE item IN (
                'granted', 'partially_granted',
                'denied.state_secret', 'denied.prohibited_by_law', 'denied.security_stability',
                'denied.third_party_rights', 'denied.internal_affairs', 'denied.process_information',
                'denied.enforcement_file', 'denied.administrative_query',
                'unable.not_held', 'unable.needs_creation', 'unable.still_unclear',
                'not_processed.petition_complaint', 'not_processed.repeat', 'not_processed.publication',
                'not_processed.mass_repetitive', 'not_processed.confirm_or_reissue'
            )
        ) AS common_outcome_rows_stated,
        count(*) FILTER (WHERE item = 'other') AS other_2019_rows_stated,
        count(*) FILTER (WHERE starts_with(item, 'other.')) AS other_2021_rows_stated,
        bool_or(source = 'prose') FILTER (WHERE item <> 'answered' AND split_part(item, '.', 1) NOT IN (
            'legacy', 'received_by'
        )) AS has_prose,
        bool_or(is_approximate) FILTER (WHERE item <> 'answered' AND split_part(item, '.', 1) NOT IN (
            'legacy', 'received_by'
        )) AS has_approximate
    FROM request_totals
    GROUP BY report_id
),

appeal_figures AS (
    SELECT
        report_id,
        max(value) FILTER (WHERE proceeding = 'review' AND outcome = 'total') AS review_total,
        sum(value) FILTER (WHERE proceeding = 'review' AND outcome <> 'total') AS review_parts,
        max(value) FILTER (WHERE proceeding = 'litigation_direct' AND outcome = 'total') AS direct_total,
        sum(value) FILTER (WHERE proceeding = 'litigation_direct' AND outcome <> 'total') AS direct_parts,
        max(value) FILTER (WHERE proceeding = 'litigation_after_review' AND outcome = 'total') AS after_review_total,
        sum(value) FILTER (
            WHERE proceeding = 'litigation_after_review' AND outcome <> 'total'
        ) AS after_review_parts,
        max(value) FILTER (WHERE proceeding = 'litigation' AND outcome = 'total') AS litigation_total,
        sum(value) FILTER (WHERE proceeding = 'litigation' AND outcome <> 'total') AS litigation_parts,
        sum(value) FILTER (WHERE proceeding IN ('review', 'litigation_direct', 'litigation_after_review')
            AND outcome = 'corrected') AS corrected_split,
        max(value) FILTER (WHERE proceeding = 'litigation' AND outcome = 'corrected') AS corrected_litigation,
        count(*) FILTER (
            WHERE proceeding IN ('review', 'litigation_direct', 'litigation_after_review')
        ) AS table4_cells_stated,
        bool_or(source = 'prose') FILTER (WHERE proceeding <> 'complaint') AS has_prose,
        bool_or(is_approximate) FILTER (WHERE proceeding <> 'complaint') AS has_approximate
    FROM appeal_values
    GROUP BY report_id
),

appeal_groups AS (
    SELECT
        report_id,
        coalesce(review_total, review_parts) AS reviews_total,
        coalesce(direct_total, direct_parts) AS direct,
        coalesce(after_review_total, after_review_parts) AS after_review,
        coalesce(litigation_total, litigation_parts) AS litigation,
        corrected_split,
        corrected_litigation,
        table4_cells_stated,
        has_prose,
        has_approximate
    FROM appeal_figures
),

appeal_headline AS (
    SELECT
        report_id,
        reviews_total,
        CASE
            WHEN direct IS NOT NULL OR after_review IS NOT NULL
                THEN coalesce(direct, 0) + coalesce(after_review, 0)
            ELSE litigation
        END AS lawsuits_total,
        CASE
            WHEN direct IS NOT NULL OR after_review IS NOT NULL OR corrected_litigation IS NULL
                THEN corrected_split
            ELSE coalesce(corrected_split, 0) + corrected_litigation
        END AS appeals_corrected,
        table4_cells_stated,
        has_prose,
        has_approximate
    FROM appeal_groups
),

disclosure_figures AS (
    SELECT
        report_id,
        max(value) FILTER (WHERE item = 'proactive.total') AS proactive_total,
        bool_or(source = 'prose') FILTER (WHERE item = 'proactive.total') AS has_prose,
        bool_or(is_approximate) FILTER (WHERE item = 'proactive.total') AS has_approximate
    FROM disclosure_values
    GROUP BY report_id
),

measure_counts AS (
    SELECT
        report_id,
        count(*) FILTER (WHERE kind = 'measure') AS measures_count
    FROM measures
    GROUP BY report_id
),

improvement_sections AS (
    SELECT DISTINCT report_id
    FROM sections
    WHERE kind = 'problems_and_improvements'
),

joined AS (
    SELECT
        reports.id AS report_id,
        reports.document_id,
        documents.path AS document_path,
        reports.agency_id,
        coalesce(agencies.name, reports.agency_name) AS agency_name,
        reports.agency_name AS agency_name_as_printed,
        coalesce(agencies.level, reports.level) AS level,
        coalesce(agencies.province, reports.province) AS province,
        coalesce(agencies.city, reports.city) AS city,
        coalesce(agencies.county, reports.county) AS county,
        coalesce(agencies.adcode, reports.adcode) AS adcode,
        reports.year,
        reports.format,
        CASE reports.format
            WHEN '2019-template' THEN '2019'
            WHEN '2021-template' THEN '2021'
        END AS template_version,
        reports.scope,
        reports.published_on,
        reports.is_truncated,
        request_figures.new_received,
        request_figures.carried_over,
        request_figures.total_processed,
        request_figures.carried_forward,
        request_figures.granted,
        request_figures.partially_granted,
        coalesce(request_figures.denied_parts, request_figures.denied_group) AS denied,
        coalesce(request_figures.unable_parts, request_figures.unable_group) AS unable,
        coalesce(request_figures.not_processed_parts, request_figures.not_processed_group) AS not_processed,
        coalesce(request_figures.other_parts, request_figures.other_single) AS other,
        CASE reports.format
            WHEN '2019-template' THEN 19 - coalesce(request_figures.common_outcome_rows_stated, 0)
                - coalesce(request_figures.other_2019_rows_stated, 0)
            WHEN '2021-template' THEN 21 - coalesce(request_figures.common_outcome_rows_stated, 0)
                - coalesce(request_figures.other_2021_rows_stated, 0)
        END AS outcome_rows_missing,
        appeal_headline.reviews_total,
        appeal_headline.lawsuits_total,
        appeal_headline.appeals_corrected,
        CASE
            WHEN reports.format IN ('2019-template', '2021-template')
                THEN 15 - coalesce(appeal_headline.table4_cells_stated, 0)
        END AS table4_cells_missing,
        disclosure_figures.proactive_total,
        CASE
            WHEN improvement_sections.report_id IS NOT NULL OR measure_counts.report_id IS NOT NULL
                THEN coalesce(measure_counts.measures_count, 0)
        END AS improvement_measures_count,
        coalesce(request_figures.has_prose, FALSE)
        OR coalesce(appeal_headline.has_prose, FALSE)
        OR coalesce(disclosure_figures.has_prose, FALSE) AS has_prose_figures,
        coalesce(request_figures.has_approximate, FALSE)
        OR coalesce(appeal_headline.has_approximate, FALSE)
        OR coalesce(disclosure_figures.has_approximate, FALSE) AS has_approximate_figures
    FROM reports
    LEFT JOIN agencies ON agencies.id = reports.agency_id
    LEFT JOIN documents ON documents.id = reports.document_id
    LEFT JOIN request_figures ON request_figures.report_id = reports.id
    LEFT JOIN appeal_headline ON appeal_headline.report_id = reports.id
    LEFT JOIN disclosure_figures ON disclosure_figures.report_id = reports.id
    LEFT JOIN measure_counts ON measure_counts.report_id = reports.id
    LEFT JOIN improvement_sections ON improvement_sections.report_id = reports.id
)

SELECT
    report_id,
    document_id,
    document_path,
    agency_id,
    agency_name,
    agency_name_as_printed,
    level,
    province,
    city,
    county,
    adcode,
    year,
    format,
    template_version,
    scope,
    published_on,
    is_truncated,
    new_received,
    carried_over,
    total_processed,
    carried_forward,
    granted,
    partially_granted,
    denied,
    unable,
    not_processed,
    other,
    outcome_rows_missing,
    round(granted / nullif(total_processed, 0), 4) AS grant_rate,
    round(denied / nullif(total_processed, 0), 4) AS refusal_rate,
    reviews_total,
    lawsuits_total,
    appeals_corrected,
    table4_cells_missing,
    round(
        appeals_corrected / nullif(
            CASE
                WHEN reviews_total IS NOT NULL OR lawsuits_total IS NOT NULL
                    THEN coalesce(reviews_total, 0) + coalesce(lawsuits_total, 0)
            END, 0
        ), 4
    ) AS corrected_share,
    proactive_total,
    improvement_measures_count,
    num_nonnulls(
        new_received, total_processed, granted, partially_granted, denied, unable, not_processed, other,
        reviews_total, lawsuits_total, proactive_total
    ) AS figures_stated,
    round(
        num_nonnulls(
            new_received, total_processed, granted, partially_granted, denied, unable, not_processed, other,
            reviews_total, lawsuits_total, proactive_total
        ) / 11.0, 4
    ) AS completeness,
    has_prose_figures,
    has_approximate_figures
FROM joined;

COMMENT ON VIEW analytics.report_headline IS 'One row per primary report (one per agency × year): agency, year, template and the headline figures. Table values are preferred over prose values for the same figure; unknown figures are NULL, never 0; a group figure is the sum of its stated parts (NULL when none is stated, then the group figure printed as such); rates are NULL when the denominator is 0 or unknown.';
COMMENT ON COLUMN analytics.report_headline.report_id IS 'Report identifier (warehouse.report.id).';
COMMENT ON COLUMN analytics.report_headline.document_id IS 'Document the report was read from (ingest.source_document.id).';
COMMENT ON COLUMN analytics.report_headline.document_path IS 'Path of the document the report was read from.';
COMMENT ON COLUMN analytics.report_headline.agency_id IS 'Canonical agency (warehouse.agency.id); NULL when the agency is unknown.';
COMMENT ON COLUMN analytics.report_headline.agency_name IS 'Canonical agency name (the same across renames); the printed name when no canonical agency is known.';
COMMENT ON COLUMN analytics.report_headline.agency_name_as_printed IS 'Agency name as this report prints it.';
COMMENT ON COLUMN analytics.report_headline.level IS 'Administrative level: central, province, city, county or township (canonical agency first, else as parsed).';
COMMENT ON COLUMN analytics.report_headline.province IS 'Province-level division; NULL for central bodies or unknown.';
COMMENT ON COLUMN analytics.report_headline.city IS 'Prefecture-level division, if any.';
COMMENT ON COLUMN analytics.report_headline.county IS 'County-level division, if any.';
COMMENT ON COLUMN analytics.report_headline.adcode IS 'GB/T 2260 code of the agency''s region.';
COMMENT ON COLUMN analytics.report_headline.year IS 'Data year the report covers.';
COMMENT ON COLUMN analytics.report_headline.format IS 'Report format: 2019-template, 2021-template, prose or prose+table.';
COMMENT ON COLUMN analytics.report_headline.template_version IS 'Template version of the tables: 2019 or 2021; NULL for prose reports.';
COMMENT ON COLUMN analytics.report_headline.scope IS 'region (a summary of a whole area) or agency (a single agency).';
COMMENT ON COLUMN analytics.report_headline.published_on IS 'Publication date from the signature, if stated.';
COMMENT ON COLUMN analytics.report_headline.is_truncated IS 'The report text is cut off: figures may be missing.';
COMMENT ON COLUMN analytics.report_headline.new_received IS 'Requests newly received this year (Table 3 row 一, total column, or prose).';
COMMENT ON COLUMN analytics.report_headline.carried_over IS 'Requests carried over from the previous year (Table 3 row 二, total column).';
COMMENT ON COLUMN analytics.report_headline.total_processed IS 'Requests processed this year (Table 3 （七）总计, total column).';
COMMENT ON COLUMN analytics.report_headline.carried_forward IS 'Requests carried forward to next year (Table 3 row 四, total column).';
COMMENT ON COLUMN analytics.report_headline.granted IS 'Requests granted in full (予以公开).';
COMMENT ON COLUMN analytics.report_headline.partially_granted IS 'Requests partially granted (部分公开).';
COMMENT ON COLUMN analytics.report_headline.denied IS 'Requests denied (不予公开): Σ of the stated denied.* rows; the group figure denied when no row is stated; NULL when neither is stated.';
COMMENT ON COLUMN analytics.report_headline.unable IS 'Requests the agency could not answer (无法提供): Σ of the stated unable.* rows, else the group figure.';
COMMENT ON COLUMN analytics.report_headline.not_processed IS 'Requests not processed (不予处理): Σ of the stated not_processed.* rows, else the group figure.';
COMMENT ON COLUMN analytics.report_headline.other IS 'Other handling (其他处理): 2021 Σ of the stated other.* rows, else the 2019 single row other.';
COMMENT ON COLUMN analytics.report_headline.outcome_rows_missing IS 'Template outcome rows (（一）…（六）, total column) with no value: 19 rows in 2019, 21 in 2021. Above 0 means the outcome sums above cover only the stated rows. NULL for prose reports.';
COMMENT ON COLUMN analytics.report_headline.grant_rate IS 'granted / total_processed, 4 decimals; NULL when either is unknown or total_processed is 0.';
COMMENT ON COLUMN analytics.report_headline.refusal_rate IS 'denied / total_processed, 4 decimals; NULL when either is unknown or total_processed is 0.';
COMMENT ON COLUMN analytics.report_headline.reviews_total IS 'Administrative reviews (行政复议): the stated total, else Σ of the stated outcomes; NULL when none is stated.';
COMMENT ON COLUMN analytics.report_headline.lawsuits_total IS 'Lawsuits (行政诉讼): litigation_direct + litigation_after_review (each its total, else Σ of its outcomes; a route not stated counts as absent), or the undivided litigation figure when neither route is stated.';
COMMENT ON COLUMN analytics.report_headline.appeals_corrected IS 'Review and lawsuit cases whose result was corrected (结果纠正), over all proceedings except complaints; NULL when not stated.';
COMMENT ON COLUMN analytics.report_headline.table4_cells_missing IS 'Table 4 cells (3 proceedings × 5 outcomes) with no value. Above 0 means reviews_total and lawsuits_total may cover only the stated cells. NULL for prose reports.';
COMMENT ON COLUMN analytics.report_headline.corrected_share IS 'appeals_corrected / (reviews_total + lawsuits_total), counting reviews and lawsuits together as cases; NULL when the denominator is 0 or unknown.';
COMMENT ON COLUMN analytics.report_headline.proactive_total IS 'Items proactively disclosed this year (proactive.total, usually from prose).';
COMMENT ON COLUMN analytics.report_headline.improvement_measures_count IS 'Improvement measures listed; NULL when the report has no problems-and-improvements section and no measures were read.';
COMMENT ON COLUMN analytics.report_headline.figures_stated IS 'How many of the 11 headline figures (new_received, total_processed, granted, partially_granted, denied, unable, not_processed, other, reviews_total, lawsuits_total, proactive_total) are stated.';
COMMENT ON COLUMN analytics.report_headline.completeness IS 'figures_stated / 11, 4 decimals: 1 means every headline figure is stated.';
COMMENT ON COLUMN analytics.report_headline.has_prose_figures IS 'Some headline figure was read from prose (no table value for it).';
COMMENT ON COLUMN analytics.report_headline.has_approximate_figures IS 'Some headline figure was printed as approximate (余, 多, 近, 约 …).';
'''),
    ('agency_trend', r'''-- analytics.agency_trend: each canonical agency against itself over the years.
-- Grain: one row per canonical agency × year with a primary report × headline metric (also when
-- the metric is not stated that year, so the row shows the blank).
-- Gap rule: the previous value is taken with LAG over the agency's reported years, and kept only
-- when the previous reported year is exactly year − 1. If the agency has no primary report for
-- year − 1, previous_value is NULL and previous_reported_year shows how far back the last report is:
-- a missing year is never treated as the previous one.
CREATE VIEW analytics.agency_trend AS
WITH headline AS (
    SELECT
        agency_id,
        agency_name,
        agency_name_as_printed,
        report_id,
        year,
        format,
        new_received,
        total_processed,
        granted,
        partially_granted,
        denied,
        unable,
        not_processed,
        other,
        grant_rate,
        refusal_rate,
        reviews_total,
        lawsuits_total,
        proactive_total
    FROM analytics.report_headline
    WHERE agency_id IS NOT NULL AND year IS NOT NULL
),

metrics AS (
    SELECT
        headline.agency_id,
        headline.agency_name,
        headline.agency_name_as_printed,
        headline.report_id,
        headline.year,
        headline.format,
        metric.metric,
        metric.value
    FROM headline
    CROSS JOIN LATERAL (
        VALUES
            ('new_received', headline.new_received),
            ('total_processed', headline.total_processed),
            ('granted', headline.granted),
            ('partially_granted', headline.partially_granted),
            ('denied', headline.denied),
            ('unable', headline.unable),
            ('not_processed', headline.not_processed),
            ('other', headline.other),
            ('grant_rate', headline.grant_rate),
            ('refusal_rate', headline.refusal_rate),
            ('reviews_total', headline.reviews_total),
            ('lawsuits_total', headline.lawsuits_total),
            ('proactive_total', headline.proactive_total)
    ) AS metric (metric, value)
),

lagged AS (
    SELECT
        metrics.*,
        lag(year) OVER agency_metric AS previous_reported_year,
        lag(value) OVER agency_metric AS previous_reported_value
    FROM metrics
    WINDOW agency_metric AS (PARTITION BY agency_id, metric ORDER BY year)
),

guarded AS (
    SELECT
        lagged.*,
        CASE WHEN previous_reported_year = year - 1 THEN previous_reported_value END AS previous_value
    FROM lagged
)

SELECT
    agency_id,
    agency_name,
    agency_name_as_printed,
    report_id,
    year,
    format,
    metric,
    value,
    previous_reported_year::smallint AS previous_reported_year,
    coalesce(previous_reported_year = year - 1, FALSE) AS has_previous_year,
    previous_value,
    value - previous_value AS change,
    round((value - previous_value) / nullif(previous_value, 0), 4) AS change_ratio
FROM guarded;

COMMENT ON VIEW analytics.agency_trend IS 'One row per canonical agency × reported year × headline metric, with the value of the previous calendar year. A year without a primary report is a gap: the next year''s previous_value is NULL (LAG is used only when the previous reported year is exactly year − 1). Renamed agencies are one canonical agency.';
COMMENT ON COLUMN analytics.agency_trend.agency_id IS 'Canonical agency (warehouse.agency.id).';
COMMENT ON COLUMN analytics.agency_trend.agency_name IS 'Canonical agency name (the same across renames).';
COMMENT ON COLUMN analytics.agency_trend.agency_name_as_printed IS 'The name this year''s report prints (shows renames).';
COMMENT ON COLUMN analytics.agency_trend.report_id IS 'This year''s primary report (warehouse.report.id).';
COMMENT ON COLUMN analytics.agency_trend.year IS 'Data year.';
COMMENT ON COLUMN analytics.agency_trend.format IS 'This year''s report format (a 2019 → 2021 template change shows here).';
COMMENT ON COLUMN analytics.agency_trend.metric IS 'Headline metric (a column name of analytics.report_headline).';
COMMENT ON COLUMN analytics.agency_trend.value IS 'This year''s value; NULL when not stated.';
COMMENT ON COLUMN analytics.agency_trend.previous_reported_year IS 'The agency''s previous year with a primary report, however far back; NULL for its first report.';
COMMENT ON COLUMN analytics.agency_trend.has_previous_year IS 'The agency has a primary report for year − 1.';
COMMENT ON COLUMN analytics.agency_trend.previous_value IS 'The value for year − 1; NULL when that year has no primary report or does not state the metric.';
COMMENT ON COLUMN analytics.agency_trend.change IS 'value − previous_value; NULL when either is unknown.';
COMMENT ON COLUMN analytics.agency_trend.change_ratio IS '(value − previous_value) / previous_value, 4 decimals; NULL when either is unknown or previous_value is 0.';
'''),
    ('carry_over_continuity', r'''-- analytics.carry_over_continuity: do the requests carried forward at the end of year N − 1 come
-- back as carried over at the start of year N (report-format.md §7.4, cross-year identity)?
-- Grain: one row per canonical agency × year with a primary report.
-- Gap rule as in agency_trend: only a primary report of exactly year − 1 is compared.
CREATE VIEW analytics.carry_over_continuity AS
WITH headline AS (
    SELECT
        agency_id,
        agency_name,
        report_id,
        year,
        carried_over,
        carried_forward
    FROM analytics.report_headline
    WHERE agency_id IS NOT NULL AND year IS NOT NULL
),

lagged AS (
    SELECT
        headline.*,
        lag(year) OVER agency_years AS previous_reported_year,
        lag(carried_forward) OVER agency_years AS previous_reported_carried_forward,
        lag(report_id) OVER agency_years AS previous_reported_report_id
    FROM headline
    WINDOW agency_years AS (PARTITION BY agency_id ORDER BY year)
),

compared AS (
    SELECT
        agency_id,
        agency_name,
        year,
        report_id,
        carried_over,
        CASE WHEN previous_reported_year = year - 1 THEN previous_reported_report_id END AS previous_report_id,
        CASE
            WHEN previous_reported_year = year - 1 THEN previous_reported_carried_forward
        END AS previous_carried_forward,
        coalesce(previous_reported_year = year - 1, FALSE) AS has_previous_year
    FROM lagged
)

SELECT
    agency_id,
    agency_name,
    year,
    report_id,
    carried_over,
    previous_report_id,
    previous_carried_forward,
    carried_over - previous_carried_forward AS difference,
    CASE
        WHEN NOT has_previous_year THEN 'previous_year_missing'
        WHEN carried_over IS NULL OR previous_carried_forward IS NULL THEN 'not_stated'
        WHEN carried_over = previous_carried_forward THEN 'match'
        ELSE 'mismatch'
    END AS status
FROM compared;

COMMENT ON VIEW analytics.carry_over_continuity IS 'One row per canonical agency × year with a primary report: carried_over of year N against carried_forward of year N − 1 (warn-level identity: agencies re-base). Only a primary report of exactly year − 1 is compared.';
COMMENT ON COLUMN analytics.carry_over_continuity.agency_id IS 'Canonical agency (warehouse.agency.id).';
COMMENT ON COLUMN analytics.carry_over_continuity.agency_name IS 'Canonical agency name.';
COMMENT ON COLUMN analytics.carry_over_continuity.year IS 'Data year N.';
COMMENT ON COLUMN analytics.carry_over_continuity.report_id IS 'Primary report of year N.';
COMMENT ON COLUMN analytics.carry_over_continuity.carried_over IS 'Requests carried over into year N, as year N''s report states.';
COMMENT ON COLUMN analytics.carry_over_continuity.previous_report_id IS 'Primary report of year N − 1; NULL when there is none.';
COMMENT ON COLUMN analytics.carry_over_continuity.previous_carried_forward IS 'Requests carried forward at the end of year N − 1, as that report states; NULL when unknown or that year is missing.';
COMMENT ON COLUMN analytics.carry_over_continuity.difference IS 'carried_over − previous_carried_forward; NULL when either is unknown.';
COMMENT ON COLUMN analytics.carry_over_continuity.status IS 'match, mismatch, not_stated (a side is unknown) or previous_year_missing (no primary report for year N − 1).';
'''),
    ('peer_comparison', r'''-- analytics.peer_comparison: where an agency stands among its peers in a year.
-- Grain: one row per primary report × headline metric that the report states (an unstated metric
-- has no row, so it is neither ranked nor counted among the peers).
-- Peers: reports of the same year and scope (agency reports are not ranked against region
-- summaries) at the same administrative level, and, separately, in the same province.
CREATE VIEW analytics.peer_comparison AS
WITH headline AS (
    SELECT
        report_id,
        agency_id,
        agency_name,
        year,
        scope,
        level,
        province,
        new_received,
        total_processed,
        granted,
        partially_granted,
        denied,
        grant_rate,
        refusal_rate,
        reviews_total,
        lawsuits_total,
        proactive_total
    FROM analytics.report_headline
),

metrics AS (
    SELECT
        headline.report_id,
        headline.agency_id,
        headline.agency_name,
        headline.year,
        headline.scope,
        headline.level,
        headline.province,
        metric.metric,
        metric.value
    FROM headline
    CROSS JOIN LATERAL (
        VALUES
            ('new_received', headline.new_received),
            ('total_processed', headline.total_processed),
            ('granted', headline.granted),
            ('partially_granted', headline.partially_granted),
            ('denied', headline.denied),
            ('grant_rate', headline.grant_rate),
            ('refusal_rate', headline.refusal_rate),
            ('reviews_total', headline.reviews_total),
            ('lawsuits_total', headline.lawsuits_total),
            ('proactive_total', headline.proactive_total)
    ) AS metric (metric, value)
    WHERE metric.value IS NOT NULL
),

by_level AS (
    SELECT
        metrics.*,
        rank() OVER level_peers AS level_rank,
        percent_rank() OVER level_ascending AS level_percentile,
        count(*) OVER (PARTITION BY year, scope, level, metric) AS level_peers,
        rank() OVER province_peers AS province_rank,
        percent_rank() OVER province_ascending AS province_percentile,
        count(*) OVER (PARTITION BY year, scope, province, metric) AS province_peers
    FROM metrics
    WINDOW
        level_peers AS (PARTITION BY year, scope, level, metric ORDER BY value DESC),
        level_ascending AS (PARTITION BY year, scope, level, metric ORDER BY value),
        province_peers AS (PARTITION BY year, scope, province, metric ORDER BY value DESC),
        province_ascending AS (PARTITION BY year, scope, province, metric ORDER BY value)
)

SELECT
    report_id,
    agency_id,
    agency_name,
    year,
    scope,
    level,
    province,
    metric,
    value,
    CASE WHEN level IS NOT NULL THEN level_rank::integer END AS level_rank,
    CASE WHEN level IS NOT NULL THEN round(level_percentile::numeric, 4) END AS level_percentile,
    CASE WHEN level IS NOT NULL THEN level_peers::integer END AS level_peers,
    CASE WHEN province IS NOT NULL THEN province_rank::integer END AS province_rank,
    CASE WHEN province IS NOT NULL THEN round(province_percentile::numeric, 4) END AS province_percentile,
    CASE WHEN province IS NOT NULL THEN province_peers::integer END AS province_peers
FROM by_level;

COMMENT ON VIEW analytics.peer_comparison IS 'One row per primary report × stated headline metric: rank and percentile among reports of the same year, scope and level, and of the same year, scope and province. Unstated metrics have no row and are not counted as peers.';
COMMENT ON COLUMN analytics.peer_comparison.report_id IS 'Report identifier (warehouse.report.id).';
COMMENT ON COLUMN analytics.peer_comparison.agency_id IS 'Canonical agency (warehouse.agency.id); NULL when unknown.';
COMMENT ON COLUMN analytics.peer_comparison.agency_name IS 'Canonical agency name.';
COMMENT ON COLUMN analytics.peer_comparison.year IS 'Data year.';
COMMENT ON COLUMN analytics.peer_comparison.scope IS 'region or agency; peers always share it.';
COMMENT ON COLUMN analytics.peer_comparison.level IS 'Administrative level; peers for the level columns share it.';
COMMENT ON COLUMN analytics.peer_comparison.province IS 'Province; peers for the province columns share it.';
COMMENT ON COLUMN analytics.peer_comparison.metric IS 'Headline metric (a column name of analytics.report_headline): new_received, total_processed, granted, partially_granted, denied, grant_rate, refusal_rate, reviews_total, lawsuits_total or proactive_total.';
COMMENT ON COLUMN analytics.peer_comparison.value IS 'The metric''s value for this report (never NULL here).';
COMMENT ON COLUMN analytics.peer_comparison.level_rank IS 'Rank among same-level peers, 1 = largest value (ties share a rank); NULL when the level is unknown.';
COMMENT ON COLUMN analytics.peer_comparison.level_percentile IS 'percent_rank among same-level peers, 0 = smallest, 1 = largest, 4 decimals; NULL when the level is unknown.';
COMMENT ON COLUMN analytics.peer_comparison.level_peers IS 'Same-level reports stating this metric, this one included.';
COMMENT ON COLUMN analytics.peer_comparison.province_rank IS 'Rank among same-province peers, 1 = largest value; NULL when the province is unknown or central.';
COMMENT ON COLUMN analytics.peer_comparison.province_percentile IS 'percent_rank among same-province peers, 0 = smallest, 1 = largest, 4 decimals; NULL when the province is unknown.';
COMMENT ON COLUMN analytics.peer_comparison.province_peers IS 'Same-province reports stating this metric, this one included.';
'''),
    ('region_year_rollup', r'''-- analytics.region_year_rollup: totals per region and year, with how many agencies stated each figure.
-- Grain: one row per year × province (region_level = province) and per year × province × city
-- (region_level = city).
-- Inputs: primary reports of scope agency only; region summary reports are aggregates of their
-- area already and would be counted twice.
-- NULL rule: <figure>_sum adds the agencies that state the figure and is NULL when none does;
-- <figure>_agencies says how many did, so a sum over 3 of 40 agencies is never read as a full total.
-- Rates use only the agencies that state both numerator and denominator.
CREATE VIEW analytics.region_year_rollup AS
WITH headline AS (
    SELECT
        report_id,
        agency_id,
        year,
        province,
        city,
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
        province,
        city,
        CASE WHEN grouping(city) = 1 THEN 'province' ELSE 'city' END AS region_level,
        count(*) AS agencies_reporting,
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
    GROUP BY GROUPING SETS ((year, province), (year, province, city))
)

SELECT
    year,
    region_level,
    province,
    city,
    agencies_reporting::integer AS agencies_reporting,
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

COMMENT ON VIEW analytics.region_year_rollup IS 'One row per year × province and per year × province × city: sums of the headline figures over the primary agency-scope reports of the region (region summary reports excluded to avoid double counting), each with the number of agencies that stated it. Unknown figures are never summed as zeros: a sum is NULL when no agency states the figure.';
COMMENT ON COLUMN analytics.region_year_rollup.year IS 'Data year.';
COMMENT ON COLUMN analytics.region_year_rollup.region_level IS 'province (one row per province, all its cities) or city (one row per province × city).';
COMMENT ON COLUMN analytics.region_year_rollup.province IS 'Province-level division; NULL groups central bodies and reports of unknown province.';
COMMENT ON COLUMN analytics.region_year_rollup.city IS 'Prefecture-level division for region_level city (NULL there = no or unknown city); always NULL for region_level province.';
COMMENT ON COLUMN analytics.region_year_rollup.agencies_reporting IS 'Primary agency-scope reports in the region and year (one per agency).';
COMMENT ON COLUMN analytics.region_year_rollup.new_received_sum IS 'Σ new_received (requests newly received) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.region_year_rollup.new_received_agencies IS 'How many agencies state new_received: the coverage of new_received_sum.';
COMMENT ON COLUMN analytics.region_year_rollup.total_processed_sum IS 'Σ total_processed (requests processed) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.region_year_rollup.total_processed_agencies IS 'How many agencies state total_processed: the coverage of total_processed_sum.';
COMMENT ON COLUMN analytics.region_year_rollup.granted_sum IS 'Σ granted (requests granted) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.region_year_rollup.granted_agencies IS 'How many agencies state granted: the coverage of granted_sum.';
COMMENT ON COLUMN analytics.region_year_rollup.partially_granted_sum IS 'Σ partially_granted (requests partially granted) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.region_year_rollup.partially_granted_agencies IS 'How many agencies state partially_granted: the coverage of partially_granted_sum.';
COMMENT ON COLUMN analytics.region_year_rollup.denied_sum IS 'Σ denied (requests denied) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.region_year_rollup.denied_agencies IS 'How many agencies state denied: the coverage of denied_sum.';
COMMENT ON COLUMN analytics.region_year_rollup.unable_sum IS 'Σ unable (requests unable to answer) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.region_year_rollup.unable_agencies IS 'How many agencies state unable: the coverage of unable_sum.';
COMMENT ON COLUMN analytics.region_year_rollup.not_processed_sum IS 'Σ not_processed (requests not processed) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.region_year_rollup.not_processed_agencies IS 'How many agencies state not_processed: the coverage of not_processed_sum.';
COMMENT ON COLUMN analytics.region_year_rollup.other_sum IS 'Σ other (requests with other handling) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.region_year_rollup.other_agencies IS 'How many agencies state other: the coverage of other_sum.';
COMMENT ON COLUMN analytics.region_year_rollup.reviews_total_sum IS 'Σ reviews_total (administrative reviews) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.region_year_rollup.reviews_total_agencies IS 'How many agencies state reviews_total: the coverage of reviews_total_sum.';
COMMENT ON COLUMN analytics.region_year_rollup.lawsuits_total_sum IS 'Σ lawsuits_total (lawsuits) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.region_year_rollup.lawsuits_total_agencies IS 'How many agencies state lawsuits_total: the coverage of lawsuits_total_sum.';
COMMENT ON COLUMN analytics.region_year_rollup.proactive_total_sum IS 'Σ proactive_total (items proactively disclosed) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.region_year_rollup.proactive_total_agencies IS 'How many agencies state proactive_total: the coverage of proactive_total_sum.';
COMMENT ON COLUMN analytics.region_year_rollup.grant_rate IS 'Σ granted / Σ total_processed over the agencies that state both, 4 decimals; NULL when none does or the base is 0.';
COMMENT ON COLUMN analytics.region_year_rollup.refusal_rate IS 'Σ denied / Σ total_processed over the agencies that state both, 4 decimals; NULL when none does or the base is 0.';
'''),
    ('table2_wide', r'''-- analytics.table2_wide: Table 2 (主动公开政府信息情况) wide, for BI tools.
-- Grain: one row per report (primary or not); one column per Table 2 template cell.
-- Values come from analytics.stg_disclosure (table before prose); an unstated cell is NULL.
-- Generated once from the vocabulary, then edited by hand like any view file.
CREATE VIEW analytics.table2_wide AS
WITH reports AS (
    SELECT
        id,
        is_primary,
        agency_id,
        agency_name,
        year,
        format
    FROM warehouse.report
),

agencies AS (
    SELECT
        id,
        name
    FROM warehouse.agency
),

cells AS (
    SELECT
        report_id,
        item,
        value
    FROM analytics.stg_disclosure
),

pivoted AS (
    SELECT
        report_id,
        max(value) FILTER (WHERE item = 'art20_1.regulations.issued') AS art20_1_regulations_issued,
        max(value) FILTER (WHERE item = 'art20_1.regulations.repealed') AS art20_1_regulations_repealed,
        max(value) FILTER (WHERE item = 'art20_1.regulations.in_force') AS art20_1_regulations_in_force,
        max(value) FILTER (WHERE item = 'art20_1.normative_docs.issued') AS art20_1_normative_docs_issued,
        max(value) FILTER (WHERE item = 'art20_1.normative_docs.repealed') AS art20_1_normative_docs_repealed,
        max(value) FILTER (WHERE item = 'art20_1.normative_docs.in_force') AS art20_1_normative_docs_in_force,
        max(value) FILTER (WHERE item = 'art20_5.licensing.decisions') AS art20_5_licensing_decisions,
        max(value) FILTER (WHERE item = 'art20_6.penalty.decisions') AS art20_6_penalty_decisions,
        max(value) FILTER (WHERE item = 'art20_6.coercion.decisions') AS art20_6_coercion_decisions,
        max(value) FILTER (WHERE item = 'art20_8.admin_fees.amount_wan_yuan') AS art20_8_admin_fees_amount_wan_yuan,
        max(value) FILTER (WHERE item = 'art20_1.regulations.made') AS art20_1_regulations_made,
        max(value) FILTER (WHERE item = 'art20_1.regulations.published') AS art20_1_regulations_published,
        max(value) FILTER (WHERE item = 'art20_1.regulations.public_total') AS art20_1_regulations_public_total,
        max(value) FILTER (WHERE item = 'art20_1.normative_docs.made') AS art20_1_normative_docs_made,
        max(value) FILTER (WHERE item = 'art20_1.normative_docs.published') AS art20_1_normative_docs_published,
        max(value) FILTER (WHERE item = 'art20_1.normative_docs.public_total') AS art20_1_normative_docs_public_total,
        max(value) FILTER (WHERE item = 'art20_5.licensing.prev_items') AS art20_5_licensing_prev_items,
        max(value) FILTER (WHERE item = 'art20_5.licensing.change') AS art20_5_licensing_change,
        max(value) FILTER (WHERE item = 'art20_5.other_services.prev_items') AS art20_5_other_services_prev_items,
        max(value) FILTER (WHERE item = 'art20_5.other_services.change') AS art20_5_other_services_change,
        max(value) FILTER (WHERE item = 'art20_5.other_services.decisions') AS art20_5_other_services_decisions,
        max(value) FILTER (WHERE item = 'art20_6.penalty.prev_items') AS art20_6_penalty_prev_items,
        max(value) FILTER (WHERE item = 'art20_6.penalty.change') AS art20_6_penalty_change,
        max(value) FILTER (WHERE item = 'art20_6.coercion.prev_items') AS art20_6_coercion_prev_items,
        max(value) FILTER (WHERE item = 'art20_6.coercion.change') AS art20_6_coercion_change,
        max(value) FILTER (WHERE item = 'art20_8.admin_fees.prev_items') AS art20_8_admin_fees_prev_items,
        max(value) FILTER (WHERE item = 'art20_8.admin_fees.change') AS art20_8_admin_fees_change,
        max(value) FILTER (WHERE item = 'art20_9.central_procurement.projects') AS art20_9_central_procurement_projects,
        max(value) FILTER (WHERE item = 'art20_9.central_procurement.amount') AS art20_9_central_procurement_amount,
        max(value) FILTER (WHERE item = 'art20.other') AS art20_other
    FROM cells
    GROUP BY report_id
)

SELECT
    reports.id AS report_id,
    reports.is_primary AS is_primary,
    reports.agency_id AS agency_id,
    coalesce(agencies.name, reports.agency_name) AS agency_name,
    reports.year AS year,
    reports.format AS format,
    pivoted.art20_1_regulations_issued,
    pivoted.art20_1_regulations_repealed,
    pivoted.art20_1_regulations_in_force,
    pivoted.art20_1_normative_docs_issued,
    pivoted.art20_1_normative_docs_repealed,
    pivoted.art20_1_normative_docs_in_force,
    pivoted.art20_5_licensing_decisions,
    pivoted.art20_6_penalty_decisions,
    pivoted.art20_6_coercion_decisions,
    pivoted.art20_8_admin_fees_amount_wan_yuan,
    pivoted.art20_1_regulations_made,
    pivoted.art20_1_regulations_published,
    pivoted.art20_1_regulations_public_total,
    pivoted.art20_1_normative_docs_made,
    pivoted.art20_1_normative_docs_published,
    pivoted.art20_1_normative_docs_public_total,
    pivoted.art20_5_licensing_prev_items,
    pivoted.art20_5_licensing_change,
    pivoted.art20_5_other_services_prev_items,
    pivoted.art20_5_other_services_change,
    pivoted.art20_5_other_services_decisions,
    pivoted.art20_6_penalty_prev_items,
    pivoted.art20_6_penalty_change,
    pivoted.art20_6_coercion_prev_items,
    pivoted.art20_6_coercion_change,
    pivoted.art20_8_admin_fees_prev_items,
    pivoted.art20_8_admin_fees_change,
    pivoted.art20_9_central_procurement_projects,
    pivoted.art20_9_central_procurement_amount,
    pivoted.art20_other
FROM reports
LEFT JOIN agencies ON agencies.id = reports.agency_id
LEFT JOIN pivoted ON pivoted.report_id = reports.id;

COMMENT ON VIEW analytics.table2_wide IS 'Table 2 (proactive disclosure, Article 20 items) wide for BI tools: one row per report (all reports; filter is_primary), one column per template cell, named after the item key with dots as underscores. 2019 and 2021 columns differ in meaning and are kept apart. NULL = not stated.';
COMMENT ON COLUMN analytics.table2_wide.report_id IS 'Report identifier (warehouse.report.id).';
COMMENT ON COLUMN analytics.table2_wide.is_primary IS 'The report views use for its agency and year.';
COMMENT ON COLUMN analytics.table2_wide.agency_id IS 'Canonical agency (warehouse.agency.id); NULL when unknown.';
COMMENT ON COLUMN analytics.table2_wide.agency_name IS 'Canonical agency name; the printed name when no canonical agency is known.';
COMMENT ON COLUMN analytics.table2_wide.year IS 'Data year; NULL when unknown.';
COMMENT ON COLUMN analytics.table2_wide.format IS 'Report format: 2019-template, 2021-template, prose or prose+table.';
COMMENT ON COLUMN analytics.table2_wide.art20_1_regulations_issued IS 'Table 2 cell art20_1.regulations.issued: Art. 20(1) regulations and normative documents: regulations issued (2021 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_regulations_repealed IS 'Table 2 cell art20_1.regulations.repealed: Art. 20(1) regulations and normative documents: regulations repealed (2021 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_regulations_in_force IS 'Table 2 cell art20_1.regulations.in_force: Art. 20(1) regulations and normative documents: regulations in force (2021 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_normative_docs_issued IS 'Table 2 cell art20_1.normative_docs.issued: Art. 20(1) regulations and normative documents: normative docs issued (2021 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_normative_docs_repealed IS 'Table 2 cell art20_1.normative_docs.repealed: Art. 20(1) regulations and normative documents: normative docs repealed (2021 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_normative_docs_in_force IS 'Table 2 cell art20_1.normative_docs.in_force: Art. 20(1) regulations and normative documents: normative docs in force (2021 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_5_licensing_decisions IS 'Table 2 cell art20_5.licensing.decisions: Art. 20(5) licensing and services: licensing decisions (both templates).';
COMMENT ON COLUMN analytics.table2_wide.art20_6_penalty_decisions IS 'Table 2 cell art20_6.penalty.decisions: Art. 20(6) penalties and coercion: penalty decisions (both templates).';
COMMENT ON COLUMN analytics.table2_wide.art20_6_coercion_decisions IS 'Table 2 cell art20_6.coercion.decisions: Art. 20(6) penalties and coercion: coercion decisions (both templates).';
COMMENT ON COLUMN analytics.table2_wide.art20_8_admin_fees_amount_wan_yuan IS 'Table 2 cell art20_8.admin_fees.amount_wan_yuan: Art. 20(8) administrative fees: admin fees amount wan yuan (2021 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_regulations_made IS 'Table 2 cell art20_1.regulations.made: Art. 20(1) regulations and normative documents: regulations made (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_regulations_published IS 'Table 2 cell art20_1.regulations.published: Art. 20(1) regulations and normative documents: regulations published (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_regulations_public_total IS 'Table 2 cell art20_1.regulations.public_total: Art. 20(1) regulations and normative documents: regulations public total (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_normative_docs_made IS 'Table 2 cell art20_1.normative_docs.made: Art. 20(1) regulations and normative documents: normative docs made (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_normative_docs_published IS 'Table 2 cell art20_1.normative_docs.published: Art. 20(1) regulations and normative documents: normative docs published (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_normative_docs_public_total IS 'Table 2 cell art20_1.normative_docs.public_total: Art. 20(1) regulations and normative documents: normative docs public total (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_5_licensing_prev_items IS 'Table 2 cell art20_5.licensing.prev_items: Art. 20(5) licensing and services: licensing prev items (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_5_licensing_change IS 'Table 2 cell art20_5.licensing.change: Art. 20(5) licensing and services: licensing change (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_5_other_services_prev_items IS 'Table 2 cell art20_5.other_services.prev_items: Art. 20(5) licensing and services: other services prev items (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_5_other_services_change IS 'Table 2 cell art20_5.other_services.change: Art. 20(5) licensing and services: other services change (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_5_other_services_decisions IS 'Table 2 cell art20_5.other_services.decisions: Art. 20(5) licensing and services: other services decisions (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_6_penalty_prev_items IS 'Table 2 cell art20_6.penalty.prev_items: Art. 20(6) penalties and coercion: penalty prev items (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_6_penalty_change IS 'Table 2 cell art20_6.penalty.change: Art. 20(6) penalties and coercion: penalty change (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_6_coercion_prev_items IS 'Table 2 cell art20_6.coercion.prev_items: Art. 20(6) penalties and coercion: coercion prev items (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_6_coercion_change IS 'Table 2 cell art20_6.coercion.change: Art. 20(6) penalties and coercion: coercion change (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_8_admin_fees_prev_items IS 'Table 2 cell art20_8.admin_fees.prev_items: Art. 20(8) administrative fees: admin fees prev items (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_8_admin_fees_change IS 'Table 2 cell art20_8.admin_fees.change: Art. 20(8) administrative fees: admin fees change (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_9_central_procurement_projects IS 'Table 2 cell art20_9.central_procurement.projects: Art. 20(9) central procurement: central procurement projects (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_9_central_procurement_amount IS 'Table 2 cell art20_9.central_procurement.amount: Art. 20(9) central procurement: central procurement amount (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_other IS 'Table 2 cell art20.other: art20: other (extra rows a template variant adds).';
'''),
    ('table3_wide', r'''-- analytics.table3_wide: Table 3 (收到和处理政府信息公开申请情况) wide, for BI tools.
-- Grain: one row per report (primary or not); one column per Table 3 row × applicant column.
-- Values come from analytics.stg_requests (table before prose); an unstated cell is NULL.
-- Generated once from the vocabulary, then edited by hand like any view file.
CREATE VIEW analytics.table3_wide AS
WITH reports AS (
    SELECT
        id,
        is_primary,
        agency_id,
        agency_name,
        year,
        format
    FROM warehouse.report
),

agencies AS (
    SELECT
        id,
        name
    FROM warehouse.agency
),

cells AS (
    SELECT
        report_id,
        item,
        applicant,
        value
    FROM analytics.stg_requests
),

pivoted AS (
    SELECT
        report_id,
        max(value) FILTER (WHERE item = 'new_received' AND applicant = 'natural_person') AS new_received__natural_person,
        max(value) FILTER (WHERE item = 'new_received' AND applicant = 'commercial_enterprise') AS new_received__commercial_enterprise,
        max(value) FILTER (WHERE item = 'new_received' AND applicant = 'research_institution') AS new_received__research_institution,
        max(value) FILTER (WHERE item = 'new_received' AND applicant = 'public_interest_org') AS new_received__public_interest_org,
        max(value) FILTER (WHERE item = 'new_received' AND applicant = 'legal_service_org') AS new_received__legal_service_org,
        max(value) FILTER (WHERE item = 'new_received' AND applicant = 'other_org') AS new_received__other_org,
        max(value) FILTER (WHERE item = 'new_received' AND applicant = 'total') AS new_received__total,
        max(value) FILTER (WHERE item = 'carried_over' AND applicant = 'natural_person') AS carried_over__natural_person,
        max(value) FILTER (WHERE item = 'carried_over' AND applicant = 'commercial_enterprise') AS carried_over__commercial_enterprise,
        max(value) FILTER (WHERE item = 'carried_over' AND applicant = 'research_institution') AS carried_over__research_institution,
        max(value) FILTER (WHERE item = 'carried_over' AND applicant = 'public_interest_org') AS carried_over__public_interest_org,
        max(value) FILTER (WHERE item = 'carried_over' AND applicant = 'legal_service_org') AS carried_over__legal_service_org,
        max(value) FILTER (WHERE item = 'carried_over' AND applicant = 'other_org') AS carried_over__other_org,
        max(value) FILTER (WHERE item = 'carried_over' AND applicant = 'total') AS carried_over__total,
        max(value) FILTER (WHERE item = 'granted' AND applicant = 'natural_person') AS granted__natural_person,
        max(value) FILTER (WHERE item = 'granted' AND applicant = 'commercial_enterprise') AS granted__commercial_enterprise,
        max(value) FILTER (WHERE item = 'granted' AND applicant = 'research_institution') AS granted__research_institution,
        max(value) FILTER (WHERE item = 'granted' AND applicant = 'public_interest_org') AS granted__public_interest_org,
        max(value) FILTER (WHERE item = 'granted' AND applicant = 'legal_service_org') AS granted__legal_service_org,
        max(value) FILTER (WHERE item = 'granted' AND applicant = 'other_org') AS granted__other_org,
        max(value) FILTER (WHERE item = 'granted' AND applicant = 'total') AS granted__total,
        max(value) FILTER (WHERE item = 'partially_granted' AND applicant = 'natural_person') AS partially_granted__natural_person,
        max(value) FILTER (WHERE item = 'partially_granted' AND applicant = 'commercial_enterprise') AS partially_granted__commercial_enterprise,
        max(value) FILTER (WHERE item = 'partially_granted' AND applicant = 'research_institution') AS partially_granted__research_institution,
        max(value) FILTER (WHERE item = 'partially_granted' AND applicant = 'public_interest_org') AS partially_granted__public_interest_org,
        max(value) FILTER (WHERE item = 'partially_granted' AND applicant = 'legal_service_org') AS partially_granted__legal_service_org,
        max(value) FILTER (WHERE item = 'partially_granted' AND applicant = 'other_org') AS partially_granted__other_org,
        max(value) FILTER (WHERE item = 'partially_granted' AND applicant = 'total') AS partially_granted__total,
        max(value) FILTER (WHERE item = 'denied.state_secret' AND applicant = 'natural_person') AS denied_state_secret__natural_person,
        max(value) FILTER (WHERE item = 'denied.state_secret' AND applicant = 'commercial_enterprise') AS denied_state_secret__commercial_enterprise,
        max(value) FILTER (WHERE item = 'denied.state_secret' AND applicant = 'research_institution') AS denied_state_secret__research_institution,
        max(value) FILTER (WHERE item = 'denied.state_secret' AND applicant = 'public_interest_org') AS denied_state_secret__public_interest_org,
        max(value) FILTER (WHERE item = 'denied.state_secret' AND applicant = 'legal_service_org') AS denied_state_secret__legal_service_org,
        max(value) FILTER (WHERE item = 'denied.state_secret' AND applicant = 'other_org') AS denied_state_secret__other_org,
        max(value) FILTER (WHERE item = 'denied.state_secret' AND applicant = 'total') AS denied_state_secret__total,
        max(value) FILTER (WHERE item = 'denied.prohibited_by_law' AND applicant = 'natural_person') AS denied_prohibited_by_law__natural_person,
        max(value) FILTER (WHERE item = 'denied.prohibited_by_law' AND applicant = 'commercial_enterprise') AS denied_prohibited_by_law__commercial_enterprise,
        max(value) FILTER (WHERE item = 'denied.prohibited_by_law' AND applicant = 'research_institution') AS denied_prohibited_by_law__research_institution,
        max(value) FILTER (WHERE item = 'denied.prohibited_by_law' AND applicant = 'public_interest_org') AS denied_prohibited_by_law__public_interest_org,
        max(value) FILTER (WHERE item = 'denied.prohibited_by_law' AND applicant = 'legal_service_org') AS denied_prohibited_by_law__legal_service_org,
        max(value) FILTER (WHERE item = 'denied.prohibited_by_law' AND applicant = 'other_org') AS denied_prohibited_by_law__other_org,
        max(value) FILTER (WHERE item = 'denied.prohibited_by_law' AND applicant = 'total') AS denied_prohibited_by_law__total,
        max(value) FILTER (WHERE item = 'denied.security_stability' AND applicant = 'natural_person') AS denied_security_stability__natural_person,
        max(value) FILTER (WHERE item = 'denied.security_stability' AND applicant = 'commercial_enterprise') AS denied_security_stability__commercial_enterprise,
        max(value) FILTER (WHERE item = 'denied.security_stability' AND applicant = 'research_institution') AS denied_security_stability__research_institution,
        max(value) FILTER (WHERE item = 'denied.security_stability' AND applicant = 'public_interest_org') AS denied_security_stability__public_interest_org,
        max(value) FILTER (WHERE item = 'denied.security_stability' AND applicant = 'legal_service_org') AS denied_security_stability__legal_service_org,
        max(value) FILTER (WHERE item = 'denied.security_stability' AND applicant = 'other_org') AS denied_security_stability__other_org,
        max(value) FILTER (WHERE item = 'denied.security_stability' AND applicant = 'total') AS denied_security_stability__total,
        max(value) FILTER (WHERE item = 'denied.third_party_rights' AND applicant = 'natural_person') AS denied_third_party_rights__natural_person,
        max(value) FILTER (WHERE item = 'denied.third_party_rights' AND applicant = 'commercial_enterprise') AS denied_third_party_rights__commercial_enterprise,
        max(value) FILTER (WHERE item = 'denied.third_party_rights' AND applicant = 'research_institution') AS denied_third_party_rights__research_institution,
        max(value) FILTER (WHERE item = 'denied.third_party_rights' AND applicant = 'public_interest_org') AS denied_third_party_rights__public_interest_org,
        max(value) FILTER (WHERE item = 'denied.third_party_rights' AND applicant = 'legal_service_org') AS denied_third_party_rights__legal_service_org,
        max(value) FILTER (WHERE item = 'denied.third_party_rights' AND applicant = 'other_org') AS denied_third_party_rights__other_org,
        max(value) FILTER (WHERE item = 'denied.third_party_rights' AND applicant = 'total') AS denied_third_party_rights__total,
        max(value) FILTER (WHERE item = 'denied.internal_affairs' AND applicant = 'natural_person') AS denied_internal_affairs__natural_person,
        max(value) FILTER (WHERE item = 'denied.internal_affairs' AND applicant = 'commercial_enterprise') AS denied_internal_affairs__commercial_enterprise,
        max(value) FILTER (WHERE item = 'denied.internal_affairs' AND applicant = 'research_institution') AS denied_internal_affairs__research_institution,
        max(value) FILTER (WHERE item = 'denied.internal_affairs' AND applicant = 'public_interest_org') AS denied_internal_affairs__public_interest_org,
        max(value) FILTER (WHERE item = 'denied.internal_affairs' AND applicant = 'legal_service_org') AS denied_internal_affairs__legal_service_org,
        max(value) FILTER (WHERE item = 'denied.internal_affairs' AND applicant = 'other_org') AS denied_internal_affairs__other_org,
        max(value) FILTER (WHERE item = 'denied.internal_affairs' AND applicant = 'total') AS denied_internal_affairs__total,
        max(value) FILTER (WHERE item = 'denied.process_information' AND applicant = 'natural_person') AS denied_process_information__natural_person,
        max(value) FILTER (WHERE item = 'denied.process_information' AND applicant = 'commercial_enterprise') AS denied_process_information__commercial_enterprise,
        max(value) FILTER (WHERE item = 'denied.process_information' AND applicant = 'research_institution') AS denied_process_information__research_institution,
        max(value) FILTER (WHERE item = 'denied.process_information' AND applicant = 'public_interest_org') AS denied_process_information__public_interest_org,
        max(value) FILTER (WHERE item = 'denied.process_information' AND applicant = 'legal_service_org') AS denied_process_information__legal_service_org,
        max(value) FILTER (WHERE item = 'denied.process_information' AND applicant = 'other_org') AS denied_process_information__other_org,
        max(value) FILTER (WHERE item = 'denied.process_information' AND applicant = 'total') AS denied_process_information__total,
        max(value) FILTER (WHERE item = 'denied.enforcement_file' AND applicant = 'natural_person') AS denied_enforcement_file__natural_person,
        max(value) FILTER (WHERE item = 'denied.enforcement_file' AND applicant = 'commercial_enterprise') AS denied_enforcement_file__commercial_enterprise,
        max(value) FILTER (WHERE item = 'denied.enforcement_file' AND applicant = 'research_institution') AS denied_enforcement_file__research_institution,
        max(value) FILTER (WHERE item = 'denied.enforcement_file' AND applicant = 'public_interest_org') AS denied_enforcement_file__public_interest_org,
        max(value) FILTER (WHERE item = 'denied.enforcement_file' AND applicant = 'legal_service_org') AS denied_enforcement_file__legal_service_org,
        max(value) FILTER (WHERE item = 'denied.enforcement_file' AND applicant = 'other_org') AS denied_enforcement_file__other_org,
        max(value) FILTER (WHERE item = 'denied.enforcement_file' AND applicant = 'total') AS denied_enforcement_file__total,
        max(value) FILTER (WHERE item = 'denied.administrative_query' AND applicant = 'natural_person') AS denied_administrative_query__natural_person,
        max(value) FILTER (WHERE item = 'denied.administrative_query' AND applicant = 'commercial_enterprise') AS denied_administrative_query__commercial_enterprise,
        max(value) FILTER (WHERE item = 'denied.administrative_query' AND applicant = 'research_institution') AS denied_administrative_query__research_institution,
        max(value) FILTER (WHERE item = 'denied.administrative_query' AND applicant = 'public_interest_org') AS denied_administrative_query__public_interest_org,
        max(value) FILTER (WHERE item = 'denied.administrative_query' AND applicant = 'legal_service_org') AS denied_administrative_query__legal_service_org,
        max(value) FILTER (WHERE item = 'denied.administrative_query' AND applicant = 'other_org') AS denied_administrative_query__other_org,
        max(value) FILTER (WHERE item = 'denied.administrative_query' AND applicant = 'total') AS denied_administrative_query__total,
        max(value) FILTER (WHERE item = 'unable.not_held' AND applicant = 'natural_person') AS unable_not_held__natural_person,
        max(value) FILTER (WHERE item = 'unable.not_held' AND applicant = 'commercial_enterprise') AS unable_not_held__commercial_enterprise,
        max(value) FILTER (WHERE item = 'unable.not_held' AND applicant = 'research_institution') AS unable_not_held__research_institution,
        max(value) FILTER (WHERE item = 'unable.not_held' AND applicant = 'public_interest_org') AS unable_not_held__public_interest_org,
        max(value) FILTER (WHERE item = 'unable.not_held' AND applicant = 'legal_service_org') AS unable_not_held__legal_service_org,
        max(value) FILTER (WHERE item = 'unable.not_held' AND applicant = 'other_org') AS unable_not_held__other_org,
        max(value) FILTER (WHERE item = 'unable.not_held' AND applicant = 'total') AS unable_not_held__total,
        max(value) FILTER (WHERE item = 'unable.needs_creation' AND applicant = 'natural_person') AS unable_needs_creation__natural_person,
        max(value) FILTER (WHERE item = 'unable.needs_creation' AND applicant = 'commercial_enterprise') AS unable_needs_creation__commercial_enterprise,
        max(value) FILTER (WHERE item = 'unable.needs_creation' AND applicant = 'research_institution') AS unable_needs_creation__research_institution,
        max(value) FILTER (WHERE item = 'unable.needs_creation' AND applicant = 'public_interest_org') AS unable_needs_creation__public_interest_org,
        max(value) FILTER (WHERE item = 'unable.needs_creation' AND applicant = 'legal_service_org') AS unable_needs_creation__legal_service_org,
        max(value) FILTER (WHERE item = 'unable.needs_creation' AND applicant = 'other_org') AS unable_needs_creation__other_org,
        max(value) FILTER (WHERE item = 'unable.needs_creation' AND applicant = 'total') AS unable_needs_creation__total,
        max(value) FILTER (WHERE item = 'unable.still_unclear' AND applicant = 'natural_person') AS unable_still_unclear__natural_person,
        max(value) FILTER (WHERE item = 'unable.still_unclear' AND applicant = 'commercial_enterprise') AS unable_still_unclear__commercial_enterprise,
        max(value) FILTER (WHERE item = 'unable.still_unclear' AND applicant = 'research_institution') AS unable_still_unclear__research_institution,
        max(value) FILTER (WHERE item = 'unable.still_unclear' AND applicant = 'public_interest_org') AS unable_still_unclear__public_interest_org,
        max(value) FILTER (WHERE item = 'unable.still_unclear' AND applicant = 'legal_service_org') AS unable_still_unclear__legal_service_org,
        max(value) FILTER (WHERE item = 'unable.still_unclear' AND applicant = 'other_org') AS unable_still_unclear__other_org,
        max(value) FILTER (WHERE item = 'unable.still_unclear' AND applicant = 'total') AS unable_still_unclear__total,
        max(value) FILTER (WHERE item = 'not_processed.petition_complaint' AND applicant = 'natural_person') AS not_processed_petition_complaint__natural_person,
        max(value) FILTER (WHERE item = 'not_processed.petition_complaint' AND applicant = 'commercial_enterprise') AS not_processed_petition_complaint__commercial_enterprise,
        max(value) FILTER (WHERE item = 'not_processed.petition_complaint' AND applicant = 'research_institution') AS not_processed_petition_complaint__research_institution,
        max(value) FILTER (WHERE item = 'not_processed.petition_complaint' AND applicant = 'public_interest_org') AS not_processed_petition_complaint__public_interest_org,
        max(value) FILTER (WHERE item = 'not_processed.petition_complaint' AND applicant = 'legal_service_org') AS not_processed_petition_complaint__legal_service_org,
        max(value) FILTER (WHERE item = 'not_processed.petition_complaint' AND applicant = 'other_org') AS not_processed_petition_complaint__other_org,
        max(value) FILTER (WHERE item = 'not_processed.petition_complaint' AND applicant = 'total') AS not_processed_petition_complaint__total,
        max(value) FILTER (WHERE item = 'not_processed.repeat' AND applicant = 'natural_person') AS not_processed_repeat__natural_person,
        max(value) FILTER (WHERE item = 'not_processed.repeat' AND applicant = 'commercial_enterprise') AS not_processed_repeat__commercial_enterprise,
        max(value) FILTER (WHERE item = 'not_processed.repeat' AND applicant = 'research_institution') AS not_processed_repeat__research_institution,
        max(value) FILTER (WHERE item = 'not_processed.repeat' AND applicant = 'public_interest_org') AS not_processed_repeat__public_interest_org,
        max(value) FILTER (WHERE item = 'not_processed.repeat' AND applicant = 'legal_service_org') AS not_processed_repeat__legal_service_org,
        max(value) FILTER (WHERE item = 'not_processed.repeat' AND applicant = 'other_org') AS not_processed_repeat__other_org,
        max(value) FILTER (WHERE item = 'not_processed.repeat' AND applicant = 'total') AS not_processed_repeat__total,
        max(value) FILTER (WHERE item = 'not_processed.publication' AND applicant = 'natural_person') AS not_processed_publication__natural_person,
        max(value) FILTER (WHERE item = 'not_processed.publication' AND applicant = 'commercial_enterprise') AS not_processed_publication__commercial_enterprise,
        max(value) FILTER (WHERE item = 'not_processed.publication' AND applicant = 'research_institution') AS not_processed_publication__research_institution,
        max(value) FILTER (WHERE item = 'not_processed.publication' AND applicant = 'public_interest_org') AS not_processed_publication__public_interest_org,
        max(value) FILTER (WHERE item = 'not_processed.publication' AND applicant = 'legal_service_org') AS not_processed_publication__legal_service_org,
        max(value) FILTER (WHERE item = 'not_processed.publication' AND applicant = 'other_org') AS not_processed_publication__other_org,
        max(value) FILTER (WHERE item = 'not_processed.publication' AND applicant = 'total') AS not_processed_publication__total,
        max(value) FILTER (WHERE item = 'not_processed.mass_repetitive' AND applicant = 'natural_person') AS not_processed_mass_repetitive__natural_person,
        max(value) FILTER (WHERE item = 'not_processed.mass_repetitive' AND applicant = 'commercial_enterprise') AS not_processed_mass_repetitive__commercial_enterprise,
        max(value) FILTER (WHERE item = 'not_processed.mass_repetitive' AND applicant = 'research_institution') AS not_processed_mass_repetitive__research_institution,
        max(value) FILTER (WHERE item = 'not_processed.mass_repetitive' AND applicant = 'public_interest_org') AS not_processed_mass_repetitive__public_interest_org,
        max(value) FILTER (WHERE item = 'not_processed.mass_repetitive' AND applicant = 'legal_service_org') AS not_processed_mass_repetitive__legal_service_org,
        max(value) FILTER (WHERE item = 'not_processed.mass_repetitive' AND applicant = 'other_org') AS not_processed_mass_repetitive__other_org,
        max(value) FILTER (WHERE item = 'not_processed.mass_repetitive' AND applicant = 'total') AS not_processed_mass_repetitive__total,
        max(value) FILTER (WHERE item = 'not_processed.confirm_or_reissue' AND applicant = 'natural_person') AS not_processed_confirm_or_reissue__natural_person,
        max(value) FILTER (WHERE item = 'not_processed.confirm_or_reissue' AND applicant = 'commercial_enterprise') AS not_processed_confirm_or_reissue__commercial_enterprise,
        max(value) FILTER (WHERE item = 'not_processed.confirm_or_reissue' AND applicant = 'research_institution') AS not_processed_confirm_or_reissue__research_institution,
        max(value) FILTER (WHERE item = 'not_processed.confirm_or_reissue' AND applicant = 'public_interest_org') AS not_processed_confirm_or_reissue__public_interest_org,
        max(value) FILTER (WHERE item = 'not_processed.confirm_or_reissue' AND applicant = 'legal_service_org') AS not_processed_confirm_or_reissue__legal_service_org,
        max(value) FILTER (WHERE item = 'not_processed.confirm_or_reissue' AND applicant = 'other_org') AS not_processed_confirm_or_reissue__other_org,
        max(value) FILTER (WHERE item = 'not_processed.confirm_or_reissue' AND applicant = 'total') AS not_processed_confirm_or_reissue__total,
        max(value) FILTER (WHERE item = 'other' AND applicant = 'natural_person') AS other__natural_person,
        max(value) FILTER (WHERE item = 'other' AND applicant = 'commercial_enterprise') AS other__commercial_enterprise,
        max(value) FILTER (WHERE item = 'other' AND applicant = 'research_institution') AS other__research_institution,
        max(value) FILTER (WHERE item = 'other' AND applicant = 'public_interest_org') AS other__public_interest_org,
        max(value) FILTER (WHERE item = 'other' AND applicant = 'legal_service_org') AS other__legal_service_org,
        max(value) FILTER (WHERE item = 'other' AND applicant = 'other_org') AS other__other_org,
        max(value) FILTER (WHERE item = 'other' AND applicant = 'total') AS other__total,
        max(value) FILTER (WHERE item = 'other.overdue_correction' AND applicant = 'natural_person') AS other_overdue_correction__natural_person,
        max(value) FILTER (WHERE item = 'other.overdue_correction' AND applicant = 'commercial_enterprise') AS other_overdue_correction__commercial_enterprise,
        max(value) FILTER (WHERE item = 'other.overdue_correction' AND applicant = 'research_institution') AS other_overdue_correction__research_institution,
        max(value) FILTER (WHERE item = 'other.overdue_correction' AND applicant = 'public_interest_org') AS other_overdue_correction__public_interest_org,
        max(value) FILTER (WHERE item = 'other.overdue_correction' AND applicant = 'legal_service_org') AS other_overdue_correction__legal_service_org,
        max(value) FILTER (WHERE item = 'other.overdue_correction' AND applicant = 'other_org') AS other_overdue_correction__other_org,
        max(value) FILTER (WHERE item = 'other.overdue_correction' AND applicant = 'total') AS other_overdue_correction__total,
        max(value) FILTER (WHERE item = 'other.overdue_fee' AND applicant = 'natural_person') AS other_overdue_fee__natural_person,
        max(value) FILTER (WHERE item = 'other.overdue_fee' AND applicant = 'commercial_enterprise') AS other_overdue_fee__commercial_enterprise,
        max(value) FILTER (WHERE item = 'other.overdue_fee' AND applicant = 'research_institution') AS other_overdue_fee__research_institution,
        max(value) FILTER (WHERE item = 'other.overdue_fee' AND applicant = 'public_interest_org') AS other_overdue_fee__public_interest_org,
        max(value) FILTER (WHERE item = 'other.overdue_fee' AND applicant = 'legal_service_org') AS other_overdue_fee__legal_service_org,
        max(value) FILTER (WHERE item = 'other.overdue_fee' AND applicant = 'other_org') AS other_overdue_fee__other_org,
        max(value) FILTER (WHERE item = 'other.overdue_fee' AND applicant = 'total') AS other_overdue_fee__total,
        max(value) FILTER (WHERE item = 'other.other' AND applicant = 'natural_person') AS other_other__natural_person,
        max(value) FILTER (WHERE item = 'other.other' AND applicant = 'commercial_enterprise') AS other_other__commercial_enterprise,
        max(value) FILTER (WHERE item = 'other.other' AND applicant = 'research_institution') AS other_other__research_institution,
        max(value) FILTER (WHERE item = 'other.other' AND applicant = 'public_interest_org') AS other_other__public_interest_org,
        max(value) FILTER (WHERE item = 'other.other' AND applicant = 'legal_service_org') AS other_other__legal_service_org,
        max(value) FILTER (WHERE item = 'other.other' AND applicant = 'other_org') AS other_other__other_org,
        max(value) FILTER (WHERE item = 'other.other' AND applicant = 'total') AS other_other__total,
        max(value) FILTER (WHERE item = 'total_processed' AND applicant = 'natural_person') AS total_processed__natural_person,
        max(value) FILTER (WHERE item = 'total_processed' AND applicant = 'commercial_enterprise') AS total_processed__commercial_enterprise,
        max(value) FILTER (WHERE item = 'total_processed' AND applicant = 'research_institution') AS total_processed__research_institution,
        max(value) FILTER (WHERE item = 'total_processed' AND applicant = 'public_interest_org') AS total_processed__public_interest_org,
        max(value) FILTER (WHERE item = 'total_processed' AND applicant = 'legal_service_org') AS total_processed__legal_service_org,
        max(value) FILTER (WHERE item = 'total_processed' AND applicant = 'other_org') AS total_processed__other_org,
        max(value) FILTER (WHERE item = 'total_processed' AND applicant = 'total') AS total_processed__total,
        max(value) FILTER (WHERE item = 'carried_forward' AND applicant = 'natural_person') AS carried_forward__natural_person,
        max(value) FILTER (WHERE item = 'carried_forward' AND applicant = 'commercial_enterprise') AS carried_forward__commercial_enterprise,
        max(value) FILTER (WHERE item = 'carried_forward' AND applicant = 'research_institution') AS carried_forward__research_institution,
        max(value) FILTER (WHERE item = 'carried_forward' AND applicant = 'public_interest_org') AS carried_forward__public_interest_org,
        max(value) FILTER (WHERE item = 'carried_forward' AND applicant = 'legal_service_org') AS carried_forward__legal_service_org,
        max(value) FILTER (WHERE item = 'carried_forward' AND applicant = 'other_org') AS carried_forward__other_org,
        max(value) FILTER (WHERE item = 'carried_forward' AND applicant = 'total') AS carried_forward__total
    FROM cells
    GROUP BY report_id
)

SELECT
    reports.id AS report_id,
    reports.is_primary AS is_primary,
    reports.agency_id AS agency_id,
    coalesce(agencies.name, reports.agency_name) AS agency_name,
    reports.year AS year,
    reports.format AS format,
    pivoted.new_received__natural_person,
    pivoted.new_received__commercial_enterprise,
    pivoted.new_received__research_institution,
    pivoted.new_received__public_interest_org,
    pivoted.new_received__legal_service_org,
    pivoted.new_received__other_org,
    pivoted.new_received__total,
    pivoted.carried_over__natural_person,
    pivoted.carried_over__commercial_enterprise,
    pivoted.carried_over__research_institution,
    pivoted.carried_over__public_interest_org,
    pivoted.carried_over__legal_service_org,
    pivoted.carried_over__other_org,
    pivoted.carried_over__total,
    pivoted.granted__natural_person,
    pivoted.granted__commercial_enterprise,
    pivoted.granted__research_institution,
    pivoted.granted__public_interest_org,
    pivoted.granted__legal_service_org,
    pivoted.granted__other_org,
    pivoted.granted__total,
    pivoted.partially_granted__natural_person,
    pivoted.partially_granted__commercial_enterprise,
    pivoted.partially_granted__research_institution,
    pivoted.partially_granted__public_interest_org,
    pivoted.partially_granted__legal_service_org,
    pivoted.partially_granted__other_org,
    pivoted.partially_granted__total,
    pivoted.denied_state_secret__natural_person,
    pivoted.denied_state_secret__commercial_enterprise,
    pivoted.denied_state_secret__research_institution,
    pivoted.denied_state_secret__public_interest_org,
    pivoted.denied_state_secret__legal_service_org,
    pivoted.denied_state_secret__other_org,
    pivoted.denied_state_secret__total,
    pivoted.denied_prohibited_by_law__natural_person,
    pivoted.denied_prohibited_by_law__commercial_enterprise,
    pivoted.denied_prohibited_by_law__research_institution,
    pivoted.denied_prohibited_by_law__public_interest_org,
    pivoted.denied_prohibited_by_law__legal_service_org,
    pivoted.denied_prohibited_by_law__other_org,
    pivoted.denied_prohibited_by_law__total,
    pivoted.denied_security_stability__natural_person,
    pivoted.denied_security_stability__commercial_enterprise,
    pivoted.denied_security_stability__research_institution,
    pivoted.denied_security_stability__public_interest_org,
    pivoted.denied_security_stability__legal_service_org,
    pivoted.denied_security_stability__other_org,
    pivoted.denied_security_stability__total,
    pivoted.denied_third_party_rights__natural_person,
    pivoted.denied_third_party_rights__commercial_enterprise,
    pivoted.denied_third_party_rights__research_institution,
    pivoted.denied_third_party_rights__public_interest_org,
    pivoted.denied_third_party_rights__legal_service_org,
    pivoted.denied_third_party_rights__other_org,
    pivoted.denied_third_party_rights__total,
    pivoted.denied_internal_affairs__natural_person,
    pivoted.denied_internal_affairs__commercial_enterprise,
    pivoted.denied_internal_affairs__research_institution,
    pivoted.denied_internal_affairs__public_interest_org,
    pivoted.denied_internal_affairs__legal_service_org,
    pivoted.denied_internal_affairs__other_org,
    pivoted.denied_internal_affairs__total,
    pivoted.denied_process_information__natural_person,
    pivoted.denied_process_information__commercial_enterprise,
    pivoted.denied_process_information__research_institution,
    pivoted.denied_process_information__public_interest_org,
    pivoted.denied_process_information__legal_service_org,
    pivoted.denied_process_information__other_org,
    pivoted.denied_process_information__total,
    pivoted.denied_enforcement_file__natural_person,
    pivoted.denied_enforcement_file__commercial_enterprise,
    pivoted.denied_enforcement_file__research_institution,
    pivoted.denied_enforcement_file__public_interest_org,
    pivoted.denied_enforcement_file__legal_service_org,
    pivoted.denied_enforcement_file__other_org,
    pivoted.denied_enforcement_file__total,
    pivoted.denied_administrative_query__natural_person,
    pivoted.denied_administrative_query__commercial_enterprise,
    pivoted.denied_administrative_query__research_institution,
    pivoted.denied_administrative_query__public_interest_org,
    pivoted.denied_administrative_query__legal_service_org,
    pivoted.denied_administrative_query__other_org,
    pivoted.denied_administrative_query__total,
    pivoted.unable_not_held__natural_person,
    pivoted.unable_not_held__commercial_enterprise,
    pivoted.unable_not_held__research_institution,
    pivoted.unable_not_held__public_interest_org,
    pivoted.unable_not_held__legal_service_org,
    pivoted.unable_not_held__other_org,
    pivoted.unable_not_held__total,
    pivoted.unable_needs_creation__natural_person,
    pivoted.unable_needs_creation__commercial_enterprise,
    pivoted.unable_needs_creation__research_institution,
    pivoted.unable_needs_creation__public_interest_org,
    pivoted.unable_needs_creation__legal_service_org,
    pivoted.unable_needs_creation__other_org,
    pivoted.unable_needs_creation__total,
    pivoted.unable_still_unclear__natural_person,
    pivoted.unable_still_unclear__commercial_enterprise,
    pivoted.unable_still_unclear__research_institution,
    pivoted.unable_still_unclear__public_interest_org,
    pivoted.unable_still_unclear__legal_service_org,
    pivoted.unable_still_unclear__other_org,
    pivoted.unable_still_unclear__total,
    pivoted.not_processed_petition_complaint__natural_person,
    pivoted.not_processed_petition_complaint__commercial_enterprise,
    pivoted.not_processed_petition_complaint__research_institution,
    pivoted.not_processed_petition_complaint__public_interest_org,
    pivoted.not_processed_petition_complaint__legal_service_org,
    pivoted.not_processed_petition_complaint__other_org,
    pivoted.not_processed_petition_complaint__total,
    pivoted.not_processed_repeat__natural_person,
    pivoted.not_processed_repeat__commercial_enterprise,
    pivoted.not_processed_repeat__research_institution,
    pivoted.not_processed_repeat__public_interest_org,
    pivoted.not_processed_repeat__legal_service_org,
    pivoted.not_processed_repeat__other_org,
    pivoted.not_processed_repeat__total,
    pivoted.not_processed_publication__natural_person,
    pivoted.not_processed_publication__commercial_enterprise,
    pivoted.not_processed_publication__research_institution,
    pivoted.not_processed_publication__public_interest_org,
    pivoted.not_processed_publication__legal_service_org,
    pivoted.not_processed_publication__other_org,
    pivoted.not_processed_publication__total,
    pivoted.not_processed_mass_repetitive__natural_person,
    pivoted.not_processed_mass_repetitive__commercial_enterprise,
    pivoted.not_processed_mass_repetitive__research_institution,
    pivoted.not_processed_mass_repetitive__public_interest_org,
    pivoted.not_processed_mass_repetitive__legal_service_org,
    pivoted.not_processed_mass_repetitive__other_org,
    pivoted.not_processed_mass_repetitive__total,
    pivoted.not_processed_confirm_or_reissue__natural_person,
    pivoted.not_processed_confirm_or_reissue__commercial_enterprise,
    pivoted.not_processed_confirm_or_reissue__research_institution,
    pivoted.not_processed_confirm_or_reissue__public_interest_org,
    pivoted.not_processed_confirm_or_reissue__legal_service_org,
    pivoted.not_processed_confirm_or_reissue__other_org,
    pivoted.not_processed_confirm_or_reissue__total,
    pivoted.other__natural_person,
    pivoted.other__commercial_enterprise,
    pivoted.other__research_institution,
    pivoted.other__public_interest_org,
    pivoted.other__legal_service_org,
    pivoted.other__other_org,
    pivoted.other__total,
    pivoted.other_overdue_correction__natural_person,
    pivoted.other_overdue_correction__commercial_enterprise,
    pivoted.other_overdue_correction__research_institution,
    pivoted.other_overdue_correction__public_interest_org,
    pivoted.other_overdue_correction__legal_service_org,
    pivoted.other_overdue_correction__other_org,
    pivoted.other_overdue_correction__total,
    pivoted.other_overdue_fee__natural_person,
    pivoted.other_overdue_fee__commercial_enterprise,
    pivoted.other_overdue_fee__research_institution,
    pivoted.other_overdue_fee__public_interest_org,
    pivoted.other_overdue_fee__legal_service_org,
    pivoted.other_overdue_fee__other_org,
    pivoted.other_overdue_fee__total,
    pivoted.other_other__natural_person,
    pivoted.other_other__commercial_enterprise,
    pivoted.other_other__research_institution,
    pivoted.other_other__public_interest_org,
    pivoted.other_other__legal_service_org,
    pivoted.other_other__other_org,
    pivoted.other_other__total,
    pivoted.total_processed__natural_person,
    pivoted.total_processed__commercial_enterprise,
    pivoted.total_processed__research_institution,
    pivoted.total_processed__public_interest_org,
    pivoted.total_processed__legal_service_org,
    pivoted.total_processed__other_org,
    pivoted.total_processed__total,
    pivoted.carried_forward__natural_person,
    pivoted.carried_forward__commercial_enterprise,
    pivoted.carried_forward__research_institution,
    pivoted.carried_forward__public_interest_org,
    pivoted.carried_forward__legal_service_org,
    pivoted.carried_forward__other_org,
    pivoted.carried_forward__total
FROM reports
LEFT JOIN agencies ON agencies.id = reports.agency_id
LEFT JOIN pivoted ON pivoted.report_id = reports.id;

COMMENT ON VIEW analytics.table3_wide IS 'Table 3 (requests) wide for BI tools: one row per report (all reports; filter is_primary for one per agency × year), one column per template row × applicant column, named <item>__<applicant> with dots as underscores. 2019 reports fill other__*, 2021 reports fill other_*__* instead. NULL = not stated.';
COMMENT ON COLUMN analytics.table3_wide.report_id IS 'Report identifier (warehouse.report.id).';
COMMENT ON COLUMN analytics.table3_wide.is_primary IS 'The report views use for its agency and year.';
COMMENT ON COLUMN analytics.table3_wide.agency_id IS 'Canonical agency (warehouse.agency.id); NULL when unknown.';
COMMENT ON COLUMN analytics.table3_wide.agency_name IS 'Canonical agency name; the printed name when no canonical agency is known.';
COMMENT ON COLUMN analytics.table3_wide.year IS 'Data year; NULL when unknown.';
COMMENT ON COLUMN analytics.table3_wide.format IS 'Report format: 2019-template, 2021-template, prose or prose+table.';
COMMENT ON COLUMN analytics.table3_wide.new_received__natural_person IS 'Table 3 row 一、本年新收政府信息公开申请数量 (new_received: Requests newly received this year) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.new_received__commercial_enterprise IS 'Table 3 row 一、本年新收政府信息公开申请数量 (new_received: Requests newly received this year) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.new_received__research_institution IS 'Table 3 row 一、本年新收政府信息公开申请数量 (new_received: Requests newly received this year) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.new_received__public_interest_org IS 'Table 3 row 一、本年新收政府信息公开申请数量 (new_received: Requests newly received this year) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.new_received__legal_service_org IS 'Table 3 row 一、本年新收政府信息公开申请数量 (new_received: Requests newly received this year) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.new_received__other_org IS 'Table 3 row 一、本年新收政府信息公开申请数量 (new_received: Requests newly received this year) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.new_received__total IS 'Table 3 row 一、本年新收政府信息公开申请数量 (new_received: Requests newly received this year) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.carried_over__natural_person IS 'Table 3 row 二、上年结转政府信息公开申请数量 (carried_over: Requests carried over from last year) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.carried_over__commercial_enterprise IS 'Table 3 row 二、上年结转政府信息公开申请数量 (carried_over: Requests carried over from last year) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.carried_over__research_institution IS 'Table 3 row 二、上年结转政府信息公开申请数量 (carried_over: Requests carried over from last year) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.carried_over__public_interest_org IS 'Table 3 row 二、上年结转政府信息公开申请数量 (carried_over: Requests carried over from last year) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.carried_over__legal_service_org IS 'Table 3 row 二、上年结转政府信息公开申请数量 (carried_over: Requests carried over from last year) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.carried_over__other_org IS 'Table 3 row 二、上年结转政府信息公开申请数量 (carried_over: Requests carried over from last year) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.carried_over__total IS 'Table 3 row 二、上年结转政府信息公开申请数量 (carried_over: Requests carried over from last year) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.granted__natural_person IS 'Table 3 row （一）予以公开 (granted: Granted in full) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.granted__commercial_enterprise IS 'Table 3 row （一）予以公开 (granted: Granted in full) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.granted__research_institution IS 'Table 3 row （一）予以公开 (granted: Granted in full) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.granted__public_interest_org IS 'Table 3 row （一）予以公开 (granted: Granted in full) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.granted__legal_service_org IS 'Table 3 row （一）予以公开 (granted: Granted in full) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.granted__other_org IS 'Table 3 row （一）予以公开 (granted: Granted in full) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.granted__total IS 'Table 3 row （一）予以公开 (granted: Granted in full) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.partially_granted__natural_person IS 'Table 3 row （二）部分公开 (partially_granted: Partially granted) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.partially_granted__commercial_enterprise IS 'Table 3 row （二）部分公开 (partially_granted: Partially granted) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.partially_granted__research_institution IS 'Table 3 row （二）部分公开 (partially_granted: Partially granted) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.partially_granted__public_interest_org IS 'Table 3 row （二）部分公开 (partially_granted: Partially granted) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.partially_granted__legal_service_org IS 'Table 3 row （二）部分公开 (partially_granted: Partially granted) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.partially_granted__other_org IS 'Table 3 row （二）部分公开 (partially_granted: Partially granted) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.partially_granted__total IS 'Table 3 row （二）部分公开 (partially_granted: Partially granted) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.denied_state_secret__natural_person IS 'Table 3 row 1.属于国家秘密 (denied.state_secret: Denied: state secret) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.denied_state_secret__commercial_enterprise IS 'Table 3 row 1.属于国家秘密 (denied.state_secret: Denied: state secret) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.denied_state_secret__research_institution IS 'Table 3 row 1.属于国家秘密 (denied.state_secret: Denied: state secret) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.denied_state_secret__public_interest_org IS 'Table 3 row 1.属于国家秘密 (denied.state_secret: Denied: state secret) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_state_secret__legal_service_org IS 'Table 3 row 1.属于国家秘密 (denied.state_secret: Denied: state secret) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_state_secret__other_org IS 'Table 3 row 1.属于国家秘密 (denied.state_secret: Denied: state secret) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_state_secret__total IS 'Table 3 row 1.属于国家秘密 (denied.state_secret: Denied: state secret) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.denied_prohibited_by_law__natural_person IS 'Table 3 row 2.其他法律行政法规禁止公开 (denied.prohibited_by_law: Denied: prohibited by other laws and regulations) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.denied_prohibited_by_law__commercial_enterprise IS 'Table 3 row 2.其他法律行政法规禁止公开 (denied.prohibited_by_law: Denied: prohibited by other laws and regulations) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.denied_prohibited_by_law__research_institution IS 'Table 3 row 2.其他法律行政法规禁止公开 (denied.prohibited_by_law: Denied: prohibited by other laws and regulations) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.denied_prohibited_by_law__public_interest_org IS 'Table 3 row 2.其他法律行政法规禁止公开 (denied.prohibited_by_law: Denied: prohibited by other laws and regulations) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_prohibited_by_law__legal_service_org IS 'Table 3 row 2.其他法律行政法规禁止公开 (denied.prohibited_by_law: Denied: prohibited by other laws and regulations) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_prohibited_by_law__other_org IS 'Table 3 row 2.其他法律行政法规禁止公开 (denied.prohibited_by_law: Denied: prohibited by other laws and regulations) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_prohibited_by_law__total IS 'Table 3 row 2.其他法律行政法规禁止公开 (denied.prohibited_by_law: Denied: prohibited by other laws and regulations) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.denied_security_stability__natural_person IS 'Table 3 row 3.危及“三安全一稳定” (denied.security_stability: Denied: endangers security and stability) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.denied_security_stability__commercial_enterprise IS 'Table 3 row 3.危及“三安全一稳定” (denied.security_stability: Denied: endangers security and stability) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.denied_security_stability__research_institution IS 'Table 3 row 3.危及“三安全一稳定” (denied.security_stability: Denied: endangers security and stability) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.denied_security_stability__public_interest_org IS 'Table 3 row 3.危及“三安全一稳定” (denied.security_stability: Denied: endangers security and stability) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_security_stability__legal_service_org IS 'Table 3 row 3.危及“三安全一稳定” (denied.security_stability: Denied: endangers security and stability) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_security_stability__other_org IS 'Table 3 row 3.危及“三安全一稳定” (denied.security_stability: Denied: endangers security and stability) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_security_stability__total IS 'Table 3 row 3.危及“三安全一稳定” (denied.security_stability: Denied: endangers security and stability) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.denied_third_party_rights__natural_person IS 'Table 3 row 4.保护第三方合法权益 (denied.third_party_rights: Denied: protects third-party rights) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.denied_third_party_rights__commercial_enterprise IS 'Table 3 row 4.保护第三方合法权益 (denied.third_party_rights: Denied: protects third-party rights) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.denied_third_party_rights__research_institution IS 'Table 3 row 4.保护第三方合法权益 (denied.third_party_rights: Denied: protects third-party rights) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.denied_third_party_rights__public_interest_org IS 'Table 3 row 4.保护第三方合法权益 (denied.third_party_rights: Denied: protects third-party rights) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_third_party_rights__legal_service_org IS 'Table 3 row 4.保护第三方合法权益 (denied.third_party_rights: Denied: protects third-party rights) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_third_party_rights__other_org IS 'Table 3 row 4.保护第三方合法权益 (denied.third_party_rights: Denied: protects third-party rights) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_third_party_rights__total IS 'Table 3 row 4.保护第三方合法权益 (denied.third_party_rights: Denied: protects third-party rights) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.denied_internal_affairs__natural_person IS 'Table 3 row 5.属于三类内部事务信息 (denied.internal_affairs: Denied: internal affairs information) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.denied_internal_affairs__commercial_enterprise IS 'Table 3 row 5.属于三类内部事务信息 (denied.internal_affairs: Denied: internal affairs information) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.denied_internal_affairs__research_institution IS 'Table 3 row 5.属于三类内部事务信息 (denied.internal_affairs: Denied: internal affairs information) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.denied_internal_affairs__public_interest_org IS 'Table 3 row 5.属于三类内部事务信息 (denied.internal_affairs: Denied: internal affairs information) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_internal_affairs__legal_service_org IS 'Table 3 row 5.属于三类内部事务信息 (denied.internal_affairs: Denied: internal affairs information) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_internal_affairs__other_org IS 'Table 3 row 5.属于三类内部事务信息 (denied.internal_affairs: Denied: internal affairs information) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_internal_affairs__total IS 'Table 3 row 5.属于三类内部事务信息 (denied.internal_affairs: Denied: internal affairs information) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.denied_process_information__natural_person IS 'Table 3 row 6.属于四类过程性信息 (denied.process_information: Denied: process information) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.denied_process_information__commercial_enterprise IS 'Table 3 row 6.属于四类过程性信息 (denied.process_information: Denied: process information) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.denied_process_information__research_institution IS 'Table 3 row 6.属于四类过程性信息 (denied.process_information: Denied: process information) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.denied_process_information__public_interest_org IS 'Table 3 row 6.属于四类过程性信息 (denied.process_information: Denied: process information) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_process_information__legal_service_org IS 'Table 3 row 6.属于四类过程性信息 (denied.process_information: Denied: process information) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_process_information__other_org IS 'Table 3 row 6.属于四类过程性信息 (denied.process_information: Denied: process information) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_process_information__total IS 'Table 3 row 6.属于四类过程性信息 (denied.process_information: Denied: process information) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.denied_enforcement_file__natural_person IS 'Table 3 row 7.属于行政执法案卷 (denied.enforcement_file: Denied: administrative enforcement file) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.denied_enforcement_file__commercial_enterprise IS 'Table 3 row 7.属于行政执法案卷 (denied.enforcement_file: Denied: administrative enforcement file) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.denied_enforcement_file__research_institution IS 'Table 3 row 7.属于行政执法案卷 (denied.enforcement_file: Denied: administrative enforcement file) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.denied_enforcement_file__public_interest_org IS 'Table 3 row 7.属于行政执法案卷 (denied.enforcement_file: Denied: administrative enforcement file) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_enforcement_file__legal_service_org IS 'Table 3 row 7.属于行政执法案卷 (denied.enforcement_file: Denied: administrative enforcement file) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_enforcement_file__other_org IS 'Table 3 row 7.属于行政执法案卷 (denied.enforcement_file: Denied: administrative enforcement file) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_enforcement_file__total IS 'Table 3 row 7.属于行政执法案卷 (denied.enforcement_file: Denied: administrative enforcement file) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.denied_administrative_query__natural_person IS 'Table 3 row 8.属于行政查询事项 (denied.administrative_query: Denied: administrative query matter) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.denied_administrative_query__commercial_enterprise IS 'Table 3 row 8.属于行政查询事项 (denied.administrative_query: Denied: administrative query matter) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.denied_administrative_query__research_institution IS 'Table 3 row 8.属于行政查询事项 (denied.administrative_query: Denied: administrative query matter) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.denied_administrative_query__public_interest_org IS 'Table 3 row 8.属于行政查询事项 (denied.administrative_query: Denied: administrative query matter) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_administrative_query__legal_service_org IS 'Table 3 row 8.属于行政查询事项 (denied.administrative_query: Denied: administrative query matter) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_administrative_query__other_org IS 'Table 3 row 8.属于行政查询事项 (denied.administrative_query: Denied: administrative query matter) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_administrative_query__total IS 'Table 3 row 8.属于行政查询事项 (denied.administrative_query: Denied: administrative query matter) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.unable_not_held__natural_person IS 'Table 3 row 1.本机关不掌握相关政府信息 (unable.not_held: Unable: agency does not hold the information) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.unable_not_held__commercial_enterprise IS 'Table 3 row 1.本机关不掌握相关政府信息 (unable.not_held: Unable: agency does not hold the information) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.unable_not_held__research_institution IS 'Table 3 row 1.本机关不掌握相关政府信息 (unable.not_held: Unable: agency does not hold the information) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.unable_not_held__public_interest_org IS 'Table 3 row 1.本机关不掌握相关政府信息 (unable.not_held: Unable: agency does not hold the information) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.unable_not_held__legal_service_org IS 'Table 3 row 1.本机关不掌握相关政府信息 (unable.not_held: Unable: agency does not hold the information) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.unable_not_held__other_org IS 'Table 3 row 1.本机关不掌握相关政府信息 (unable.not_held: Unable: agency does not hold the information) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.unable_not_held__total IS 'Table 3 row 1.本机关不掌握相关政府信息 (unable.not_held: Unable: agency does not hold the information) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.unable_needs_creation__natural_person IS 'Table 3 row 2.没有现成信息需要另行制作 (unable.needs_creation: Unable: would need to be newly created) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.unable_needs_creation__commercial_enterprise IS 'Table 3 row 2.没有现成信息需要另行制作 (unable.needs_creation: Unable: would need to be newly created) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.unable_needs_creation__research_institution IS 'Table 3 row 2.没有现成信息需要另行制作 (unable.needs_creation: Unable: would need to be newly created) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.unable_needs_creation__public_interest_org IS 'Table 3 row 2.没有现成信息需要另行制作 (unable.needs_creation: Unable: would need to be newly created) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.unable_needs_creation__legal_service_org IS 'Table 3 row 2.没有现成信息需要另行制作 (unable.needs_creation: Unable: would need to be newly created) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.unable_needs_creation__other_org IS 'Table 3 row 2.没有现成信息需要另行制作 (unable.needs_creation: Unable: would need to be newly created) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.unable_needs_creation__total IS 'Table 3 row 2.没有现成信息需要另行制作 (unable.needs_creation: Unable: would need to be newly created) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.unable_still_unclear__natural_person IS 'Table 3 row 3.补正后申请内容仍不明确 (unable.still_unclear: Unable: still unclear after correction) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.unable_still_unclear__commercial_enterprise IS 'Table 3 row 3.补正后申请内容仍不明确 (unable.still_unclear: Unable: still unclear after correction) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.unable_still_unclear__research_institution IS 'Table 3 row 3.补正后申请内容仍不明确 (unable.still_unclear: Unable: still unclear after correction) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.unable_still_unclear__public_interest_org IS 'Table 3 row 3.补正后申请内容仍不明确 (unable.still_unclear: Unable: still unclear after correction) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.unable_still_unclear__legal_service_org IS 'Table 3 row 3.补正后申请内容仍不明确 (unable.still_unclear: Unable: still unclear after correction) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.unable_still_unclear__other_org IS 'Table 3 row 3.补正后申请内容仍不明确 (unable.still_unclear: Unable: still unclear after correction) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.unable_still_unclear__total IS 'Table 3 row 3.补正后申请内容仍不明确 (unable.still_unclear: Unable: still unclear after correction) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_petition_complaint__natural_person IS 'Table 3 row 1.信访举报投诉类申请 (not_processed.petition_complaint: Not processed: petition or complaint) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_petition_complaint__commercial_enterprise IS 'Table 3 row 1.信访举报投诉类申请 (not_processed.petition_complaint: Not processed: petition or complaint) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_petition_complaint__research_institution IS 'Table 3 row 1.信访举报投诉类申请 (not_processed.petition_complaint: Not processed: petition or complaint) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_petition_complaint__public_interest_org IS 'Table 3 row 1.信访举报投诉类申请 (not_processed.petition_complaint: Not processed: petition or complaint) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_petition_complaint__legal_service_org IS 'Table 3 row 1.信访举报投诉类申请 (not_processed.petition_complaint: Not processed: petition or complaint) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_petition_complaint__other_org IS 'Table 3 row 1.信访举报投诉类申请 (not_processed.petition_complaint: Not processed: petition or complaint) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_petition_complaint__total IS 'Table 3 row 1.信访举报投诉类申请 (not_processed.petition_complaint: Not processed: petition or complaint) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_repeat__natural_person IS 'Table 3 row 2.重复申请 (not_processed.repeat: Not processed: repeat request) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_repeat__commercial_enterprise IS 'Table 3 row 2.重复申请 (not_processed.repeat: Not processed: repeat request) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_repeat__research_institution IS 'Table 3 row 2.重复申请 (not_processed.repeat: Not processed: repeat request) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_repeat__public_interest_org IS 'Table 3 row 2.重复申请 (not_processed.repeat: Not processed: repeat request) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_repeat__legal_service_org IS 'Table 3 row 2.重复申请 (not_processed.repeat: Not processed: repeat request) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_repeat__other_org IS 'Table 3 row 2.重复申请 (not_processed.repeat: Not processed: repeat request) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_repeat__total IS 'Table 3 row 2.重复申请 (not_processed.repeat: Not processed: repeat request) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_publication__natural_person IS 'Table 3 row 3.要求提供公开出版物 (not_processed.publication: Not processed: asks for a publication) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_publication__commercial_enterprise IS 'Table 3 row 3.要求提供公开出版物 (not_processed.publication: Not processed: asks for a publication) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_publication__research_institution IS 'Table 3 row 3.要求提供公开出版物 (not_processed.publication: Not processed: asks for a publication) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_publication__public_interest_org IS 'Table 3 row 3.要求提供公开出版物 (not_processed.publication: Not processed: asks for a publication) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_publication__legal_service_org IS 'Table 3 row 3.要求提供公开出版物 (not_processed.publication: Not processed: asks for a publication) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_publication__other_org IS 'Table 3 row 3.要求提供公开出版物 (not_processed.publication: Not processed: asks for a publication) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_publication__total IS 'Table 3 row 3.要求提供公开出版物 (not_processed.publication: Not processed: asks for a publication) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_mass_repetitive__natural_person IS 'Table 3 row 4.无正当理由大量反复申请 (not_processed.mass_repetitive: Not processed: mass repetitive requests) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_mass_repetitive__commercial_enterprise IS 'Table 3 row 4.无正当理由大量反复申请 (not_processed.mass_repetitive: Not processed: mass repetitive requests) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_mass_repetitive__research_institution IS 'Table 3 row 4.无正当理由大量反复申请 (not_processed.mass_repetitive: Not processed: mass repetitive requests) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_mass_repetitive__public_interest_org IS 'Table 3 row 4.无正当理由大量反复申请 (not_processed.mass_repetitive: Not processed: mass repetitive requests) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_mass_repetitive__legal_service_org IS 'Table 3 row 4.无正当理由大量反复申请 (not_processed.mass_repetitive: Not processed: mass repetitive requests) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_mass_repetitive__other_org IS 'Table 3 row 4.无正当理由大量反复申请 (not_processed.mass_repetitive: Not processed: mass repetitive requests) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_mass_repetitive__total IS 'Table 3 row 4.无正当理由大量反复申请 (not_processed.mass_repetitive: Not processed: mass repetitive requests) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_confirm_or_reissue__natural_person IS 'Table 3 row 5.要求行政机关确认或重新出具已获取信息 (not_processed.confirm_or_reissue: Not processed: confirm or reissue obtained information) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_confirm_or_reissue__commercial_enterprise IS 'Table 3 row 5.要求行政机关确认或重新出具已获取信息 (not_processed.confirm_or_reissue: Not processed: confirm or reissue obtained information) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_confirm_or_reissue__research_institution IS 'Table 3 row 5.要求行政机关确认或重新出具已获取信息 (not_processed.confirm_or_reissue: Not processed: confirm or reissue obtained information) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_confirm_or_reissue__public_interest_org IS 'Table 3 row 5.要求行政机关确认或重新出具已获取信息 (not_processed.confirm_or_reissue: Not processed: confirm or reissue obtained information) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_confirm_or_reissue__legal_service_org IS 'Table 3 row 5.要求行政机关确认或重新出具已获取信息 (not_processed.confirm_or_reissue: Not processed: confirm or reissue obtained information) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_confirm_or_reissue__other_org IS 'Table 3 row 5.要求行政机关确认或重新出具已获取信息 (not_processed.confirm_or_reissue: Not processed: confirm or reissue obtained information) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_confirm_or_reissue__total IS 'Table 3 row 5.要求行政机关确认或重新出具已获取信息 (not_processed.confirm_or_reissue: Not processed: confirm or reissue obtained information) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.other__natural_person IS 'Table 3 row （六）其他处理 (other: Other handling (2019 template, single row)) (2019 template only) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.other__commercial_enterprise IS 'Table 3 row （六）其他处理 (other: Other handling (2019 template, single row)) (2019 template only) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.other__research_institution IS 'Table 3 row （六）其他处理 (other: Other handling (2019 template, single row)) (2019 template only) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.other__public_interest_org IS 'Table 3 row （六）其他处理 (other: Other handling (2019 template, single row)) (2019 template only) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.other__legal_service_org IS 'Table 3 row （六）其他处理 (other: Other handling (2019 template, single row)) (2019 template only) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.other__other_org IS 'Table 3 row （六）其他处理 (other: Other handling (2019 template, single row)) (2019 template only) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.other__total IS 'Table 3 row （六）其他处理 (other: Other handling (2019 template, single row)) (2019 template only) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_correction__natural_person IS 'Table 3 row 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 (other.overdue_correction: Other: applicant did not correct in time) (2021 template only) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_correction__commercial_enterprise IS 'Table 3 row 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 (other.overdue_correction: Other: applicant did not correct in time) (2021 template only) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_correction__research_institution IS 'Table 3 row 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 (other.overdue_correction: Other: applicant did not correct in time) (2021 template only) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_correction__public_interest_org IS 'Table 3 row 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 (other.overdue_correction: Other: applicant did not correct in time) (2021 template only) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_correction__legal_service_org IS 'Table 3 row 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 (other.overdue_correction: Other: applicant did not correct in time) (2021 template only) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_correction__other_org IS 'Table 3 row 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 (other.overdue_correction: Other: applicant did not correct in time) (2021 template only) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_correction__total IS 'Table 3 row 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 (other.overdue_correction: Other: applicant did not correct in time) (2021 template only) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_fee__natural_person IS 'Table 3 row 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 (other.overdue_fee: Other: applicant did not pay the fee in time) (2021 template only) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_fee__commercial_enterprise IS 'Table 3 row 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 (other.overdue_fee: Other: applicant did not pay the fee in time) (2021 template only) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_fee__research_institution IS 'Table 3 row 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 (other.overdue_fee: Other: applicant did not pay the fee in time) (2021 template only) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_fee__public_interest_org IS 'Table 3 row 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 (other.overdue_fee: Other: applicant did not pay the fee in time) (2021 template only) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_fee__legal_service_org IS 'Table 3 row 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 (other.overdue_fee: Other: applicant did not pay the fee in time) (2021 template only) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_fee__other_org IS 'Table 3 row 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 (other.overdue_fee: Other: applicant did not pay the fee in time) (2021 template only) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_fee__total IS 'Table 3 row 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 (other.overdue_fee: Other: applicant did not pay the fee in time) (2021 template only) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.other_other__natural_person IS 'Table 3 row 3.其他 (other.other: Other: other) (2021 template only) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.other_other__commercial_enterprise IS 'Table 3 row 3.其他 (other.other: Other: other) (2021 template only) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.other_other__research_institution IS 'Table 3 row 3.其他 (other.other: Other: other) (2021 template only) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.other_other__public_interest_org IS 'Table 3 row 3.其他 (other.other: Other: other) (2021 template only) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.other_other__legal_service_org IS 'Table 3 row 3.其他 (other.other: Other: other) (2021 template only) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.other_other__other_org IS 'Table 3 row 3.其他 (other.other: Other: other) (2021 template only) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.other_other__total IS 'Table 3 row 3.其他 (other.other: Other: other) (2021 template only) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.total_processed__natural_person IS 'Table 3 row （七）总计 (total_processed: Total processed this year) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.total_processed__commercial_enterprise IS 'Table 3 row （七）总计 (total_processed: Total processed this year) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.total_processed__research_institution IS 'Table 3 row （七）总计 (total_processed: Total processed this year) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.total_processed__public_interest_org IS 'Table 3 row （七）总计 (total_processed: Total processed this year) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.total_processed__legal_service_org IS 'Table 3 row （七）总计 (total_processed: Total processed this year) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.total_processed__other_org IS 'Table 3 row （七）总计 (total_processed: Total processed this year) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.total_processed__total IS 'Table 3 row （七）总计 (total_processed: Total processed this year) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.carried_forward__natural_person IS 'Table 3 row 四、结转下年度继续办理 (carried_forward: Carried forward to next year) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.carried_forward__commercial_enterprise IS 'Table 3 row 四、结转下年度继续办理 (carried_forward: Carried forward to next year) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.carried_forward__research_institution IS 'Table 3 row 四、结转下年度继续办理 (carried_forward: Carried forward to next year) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.carried_forward__public_interest_org IS 'Table 3 row 四、结转下年度继续办理 (carried_forward: Carried forward to next year) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.carried_forward__legal_service_org IS 'Table 3 row 四、结转下年度继续办理 (carried_forward: Carried forward to next year) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.carried_forward__other_org IS 'Table 3 row 四、结转下年度继续办理 (carried_forward: Carried forward to next year) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.carried_forward__total IS 'Table 3 row 四、结转下年度继续办理 (carried_forward: Carried forward to next year) × column 总计 (total).';
'''),
    ('table4_wide', r'''-- analytics.table4_wide: Table 4 (行政复议、行政诉讼情况) wide, for BI tools.
-- Grain: one row per report (primary or not); one column per proceeding × outcome.
-- Values come from analytics.stg_appeals (table before prose); an unstated cell is NULL.
-- Generated once from the vocabulary, then edited by hand like any view file.
CREATE VIEW analytics.table4_wide AS
WITH reports AS (
    SELECT
        id,
        is_primary,
        agency_id,
        agency_name,
        year,
        format
    FROM warehouse.report
),

agencies AS (
    SELECT
        id,
        name
    FROM warehouse.agency
),

cells AS (
    SELECT
        report_id,
        proceeding,
        outcome,
        value
    FROM analytics.stg_appeals
),

pivoted AS (
    SELECT
        report_id,
        max(value) FILTER (WHERE proceeding = 'review' AND outcome = 'upheld') AS review__upheld,
        max(value) FILTER (WHERE proceeding = 'review' AND outcome = 'corrected') AS review__corrected,
        max(value) FILTER (WHERE proceeding = 'review' AND outcome = 'other') AS review__other,
        max(value) FILTER (WHERE proceeding = 'review' AND outcome = 'pending') AS review__pending,
        max(value) FILTER (WHERE proceeding = 'review' AND outcome = 'total') AS review__total,
        max(value) FILTER (WHERE proceeding = 'litigation_direct' AND outcome = 'upheld') AS litigation_direct__upheld,
        max(value) FILTER (WHERE proceeding = 'litigation_direct' AND outcome = 'corrected') AS litigation_direct__corrected,
        max(value) FILTER (WHERE proceeding = 'litigation_direct' AND outcome = 'other') AS litigation_direct__other,
        max(value) FILTER (WHERE proceeding = 'litigation_direct' AND outcome = 'pending') AS litigation_direct__pending,
        max(value) FILTER (WHERE proceeding = 'litigation_direct' AND outcome = 'total') AS litigation_direct__total,
        max(value) FILTER (WHERE proceeding = 'litigation_after_review' AND outcome = 'upheld') AS litigation_after_review__upheld,
        max(value) FILTER (WHERE proceeding = 'litigation_after_review' AND outcome = 'corrected') AS litigation_after_review__corrected,
        max(value) FILTER (WHERE proceeding = 'litigation_after_review' AND outcome = 'other') AS litigation_after_review__other,
        max(value) FILTER (WHERE proceeding = 'litigation_after_review' AND outcome = 'pending') AS litigation_after_review__pending,
        max(value) FILTER (WHERE proceeding = 'litigation_after_review' AND outcome = 'total') AS litigation_after_review__total,
        max(value) FILTER (WHERE proceeding = 'litigation' AND outcome = 'upheld') AS litigation__upheld,
        max(value) FILTER (WHERE proceeding = 'litigation' AND outcome = 'corrected') AS litigation__corrected,
        max(value) FILTER (WHERE proceeding = 'litigation' AND outcome = 'other') AS litigation__other,
        max(value) FILTER (WHERE proceeding = 'litigation' AND outcome = 'pending') AS litigation__pending,
        max(value) FILTER (WHERE proceeding = 'litigation' AND outcome = 'total') AS litigation__total,
        max(value) FILTER (WHERE proceeding = 'complaint' AND outcome = 'upheld') AS complaint__upheld,
        max(value) FILTER (WHERE proceeding = 'complaint' AND outcome = 'corrected') AS complaint__corrected,
        max(value) FILTER (WHERE proceeding = 'complaint' AND outcome = 'other') AS complaint__other,
        max(value) FILTER (WHERE proceeding = 'complaint' AND outcome = 'pending') AS complaint__pending,
        max(value) FILTER (WHERE proceeding = 'complaint' AND outcome = 'total') AS complaint__total
    FROM cells
    GROUP BY report_id
)

SELECT
    reports.id AS report_id,
    reports.is_primary AS is_primary,
    reports.agency_id AS agency_id,
    coalesce(agencies.name, reports.agency_name) AS agency_name,
    reports.year AS year,
    reports.format AS format,
    pivoted.review__upheld,
    pivoted.review__corrected,
    pivoted.review__other,
    pivoted.review__pending,
    pivoted.review__total,
    pivoted.litigation_direct__upheld,
    pivoted.litigation_direct__corrected,
    pivoted.litigation_direct__other,
    pivoted.litigation_direct__pending,
    pivoted.litigation_direct__total,
    pivoted.litigation_after_review__upheld,
    pivoted.litigation_after_review__corrected,
    pivoted.litigation_after_review__other,
    pivoted.litigation_after_review__pending,
    pivoted.litigation_after_review__total,
    pivoted.litigation__upheld,
    pivoted.litigation__corrected,
    pivoted.litigation__other,
    pivoted.litigation__pending,
    pivoted.litigation__total,
    pivoted.complaint__upheld,
    pivoted.complaint__corrected,
    pivoted.complaint__other,
    pivoted.complaint__pending,
    pivoted.complaint__total
FROM reports
LEFT JOIN agencies ON agencies.id = reports.agency_id
LEFT JOIN pivoted ON pivoted.report_id = reports.id;

COMMENT ON VIEW analytics.table4_wide IS 'Table 4 (reviews and lawsuits) wide for BI tools: one row per report (all reports; filter is_primary), one column per proceeding × outcome, named <proceeding>__<outcome>. NULL = not stated.';
COMMENT ON COLUMN analytics.table4_wide.report_id IS 'Report identifier (warehouse.report.id).';
COMMENT ON COLUMN analytics.table4_wide.is_primary IS 'The report views use for its agency and year.';
COMMENT ON COLUMN analytics.table4_wide.agency_id IS 'Canonical agency (warehouse.agency.id); NULL when unknown.';
COMMENT ON COLUMN analytics.table4_wide.agency_name IS 'Canonical agency name; the printed name when no canonical agency is known.';
COMMENT ON COLUMN analytics.table4_wide.year IS 'Data year; NULL when unknown.';
COMMENT ON COLUMN analytics.table4_wide.format IS 'Report format: 2019-template, 2021-template, prose or prose+table.';
COMMENT ON COLUMN analytics.table4_wide.review__upheld IS '行政复议 (review: Administrative review) × 结果维持 (upheld).';
COMMENT ON COLUMN analytics.table4_wide.review__corrected IS '行政复议 (review: Administrative review) × 结果纠正 (corrected).';
COMMENT ON COLUMN analytics.table4_wide.review__other IS '行政复议 (review: Administrative review) × 其他结果 (other).';
COMMENT ON COLUMN analytics.table4_wide.review__pending IS '行政复议 (review: Administrative review) × 尚未审结 (pending).';
COMMENT ON COLUMN analytics.table4_wide.review__total IS '行政复议 (review: Administrative review) × 总计 (total).';
COMMENT ON COLUMN analytics.table4_wide.litigation_direct__upheld IS '未经复议直接起诉 (litigation_direct: Lawsuit without prior review) × 结果维持 (upheld).';
COMMENT ON COLUMN analytics.table4_wide.litigation_direct__corrected IS '未经复议直接起诉 (litigation_direct: Lawsuit without prior review) × 结果纠正 (corrected).';
COMMENT ON COLUMN analytics.table4_wide.litigation_direct__other IS '未经复议直接起诉 (litigation_direct: Lawsuit without prior review) × 其他结果 (other).';
COMMENT ON COLUMN analytics.table4_wide.litigation_direct__pending IS '未经复议直接起诉 (litigation_direct: Lawsuit without prior review) × 尚未审结 (pending).';
COMMENT ON COLUMN analytics.table4_wide.litigation_direct__total IS '未经复议直接起诉 (litigation_direct: Lawsuit without prior review) × 总计 (total).';
COMMENT ON COLUMN analytics.table4_wide.litigation_after_review__upheld IS '复议后起诉 (litigation_after_review: Lawsuit after review) × 结果维持 (upheld).';
COMMENT ON COLUMN analytics.table4_wide.litigation_after_review__corrected IS '复议后起诉 (litigation_after_review: Lawsuit after review) × 结果纠正 (corrected).';
COMMENT ON COLUMN analytics.table4_wide.litigation_after_review__other IS '复议后起诉 (litigation_after_review: Lawsuit after review) × 其他结果 (other).';
COMMENT ON COLUMN analytics.table4_wide.litigation_after_review__pending IS '复议后起诉 (litigation_after_review: Lawsuit after review) × 尚未审结 (pending).';
COMMENT ON COLUMN analytics.table4_wide.litigation_after_review__total IS '复议后起诉 (litigation_after_review: Lawsuit after review) × 总计 (total).';
COMMENT ON COLUMN analytics.table4_wide.litigation__upheld IS '行政诉讼 (litigation: Lawsuit, route not stated) × 结果维持 (upheld). Not a Table 4 column: prose or old tables only.';
COMMENT ON COLUMN analytics.table4_wide.litigation__corrected IS '行政诉讼 (litigation: Lawsuit, route not stated) × 结果纠正 (corrected). Not a Table 4 column: prose or old tables only.';
COMMENT ON COLUMN analytics.table4_wide.litigation__other IS '行政诉讼 (litigation: Lawsuit, route not stated) × 其他结果 (other). Not a Table 4 column: prose or old tables only.';
COMMENT ON COLUMN analytics.table4_wide.litigation__pending IS '行政诉讼 (litigation: Lawsuit, route not stated) × 尚未审结 (pending). Not a Table 4 column: prose or old tables only.';
COMMENT ON COLUMN analytics.table4_wide.litigation__total IS '行政诉讼 (litigation: Lawsuit, route not stated) × 总计 (total). Not a Table 4 column: prose or old tables only.';
COMMENT ON COLUMN analytics.table4_wide.complaint__upheld IS '申诉/举报投诉 (complaint: Complaint or appeal to a supervisor (申诉, 举报投诉)) × 结果维持 (upheld). Not a Table 4 column: prose or old tables only.';
COMMENT ON COLUMN analytics.table4_wide.complaint__corrected IS '申诉/举报投诉 (complaint: Complaint or appeal to a supervisor (申诉, 举报投诉)) × 结果纠正 (corrected). Not a Table 4 column: prose or old tables only.';
COMMENT ON COLUMN analytics.table4_wide.complaint__other IS '申诉/举报投诉 (complaint: Complaint or appeal to a supervisor (申诉, 举报投诉)) × 其他结果 (other). Not a Table 4 column: prose or old tables only.';
COMMENT ON COLUMN analytics.table4_wide.complaint__pending IS '申诉/举报投诉 (complaint: Complaint or appeal to a supervisor (申诉, 举报投诉)) × 尚未审结 (pending). Not a Table 4 column: prose or old tables only.';
COMMENT ON COLUMN analytics.table4_wide.complaint__total IS '申诉/举报投诉 (complaint: Complaint or appeal to a supervisor (申诉, 举报投诉)) × 总计 (total). Not a Table 4 column: prose or old tables only.';
'''),
]


def upgrade() -> None:
    for _name, sql in VIEWS:
        op.execute(sa.text(sql))


def downgrade() -> None:
    for name, _sql in reversed(VIEWS):
        op.execute(f"DROP VIEW IF EXISTS analytics.{name}")
