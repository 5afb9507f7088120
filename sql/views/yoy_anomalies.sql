-- analytics.yoy_anomalies: year-on-year jumps of an agency's headline counts, to be looked at.
-- Grain: one row per canonical agency × year × headline count whose change from year − 1 passes the
-- thresholds below (both years must have a primary report stating the figure; gaps are never bridged).
-- Threshold (documented in docs/views.md): the larger value is at least jump_factor (10) times the
-- smaller one (or the smaller is 0) AND the absolute change is at least min_change (50). Small
-- counts (3 → 12) are not flagged; 3 → 3000 is. Rates are not flagged here (they are bounded and
-- follow their counts). Each row carries both values with their reports, documents and, where the
-- figure is one stated fact, the evidence each was read from, so a parser error and a real event can
-- be told apart. The rows also appear in check_results (check_name = yoy_jump).
CREATE VIEW analytics.yoy_anomalies AS
WITH thresholds AS (
    SELECT
        10 AS jump_factor,
        50 AS min_change
),

trend AS (
    SELECT
        agency_id,
        agency_name,
        report_id,
        year,
        metric,
        value,
        previous_value,
        change
    FROM analytics.agency_trend
    WHERE
        has_previous_year
        AND value IS NOT NULL
        AND previous_value IS NOT NULL
        AND metric NOT IN ('grant_rate', 'refusal_rate')
),

previous_reports AS (
    SELECT
        agency_id,
        year,
        metric,
        report_id
    FROM analytics.agency_trend
),

reports AS (
    SELECT
        id,
        document_id
    FROM warehouse.report
),

documents AS (
    SELECT
        id,
        path
    FROM ingest.source_document
),

-- the headline counts that are one stated figure, and where that figure lives
single_facts AS (
    SELECT
        metric,
        fact_table,
        key,
        applicant
    FROM (
        VALUES
            ('new_received', 'requests', 'new_received', 'total'),
            ('total_processed', 'requests', 'total_processed', 'total'),
            ('granted', 'requests', 'granted', 'total'),
            ('partially_granted', 'requests', 'partially_granted', 'total'),
            ('reviews_total', 'appeals', 'review.total', NULL)
    ) AS single (metric, fact_table, key, applicant)
),

provenance AS (
    SELECT
        single_facts.metric,
        fact_provenance.report_id,
        fact_provenance.evidence,
        fact_provenance.start_offset
    FROM analytics.fact_provenance
    INNER JOIN single_facts
        ON
            fact_provenance.fact_table = single_facts.fact_table
            AND fact_provenance.key = single_facts.key
            AND fact_provenance.applicant IS NOT DISTINCT FROM single_facts.applicant
),

jumps AS (
    SELECT
        trend.*,
        thresholds.jump_factor,
        thresholds.min_change
    FROM trend
    CROSS JOIN thresholds
    WHERE
        abs(trend.change) >= thresholds.min_change
        AND greatest(abs(trend.value), abs(trend.previous_value))
        >= thresholds.jump_factor * least(abs(trend.value), abs(trend.previous_value))
)

SELECT
    jumps.agency_id,
    jumps.agency_name,
    jumps.metric,
    jumps.year,
    jumps.report_id,
    jumps.value,
    this_document.path AS document_path,
    this_fact.evidence,
    this_fact.start_offset,
    jumps.year - 1 AS previous_year,
    previous_reports.report_id AS previous_report_id,
    jumps.previous_value,
    previous_document.path AS previous_document_path,
    previous_fact.evidence AS previous_evidence,
    previous_fact.start_offset AS previous_start_offset,
    jumps.change,
    jumps.jump_factor,
    jumps.min_change
FROM jumps
INNER JOIN previous_reports
    ON
        jumps.agency_id = previous_reports.agency_id
        AND jumps.metric = previous_reports.metric
        AND jumps.year - 1 = previous_reports.year
LEFT JOIN reports AS this_report ON jumps.report_id = this_report.id
LEFT JOIN documents AS this_document ON this_report.document_id = this_document.id
LEFT JOIN reports AS previous_report ON previous_reports.report_id = previous_report.id
LEFT JOIN documents AS previous_document ON previous_report.document_id = previous_document.id
LEFT JOIN provenance AS this_fact ON jumps.metric = this_fact.metric AND jumps.report_id = this_fact.report_id
LEFT JOIN provenance AS previous_fact
    ON jumps.metric = previous_fact.metric AND previous_reports.report_id = previous_fact.report_id;

COMMENT ON VIEW analytics.yoy_anomalies IS 'One row per canonical agency × year × headline count that jumped from year − 1: the larger value at least jump_factor times the smaller (or the smaller 0) and an absolute change of at least min_change. Both values with their reports, documents and evidence; also rows of check_results (yoy_jump).';
COMMENT ON COLUMN analytics.yoy_anomalies.agency_id IS 'Canonical agency (warehouse.agency.id).';
COMMENT ON COLUMN analytics.yoy_anomalies.agency_name IS 'Canonical agency name.';
COMMENT ON COLUMN analytics.yoy_anomalies.metric IS 'Headline count of analytics.agency_trend (new_received, total_processed, reviews_total …).';
COMMENT ON COLUMN analytics.yoy_anomalies.year IS 'The year whose value jumped.';
COMMENT ON COLUMN analytics.yoy_anomalies.report_id IS 'That year''s primary report.';
COMMENT ON COLUMN analytics.yoy_anomalies.value IS 'That year''s value.';
COMMENT ON COLUMN analytics.yoy_anomalies.document_path IS 'Document of that report.';
COMMENT ON COLUMN analytics.yoy_anomalies.evidence IS 'Sentence or table row the value was read from, when the count is one stated figure; NULL for sums of rows.';
COMMENT ON COLUMN analytics.yoy_anomalies.start_offset IS 'Start of that value in the report text, when known.';
COMMENT ON COLUMN analytics.yoy_anomalies.previous_year IS 'year − 1.';
COMMENT ON COLUMN analytics.yoy_anomalies.previous_report_id IS 'The primary report of year − 1.';
COMMENT ON COLUMN analytics.yoy_anomalies.previous_value IS 'The value of year − 1.';
COMMENT ON COLUMN analytics.yoy_anomalies.previous_document_path IS 'Document of the report of year − 1.';
COMMENT ON COLUMN analytics.yoy_anomalies.previous_evidence IS 'Sentence or table row the previous value was read from, when it is one stated figure.';
COMMENT ON COLUMN analytics.yoy_anomalies.previous_start_offset IS 'Start of the previous value in its report text, when known.';
COMMENT ON COLUMN analytics.yoy_anomalies.change IS 'value − previous_value (metric yoy_change).';
COMMENT ON COLUMN analytics.yoy_anomalies.jump_factor IS 'Threshold: the larger value is at least this many times the smaller.';
COMMENT ON COLUMN analytics.yoy_anomalies.min_change IS 'Threshold: the absolute change is at least this.';
