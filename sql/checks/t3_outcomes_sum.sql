-- check: t3_outcomes_sum
-- severity: warn
-- description: Table 3 total column: total_processed equals the sum of the outcome rows (granted … other); flagged when every outcome row of the template is stated and the sum differs, or when the stated rows already exceed the total.
-- Grain of the offending rows: report. Template reports only; values read from the table, none approximate.
WITH reports AS (
    SELECT
        report.id,
        coalesce(agency.name, report.agency_name) AS agency_name,
        report.year,
        report.format
    FROM warehouse.report AS report
    LEFT JOIN warehouse.agency AS agency ON agency.id = report.agency_id
    WHERE report.format IN ('2019-template', '2021-template')
),

cells AS (
    SELECT
        stg.report_id,
        stg.item,
        stg.value,
        reports.format
    FROM analytics.stg_requests AS stg
    INNER JOIN reports ON reports.id = stg.report_id
    WHERE stg.source = 'table' AND NOT stg.is_approximate AND stg.applicant = 'total'
),

outcome_rows AS (
    SELECT
        report_id,
        item,
        value
    FROM cells
    WHERE
        item IN ('granted', 'partially_granted')
        OR starts_with(item, 'denied.')
        OR starts_with(item, 'unable.')
        OR starts_with(item, 'not_processed.')
        OR (format = '2019-template' AND item = 'other')
        OR (format = '2021-template' AND starts_with(item, 'other.'))
),

sums AS (
    SELECT
        report_id,
        sum(value) AS outcomes_sum,
        count(*) AS outcome_rows_stated
    FROM outcome_rows
    GROUP BY report_id
),

totals AS (
    SELECT
        report_id,
        value AS total_processed
    FROM cells
    WHERE item = 'total_processed'
)

SELECT
    reports.id AS report_id,
    reports.agency_name,
    reports.year,
    totals.total_processed AS left_value,
    sums.outcomes_sum AS right_value,
    totals.total_processed - sums.outcomes_sum AS difference,
    sums.outcome_rows_stated
FROM reports
INNER JOIN totals ON totals.report_id = reports.id
INNER JOIN sums ON sums.report_id = reports.id
WHERE
    sums.outcomes_sum > totals.total_processed
    OR (
        sums.outcome_rows_stated = CASE reports.format WHEN '2019-template' THEN 19 ELSE 21 END
        AND sums.outcomes_sum <> totals.total_processed
    )
