-- analytics.corrections: the lines of the analysts' corrections file and what became of each.
-- Grain: one row per line of the file (warehouse.correction, synced at each run).
-- A line names its report by document hash (narrowed by agency and year when given) or by agency
-- (any alias) and year (then the primary report of that agency-year). Only a line whose target is
-- exactly one report is applied; the stg_* views then show its value instead of the parsed one.
-- Two lines for the same figure: the later line applies, the earlier is superseded.
CREATE VIEW analytics.corrections AS
WITH lines AS (
    SELECT
        id,
        line,
        sha256,
        agency_name,
        year,
        fact_table,
        item,
        applicant,
        outcome,
        value,
        is_unknown,
        evidence,
        reason,
        author,
        corrected_on,
        problem,
        source_path
    FROM warehouse.correction
),

reports AS (
    SELECT
        id,
        document_id,
        agency_id,
        agency_name,
        year,
        is_primary
    FROM warehouse.report
),

documents AS (
    SELECT
        id,
        sha256,
        path
    FROM ingest.source_document
),

aliases AS (
    SELECT
        alias,
        agency_id
    FROM warehouse.agency_alias
),

agencies AS (
    SELECT
        id,
        name
    FROM warehouse.agency
),

by_hash AS (
    SELECT
        lines.id AS correction_id,
        reports.id AS report_id
    FROM lines
    INNER JOIN documents ON documents.sha256 = lines.sha256
    INNER JOIN reports ON reports.document_id = documents.id
    LEFT JOIN aliases ON aliases.alias = lines.agency_name
    WHERE
        lines.problem IS NULL
        AND (lines.year IS NULL OR reports.year = lines.year)
        AND (
            lines.agency_name IS NULL
            OR reports.agency_name = lines.agency_name
            OR reports.agency_id = aliases.agency_id
        )
),

by_agency_year AS (
    SELECT
        lines.id AS correction_id,
        reports.id AS report_id
    FROM lines
    INNER JOIN aliases ON aliases.alias = lines.agency_name
    INNER JOIN reports ON reports.agency_id = aliases.agency_id AND reports.year = lines.year
    WHERE lines.problem IS NULL AND lines.sha256 IS NULL AND reports.is_primary
),

targets AS (
    SELECT
        correction_id,
        count(*) AS matches,
        min(report_id) AS report_id
    FROM (
        SELECT
            correction_id,
            report_id
        FROM by_hash
        UNION ALL
        SELECT
            correction_id,
            report_id
        FROM by_agency_year
    ) AS found
    GROUP BY correction_id
),

resolved AS (
    SELECT
        lines.*,
        coalesce(targets.matches, 0) AS matches,
        CASE WHEN targets.matches = 1 THEN targets.report_id END AS report_id
    FROM lines
    LEFT JOIN targets ON targets.correction_id = lines.id
),

ranked AS (
    SELECT
        resolved.*,
        CASE
            WHEN resolved.report_id IS NOT NULL
                THEN row_number() OVER (
                    PARTITION BY resolved.report_id, resolved.fact_table,
                    resolved.item, resolved.applicant, resolved.outcome
                    ORDER BY resolved.line DESC
                )
        END AS recency
    FROM resolved
)

SELECT
    ranked.id AS correction_id,
    ranked.line,
    ranked.source_path,
    CASE
        WHEN ranked.problem IS NOT NULL THEN 'invalid'
        WHEN ranked.matches = 0 THEN 'target_missing'
        WHEN ranked.matches > 1 THEN 'ambiguous'
        WHEN ranked.recency > 1 THEN 'superseded'
        ELSE 'applied'
    END AS status,
    CASE
        WHEN ranked.problem IS NOT NULL THEN ranked.problem || ': fix the line in the corrections file.'
        WHEN ranked.matches = 0 AND ranked.sha256 IS NOT NULL
            THEN 'line ' || ranked.line || ': no report of document ' || ranked.sha256
            || coalesce(' for ' || ranked.agency_name, '') || coalesce(' in ' || ranked.year, '')
            || ' is in the warehouse (removed, or re-read differently): check the target or delete the line.'
        WHEN ranked.matches = 0
            THEN 'line ' || ranked.line || ': there is no primary report of ' || ranked.agency_name || ' for '
            || ranked.year || ' (unknown agency name or year): check the target or delete the line.'
        WHEN ranked.matches > 1
            THEN 'line ' || ranked.line || ': the document holds ' || ranked.matches
            || ' reports; add agency and year to pick one.'
        WHEN ranked.recency > 1
            THEN 'line ' || ranked.line || ': a later line corrects the same figure and applies instead.'
        ELSE 'line ' || ranked.line || ': applied.'
    END AS message,
    ranked.report_id,
    reports.agency_id,
    coalesce(agencies.name, reports.agency_name) AS agency_name,
    reports.year,
    documents.path AS document_path,
    ranked.fact_table,
    ranked.item,
    ranked.applicant,
    ranked.outcome,
    ranked.value,
    ranked.is_unknown,
    ranked.evidence,
    ranked.reason,
    ranked.author,
    ranked.corrected_on,
    ranked.sha256 AS target_sha256,
    ranked.agency_name AS target_agency,
    ranked.year AS target_year
FROM ranked
LEFT JOIN reports ON reports.id = ranked.report_id
LEFT JOIN agencies ON agencies.id = reports.agency_id
LEFT JOIN documents ON documents.id = reports.document_id;

COMMENT ON VIEW analytics.corrections IS 'One row per line of the analysts'' corrections file: the figure it corrects, the value (or unknown), evidence, reason, who and when, and its status: applied, superseded (a later line corrects the same figure), target_missing (no such report: reported, never silently dropped), ambiguous or invalid.';
COMMENT ON COLUMN analytics.corrections.correction_id IS 'warehouse.correction.id (renumbered at each sync; use line to refer to a correction).';
COMMENT ON COLUMN analytics.corrections.line IS 'Line of the corrections file.';
COMMENT ON COLUMN analytics.corrections.source_path IS 'The corrections file.';
COMMENT ON COLUMN analytics.corrections.status IS 'applied, superseded, target_missing, ambiguous or invalid.';
COMMENT ON COLUMN analytics.corrections.message IS 'What became of the line and, when it did not apply, what to do.';
COMMENT ON COLUMN analytics.corrections.report_id IS 'The report corrected; NULL when the target is missing or ambiguous.';
COMMENT ON COLUMN analytics.corrections.agency_id IS 'Canonical agency of the report corrected.';
COMMENT ON COLUMN analytics.corrections.agency_name IS 'Canonical agency name of the report corrected.';
COMMENT ON COLUMN analytics.corrections.year IS 'Year of the report corrected.';
COMMENT ON COLUMN analytics.corrections.document_path IS 'Path of the document of the report corrected.';
COMMENT ON COLUMN analytics.corrections.fact_table IS 'requests, appeals or disclosure_counts.';
COMMENT ON COLUMN analytics.corrections.item IS 'Request item or disclosure item; for appeals the proceeding.';
COMMENT ON COLUMN analytics.corrections.applicant IS 'Applicant column (requests).';
COMMENT ON COLUMN analytics.corrections.outcome IS 'Appeal outcome (appeals).';
COMMENT ON COLUMN analytics.corrections.value IS 'The corrected value; NULL when corrected to unknown.';
COMMENT ON COLUMN analytics.corrections.is_unknown IS 'The figure is corrected to unknown: views show no value for it.';
COMMENT ON COLUMN analytics.corrections.evidence IS 'Quote or page supporting the correction.';
COMMENT ON COLUMN analytics.corrections.reason IS 'Why the parsed value was wrong.';
COMMENT ON COLUMN analytics.corrections.author IS 'Who made the correction.';
COMMENT ON COLUMN analytics.corrections.corrected_on IS 'When the correction was made.';
COMMENT ON COLUMN analytics.corrections.target_sha256 IS 'Target document hash as written in the file.';
COMMENT ON COLUMN analytics.corrections.target_agency IS 'Target agency as written in the file.';
COMMENT ON COLUMN analytics.corrections.target_year IS 'Target year as written in the file.';
