-- County-level agencies with the highest refusal rate in 2021, among those that processed at least
-- 10 requests, with their percentile among all county-level agencies that state a refusal rate.
SELECT
    peers.agency_name,
    peers.province,
    peers.value AS refusal_rate,
    peers.level_rank,
    peers.level_percentile,
    peers.level_peers,
    headline.total_processed
FROM analytics.peer_comparison AS peers
INNER JOIN analytics.report_headline AS headline ON headline.report_id = peers.report_id
WHERE
    peers.year = 2021
    AND peers.level = 'county'
    AND peers.scope = 'agency'
    AND peers.metric = 'refusal_rate'
    AND headline.total_processed >= 10
ORDER BY peers.value DESC, peers.agency_name
LIMIT 20;
