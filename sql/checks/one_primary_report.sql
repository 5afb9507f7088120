-- check: one_primary_report
-- severity: fail
-- description: Every agency × year with reports has exactly one primary report (the one the views use).
-- Grain of the offending rows: canonical agency × year.
WITH reports AS (
    SELECT
        agency_id,
        year,
        is_primary
    FROM warehouse.report
    WHERE agency_id IS NOT NULL AND year IS NOT NULL
),

counts AS (
    SELECT
        agency_id,
        year,
        count(*) AS reports_count,
        count(*) FILTER (WHERE is_primary) AS primary_reports_count
    FROM reports
    GROUP BY agency_id, year
)

SELECT
    counts.agency_id,
    agency.name AS agency_name,
    counts.year,
    counts.reports_count::integer AS reports_count,
    counts.primary_reports_count::integer AS primary_reports_count,
    CASE WHEN counts.primary_reports_count = 0 THEN 'no_primary' ELSE 'several_primary' END AS problem
FROM counts
INNER JOIN warehouse.agency AS agency ON agency.id = counts.agency_id
WHERE counts.primary_reports_count <> 1
