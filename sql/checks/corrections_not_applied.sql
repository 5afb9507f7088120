-- severity: warn
-- description: lines of the corrections file that do not apply (target report gone, ambiguous or invalid)
SELECT line, source_path, status, message
FROM analytics.corrections
WHERE status NOT IN ('applied', 'superseded')
ORDER BY source_path, line
