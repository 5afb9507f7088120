-- Requests per province and year, with the share of reporting agencies that state the figure:
-- a total over a small share of agencies is a floor, not the province's true total.
SELECT
    year,
    province,
    agencies_reporting,
    new_received_sum,
    new_received_agencies,
    round(new_received_agencies::numeric / nullif(agencies_reporting, 0), 2) AS new_received_coverage,
    grant_rate,
    refusal_rate
FROM analytics.region_year_rollup
WHERE region_level = 'province'
ORDER BY year, province;
