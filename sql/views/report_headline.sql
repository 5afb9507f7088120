-- analytics.report_headline: the headline figures of every primary report.
-- Grain: one row per primary report (warehouse.report.is_primary), i.e. one per agency × year.
--
-- Rules (also in docs/views.md):
-- * Values come from analytics.stg_*: a figure stated in both a table and prose takes the table value.
-- * Unknown is NULL, never 0. A figure the report does not state is NULL; a stated 0 is 0.
-- * A group figure (denied, unable, not_processed, other, reviews, lawsuits) is the sum of its stated
--   parts, and NULL when no part is stated. When no part is stated the group figure printed as such
--   (e.g. prose "不予公开3件" → item denied) is used. outcome_rows_missing and table4_cells_missing
--   say how many template cells were blank, so a sum over some parts is never silently taken for a
--   complete one.
-- * other: 2019 template row `other` = 2021 Σ `other.*` (docs/domain.md#table3-versions).
-- * Rates divide by NULLIF(denominator, 0): a zero or unknown denominator gives NULL.
CREATE VIEW analytics.report_headline AS
WITH reports AS (
    SELECT
        id,
        document_id,
        agency_id,
        agency_name,
        year,
        format,
        scope,
        level,
        province,
        city,
        county,
        adcode,
        published_on,
        is_truncated
    FROM warehouse.report
    WHERE is_primary
),

agencies AS (
    SELECT
        id,
        name,
        level,
        province,
        city,
        county,
        adcode
    FROM warehouse.agency
),

documents AS (
    SELECT
        id,
        path
    FROM ingest.source_document
),

request_totals AS (
    SELECT
        report_id,
        item,
        value,
        source,
        is_approximate
    FROM analytics.stg_requests
    WHERE applicant = 'total'
),

appeal_values AS (
    SELECT
        report_id,
        proceeding,
        outcome,
        value,
        source,
        is_approximate
    FROM analytics.stg_appeals
),

disclosure_values AS (
    SELECT
        report_id,
        item,
        value,
        source,
        is_approximate
    FROM analytics.stg_disclosure
),

sections AS (
    SELECT
        report_id,
        kind
    FROM warehouse.section
),

measures AS (
    SELECT
        report_id,
        kind
    FROM warehouse.improvement_measures
),

request_figures AS (
    SELECT
        report_id,
        max(value) FILTER (WHERE item = 'new_received') AS new_received,
        max(value) FILTER (WHERE item = 'carried_over') AS carried_over,
        max(value) FILTER (WHERE item = 'total_processed') AS total_processed,
        max(value) FILTER (WHERE item = 'carried_forward') AS carried_forward,
        max(value) FILTER (WHERE item = 'granted') AS granted,
        max(value) FILTER (WHERE item = 'partially_granted') AS partially_granted,
        sum(value) FILTER (WHERE starts_with(item, 'denied.')) AS denied_parts,
        max(value) FILTER (WHERE item = 'denied') AS denied_group,
        sum(value) FILTER (WHERE starts_with(item, 'unable.')) AS unable_parts,
        max(value) FILTER (WHERE item = 'unable') AS unable_group,
        sum(value) FILTER (WHERE starts_with(item, 'not_processed.')) AS not_processed_parts,
        max(value) FILTER (WHERE item = 'not_processed') AS not_processed_group,
        sum(value) FILTER (WHERE starts_with(item, 'other.')) AS other_parts,
        max(value) FILTER (WHERE item = 'other') AS other_single,
        count(*) FILTER (
            WHERE item IN (
                'granted', 'partially_granted',
                'denied.state_secret', 'denied.prohibited_by_law', 'denied.security_stability',
                'denied.third_party_rights', 'denied.internal_affairs', 'denied.process_information',
                'denied.enforcement_file', 'denied.administrative_query',
                'unable.not_held', 'unable.needs_creation', 'unable.still_unclear',
                'not_processed.petition_complaint', 'not_processed.repeat', 'not_processed.publication',
                'not_processed.mass_repetitive', 'not_processed.confirm_or_reissue'
            )
        ) AS common_outcome_rows_stated,
        count(*) FILTER (WHERE item = 'other') AS other_2019_rows_stated,
        count(*) FILTER (WHERE starts_with(item, 'other.')) AS other_2021_rows_stated,
        bool_or(source = 'prose') FILTER (WHERE item <> 'answered' AND split_part(item, '.', 1) NOT IN (
            'legacy', 'received_by'
        )) AS has_prose,
        bool_or(is_approximate) FILTER (WHERE item <> 'answered' AND split_part(item, '.', 1) NOT IN (
            'legacy', 'received_by'
        )) AS has_approximate
    FROM request_totals
    GROUP BY report_id
),

appeal_figures AS (
    SELECT
        report_id,
        max(value) FILTER (WHERE proceeding = 'review' AND outcome = 'total') AS review_total,
        sum(value) FILTER (WHERE proceeding = 'review' AND outcome <> 'total') AS review_parts,
        max(value) FILTER (WHERE proceeding = 'litigation_direct' AND outcome = 'total') AS direct_total,
        sum(value) FILTER (WHERE proceeding = 'litigation_direct' AND outcome <> 'total') AS direct_parts,
        max(value) FILTER (WHERE proceeding = 'litigation_after_review' AND outcome = 'total') AS after_review_total,
        sum(value) FILTER (
            WHERE proceeding = 'litigation_after_review' AND outcome <> 'total'
        ) AS after_review_parts,
        max(value) FILTER (WHERE proceeding = 'litigation' AND outcome = 'total') AS litigation_total,
        sum(value) FILTER (WHERE proceeding = 'litigation' AND outcome <> 'total') AS litigation_parts,
        sum(value) FILTER (WHERE proceeding IN ('review', 'litigation_direct', 'litigation_after_review')
            AND outcome = 'corrected') AS corrected_split,
        max(value) FILTER (WHERE proceeding = 'litigation' AND outcome = 'corrected') AS corrected_litigation,
        count(*) FILTER (
            WHERE proceeding IN ('review', 'litigation_direct', 'litigation_after_review')
        ) AS table4_cells_stated,
        bool_or(source = 'prose') FILTER (WHERE proceeding <> 'complaint') AS has_prose,
        bool_or(is_approximate) FILTER (WHERE proceeding <> 'complaint') AS has_approximate
    FROM appeal_values
    GROUP BY report_id
),

appeal_groups AS (
    SELECT
        report_id,
        coalesce(review_total, review_parts) AS reviews_total,
        coalesce(direct_total, direct_parts) AS direct,
        coalesce(after_review_total, after_review_parts) AS after_review,
        coalesce(litigation_total, litigation_parts) AS litigation,
        corrected_split,
        corrected_litigation,
        table4_cells_stated,
        has_prose,
        has_approximate
    FROM appeal_figures
),

appeal_headline AS (
    SELECT
        report_id,
        reviews_total,
        CASE
            WHEN direct IS NOT NULL OR after_review IS NOT NULL
                THEN coalesce(direct, 0) + coalesce(after_review, 0)
            ELSE litigation
        END AS lawsuits_total,
        CASE
            WHEN direct IS NOT NULL OR after_review IS NOT NULL OR corrected_litigation IS NULL
                THEN corrected_split
            ELSE coalesce(corrected_split, 0) + corrected_litigation
        END AS appeals_corrected,
        table4_cells_stated,
        has_prose,
        has_approximate
    FROM appeal_groups
),

disclosure_figures AS (
    SELECT
        report_id,
        max(value) FILTER (WHERE item = 'proactive.total') AS proactive_total,
        bool_or(source = 'prose') FILTER (WHERE item = 'proactive.total') AS has_prose,
        bool_or(is_approximate) FILTER (WHERE item = 'proactive.total') AS has_approximate
    FROM disclosure_values
    GROUP BY report_id
),

correction_counts AS (
    SELECT
        report_id,
        count(*) AS corrections_applied
    FROM analytics.corrections
    WHERE status = 'applied'
    GROUP BY report_id
),

measure_counts AS (
    SELECT
        report_id,
        count(*) FILTER (WHERE kind = 'measure') AS measures_count
    FROM measures
    GROUP BY report_id
),

improvement_sections AS (
    SELECT DISTINCT report_id
    FROM sections
    WHERE kind = 'problems_and_improvements'
),

joined AS (
    SELECT
        reports.id AS report_id,
        reports.document_id,
        documents.path AS document_path,
        reports.agency_id,
        coalesce(agencies.name, reports.agency_name) AS agency_name,
        reports.agency_name AS agency_name_as_printed,
        coalesce(agencies.level, reports.level) AS level,
        coalesce(agencies.province, reports.province) AS province,
        coalesce(agencies.city, reports.city) AS city,
        coalesce(agencies.county, reports.county) AS county,
        coalesce(agencies.adcode, reports.adcode) AS adcode,
        reports.year,
        reports.format,
        CASE reports.format
            WHEN '2019-template' THEN '2019'
            WHEN '2021-template' THEN '2021'
        END AS template_version,
        reports.scope,
        reports.published_on,
        reports.is_truncated,
        request_figures.new_received,
        request_figures.carried_over,
        request_figures.total_processed,
        request_figures.carried_forward,
        request_figures.granted,
        request_figures.partially_granted,
        coalesce(request_figures.denied_parts, request_figures.denied_group) AS denied,
        coalesce(request_figures.unable_parts, request_figures.unable_group) AS unable,
        coalesce(request_figures.not_processed_parts, request_figures.not_processed_group) AS not_processed,
        coalesce(request_figures.other_parts, request_figures.other_single) AS other,
        CASE reports.format
            WHEN '2019-template' THEN 19 - coalesce(request_figures.common_outcome_rows_stated, 0)
                - coalesce(request_figures.other_2019_rows_stated, 0)
            WHEN '2021-template' THEN 21 - coalesce(request_figures.common_outcome_rows_stated, 0)
                - coalesce(request_figures.other_2021_rows_stated, 0)
        END AS outcome_rows_missing,
        appeal_headline.reviews_total,
        appeal_headline.lawsuits_total,
        appeal_headline.appeals_corrected,
        CASE
            WHEN reports.format IN ('2019-template', '2021-template')
                THEN 15 - coalesce(appeal_headline.table4_cells_stated, 0)
        END AS table4_cells_missing,
        disclosure_figures.proactive_total,
        CASE
            WHEN improvement_sections.report_id IS NOT NULL OR measure_counts.report_id IS NOT NULL
                THEN coalesce(measure_counts.measures_count, 0)
        END AS improvement_measures_count,
        coalesce(request_figures.has_prose, FALSE)
        OR coalesce(appeal_headline.has_prose, FALSE)
        OR coalesce(disclosure_figures.has_prose, FALSE) AS has_prose_figures,
        coalesce(request_figures.has_approximate, FALSE)
        OR coalesce(appeal_headline.has_approximate, FALSE)
        OR coalesce(disclosure_figures.has_approximate, FALSE) AS has_approximate_figures,
        coalesce(correction_counts.corrections_applied, 0) AS corrections_applied
    FROM reports
    LEFT JOIN agencies ON agencies.id = reports.agency_id
    LEFT JOIN documents ON documents.id = reports.document_id
    LEFT JOIN request_figures ON request_figures.report_id = reports.id
    LEFT JOIN appeal_headline ON appeal_headline.report_id = reports.id
    LEFT JOIN disclosure_figures ON disclosure_figures.report_id = reports.id
    LEFT JOIN measure_counts ON measure_counts.report_id = reports.id
    LEFT JOIN improvement_sections ON improvement_sections.report_id = reports.id
    LEFT JOIN correction_counts ON correction_counts.report_id = reports.id
)

SELECT
    report_id,
    document_id,
    document_path,
    agency_id,
    agency_name,
    agency_name_as_printed,
    level,
    province,
    city,
    county,
    adcode,
    year,
    format,
    template_version,
    scope,
    published_on,
    is_truncated,
    new_received,
    carried_over,
    total_processed,
    carried_forward,
    granted,
    partially_granted,
    denied,
    unable,
    not_processed,
    other,
    outcome_rows_missing,
    round(granted / nullif(total_processed, 0), 4) AS grant_rate,
    round(denied / nullif(total_processed, 0), 4) AS refusal_rate,
    reviews_total,
    lawsuits_total,
    appeals_corrected,
    table4_cells_missing,
    round(
        appeals_corrected / nullif(
            CASE
                WHEN reviews_total IS NOT NULL OR lawsuits_total IS NOT NULL
                    THEN coalesce(reviews_total, 0) + coalesce(lawsuits_total, 0)
            END, 0
        ), 4
    ) AS corrected_share,
    proactive_total,
    improvement_measures_count,
    num_nonnulls(
        new_received, total_processed, granted, partially_granted, denied, unable, not_processed, other,
        reviews_total, lawsuits_total, proactive_total
    ) AS figures_stated,
    round(
        num_nonnulls(
            new_received, total_processed, granted, partially_granted, denied, unable, not_processed, other,
            reviews_total, lawsuits_total, proactive_total
        ) / 11.0, 4
    ) AS completeness,
    has_prose_figures,
    has_approximate_figures,
    corrections_applied
FROM joined;

COMMENT ON VIEW analytics.report_headline IS 'One row per primary report (one per agency × year): agency, year, template and the headline figures. Table values are preferred over prose values for the same figure; unknown figures are NULL, never 0; a group figure is the sum of its stated parts (NULL when none is stated, then the group figure printed as such); rates are NULL when the denominator is 0 or unknown.';
COMMENT ON COLUMN analytics.report_headline.report_id IS 'Report identifier (warehouse.report.id).';
COMMENT ON COLUMN analytics.report_headline.document_id IS 'Document the report was read from (ingest.source_document.id).';
COMMENT ON COLUMN analytics.report_headline.document_path IS 'Path of the document the report was read from.';
COMMENT ON COLUMN analytics.report_headline.agency_id IS 'Canonical agency (warehouse.agency.id); NULL when the agency is unknown.';
COMMENT ON COLUMN analytics.report_headline.agency_name IS 'Canonical agency name (the same across renames); the printed name when no canonical agency is known.';
COMMENT ON COLUMN analytics.report_headline.agency_name_as_printed IS 'Agency name as this report prints it.';
COMMENT ON COLUMN analytics.report_headline.level IS 'Administrative level: central, province, city, county or township (canonical agency first, else as parsed).';
COMMENT ON COLUMN analytics.report_headline.province IS 'Province-level division; NULL for central bodies or unknown.';
COMMENT ON COLUMN analytics.report_headline.city IS 'Prefecture-level division, if any.';
COMMENT ON COLUMN analytics.report_headline.county IS 'County-level division, if any.';
COMMENT ON COLUMN analytics.report_headline.adcode IS 'GB/T 2260 code of the agency''s region.';
COMMENT ON COLUMN analytics.report_headline.year IS 'Data year the report covers.';
COMMENT ON COLUMN analytics.report_headline.format IS 'Report format: 2019-template, 2021-template, prose or prose+table.';
COMMENT ON COLUMN analytics.report_headline.template_version IS 'Template version of the tables: 2019 or 2021; NULL for prose reports.';
COMMENT ON COLUMN analytics.report_headline.scope IS 'region (a summary of a whole area) or agency (a single agency).';
COMMENT ON COLUMN analytics.report_headline.published_on IS 'Publication date from the signature, if stated.';
COMMENT ON COLUMN analytics.report_headline.is_truncated IS 'The report text is cut off: figures may be missing.';
COMMENT ON COLUMN analytics.report_headline.new_received IS 'Requests newly received this year (Table 3 row 一, total column, or prose).';
COMMENT ON COLUMN analytics.report_headline.carried_over IS 'Requests carried over from the previous year (Table 3 row 二, total column).';
COMMENT ON COLUMN analytics.report_headline.total_processed IS 'Requests processed this year (Table 3 （七）总计, total column).';
COMMENT ON COLUMN analytics.report_headline.carried_forward IS 'Requests carried forward to next year (Table 3 row 四, total column).';
COMMENT ON COLUMN analytics.report_headline.granted IS 'Requests granted in full (予以公开).';
COMMENT ON COLUMN analytics.report_headline.partially_granted IS 'Requests partially granted (部分公开).';
COMMENT ON COLUMN analytics.report_headline.denied IS 'Requests denied (不予公开): Σ of the stated denied.* rows; the group figure denied when no row is stated; NULL when neither is stated.';
COMMENT ON COLUMN analytics.report_headline.unable IS 'Requests the agency could not answer (无法提供): Σ of the stated unable.* rows, else the group figure.';
COMMENT ON COLUMN analytics.report_headline.not_processed IS 'Requests not processed (不予处理): Σ of the stated not_processed.* rows, else the group figure.';
COMMENT ON COLUMN analytics.report_headline.other IS 'Other handling (其他处理): 2021 Σ of the stated other.* rows, else the 2019 single row other.';
COMMENT ON COLUMN analytics.report_headline.outcome_rows_missing IS 'Template outcome rows (（一）…（六）, total column) with no value: 19 rows in 2019, 21 in 2021. Above 0 means the outcome sums above cover only the stated rows. NULL for prose reports.';
COMMENT ON COLUMN analytics.report_headline.grant_rate IS 'granted / total_processed, 4 decimals; NULL when either is unknown or total_processed is 0.';
COMMENT ON COLUMN analytics.report_headline.refusal_rate IS 'denied / total_processed, 4 decimals; NULL when either is unknown or total_processed is 0.';
COMMENT ON COLUMN analytics.report_headline.reviews_total IS 'Administrative reviews (行政复议): the stated total, else Σ of the stated outcomes; NULL when none is stated.';
COMMENT ON COLUMN analytics.report_headline.lawsuits_total IS 'Lawsuits (行政诉讼): litigation_direct + litigation_after_review (each its total, else Σ of its outcomes; a route not stated counts as absent), or the undivided litigation figure when neither route is stated.';
COMMENT ON COLUMN analytics.report_headline.appeals_corrected IS 'Review and lawsuit cases whose result was corrected (结果纠正), over all proceedings except complaints; NULL when not stated.';
COMMENT ON COLUMN analytics.report_headline.table4_cells_missing IS 'Table 4 cells (3 proceedings × 5 outcomes) with no value. Above 0 means reviews_total and lawsuits_total may cover only the stated cells. NULL for prose reports.';
COMMENT ON COLUMN analytics.report_headline.corrected_share IS 'appeals_corrected / (reviews_total + lawsuits_total), counting reviews and lawsuits together as cases; NULL when the denominator is 0 or unknown.';
COMMENT ON COLUMN analytics.report_headline.proactive_total IS 'Items proactively disclosed this year (proactive.total, usually from prose).';
COMMENT ON COLUMN analytics.report_headline.improvement_measures_count IS 'Improvement measures listed; NULL when the report has no problems-and-improvements section and no measures were read.';
COMMENT ON COLUMN analytics.report_headline.figures_stated IS 'How many of the 11 headline figures (new_received, total_processed, granted, partially_granted, denied, unable, not_processed, other, reviews_total, lawsuits_total, proactive_total) are stated.';
COMMENT ON COLUMN analytics.report_headline.completeness IS 'figures_stated / 11, 4 decimals: 1 means every headline figure is stated.';
COMMENT ON COLUMN analytics.report_headline.has_prose_figures IS 'Some headline figure was read from prose (no table value for it).';
COMMENT ON COLUMN analytics.report_headline.has_approximate_figures IS 'Some headline figure was printed as approximate (余, 多, 近, 约 …).';
COMMENT ON COLUMN analytics.report_headline.corrections_applied IS 'Analyst corrections applied to this report''s figures (analytics.corrections, status applied); 0 means every figure is as parsed.';
