-- check: coverage_gaps
-- severity: warn
-- description: Agencies with no report for a year between two years they did report (a document may be missing from the corpus).
-- Grain of the offending rows: canonical agency × missing year.
SELECT
    agency_id,
    agency_name,
    year
FROM analytics.coverage_agency_year
WHERE status = 'missing'
