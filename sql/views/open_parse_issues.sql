-- analytics.open_parse_issues: the problems the current parse of each document found.
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
