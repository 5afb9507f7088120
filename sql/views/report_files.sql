-- analytics.report_files: every report with the file(s) it was read from and why it is or is not primary.
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
