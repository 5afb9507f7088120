-- analytics.coverage_agency_year: which agencies have a report for which years.
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
