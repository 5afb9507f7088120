-- check: t4_group_sum
-- severity: warn
-- description: Table 4, each proceeding: total = upheld + corrected + other + pending (all five read from the table, none approximate).
-- Grain of the offending rows: report × proceeding.
WITH cells AS (
    SELECT
        report_id,
        proceeding,
        outcome,
        value
    FROM analytics.stg_appeals
    WHERE
        source = 'table'
        AND NOT is_approximate
        AND proceeding IN ('review', 'litigation_direct', 'litigation_after_review')
),

per_group AS (
    SELECT
        report_id,
        proceeding,
        max(value) FILTER (WHERE outcome = 'total') AS total,
        sum(value) FILTER (WHERE outcome <> 'total') AS parts_sum,
        count(*) FILTER (WHERE outcome <> 'total') AS parts_stated
    FROM cells
    GROUP BY report_id, proceeding
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
    per_group.report_id,
    reports.agency_name,
    reports.year,
    per_group.proceeding,
    per_group.total AS left_value,
    per_group.parts_sum AS right_value,
    per_group.total - per_group.parts_sum AS difference
FROM per_group
INNER JOIN reports ON reports.id = per_group.report_id
WHERE per_group.parts_stated = 4 AND per_group.total <> per_group.parts_sum
