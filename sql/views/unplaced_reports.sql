-- analytics.unplaced_reports: reports that cannot be placed in the agency × year views, and why.
-- Grain: one row per report whose agency or year is unknown. Such a report is never primary, so
-- coverage_agency_year and report_headline cannot show it; this view keeps it visible, with the
-- parser's own explanation, so a count of reports per year never silently drops it.
CREATE VIEW analytics.unplaced_reports AS
WITH reports AS (
    SELECT
        id,
        document_id,
        agency_id,
        agency_name,
        year,
        title,
        published_on,
        format,
        is_truncated
    FROM warehouse.report
    WHERE agency_id IS NULL OR year IS NULL
),

documents AS (
    SELECT
        id,
        path
    FROM ingest.source_document
),

explanations AS (
    SELECT
        report_id,
        string_agg(message, ' ' ORDER BY id) AS explanation
    FROM ingest.parse_issue
    WHERE code IN (
        'agency_unknown', 'agency_abbreviated', 'agency_name_rejected', 'year_unknown', 'year_placeholder',
        'year_from_publication_date', 'implausible_year'
    )
    GROUP BY report_id
)

SELECT
    reports.id AS report_id,
    reports.document_id,
    documents.path AS document_path,
    reports.agency_name,
    reports.year,
    CASE
        WHEN reports.agency_id IS NULL AND reports.year IS NULL THEN 'agency and year unknown'
        WHEN reports.agency_id IS NULL THEN 'agency unknown'
        ELSE 'year unknown'
    END AS reason,
    explanations.explanation,
    reports.title,
    reports.published_on,
    reports.format,
    reports.is_truncated
FROM reports
INNER JOIN documents ON documents.id = reports.document_id
LEFT JOIN explanations ON explanations.report_id = reports.id;

COMMENT ON VIEW analytics.unplaced_reports IS 'One row per report whose agency or year is unknown (never primary, so absent from the agency × year views), with the reason and the parser''s explanation: count these beside coverage_agency_year so no report is silently dropped.';
COMMENT ON COLUMN analytics.unplaced_reports.report_id IS 'Report (warehouse.report.id).';
COMMENT ON COLUMN analytics.unplaced_reports.document_id IS 'Document the report was found in (ingest.source_document.id).';
COMMENT ON COLUMN analytics.unplaced_reports.document_path IS 'Path of the document when it was last loaded.';
COMMENT ON COLUMN analytics.unplaced_reports.agency_name IS 'Agency name as parsed (NULL when none was found).';
COMMENT ON COLUMN analytics.unplaced_reports.year IS 'Data year as parsed (NULL when unknown).';
COMMENT ON COLUMN analytics.unplaced_reports.reason IS 'agency unknown, year unknown, or agency and year unknown.';
COMMENT ON COLUMN analytics.unplaced_reports.explanation IS 'The parser''s messages about the agency and year of this report (what it found and why it did not decide).';
COMMENT ON COLUMN analytics.unplaced_reports.title IS 'Report title as parsed.';
COMMENT ON COLUMN analytics.unplaced_reports.published_on IS 'Publication date, if stated.';
COMMENT ON COLUMN analytics.unplaced_reports.format IS '2019-template, 2021-template, prose or prose+table.';
COMMENT ON COLUMN analytics.unplaced_reports.is_truncated IS 'The report text is cut off: figures may be missing.';
