-- analytics.fact_provenance: where each figure the views use came from.
-- Grain: one row per row of stg_requests, stg_appeals and stg_disclosure (report × table × key).
-- Joins the chosen value back to its fact row and section: the sentence or table row it was read
-- from and its span in the report text; for a figure an analyst correction added, the correction's
-- evidence. Report cards link every figure here.
CREATE VIEW analytics.fact_provenance AS
WITH request_values AS (
    SELECT
        report_id,
        item,
        applicant,
        value,
        parsed_value,
        source,
        is_approximate,
        is_corrected,
        correction_id,
        correction_reason,
        fact_id
    FROM analytics.stg_requests
),

appeal_values AS (
    SELECT
        report_id,
        proceeding,
        outcome,
        value,
        parsed_value,
        source,
        is_approximate,
        is_corrected,
        correction_id,
        correction_reason,
        fact_id
    FROM analytics.stg_appeals
),

disclosure_values AS (
    SELECT
        report_id,
        item,
        value,
        parsed_value,
        source,
        is_approximate,
        is_corrected,
        correction_id,
        correction_reason,
        fact_id
    FROM analytics.stg_disclosure
),

request_facts AS (
    SELECT
        id,
        section_id,
        start_offset,
        end_offset,
        evidence,
        label
    FROM warehouse.requests
),

appeal_facts AS (
    SELECT
        id,
        section_id,
        start_offset,
        end_offset,
        evidence,
        label
    FROM warehouse.appeals
),

disclosure_facts AS (
    SELECT
        id,
        section_id,
        start_offset,
        end_offset,
        evidence,
        label
    FROM warehouse.disclosure_counts
),

sections AS (
    SELECT
        id,
        kind,
        heading
    FROM warehouse.section
),

corrections AS (
    SELECT
        correction_id,
        evidence,
        author,
        corrected_on
    FROM analytics.corrections
),

stated AS (
    SELECT
        request_values.report_id,
        'requests' AS fact_table,
        request_values.item AS key,
        request_values.applicant,
        request_values.value,
        request_values.parsed_value,
        request_values.source,
        request_values.is_approximate,
        request_values.is_corrected,
        request_values.correction_id,
        request_values.correction_reason,
        request_values.fact_id,
        request_facts.section_id,
        request_facts.start_offset,
        request_facts.end_offset,
        request_facts.evidence,
        request_facts.label
    FROM request_values
    LEFT JOIN request_facts ON request_facts.id = request_values.fact_id
    UNION ALL
    SELECT
        appeal_values.report_id,
        'appeals' AS fact_table,
        appeal_values.proceeding || '.' || appeal_values.outcome AS key,
        NULL AS applicant,
        appeal_values.value,
        appeal_values.parsed_value,
        appeal_values.source,
        appeal_values.is_approximate,
        appeal_values.is_corrected,
        appeal_values.correction_id,
        appeal_values.correction_reason,
        appeal_values.fact_id,
        appeal_facts.section_id,
        appeal_facts.start_offset,
        appeal_facts.end_offset,
        appeal_facts.evidence,
        appeal_facts.label
    FROM appeal_values
    LEFT JOIN appeal_facts ON appeal_facts.id = appeal_values.fact_id
    UNION ALL
    SELECT
        disclosure_values.report_id,
        'disclosure_counts' AS fact_table,
        disclosure_values.item AS key,
        NULL AS applicant,
        disclosure_values.value,
        disclosure_values.parsed_value,
        disclosure_values.source,
        disclosure_values.is_approximate,
        disclosure_values.is_corrected,
        disclosure_values.correction_id,
        disclosure_values.correction_reason,
        disclosure_values.fact_id,
        disclosure_facts.section_id,
        disclosure_facts.start_offset,
        disclosure_facts.end_offset,
        disclosure_facts.evidence,
        disclosure_facts.label
    FROM disclosure_values
    LEFT JOIN disclosure_facts ON disclosure_facts.id = disclosure_values.fact_id
)

SELECT
    stated.report_id,
    stated.fact_table,
    stated.key,
    stated.applicant,
    stated.value,
    stated.parsed_value,
    stated.source,
    stated.is_approximate,
    stated.is_corrected,
    stated.correction_reason,
    corrections.author AS corrected_by,
    corrections.corrected_on,
    stated.fact_id,
    sections.kind AS section_kind,
    sections.heading AS section_heading,
    stated.start_offset,
    stated.end_offset,
    coalesce(stated.evidence, corrections.evidence) AS evidence,
    stated.label
FROM stated
LEFT JOIN sections ON sections.id = stated.section_id
LEFT JOIN corrections ON corrections.correction_id = stated.correction_id;

COMMENT ON VIEW analytics.fact_provenance IS 'One row per figure of the stg_* views (report × table × key): the value used, the parsed value, whether an analyst corrected it and why, and where it came from: section, character span in the report text and the sentence or table row (or, for a figure a correction added, the correction''s evidence).';
COMMENT ON COLUMN analytics.fact_provenance.report_id IS 'Report stating the figure.';
COMMENT ON COLUMN analytics.fact_provenance.fact_table IS 'requests, appeals or disclosure_counts.';
COMMENT ON COLUMN analytics.fact_provenance.key IS 'Request item, proceeding.outcome (appeals) or disclosure item (docs/domain.md#canonical-keys).';
COMMENT ON COLUMN analytics.fact_provenance.applicant IS 'Applicant column for requests; NULL for the other tables.';
COMMENT ON COLUMN analytics.fact_provenance.value IS 'The value views use (corrected when a correction applies).';
COMMENT ON COLUMN analytics.fact_provenance.parsed_value IS 'The value the parser chose; NULL when only a correction states the figure.';
COMMENT ON COLUMN analytics.fact_provenance.source IS 'table, prose, or correction.';
COMMENT ON COLUMN analytics.fact_provenance.is_approximate IS 'Printed with an approximation marker (余, 多, 近, 约 …).';
COMMENT ON COLUMN analytics.fact_provenance.is_corrected IS 'An analyst correction replaced or added the value.';
COMMENT ON COLUMN analytics.fact_provenance.correction_reason IS 'Why the value was corrected.';
COMMENT ON COLUMN analytics.fact_provenance.corrected_by IS 'Who corrected it.';
COMMENT ON COLUMN analytics.fact_provenance.corrected_on IS 'When it was corrected.';
COMMENT ON COLUMN analytics.fact_provenance.fact_id IS 'The fact row (warehouse.requests / appeals / disclosure_counts id) the parsed value came from.';
COMMENT ON COLUMN analytics.fact_provenance.section_kind IS 'Kind of the section the figure was read in.';
COMMENT ON COLUMN analytics.fact_provenance.section_heading IS 'Heading of that section as printed.';
COMMENT ON COLUMN analytics.fact_provenance.start_offset IS 'Start of the value in the report text.';
COMMENT ON COLUMN analytics.fact_provenance.end_offset IS 'End of the value in the report text.';
COMMENT ON COLUMN analytics.fact_provenance.evidence IS 'The sentence or table row the value was read from (or the correction''s evidence).';
COMMENT ON COLUMN analytics.fact_provenance.label IS 'Row label or phrase as printed, when it helps to read the key.';
