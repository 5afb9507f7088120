-- analytics.table2_wide: Table 2 (主动公开政府信息情况) wide, for BI tools.
-- Grain: one row per report (primary or not); one column per Table 2 template cell.
-- Values come from analytics.stg_disclosure (table before prose); an unstated cell is NULL.
-- Generated once from the vocabulary, then edited by hand like any view file.
CREATE VIEW analytics.table2_wide AS
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
        item,
        value
    FROM analytics.stg_disclosure
),

pivoted AS (
    SELECT
        report_id,
        max(value) FILTER (WHERE item = 'art20_1.regulations.issued') AS art20_1_regulations_issued,
        max(value) FILTER (WHERE item = 'art20_1.regulations.repealed') AS art20_1_regulations_repealed,
        max(value) FILTER (WHERE item = 'art20_1.regulations.in_force') AS art20_1_regulations_in_force,
        max(value) FILTER (WHERE item = 'art20_1.normative_docs.issued') AS art20_1_normative_docs_issued,
        max(value) FILTER (WHERE item = 'art20_1.normative_docs.repealed') AS art20_1_normative_docs_repealed,
        max(value) FILTER (WHERE item = 'art20_1.normative_docs.in_force') AS art20_1_normative_docs_in_force,
        max(value) FILTER (WHERE item = 'art20_5.licensing.decisions') AS art20_5_licensing_decisions,
        max(value) FILTER (WHERE item = 'art20_6.penalty.decisions') AS art20_6_penalty_decisions,
        max(value) FILTER (WHERE item = 'art20_6.coercion.decisions') AS art20_6_coercion_decisions,
        max(value) FILTER (WHERE item = 'art20_8.admin_fees.amount_wan_yuan') AS art20_8_admin_fees_amount_wan_yuan,
        max(value) FILTER (WHERE item = 'art20_1.regulations.made') AS art20_1_regulations_made,
        max(value) FILTER (WHERE item = 'art20_1.regulations.published') AS art20_1_regulations_published,
        max(value) FILTER (WHERE item = 'art20_1.regulations.public_total') AS art20_1_regulations_public_total,
        max(value) FILTER (WHERE item = 'art20_1.normative_docs.made') AS art20_1_normative_docs_made,
        max(value) FILTER (WHERE item = 'art20_1.normative_docs.published') AS art20_1_normative_docs_published,
        max(value) FILTER (WHERE item = 'art20_1.normative_docs.public_total') AS art20_1_normative_docs_public_total,
        max(value) FILTER (WHERE item = 'art20_5.licensing.prev_items') AS art20_5_licensing_prev_items,
        max(value) FILTER (WHERE item = 'art20_5.licensing.change') AS art20_5_licensing_change,
        max(value) FILTER (WHERE item = 'art20_5.other_services.prev_items') AS art20_5_other_services_prev_items,
        max(value) FILTER (WHERE item = 'art20_5.other_services.change') AS art20_5_other_services_change,
        max(value) FILTER (WHERE item = 'art20_5.other_services.decisions') AS art20_5_other_services_decisions,
        max(value) FILTER (WHERE item = 'art20_6.penalty.prev_items') AS art20_6_penalty_prev_items,
        max(value) FILTER (WHERE item = 'art20_6.penalty.change') AS art20_6_penalty_change,
        max(value) FILTER (WHERE item = 'art20_6.coercion.prev_items') AS art20_6_coercion_prev_items,
        max(value) FILTER (WHERE item = 'art20_6.coercion.change') AS art20_6_coercion_change,
        max(value) FILTER (WHERE item = 'art20_8.admin_fees.prev_items') AS art20_8_admin_fees_prev_items,
        max(value) FILTER (WHERE item = 'art20_8.admin_fees.change') AS art20_8_admin_fees_change,
        max(value) FILTER (WHERE item = 'art20_9.central_procurement.projects') AS art20_9_central_procurement_projects,
        max(value) FILTER (WHERE item = 'art20_9.central_procurement.amount') AS art20_9_central_procurement_amount,
        max(value) FILTER (WHERE item = 'art20.other') AS art20_other
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
    pivoted.art20_1_regulations_issued,
    pivoted.art20_1_regulations_repealed,
    pivoted.art20_1_regulations_in_force,
    pivoted.art20_1_normative_docs_issued,
    pivoted.art20_1_normative_docs_repealed,
    pivoted.art20_1_normative_docs_in_force,
    pivoted.art20_5_licensing_decisions,
    pivoted.art20_6_penalty_decisions,
    pivoted.art20_6_coercion_decisions,
    pivoted.art20_8_admin_fees_amount_wan_yuan,
    pivoted.art20_1_regulations_made,
    pivoted.art20_1_regulations_published,
    pivoted.art20_1_regulations_public_total,
    pivoted.art20_1_normative_docs_made,
    pivoted.art20_1_normative_docs_published,
    pivoted.art20_1_normative_docs_public_total,
    pivoted.art20_5_licensing_prev_items,
    pivoted.art20_5_licensing_change,
    pivoted.art20_5_other_services_prev_items,
    pivoted.art20_5_other_services_change,
    pivoted.art20_5_other_services_decisions,
    pivoted.art20_6_penalty_prev_items,
    pivoted.art20_6_penalty_change,
    pivoted.art20_6_coercion_prev_items,
    pivoted.art20_6_coercion_change,
    pivoted.art20_8_admin_fees_prev_items,
    pivoted.art20_8_admin_fees_change,
    pivoted.art20_9_central_procurement_projects,
    pivoted.art20_9_central_procurement_amount,
    pivoted.art20_other
FROM reports
LEFT JOIN agencies ON agencies.id = reports.agency_id
LEFT JOIN pivoted ON pivoted.report_id = reports.id;

COMMENT ON VIEW analytics.table2_wide IS 'Table 2 (proactive disclosure, Article 20 items) wide for BI tools: one row per report (all reports; filter is_primary), one column per template cell, named after the item key with dots as underscores. 2019 and 2021 columns differ in meaning and are kept apart. NULL = not stated.';
COMMENT ON COLUMN analytics.table2_wide.report_id IS 'Report identifier (warehouse.report.id).';
COMMENT ON COLUMN analytics.table2_wide.is_primary IS 'The report views use for its agency and year.';
COMMENT ON COLUMN analytics.table2_wide.agency_id IS 'Canonical agency (warehouse.agency.id); NULL when unknown.';
COMMENT ON COLUMN analytics.table2_wide.agency_name IS 'Canonical agency name; the printed name when no canonical agency is known.';
COMMENT ON COLUMN analytics.table2_wide.year IS 'Data year; NULL when unknown.';
COMMENT ON COLUMN analytics.table2_wide.format IS 'Report format: 2019-template, 2021-template, prose or prose+table.';
COMMENT ON COLUMN analytics.table2_wide.art20_1_regulations_issued IS 'Table 2 cell art20_1.regulations.issued: Art. 20(1) regulations and normative documents: regulations issued (2021 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_regulations_repealed IS 'Table 2 cell art20_1.regulations.repealed: Art. 20(1) regulations and normative documents: regulations repealed (2021 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_regulations_in_force IS 'Table 2 cell art20_1.regulations.in_force: Art. 20(1) regulations and normative documents: regulations in force (2021 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_normative_docs_issued IS 'Table 2 cell art20_1.normative_docs.issued: Art. 20(1) regulations and normative documents: normative docs issued (2021 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_normative_docs_repealed IS 'Table 2 cell art20_1.normative_docs.repealed: Art. 20(1) regulations and normative documents: normative docs repealed (2021 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_normative_docs_in_force IS 'Table 2 cell art20_1.normative_docs.in_force: Art. 20(1) regulations and normative documents: normative docs in force (2021 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_5_licensing_decisions IS 'Table 2 cell art20_5.licensing.decisions: Art. 20(5) licensing and services: licensing decisions (both templates).';
COMMENT ON COLUMN analytics.table2_wide.art20_6_penalty_decisions IS 'Table 2 cell art20_6.penalty.decisions: Art. 20(6) penalties and coercion: penalty decisions (both templates).';
COMMENT ON COLUMN analytics.table2_wide.art20_6_coercion_decisions IS 'Table 2 cell art20_6.coercion.decisions: Art. 20(6) penalties and coercion: coercion decisions (both templates).';
COMMENT ON COLUMN analytics.table2_wide.art20_8_admin_fees_amount_wan_yuan IS 'Table 2 cell art20_8.admin_fees.amount_wan_yuan: Art. 20(8) administrative fees: admin fees amount wan yuan (2021 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_regulations_made IS 'Table 2 cell art20_1.regulations.made: Art. 20(1) regulations and normative documents: regulations made (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_regulations_published IS 'Table 2 cell art20_1.regulations.published: Art. 20(1) regulations and normative documents: regulations published (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_regulations_public_total IS 'Table 2 cell art20_1.regulations.public_total: Art. 20(1) regulations and normative documents: regulations public total (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_normative_docs_made IS 'Table 2 cell art20_1.normative_docs.made: Art. 20(1) regulations and normative documents: normative docs made (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_normative_docs_published IS 'Table 2 cell art20_1.normative_docs.published: Art. 20(1) regulations and normative documents: normative docs published (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_1_normative_docs_public_total IS 'Table 2 cell art20_1.normative_docs.public_total: Art. 20(1) regulations and normative documents: normative docs public total (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_5_licensing_prev_items IS 'Table 2 cell art20_5.licensing.prev_items: Art. 20(5) licensing and services: licensing prev items (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_5_licensing_change IS 'Table 2 cell art20_5.licensing.change: Art. 20(5) licensing and services: licensing change (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_5_other_services_prev_items IS 'Table 2 cell art20_5.other_services.prev_items: Art. 20(5) licensing and services: other services prev items (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_5_other_services_change IS 'Table 2 cell art20_5.other_services.change: Art. 20(5) licensing and services: other services change (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_5_other_services_decisions IS 'Table 2 cell art20_5.other_services.decisions: Art. 20(5) licensing and services: other services decisions (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_6_penalty_prev_items IS 'Table 2 cell art20_6.penalty.prev_items: Art. 20(6) penalties and coercion: penalty prev items (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_6_penalty_change IS 'Table 2 cell art20_6.penalty.change: Art. 20(6) penalties and coercion: penalty change (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_6_coercion_prev_items IS 'Table 2 cell art20_6.coercion.prev_items: Art. 20(6) penalties and coercion: coercion prev items (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_6_coercion_change IS 'Table 2 cell art20_6.coercion.change: Art. 20(6) penalties and coercion: coercion change (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_8_admin_fees_prev_items IS 'Table 2 cell art20_8.admin_fees.prev_items: Art. 20(8) administrative fees: admin fees prev items (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_8_admin_fees_change IS 'Table 2 cell art20_8.admin_fees.change: Art. 20(8) administrative fees: admin fees change (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_9_central_procurement_projects IS 'Table 2 cell art20_9.central_procurement.projects: Art. 20(9) central procurement: central procurement projects (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_9_central_procurement_amount IS 'Table 2 cell art20_9.central_procurement.amount: Art. 20(9) central procurement: central procurement amount (2019 template).';
COMMENT ON COLUMN analytics.table2_wide.art20_other IS 'Table 2 cell art20.other: art20: other (extra rows a template variant adds).';
