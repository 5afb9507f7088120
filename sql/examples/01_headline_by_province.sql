-- Headline figures of every agency in one province and year, most requests first.
-- completeness shows how much of the headline each report states; NULL means "not stated", not 0.
SELECT
    agency_name,
    level,
    city,
    template_version,
    new_received,
    total_processed,
    granted,
    denied,
    grant_rate,
    refusal_rate,
    reviews_total,
    lawsuits_total,
    completeness
FROM analytics.report_headline
WHERE year = 2021 AND province = '湖南省' AND scope = 'agency'
ORDER BY new_received DESC NULLS LAST, agency_name;
