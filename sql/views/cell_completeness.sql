-- analytics.cell_completeness: how much of each report's template tables was filled, by kind of cell.
-- Grain: one row per report (every report, with is_primary; a report without template tables has
-- cells_read = 0). Counts the printed cells of analytics.table_cells by semantic, so an analyst can
-- filter out reports whose tables are mostly blank or not applicable before comparing them.
-- filled_share is (number + zero cells) / cells read, NULL when no cell was read (never 0 or 1).
CREATE VIEW analytics.cell_completeness AS
WITH reports AS (
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

counts AS (
    SELECT
        report_id,
        COUNT(*) AS cells_read,
        COUNT(*) FILTER (WHERE semantic = 'number') AS number_cells,
        COUNT(*) FILTER (WHERE semantic = 'zero') AS zero_cells,
        COUNT(*) FILTER (WHERE semantic = 'blank') AS blank_cells,
        COUNT(*) FILTER (WHERE semantic = 'not_applicable') AS not_applicable_cells,
        COUNT(*) FILTER (WHERE semantic = 'text') AS text_cells,
        COUNT(*) FILTER (WHERE table_name = 'disclosure_counts') AS table2_cells,
        COUNT(*) FILTER (WHERE table_name = 'requests') AS table3_cells,
        COUNT(*) FILTER (WHERE table_name = 'appeals') AS table4_cells
    FROM warehouse.table_cell
    GROUP BY report_id
)

SELECT
    reports.id AS report_id,
    reports.agency_id,
    COALESCE(agencies.name, reports.agency_name) AS agency_name,
    reports.year,
    reports.is_primary,
    COALESCE(counts.cells_read, 0) AS cells_read,
    COALESCE(counts.number_cells, 0) AS number_cells,
    COALESCE(counts.zero_cells, 0) AS zero_cells,
    COALESCE(counts.blank_cells, 0) AS blank_cells,
    COALESCE(counts.not_applicable_cells, 0) AS not_applicable_cells,
    COALESCE(counts.text_cells, 0) AS text_cells,
    COALESCE(counts.table2_cells, 0) AS table2_cells,
    COALESCE(counts.table3_cells, 0) AS table3_cells,
    COALESCE(counts.table4_cells, 0) AS table4_cells,
    ROUND((counts.number_cells + counts.zero_cells)::numeric / NULLIF(counts.cells_read, 0), 4) AS filled_share
FROM reports
LEFT JOIN agencies ON reports.agency_id = agencies.id
LEFT JOIN counts ON reports.id = counts.report_id;

COMMENT ON VIEW analytics.cell_completeness IS 'One row per report: the template-table cells read, counted by what they state (number, zero, blank, not_applicable, text), and the share filled with a number. Filter on it before comparing reports.';
COMMENT ON COLUMN analytics.cell_completeness.report_id IS 'warehouse.report.id.';
COMMENT ON COLUMN analytics.cell_completeness.agency_id IS 'Canonical agency of the report (NULL when unknown).';
COMMENT ON COLUMN analytics.cell_completeness.agency_name IS 'Canonical agency name, else the name as printed.';
COMMENT ON COLUMN analytics.cell_completeness.year IS 'Reported year (NULL when unknown).';
COMMENT ON COLUMN analytics.cell_completeness.is_primary IS 'Whether the report is the primary one of its agency and year.';
COMMENT ON COLUMN analytics.cell_completeness.cells_read IS 'Template-table cells the parser read (0: no template table was read). A count of cells, so 0 is a real 0.';
COMMENT ON COLUMN analytics.cell_completeness.number_cells IS 'Cells printing a non-zero number.';
COMMENT ON COLUMN analytics.cell_completeness.zero_cells IS 'Cells printing an explicit zero (0 or 无).';
COMMENT ON COLUMN analytics.cell_completeness.blank_cells IS 'Cells left blank (unknown: no figure, never 0).';
COMMENT ON COLUMN analytics.cell_completeness.not_applicable_cells IS 'Cells printing a dash, slash, 不适用 or N/A (no figure, never 0).';
COMMENT ON COLUMN analytics.cell_completeness.text_cells IS 'Cells printing words in a value position (详见附表, 略): no figure.';
COMMENT ON COLUMN analytics.cell_completeness.table2_cells IS 'Cells read in Table 2 (proactive disclosure).';
COMMENT ON COLUMN analytics.cell_completeness.table3_cells IS 'Cells read in Table 3 (requests).';
COMMENT ON COLUMN analytics.cell_completeness.table4_cells IS 'Cells read in Table 4 (reviews and lawsuits).';
COMMENT ON COLUMN analytics.cell_completeness.filled_share IS '(number_cells + zero_cells) / cells_read, 4 decimals; NULL when no cell was read.';
