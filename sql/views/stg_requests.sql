-- analytics.stg_requests: staging layer over warehouse.requests.
-- Grain: one row per report × request item × applicant that the report states.
-- A figure printed twice (prose and table, or twice in prose) keeps one row here, chosen by the
-- preference rule: table before prose, printed before inferred, exact before approximate, then the
-- earliest in the text. Every other view reads request figures from here, never from the base table.
CREATE VIEW analytics.stg_requests AS
WITH facts AS (
    SELECT
        id,
        report_id,
        item,
        applicant,
        value,
        unit,
        source,
        is_approximate,
        is_inferred,
        start_offset
    FROM warehouse.requests
),

ranked AS (
    SELECT
        facts.*,
        row_number() OVER (
            PARTITION BY report_id, item, applicant
            ORDER BY (source = 'table') DESC, is_inferred, is_approximate, start_offset, id
        ) AS preference,
        count(*) OVER (PARTITION BY report_id, item, applicant) AS statements_count,
        min(value) OVER (PARTITION BY report_id, item, applicant) AS min_value,
        max(value) OVER (PARTITION BY report_id, item, applicant) AS max_value
    FROM facts
)

SELECT
    report_id,
    item,
    applicant,
    value,
    unit,
    source,
    is_approximate,
    is_inferred,
    id AS fact_id,
    statements_count::integer AS statements_count,
    min_value <> max_value AS has_conflict
FROM ranked
WHERE preference = 1;

COMMENT ON VIEW analytics.stg_requests IS 'Staging: one row per report × request item × applicant stated, holding the preferred value (table before prose, printed before inferred, exact before approximate, earliest in the text). Figures a report does not state have no row.';
COMMENT ON COLUMN analytics.stg_requests.report_id IS 'Report that states the figure (warehouse.report.id).';
COMMENT ON COLUMN analytics.stg_requests.item IS 'Table 3 row or prose measure (warehouse.request_item key).';
COMMENT ON COLUMN analytics.stg_requests.applicant IS 'Applicant column (warehouse.applicant key); total when not broken down.';
COMMENT ON COLUMN analytics.stg_requests.value IS 'The preferred value as stated.';
COMMENT ON COLUMN analytics.stg_requests.unit IS 'Unit as printed with the preferred value, if any.';
COMMENT ON COLUMN analytics.stg_requests.source IS 'table or prose: where the preferred value was read.';
COMMENT ON COLUMN analytics.stg_requests.is_approximate IS 'The preferred value was printed with an approximation marker (余, 多, 近, 约 …).';
COMMENT ON COLUMN analytics.stg_requests.is_inferred IS 'The preferred value was not printed but forced by a table identity.';
COMMENT ON COLUMN analytics.stg_requests.fact_id IS 'warehouse.requests.id of the preferred value: follow it for provenance (span, evidence).';
COMMENT ON COLUMN analytics.stg_requests.statements_count IS 'How many times the report states this figure (prose and table rows together).';
COMMENT ON COLUMN analytics.stg_requests.has_conflict IS 'The report states this figure more than once with different values.';
