-- analytics.national_year_rollup: national totals per year, beside region_year_rollup.
-- Grain: one row per year.
-- Inputs: primary reports of scope agency only, as in region_year_rollup (region summary reports
-- are aggregates of their area already and would be counted twice); agencies of unknown province
-- count here too.
-- NULL rule: <figure>_sum adds the agencies that state the figure and is NULL when none does;
-- <figure>_agencies says how many did, so a sum over 3 of 4,000 agencies is never read as a full total.
-- Rates use only the agencies that state both numerator and denominator.
CREATE VIEW analytics.national_year_rollup AS
WITH headline AS (
    SELECT
        report_id,
        agency_id,
        year,
        province,
        new_received,
        total_processed,
        granted,
        partially_granted,
        denied,
        unable,
        not_processed,
        other,
        reviews_total,
        lawsuits_total,
        proactive_total
    FROM analytics.report_headline
    WHERE scope = 'agency' AND year IS NOT NULL
),

rolled AS (
    SELECT
        year,
        count(*) AS agencies_reporting,
        count(DISTINCT province) AS provinces_reporting,
        sum(new_received) AS new_received_sum,
        count(new_received) AS new_received_agencies,
        sum(total_processed) AS total_processed_sum,
        count(total_processed) AS total_processed_agencies,
        sum(granted) AS granted_sum,
        count(granted) AS granted_agencies,
        sum(partially_granted) AS partially_granted_sum,
        count(partially_granted) AS partially_granted_agencies,
        sum(denied) AS denied_sum,
        count(denied) AS denied_agencies,
        sum(unable) AS unable_sum,
        count(unable) AS unable_agencies,
        sum(not_processed) AS not_processed_sum,
        count(not_processed) AS not_processed_agencies,
        sum(other) AS other_sum,
        count(other) AS other_agencies,
        sum(reviews_total) AS reviews_total_sum,
        count(reviews_total) AS reviews_total_agencies,
        sum(lawsuits_total) AS lawsuits_total_sum,
        count(lawsuits_total) AS lawsuits_total_agencies,
        sum(proactive_total) AS proactive_total_sum,
        count(proactive_total) AS proactive_total_agencies,
        sum(granted) FILTER (WHERE granted IS NOT NULL AND total_processed IS NOT NULL) AS rate_granted,
        sum(denied) FILTER (WHERE denied IS NOT NULL AND total_processed IS NOT NULL) AS rate_denied,
        sum(total_processed) FILTER (WHERE granted IS NOT NULL AND total_processed IS NOT NULL) AS rate_granted_base,
        sum(total_processed) FILTER (WHERE denied IS NOT NULL AND total_processed IS NOT NULL) AS rate_denied_base
    FROM headline
    GROUP BY year
)

SELECT
    year,
    agencies_reporting::integer AS agencies_reporting,
    provinces_reporting::integer AS provinces_reporting,
    new_received_sum,
    new_received_agencies::integer AS new_received_agencies,
    total_processed_sum,
    total_processed_agencies::integer AS total_processed_agencies,
    granted_sum,
    granted_agencies::integer AS granted_agencies,
    partially_granted_sum,
    partially_granted_agencies::integer AS partially_granted_agencies,
    denied_sum,
    denied_agencies::integer AS denied_agencies,
    unable_sum,
    unable_agencies::integer AS unable_agencies,
    not_processed_sum,
    not_processed_agencies::integer AS not_processed_agencies,
    other_sum,
    other_agencies::integer AS other_agencies,
    reviews_total_sum,
    reviews_total_agencies::integer AS reviews_total_agencies,
    lawsuits_total_sum,
    lawsuits_total_agencies::integer AS lawsuits_total_agencies,
    proactive_total_sum,
    proactive_total_agencies::integer AS proactive_total_agencies,
    round(rate_granted / nullif(rate_granted_base, 0), 4) AS grant_rate,
    round(rate_denied / nullif(rate_denied_base, 0), 4) AS refusal_rate
FROM rolled;

COMMENT ON VIEW analytics.national_year_rollup IS 'One row per year: national sums of the headline figures over the primary agency-scope reports (region summary reports excluded to avoid double counting), each with the number of agencies that stated it; the national counterpart of region_year_rollup. Unknown figures are never summed as zeros: a sum is NULL when no agency states the figure.';
COMMENT ON COLUMN analytics.national_year_rollup.year IS 'Data year.';
COMMENT ON COLUMN analytics.national_year_rollup.agencies_reporting IS 'Primary agency-scope reports in the year (one per agency).';
COMMENT ON COLUMN analytics.national_year_rollup.provinces_reporting IS 'Distinct provinces of those agencies (agencies of unknown province not counted).';
COMMENT ON COLUMN analytics.national_year_rollup.new_received_sum IS 'Σ new_received (requests newly received) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.new_received_agencies IS 'How many agencies state new_received: the coverage of new_received_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.total_processed_sum IS 'Σ total_processed (requests processed) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.total_processed_agencies IS 'How many agencies state total_processed: the coverage of total_processed_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.granted_sum IS 'Σ granted (requests granted) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.granted_agencies IS 'How many agencies state granted: the coverage of granted_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.partially_granted_sum IS 'Σ partially_granted (requests partially granted) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.partially_granted_agencies IS 'How many agencies state partially_granted: the coverage of partially_granted_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.denied_sum IS 'Σ denied (requests denied) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.denied_agencies IS 'How many agencies state denied: the coverage of denied_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.unable_sum IS 'Σ unable (requests unable to answer) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.unable_agencies IS 'How many agencies state unable: the coverage of unable_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.not_processed_sum IS 'Σ not_processed (requests not processed) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.not_processed_agencies IS 'How many agencies state not_processed: the coverage of not_processed_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.other_sum IS 'Σ other (requests with other handling) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.other_agencies IS 'How many agencies state other: the coverage of other_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.reviews_total_sum IS 'Σ reviews_total (administrative reviews) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.reviews_total_agencies IS 'How many agencies state reviews_total: the coverage of reviews_total_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.lawsuits_total_sum IS 'Σ lawsuits_total (lawsuits) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.lawsuits_total_agencies IS 'How many agencies state lawsuits_total: the coverage of lawsuits_total_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.proactive_total_sum IS 'Σ proactive_total (items proactively disclosed) over the agencies that state it; NULL when none does.';
COMMENT ON COLUMN analytics.national_year_rollup.proactive_total_agencies IS 'How many agencies state proactive_total: the coverage of proactive_total_sum.';
COMMENT ON COLUMN analytics.national_year_rollup.grant_rate IS 'Σ granted / Σ total_processed over the agencies that state both, 4 decimals; NULL when none does or the base is 0.';
COMMENT ON COLUMN analytics.national_year_rollup.refusal_rate IS 'Σ denied / Σ total_processed over the agencies that state both, 4 decimals; NULL when none does or the base is 0.';
