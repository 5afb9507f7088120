-- analytics.carry_over_continuity: do the requests carried forward at the end of year N − 1 come
-- back as carried over at the start of year N (docs/domain.md#identities, cross-year identity)?
-- Grain: one row per canonical agency × year with a primary report.
-- Gap rule as in agency_trend: only a primary report of exactly year − 1 is compared.
CREATE VIEW analytics.carry_over_continuity AS
WITH headline AS (
    SELECT
        agency_id,
        agency_name,
        report_id,
        year,
        carried_over,
        carried_forward
    FROM analytics.report_headline
    WHERE agency_id IS NOT NULL AND year IS NOT NULL
),

lagged AS (
    SELECT
        headline.*,
        lag(year) OVER agency_years AS previous_reported_year,
        lag(carried_forward) OVER agency_years AS previous_reported_carried_forward,
        lag(report_id) OVER agency_years AS previous_reported_report_id
    FROM headline
    WINDOW agency_years AS (PARTITION BY agency_id ORDER BY year)
),

compared AS (
    SELECT
        agency_id,
        agency_name,
        year,
        report_id,
        carried_over,
        CASE WHEN previous_reported_year = year - 1 THEN previous_reported_report_id END AS previous_report_id,
        CASE
            WHEN previous_reported_year = year - 1 THEN previous_reported_carried_forward
        END AS previous_carried_forward,
        coalesce(previous_reported_year = year - 1, FALSE) AS has_previous_year
    FROM lagged
)

SELECT
    agency_id,
    agency_name,
    year,
    report_id,
    carried_over,
    previous_report_id,
    previous_carried_forward,
    carried_over - previous_carried_forward AS difference,
    CASE
        WHEN NOT has_previous_year THEN 'previous_year_missing'
        WHEN carried_over IS NULL OR previous_carried_forward IS NULL THEN 'not_stated'
        WHEN carried_over = previous_carried_forward THEN 'match'
        ELSE 'mismatch'
    END AS status
FROM compared;

COMMENT ON VIEW analytics.carry_over_continuity IS 'One row per canonical agency × year with a primary report: carried_over of year N against carried_forward of year N − 1 (warn-level identity: agencies re-base). Only a primary report of exactly year − 1 is compared.';
COMMENT ON COLUMN analytics.carry_over_continuity.agency_id IS 'Canonical agency (warehouse.agency.id).';
COMMENT ON COLUMN analytics.carry_over_continuity.agency_name IS 'Canonical agency name.';
COMMENT ON COLUMN analytics.carry_over_continuity.year IS 'Data year N.';
COMMENT ON COLUMN analytics.carry_over_continuity.report_id IS 'Primary report of year N.';
COMMENT ON COLUMN analytics.carry_over_continuity.carried_over IS 'Requests carried over into year N, as year N''s report states.';
COMMENT ON COLUMN analytics.carry_over_continuity.previous_report_id IS 'Primary report of year N − 1; NULL when there is none.';
COMMENT ON COLUMN analytics.carry_over_continuity.previous_carried_forward IS 'Requests carried forward at the end of year N − 1, as that report states; NULL when unknown or that year is missing.';
COMMENT ON COLUMN analytics.carry_over_continuity.difference IS 'carried_over − previous_carried_forward; NULL when either is unknown.';
COMMENT ON COLUMN analytics.carry_over_continuity.status IS 'match, mismatch, not_stated (a side is unknown) or previous_year_missing (no primary report for year N − 1).';
