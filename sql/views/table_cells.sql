-- analytics.table_cells: every template-table cell the parser read, as printed.
-- Grain: one row per printed cell of Tables 2, 3 and 4 (report × table × row key × column key).
-- A cell keeps its text and what it states (semantic): number, zero (0 or 无), blank, not_applicable
-- (—, -, /, 不适用, N/A) or text (详见附表, 略). Only number and zero cells become figures; a blank or
-- not-applicable cell has value NULL here and no figure in the other views (never 0), unless an
-- identity forced a 0, which shows as fact_is_inferred. The linked fact is the one stored for the
-- same report, table, keys and span.
CREATE VIEW analytics.table_cells AS
WITH cells AS (
    SELECT
        id,
        report_id,
        table_name,
        row_key,
        column_key,
        text,
        semantic,
        value,
        start_offset,
        end_offset
    FROM warehouse.table_cell
),

reports AS (
    SELECT
        id,
        agency_id,
        agency_name,
        year,
        is_primary
    FROM warehouse.report
),

agencies AS (
    SELECT
        id,
        name
    FROM warehouse.agency
),

facts AS (
    SELECT
        id AS fact_id,
        report_id,
        'requests' AS table_name,
        item AS row_key,
        applicant AS column_key,
        value,
        is_inferred,
        start_offset,
        end_offset
    FROM warehouse.requests
    WHERE source = 'table'
    UNION ALL
    SELECT
        id AS fact_id,
        report_id,
        'appeals' AS table_name,
        proceeding AS row_key,
        outcome AS column_key,
        value,
        is_inferred,
        start_offset,
        end_offset
    FROM warehouse.appeals
    WHERE source = 'table'
    UNION ALL
    SELECT
        id AS fact_id,
        report_id,
        'disclosure_counts' AS table_name,
        item AS row_key,
        NULL AS column_key,
        value,
        is_inferred,
        start_offset,
        end_offset
    FROM warehouse.disclosure_counts
    WHERE source = 'table'
),

linked AS (
    SELECT DISTINCT ON (cells.id)
        cells.id AS cell_id,
        facts.fact_id,
        facts.value AS fact_value,
        facts.is_inferred AS fact_is_inferred
    FROM cells
    INNER JOIN facts
        ON
            cells.report_id = facts.report_id
            AND cells.table_name = facts.table_name
            AND cells.row_key = facts.row_key
            AND cells.column_key IS NOT DISTINCT FROM facts.column_key
            AND cells.start_offset = facts.start_offset
            AND cells.end_offset = facts.end_offset
    ORDER BY cells.id, facts.fact_id
)

SELECT
    cells.id AS cell_id,
    cells.report_id,
    reports.agency_id,
    COALESCE(agencies.name, reports.agency_name) AS agency_name,
    reports.year,
    reports.is_primary,
    cells.table_name,
    cells.row_key,
    cells.column_key,
    cells.text,
    cells.semantic,
    cells.value,
    cells.start_offset,
    cells.end_offset,
    linked.fact_id,
    linked.fact_value,
    linked.fact_is_inferred
FROM cells
INNER JOIN reports ON cells.report_id = reports.id
LEFT JOIN agencies ON reports.agency_id = agencies.id
LEFT JOIN linked ON cells.id = linked.cell_id;

COMMENT ON VIEW analytics.table_cells IS 'One row per template-table cell the parser read, as printed: its text, what it states (number, zero, blank, not_applicable, text), its position and the figure stored from it.';
COMMENT ON COLUMN analytics.table_cells.cell_id IS 'warehouse.table_cell.id.';
COMMENT ON COLUMN analytics.table_cells.report_id IS 'Report whose table printed the cell.';
COMMENT ON COLUMN analytics.table_cells.agency_id IS 'Canonical agency of the report (NULL when unknown).';
COMMENT ON COLUMN analytics.table_cells.agency_name IS 'Canonical agency name, else the name as printed.';
COMMENT ON COLUMN analytics.table_cells.year IS 'Reported year (NULL when unknown).';
COMMENT ON COLUMN analytics.table_cells.is_primary IS 'Whether the report is the primary one of its agency and year.';
COMMENT ON COLUMN analytics.table_cells.table_name IS 'requests (Table 3), appeals (Table 4) or disclosure_counts (Table 2).';
COMMENT ON COLUMN analytics.table_cells.row_key IS 'Request item, proceeding, or disclosure item (art20.other when its row could not be named).';
COMMENT ON COLUMN analytics.table_cells.column_key IS 'Applicant or outcome; NULL for Table 2.';
COMMENT ON COLUMN analytics.table_cells.text IS 'The cell text as printed (empty for a blank cell).';
COMMENT ON COLUMN analytics.table_cells.semantic IS 'number, zero (0 or 无), blank, not_applicable (—, -, /, 不适用, N/A) or text (详见附表, 略).';
COMMENT ON COLUMN analytics.table_cells.value IS 'The printed number for number and zero cells; NULL for blank, not_applicable and text (never 0).';
COMMENT ON COLUMN analytics.table_cells.start_offset IS 'Start of the cell in the report text.';
COMMENT ON COLUMN analytics.table_cells.end_offset IS 'End of the cell in the report text.';
COMMENT ON COLUMN analytics.table_cells.fact_id IS 'The table figure stored from this cell (id in the fact table named by table_name); NULL when none.';
COMMENT ON COLUMN analytics.table_cells.fact_value IS 'That figure''s value; for a blank cell it is a 0 an identity forced (fact_is_inferred).';
COMMENT ON COLUMN analytics.table_cells.fact_is_inferred IS 'The figure was not printed but forced by an identity (docs/domain.md#cell-values).';
