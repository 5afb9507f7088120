-- Requests received by each agency year by year, with the change on the previous calendar year.
-- A year without a report leaves previous_value NULL: compare has_previous_year and
-- previous_reported_year to see gaps instead of silently comparing with an older year.
SELECT
    agency_name,
    agency_name_as_printed,
    year,
    format,
    value AS new_received,
    previous_value,
    change,
    change_ratio,
    has_previous_year,
    previous_reported_year
FROM analytics.agency_trend
WHERE metric = 'new_received'
ORDER BY agency_name, year;
