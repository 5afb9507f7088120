-- analytics.peer_comparison: where an agency stands among its peers in a year.
-- Grain: one row per primary report × headline metric that the report states (an unstated metric
-- has no row, so it is neither ranked nor counted among the peers).
-- Peers: reports of the same year and scope (agency reports are not ranked against region
-- summaries) at the same administrative level, and, separately, in the same province.
CREATE VIEW analytics.peer_comparison AS
WITH headline AS (
    SELECT
        report_id,
        agency_id,
        agency_name,
        year,
        scope,
        level,
        province,
        new_received,
        total_processed,
        granted,
        partially_granted,
        denied,
        grant_rate,
        refusal_rate,
        reviews_total,
        lawsuits_total,
        proactive_total
    FROM analytics.report_headline
),

metrics AS (
    SELECT
        headline.report_id,
        headline.agency_id,
        headline.agency_name,
        headline.year,
        headline.scope,
        headline.level,
        headline.province,
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
            ('grant_rate', headline.grant_rate),
            ('refusal_rate', headline.refusal_rate),
            ('reviews_total', headline.reviews_total),
            ('lawsuits_total', headline.lawsuits_total),
            ('proactive_total', headline.proactive_total)
    ) AS metric (metric, value)
    WHERE metric.value IS NOT NULL
),

by_level AS (
    SELECT
        metrics.*,
        rank() OVER level_peers AS level_rank,
        percent_rank() OVER level_ascending AS level_percentile,
        count(*) OVER (PARTITION BY year, scope, level, metric) AS level_peers,
        rank() OVER province_peers AS province_rank,
        percent_rank() OVER province_ascending AS province_percentile,
        count(*) OVER (PARTITION BY year, scope, province, metric) AS province_peers
    FROM metrics
    WINDOW
        level_peers AS (PARTITION BY year, scope, level, metric ORDER BY value DESC),
        level_ascending AS (PARTITION BY year, scope, level, metric ORDER BY value),
        province_peers AS (PARTITION BY year, scope, province, metric ORDER BY value DESC),
        province_ascending AS (PARTITION BY year, scope, province, metric ORDER BY value)
)

SELECT
    report_id,
    agency_id,
    agency_name,
    year,
    scope,
    level,
    province,
    metric,
    value,
    CASE WHEN level IS NOT NULL THEN level_rank::integer END AS level_rank,
    CASE WHEN level IS NOT NULL THEN round(level_percentile::numeric, 4) END AS level_percentile,
    CASE WHEN level IS NOT NULL THEN level_peers::integer END AS level_peers,
    CASE WHEN province IS NOT NULL THEN province_rank::integer END AS province_rank,
    CASE WHEN province IS NOT NULL THEN round(province_percentile::numeric, 4) END AS province_percentile,
    CASE WHEN province IS NOT NULL THEN province_peers::integer END AS province_peers
FROM by_level;

COMMENT ON VIEW analytics.peer_comparison IS 'One row per primary report × stated headline metric: rank and percentile among reports of the same year, scope and level, and of the same year, scope and province. Unstated metrics have no row and are not counted as peers.';
COMMENT ON COLUMN analytics.peer_comparison.report_id IS 'Report identifier (warehouse.report.id).';
COMMENT ON COLUMN analytics.peer_comparison.agency_id IS 'Canonical agency (warehouse.agency.id); NULL when unknown.';
COMMENT ON COLUMN analytics.peer_comparison.agency_name IS 'Canonical agency name.';
COMMENT ON COLUMN analytics.peer_comparison.year IS 'Data year.';
COMMENT ON COLUMN analytics.peer_comparison.scope IS 'region or agency; peers always share it.';
COMMENT ON COLUMN analytics.peer_comparison.level IS 'Administrative level; peers for the level columns share it.';
COMMENT ON COLUMN analytics.peer_comparison.province IS 'Province; peers for the province columns share it.';
COMMENT ON COLUMN analytics.peer_comparison.metric IS 'Headline metric (a column name of analytics.report_headline): new_received, total_processed, granted, partially_granted, denied, grant_rate, refusal_rate, reviews_total, lawsuits_total or proactive_total.';
COMMENT ON COLUMN analytics.peer_comparison.value IS 'The metric''s value for this report (never NULL here).';
COMMENT ON COLUMN analytics.peer_comparison.level_rank IS 'Rank among same-level peers, 1 = largest value (ties share a rank); NULL when the level is unknown.';
COMMENT ON COLUMN analytics.peer_comparison.level_percentile IS 'percent_rank among same-level peers, 0 = smallest, 1 = largest, 4 decimals; NULL when the level is unknown.';
COMMENT ON COLUMN analytics.peer_comparison.level_peers IS 'Same-level reports stating this metric, this one included.';
COMMENT ON COLUMN analytics.peer_comparison.province_rank IS 'Rank among same-province peers, 1 = largest value; NULL when the province is unknown or central.';
COMMENT ON COLUMN analytics.peer_comparison.province_percentile IS 'percent_rank among same-province peers, 0 = smallest, 1 = largest, 4 decimals; NULL when the province is unknown.';
COMMENT ON COLUMN analytics.peer_comparison.province_peers IS 'Same-province reports stating this metric, this one included.';
