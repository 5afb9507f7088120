-- analytics.document_coverage: what became of every input document, failed ones included.
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
