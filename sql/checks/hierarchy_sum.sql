-- severity: warn
-- description: region reports whose figure differs from the sum of the reports of the bodies inside the region
SELECT report_id, agency_name, year, subject, left_value, right_value, difference, message
FROM analytics.hierarchy_checks
WHERE status = 'fail'
ORDER BY agency_name, year, subject
