-- analytics.table4_wide: Table 4 (行政复议、行政诉讼情况) wide, for BI tools.
-- Grain: one row per report (primary or not); one column per proceeding × outcome.
-- Values come from analytics.stg_appeals (table before prose); an unstated cell is NULL.
-- Generated once from the vocabulary, then edited by hand like any view file.
CREATE VIEW analytics.table4_wide AS
WITH reports AS (
    SELECT
        id,
        is_primary,
        agency_id,
        agency_name,
        year,
        format
    FROM warehouse.report
),

agencies AS (
    SELECT
        id,
        name
    FROM warehouse.agency
),

cells AS (
    SELECT
        report_id,
        proceeding,
        outcome,
        value
    FROM analytics.stg_appeals
),

pivoted AS (
    SELECT
        report_id,
        max(value) FILTER (WHERE proceeding = 'review' AND outcome = 'upheld') AS review__upheld,
        max(value) FILTER (WHERE proceeding = 'review' AND outcome = 'corrected') AS review__corrected,
        max(value) FILTER (WHERE proceeding = 'review' AND outcome = 'other') AS review__other,
        max(value) FILTER (WHERE proceeding = 'review' AND outcome = 'pending') AS review__pending,
        max(value) FILTER (WHERE proceeding = 'review' AND outcome = 'total') AS review__total,
        max(value) FILTER (WHERE proceeding = 'litigation_direct' AND outcome = 'upheld') AS litigation_direct__upheld,
        max(value) FILTER (WHERE proceeding = 'litigation_direct' AND outcome = 'corrected') AS litigation_direct__corrected,
        max(value) FILTER (WHERE proceeding = 'litigation_direct' AND outcome = 'other') AS litigation_direct__other,
        max(value) FILTER (WHERE proceeding = 'litigation_direct' AND outcome = 'pending') AS litigation_direct__pending,
        max(value) FILTER (WHERE proceeding = 'litigation_direct' AND outcome = 'total') AS litigation_direct__total,
        max(value) FILTER (WHERE proceeding = 'litigation_after_review' AND outcome = 'upheld') AS litigation_after_review__upheld,
        max(value) FILTER (WHERE proceeding = 'litigation_after_review' AND outcome = 'corrected') AS litigation_after_review__corrected,
        max(value) FILTER (WHERE proceeding = 'litigation_after_review' AND outcome = 'other') AS litigation_after_review__other,
        max(value) FILTER (WHERE proceeding = 'litigation_after_review' AND outcome = 'pending') AS litigation_after_review__pending,
        max(value) FILTER (WHERE proceeding = 'litigation_after_review' AND outcome = 'total') AS litigation_after_review__total,
        max(value) FILTER (WHERE proceeding = 'litigation' AND outcome = 'upheld') AS litigation__upheld,
        max(value) FILTER (WHERE proceeding = 'litigation' AND outcome = 'corrected') AS litigation__corrected,
        max(value) FILTER (WHERE proceeding = 'litigation' AND outcome = 'other') AS litigation__other,
        max(value) FILTER (WHERE proceeding = 'litigation' AND outcome = 'pending') AS litigation__pending,
        max(value) FILTER (WHERE proceeding = 'litigation' AND outcome = 'total') AS litigation__total,
        max(value) FILTER (WHERE proceeding = 'complaint' AND outcome = 'upheld') AS complaint__upheld,
        max(value) FILTER (WHERE proceeding = 'complaint' AND outcome = 'corrected') AS complaint__corrected,
        max(value) FILTER (WHERE proceeding = 'complaint' AND outcome = 'other') AS complaint__other,
        max(value) FILTER (WHERE proceeding = 'complaint' AND outcome = 'pending') AS complaint__pending,
        max(value) FILTER (WHERE proceeding = 'complaint' AND outcome = 'total') AS complaint__total
    FROM cells
    GROUP BY report_id
)

SELECT
    reports.id AS report_id,
    reports.is_primary AS is_primary,
    reports.agency_id AS agency_id,
    coalesce(agencies.name, reports.agency_name) AS agency_name,
    reports.year AS year,
    reports.format AS format,
    pivoted.review__upheld,
    pivoted.review__corrected,
    pivoted.review__other,
    pivoted.review__pending,
    pivoted.review__total,
    pivoted.litigation_direct__upheld,
    pivoted.litigation_direct__corrected,
    pivoted.litigation_direct__other,
    pivoted.litigation_direct__pending,
    pivoted.litigation_direct__total,
    pivoted.litigation_after_review__upheld,
    pivoted.litigation_after_review__corrected,
    pivoted.litigation_after_review__other,
    pivoted.litigation_after_review__pending,
    pivoted.litigation_after_review__total,
    pivoted.litigation__upheld,
    pivoted.litigation__corrected,
    pivoted.litigation__other,
    pivoted.litigation__pending,
    pivoted.litigation__total,
    pivoted.complaint__upheld,
    pivoted.complaint__corrected,
    pivoted.complaint__other,
    pivoted.complaint__pending,
    pivoted.complaint__total
FROM reports
LEFT JOIN agencies ON agencies.id = reports.agency_id
LEFT JOIN pivoted ON pivoted.report_id = reports.id;

COMMENT ON VIEW analytics.table4_wide IS 'Table 4 (reviews and lawsuits) wide for BI tools: one row per report (all reports; filter is_primary), one column per proceeding × outcome, named <proceeding>__<outcome>. NULL = not stated.';
COMMENT ON COLUMN analytics.table4_wide.report_id IS 'Report identifier (warehouse.report.id).';
COMMENT ON COLUMN analytics.table4_wide.is_primary IS 'The report views use for its agency and year.';
COMMENT ON COLUMN analytics.table4_wide.agency_id IS 'Canonical agency (warehouse.agency.id); NULL when unknown.';
COMMENT ON COLUMN analytics.table4_wide.agency_name IS 'Canonical agency name; the printed name when no canonical agency is known.';
COMMENT ON COLUMN analytics.table4_wide.year IS 'Data year; NULL when unknown.';
COMMENT ON COLUMN analytics.table4_wide.format IS 'Report format: 2019-template, 2021-template, prose or prose+table.';
COMMENT ON COLUMN analytics.table4_wide.review__upheld IS '行政复议 (review: Administrative review) × 结果维持 (upheld).';
COMMENT ON COLUMN analytics.table4_wide.review__corrected IS '行政复议 (review: Administrative review) × 结果纠正 (corrected).';
COMMENT ON COLUMN analytics.table4_wide.review__other IS '行政复议 (review: Administrative review) × 其他结果 (other).';
COMMENT ON COLUMN analytics.table4_wide.review__pending IS '行政复议 (review: Administrative review) × 尚未审结 (pending).';
COMMENT ON COLUMN analytics.table4_wide.review__total IS '行政复议 (review: Administrative review) × 总计 (total).';
COMMENT ON COLUMN analytics.table4_wide.litigation_direct__upheld IS '未经复议直接起诉 (litigation_direct: Lawsuit without prior review) × 结果维持 (upheld).';
COMMENT ON COLUMN analytics.table4_wide.litigation_direct__corrected IS '未经复议直接起诉 (litigation_direct: Lawsuit without prior review) × 结果纠正 (corrected).';
COMMENT ON COLUMN analytics.table4_wide.litigation_direct__other IS '未经复议直接起诉 (litigation_direct: Lawsuit without prior review) × 其他结果 (other).';
COMMENT ON COLUMN analytics.table4_wide.litigation_direct__pending IS '未经复议直接起诉 (litigation_direct: Lawsuit without prior review) × 尚未审结 (pending).';
COMMENT ON COLUMN analytics.table4_wide.litigation_direct__total IS '未经复议直接起诉 (litigation_direct: Lawsuit without prior review) × 总计 (total).';
COMMENT ON COLUMN analytics.table4_wide.litigation_after_review__upheld IS '复议后起诉 (litigation_after_review: Lawsuit after review) × 结果维持 (upheld).';
COMMENT ON COLUMN analytics.table4_wide.litigation_after_review__corrected IS '复议后起诉 (litigation_after_review: Lawsuit after review) × 结果纠正 (corrected).';
COMMENT ON COLUMN analytics.table4_wide.litigation_after_review__other IS '复议后起诉 (litigation_after_review: Lawsuit after review) × 其他结果 (other).';
COMMENT ON COLUMN analytics.table4_wide.litigation_after_review__pending IS '复议后起诉 (litigation_after_review: Lawsuit after review) × 尚未审结 (pending).';
COMMENT ON COLUMN analytics.table4_wide.litigation_after_review__total IS '复议后起诉 (litigation_after_review: Lawsuit after review) × 总计 (total).';
COMMENT ON COLUMN analytics.table4_wide.litigation__upheld IS '行政诉讼 (litigation: Lawsuit, route not stated) × 结果维持 (upheld). Not a Table 4 column: prose or old tables only.';
COMMENT ON COLUMN analytics.table4_wide.litigation__corrected IS '行政诉讼 (litigation: Lawsuit, route not stated) × 结果纠正 (corrected). Not a Table 4 column: prose or old tables only.';
COMMENT ON COLUMN analytics.table4_wide.litigation__other IS '行政诉讼 (litigation: Lawsuit, route not stated) × 其他结果 (other). Not a Table 4 column: prose or old tables only.';
COMMENT ON COLUMN analytics.table4_wide.litigation__pending IS '行政诉讼 (litigation: Lawsuit, route not stated) × 尚未审结 (pending). Not a Table 4 column: prose or old tables only.';
COMMENT ON COLUMN analytics.table4_wide.litigation__total IS '行政诉讼 (litigation: Lawsuit, route not stated) × 总计 (total). Not a Table 4 column: prose or old tables only.';
COMMENT ON COLUMN analytics.table4_wide.complaint__upheld IS '申诉/举报投诉 (complaint: Complaint or appeal to a supervisor (申诉, 举报投诉)) × 结果维持 (upheld). Not a Table 4 column: prose or old tables only.';
COMMENT ON COLUMN analytics.table4_wide.complaint__corrected IS '申诉/举报投诉 (complaint: Complaint or appeal to a supervisor (申诉, 举报投诉)) × 结果纠正 (corrected). Not a Table 4 column: prose or old tables only.';
COMMENT ON COLUMN analytics.table4_wide.complaint__other IS '申诉/举报投诉 (complaint: Complaint or appeal to a supervisor (申诉, 举报投诉)) × 其他结果 (other). Not a Table 4 column: prose or old tables only.';
COMMENT ON COLUMN analytics.table4_wide.complaint__pending IS '申诉/举报投诉 (complaint: Complaint or appeal to a supervisor (申诉, 举报投诉)) × 尚未审结 (pending). Not a Table 4 column: prose or old tables only.';
COMMENT ON COLUMN analytics.table4_wide.complaint__total IS '申诉/举报投诉 (complaint: Complaint or appeal to a supervisor (申诉, 举报投诉)) × 总计 (total). Not a Table 4 column: prose or old tables only.';
