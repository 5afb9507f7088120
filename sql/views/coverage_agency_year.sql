-- analytics.coverage_agency_year: which agencies have a report for which years.
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
