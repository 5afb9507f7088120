-- analytics.agency_trend: each canonical agency against itself over the years.
-- Grain: one row per canonical agency × year with a primary report × headline metric (also when
-- the metric is not stated that year, so the row shows the blank).
-- Gap rule: the previous value is taken with LAG over the agency's reported years, and kept only
-- when the previous reported year is exactly year − 1. If the agency has no primary report for
-- year − 1, previous_value is NULL and previous_reported_year shows how far back the last report is:
-- a missing year is never treated as the previous one.
CREATE VIEW analytics.agency_trend AS
WITH headline AS (
    SELECT
        agency_id,
        agency_name,
        agency_name_as_printed,
        report_id,
        year,
        format,
        new_received,
        total_processed,
        granted,
        partially_granted,
        denied,
        unable,
        not_processed,
        other,
        grant_rate,
        refusal_rate,
        reviews_total,
        lawsuits_total,
        proactive_total
    FROM analytics.report_headline
    WHERE agency_id IS NOT NULL AND year IS NOT NULL
),

metrics AS (
    SELECT
        headline.agency_id,
        headline.agency_name,
        headline.agency_name_as_printed,
        headline.report_id,
        headline.year,
        headline.format,
        metric.metric,
        metric.value
    FROM headline
    CROSS JOIN LATERAL (
        VALUES
            ('new_received', headline.new_received),
            ('total_processed', headline.total_processed),
            ('granted', headline.granted),
            ('partially_granted', headline.partially_granted),
            ('denied', headline.denied),
            ('unable', headline.unable),
            ('not_processed', headline.not_processed),
            ('other', headline.other),
            ('grant_rate', headline.grant_rate),
            ('refusal_rate', headline.refusal_rate),
            ('reviews_total', headline.reviews_total),
            ('lawsuits_total', headline.lawsuits_total),
            ('proactive_total', headline.proactive_total)
    ) AS metric (metric, value)
),

lagged AS (
    SELECT
        metrics.*,
        lag(year) OVER agency_metric AS previous_reported_year,
        lag(value) OVER agency_metric AS previous_reported_value
    FROM metrics
    WINDOW agency_metric AS (PARTITION BY agency_id, metric ORDER BY year)
),

guarded AS (
    SELECT
        lagged.*,
        CASE WHEN previous_reported_year = year - 1 THEN previous_reported_value END AS previous_value
    FROM lagged
)

SELECT
    agency_id,
    agency_name,
    agency_name_as_printed,
    report_id,
    year,
    format,
    metric,
    value,
    previous_reported_year::smallint AS previous_reported_year,
    coalesce(previous_reported_year = year - 1, FALSE) AS has_previous_year,
    previous_value,
    value - previous_value AS change,
    round((value - previous_value) / nullif(previous_value, 0), 4) AS change_ratio
FROM guarded;

COMMENT ON VIEW analytics.agency_trend IS 'One row per canonical agency × reported year × headline metric, with the value of the previous calendar year. A year without a primary report is a gap: the next year''s previous_value is NULL (LAG is used only when the previous reported year is exactly year − 1). Renamed agencies are one canonical agency.';
COMMENT ON COLUMN analytics.agency_trend.agency_id IS 'Canonical agency (warehouse.agency.id).';
COMMENT ON COLUMN analytics.agency_trend.agency_name IS 'Canonical agency name (the same across renames).';
COMMENT ON COLUMN analytics.agency_trend.agency_name_as_printed IS 'The name this year''s report prints (shows renames).';
COMMENT ON COLUMN analytics.agency_trend.report_id IS 'This year''s primary report (warehouse.report.id).';
COMMENT ON COLUMN analytics.agency_trend.year IS 'Data year.';
COMMENT ON COLUMN analytics.agency_trend.format IS 'This year''s report format (a 2019 → 2021 template change shows here).';
COMMENT ON COLUMN analytics.agency_trend.metric IS 'Headline metric (a column name of analytics.report_headline).';
COMMENT ON COLUMN analytics.agency_trend.value IS 'This year''s value; NULL when not stated.';
COMMENT ON COLUMN analytics.agency_trend.previous_reported_year IS 'The agency''s previous year with a primary report, however far back; NULL for its first report.';
COMMENT ON COLUMN analytics.agency_trend.has_previous_year IS 'The agency has a primary report for year − 1.';
COMMENT ON COLUMN analytics.agency_trend.previous_value IS 'The value for year − 1; NULL when that year has no primary report or does not state the metric.';
COMMENT ON COLUMN analytics.agency_trend.change IS 'value − previous_value; NULL when either is unknown.';
COMMENT ON COLUMN analytics.agency_trend.change_ratio IS '(value − previous_value) / previous_value, 4 decimals; NULL when either is unknown or previous_value is 0.';
