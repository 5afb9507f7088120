-- check: t3_row_sum
-- severity: warn
-- description: Table 3, every row: the total column equals the sum of the six applicant columns (all seven read from the table, none approximate).
-- Grain of the offending rows: report × Table 3 row.
WITH cells AS (
    SELECT
        report_id,
        item,
        applicant,
        value
    FROM analytics.stg_requests
    WHERE source = 'table' AND NOT is_approximate
),

per_row AS (
    SELECT
        report_id,
        item,
        max(value) FILTER (WHERE applicant = 'total') AS total,
        sum(value) FILTER (WHERE applicant <> 'total') AS parts_sum,
        count(*) FILTER (WHERE applicant <> 'total') AS parts_stated
    FROM cells
    GROUP BY report_id, item
),

reports AS (
    SELECT
        report.id,
        coalesce(agency.name, report.agency_name) AS agency_name,
        report.year
    FROM warehouse.report AS report
    LEFT JOIN warehouse.agency AS agency ON agency.id = report.agency_id
)

SELECT
    per_row.report_id,
    reports.agency_name,
    reports.year,
    per_row.item,
    per_row.total AS left_value,
    per_row.parts_sum AS right_value,
    per_row.total - per_row.parts_sum AS difference
FROM per_row
INNER JOIN reports ON reports.id = per_row.report_id
WHERE per_row.parts_stated = 6 AND per_row.total <> per_row.parts_sum
