-- analytics.stg_disclosure: staging layer over warehouse.disclosure_counts.
-- Grain: one row per report × proactive-disclosure item that the report states.
-- A figure printed twice (prose and table, or twice in prose) keeps one row here, chosen by the
-- preference rule: table before prose, printed before inferred, exact before approximate, then the
-- earliest in the text. Every other view reads disclosure figures from here, never from the base table.
CREATE VIEW analytics.stg_disclosure AS
WITH facts AS (
    SELECT
        id,
        report_id,
        item,
        value,
        unit,
        source,
        is_approximate,
        is_inferred,
        start_offset
    FROM warehouse.disclosure_counts
),

ranked AS (
    SELECT
        facts.*,
        row_number() OVER (
            PARTITION BY report_id, item
            ORDER BY (source = 'table') DESC, is_inferred, is_approximate, start_offset, id
        ) AS preference,
        count(*) OVER (PARTITION BY report_id, item) AS statements_count,
        min(value) OVER (PARTITION BY report_id, item) AS min_value,
        max(value) OVER (PARTITION BY report_id, item) AS max_value
    FROM facts
),

parsed AS (
    SELECT
        report_id,
        item,
        value,
        unit,
        source,
        is_approximate,
        is_inferred,
        id AS fact_id,
        statements_count::integer AS statements_count,
        min_value <> max_value AS has_conflict
    FROM ranked
    WHERE preference = 1
),

corrections AS (
    SELECT
        correction_id,
        report_id,
        item,
        value,
        reason
    FROM analytics.corrections
    WHERE status = 'applied' AND fact_table = 'disclosure_counts'
),

merged AS (
    SELECT
        parsed.report_id,
        parsed.item,
        CASE WHEN corrections.correction_id IS NULL THEN parsed.value ELSE corrections.value END AS value,
        parsed.unit,
        parsed.source,
        parsed.is_approximate AND corrections.correction_id IS NULL AS is_approximate,
        parsed.is_inferred AND corrections.correction_id IS NULL AS is_inferred,
        parsed.fact_id,
        parsed.statements_count,
        parsed.has_conflict,
        parsed.value AS parsed_value,
        corrections.correction_id IS NOT NULL AS is_corrected,
        corrections.correction_id,
        corrections.reason AS correction_reason
    FROM parsed
    LEFT JOIN corrections ON corrections.report_id = parsed.report_id AND corrections.item = parsed.item
    UNION ALL
    -- a figure the parser missed: the correction adds it (base table read directly so that the
    -- ranked CTE is not referenced twice, which would materialise it for every query)
    SELECT
        corrections.report_id,
        corrections.item,
        corrections.value,
        NULL AS unit,
        'correction' AS source,
        FALSE AS is_approximate,
        FALSE AS is_inferred,
        NULL::bigint AS fact_id,
        0 AS statements_count,
        FALSE AS has_conflict,
        NULL::numeric AS parsed_value,
        TRUE AS is_corrected,
        corrections.correction_id,
        corrections.reason AS correction_reason
    FROM corrections
    WHERE NOT EXISTS (
        SELECT 1 FROM warehouse.disclosure_counts AS f
        WHERE f.report_id = corrections.report_id AND f.item = corrections.item
    )
)

SELECT
    report_id,
    item,
    value,
    unit,
    source,
    is_approximate,
    is_inferred,
    fact_id,
    statements_count,
    has_conflict,
    parsed_value,
    is_corrected,
    correction_id,
    correction_reason
FROM merged
WHERE value IS NOT NULL;


COMMENT ON VIEW analytics.stg_disclosure IS 'Staging: one row per report × proactive-disclosure item stated, holding the preferred value (table before prose, printed before inferred, exact before approximate, earliest in the text). Figures a report does not state have no row. An applied analyst correction (analytics.corrections) replaces the value, adds a figure the parser missed, or removes one corrected to unknown; the parsed value is kept in parsed_value.';
COMMENT ON COLUMN analytics.stg_disclosure.report_id IS 'Report that states the figure (warehouse.report.id).';
COMMENT ON COLUMN analytics.stg_disclosure.item IS 'Table 2 cell or prose measure (warehouse.disclosure_item key).';
COMMENT ON COLUMN analytics.stg_disclosure.value IS 'The preferred value as stated, or the corrected value.';
COMMENT ON COLUMN analytics.stg_disclosure.unit IS 'Unit as printed with the preferred value, if any.';
COMMENT ON COLUMN analytics.stg_disclosure.source IS 'table or prose: where the preferred value was read; correction for a figure only an analyst correction states.';
COMMENT ON COLUMN analytics.stg_disclosure.is_approximate IS 'The preferred value was printed with an approximation marker (余, 多, 近, 约 …).';
COMMENT ON COLUMN analytics.stg_disclosure.is_inferred IS 'The preferred value was not printed but forced by a table identity.';
COMMENT ON COLUMN analytics.stg_disclosure.fact_id IS 'warehouse.disclosure_counts.id of the preferred value: follow it for provenance (span, evidence).';
COMMENT ON COLUMN analytics.stg_disclosure.statements_count IS 'How many times the report states this figure (prose and table rows together).';
COMMENT ON COLUMN analytics.stg_disclosure.has_conflict IS 'The report states this figure more than once with different values.';
COMMENT ON COLUMN analytics.stg_disclosure.parsed_value IS 'The value the parser chose, before any correction; NULL when the parser found none.';
COMMENT ON COLUMN analytics.stg_disclosure.is_corrected IS 'An analyst correction replaced or added this value (see correction_reason and analytics.corrections).';
COMMENT ON COLUMN analytics.stg_disclosure.correction_id IS 'analytics.corrections.correction_id of the applied correction, if any.';
COMMENT ON COLUMN analytics.stg_disclosure.correction_reason IS 'Why the analyst corrected the value, if corrected.';
