-- check: t3_balance
-- severity: fail
-- description: Table 3, every column: new_received + carried_over = total_processed + carried_forward (all four read from the table, none approximate).
-- Grain of the offending rows: report × applicant column.
WITH cells AS (
    SELECT
        report_id,
        item,
        applicant,
        value
    FROM analytics.stg_requests
    WHERE
        source = 'table'
        AND NOT is_approximate
        AND item IN ('new_received', 'carried_over', 'total_processed', 'carried_forward')
),

per_column AS (
    SELECT
        report_id,
        applicant,
        max(value) FILTER (WHERE item = 'new_received') AS new_received,
        max(value) FILTER (WHERE item = 'carried_over') AS carried_over,
        max(value) FILTER (WHERE item = 'total_processed') AS total_processed,
        max(value) FILTER (WHERE item = 'carried_forward') AS carried_forward
    FROM cells
    GROUP BY report_id, applicant
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
    per_column.report_id,
    reports.agency_name,
    reports.year,
    per_column.applicant,
    per_column.new_received + per_column.carried_over AS left_value,
    per_column.total_processed + per_column.carried_forward AS right_value,
    (per_column.new_received + per_column.carried_over)
    - (per_column.total_processed + per_column.carried_forward) AS difference
FROM per_column
INNER JOIN reports ON reports.id = per_column.report_id
WHERE
    num_nulls(per_column.new_received, per_column.carried_over, per_column.total_processed, per_column.carried_forward) = 0
    AND per_column.new_received + per_column.carried_over
    <> per_column.total_processed + per_column.carried_forward
