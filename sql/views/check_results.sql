-- analytics.check_results: the consistency checks the parser ran (warehouse.check_result), readable.
-- Grain: one row per report × check × subject.
-- The hierarchy checks (analytics.hierarchy_checks: a region report against its members' sum) follow
-- the parser's checks as rows of check hierarchy_sum, with no check_result_id; the year-on-year jumps
-- of analytics.yoy_anomalies follow as rows of check yoy_jump (a warning with both values).
CREATE VIEW analytics.check_results AS
WITH checks AS (
    SELECT
        id,
        report_id,
        check_name,
        subject,
        status,
        severity,
        left_value,
        right_value,
        difference,
        message
    FROM warehouse.check_result
),

reports AS (
    SELECT
        id,
        document_id,
        agency_id,
        agency_name,
        year,
        is_primary
    FROM warehouse.report
),

agencies AS (
    SELECT
        id,
        name
    FROM warehouse.agency
),

documents AS (
    SELECT
        id,
        path
    FROM ingest.source_document
),

hierarchy AS (
    SELECT
        report_id,
        agency_id,
        agency_name,
        year,
        document_path,
        check_name,
        subject,
        status,
        severity,
        left_value,
        right_value,
        difference,
        message
    FROM analytics.hierarchy_checks
),

jumps AS (
    SELECT
        report_id,
        agency_id,
        agency_name,
        year,
        document_path,
        metric,
        value,
        previous_value,
        previous_report_id,
        previous_document_path,
        change
    FROM analytics.yoy_anomalies
)

SELECT
    checks.id AS check_result_id,
    checks.report_id,
    reports.is_primary,
    reports.agency_id,
    coalesce(agencies.name, reports.agency_name) AS agency_name,
    reports.year,
    documents.path AS document_path,
    checks.check_name,
    checks.subject,
    checks.status,
    checks.severity,
    checks.left_value,
    checks.right_value,
    checks.difference,
    checks.message
FROM checks
INNER JOIN reports ON reports.id = checks.report_id
LEFT JOIN agencies ON agencies.id = reports.agency_id
LEFT JOIN documents ON documents.id = reports.document_id
UNION ALL
SELECT
    NULL::integer AS check_result_id,
    report_id,
    TRUE AS is_primary,
    agency_id,
    agency_name,
    year,
    document_path,
    check_name,
    subject,
    status,
    severity,
    left_value,
    right_value,
    difference,
    message
FROM hierarchy
UNION ALL
SELECT
    NULL::integer AS check_result_id,
    report_id,
    TRUE AS is_primary,
    agency_id,
    agency_name,
    year,
    document_path,
    'yoy_jump' AS check_name,
    metric AS subject,
    'fail' AS status,
    'warning' AS severity,
    value AS left_value,
    previous_value AS right_value,
    change AS difference,
    concat(
        metric, ' went from ', previous_value, ' in ', year - 1, ' (report ', previous_report_id, ', ',
        previous_document_path, ') to ', value, ' in ', year, ': a jump beyond the thresholds of ',
        'analytics.yoy_anomalies. Check both reports: a misread figure or a real event.'
    ) AS message
FROM jumps;

COMMENT ON VIEW analytics.check_results IS 'One row per report × consistency check × subject (warehouse.check_result, the hierarchy_sum checks of analytics.hierarchy_checks and the yoy_jump rows of analytics.yoy_anomalies) with the agency, year and document path, so failed identities can be read and traced.';
COMMENT ON COLUMN analytics.check_results.check_result_id IS 'warehouse.check_result.id; NULL for the hierarchy_sum and yoy_jump rows computed across reports.';
COMMENT ON COLUMN analytics.check_results.report_id IS 'Report checked.';
COMMENT ON COLUMN analytics.check_results.is_primary IS 'The report is the one views use for its agency and year.';
COMMENT ON COLUMN analytics.check_results.agency_id IS 'Canonical agency; NULL when unknown.';
COMMENT ON COLUMN analytics.check_results.agency_name IS 'Canonical agency name, else the printed name.';
COMMENT ON COLUMN analytics.check_results.year IS 'Data year of the report.';
COMMENT ON COLUMN analytics.check_results.document_path IS 'Path of the document the report was read from.';
COMMENT ON COLUMN analytics.check_results.check_name IS 'Which identity, e.g. t3_balance, t4_group_sum.';
COMMENT ON COLUMN analytics.check_results.subject IS 'Which column or group it was applied to.';
COMMENT ON COLUMN analytics.check_results.status IS 'pass, fail or not_assessable.';
COMMENT ON COLUMN analytics.check_results.severity IS 'error, warning or info: the weight of a fail.';
COMMENT ON COLUMN analytics.check_results.left_value IS 'Left-hand side of the identity (yoy_jump: this year''s value).';
COMMENT ON COLUMN analytics.check_results.right_value IS 'Right-hand side of the identity (yoy_jump: the value of year − 1).';
COMMENT ON COLUMN analytics.check_results.difference IS 'left_value − right_value.';
COMMENT ON COLUMN analytics.check_results.message IS 'Explanation of the result.';
