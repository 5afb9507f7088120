-- What needs attention: failed documents, agency-years with a gap or no primary report, and the
-- parser's failed identity checks, counted per kind.
SELECT 'failed document' AS problem, count(*) AS how_many
FROM analytics.document_coverage
WHERE is_failed
UNION ALL
SELECT 'agency-year ' || status, count(*)
FROM analytics.coverage_agency_year
WHERE status IN ('missing', 'no_primary', 'several_primary')
GROUP BY status
UNION ALL
SELECT 'check failed: ' || check_name, count(*)
FROM analytics.check_results
WHERE status = 'fail'
GROUP BY check_name
UNION ALL
SELECT 'open ' || severity || ' issues', count(*)
FROM analytics.open_parse_issues
GROUP BY severity
ORDER BY how_many DESC, problem;
