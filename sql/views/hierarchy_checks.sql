-- analytics.hierarchy_checks: a region-wide report against the sum of the reports of bodies inside it.
-- Grain: one row per region-scope primary report × compared figure (new_received, total_processed,
-- carried_forward, reviews_total, lawsuits_total).
-- Members of a region report are the agency-scope primary reports of the same year located in its area
-- (same province; same city and county when the region report names them), other than its own agency.
-- Region-scope reports inside the area are not members (they summarise agencies counted already).
-- A sum is assessed only when it is complete as far as the warehouse knows: a body of the area that
-- reports in another year but not this one (a member missing), or a member that does not state the
-- figure, makes the comparison not_assessable with the reason, never a silent partial sum.
CREATE VIEW analytics.hierarchy_checks AS
WITH headline AS (
    SELECT
        report_id,
        document_path,
        agency_id,
        agency_name,
        year,
        scope,
        province,
        city,
        county,
        new_received,
        total_processed,
        carried_forward,
        reviews_total,
        lawsuits_total
    FROM analytics.report_headline
),

regions AS (
    SELECT *
    FROM headline
    WHERE scope = 'region'
),

members AS (
    SELECT *
    FROM headline
    WHERE scope = 'agency'
),

located AS (
    SELECT
        regions.report_id AS region_report_id,
        regions.year AS region_year,
        members.report_id,
        members.agency_id,
        members.year,
        members.new_received,
        members.total_processed,
        members.carried_forward,
        members.reviews_total,
        members.lawsuits_total
    FROM regions
    INNER JOIN members
        ON
            members.province = regions.province
            AND (regions.city IS NULL OR members.city = regions.city)
            AND (regions.county IS NULL OR members.county = regions.county)
            AND members.agency_id <> regions.agency_id
),

known_members AS (
    SELECT
        region_report_id,
        count(DISTINCT agency_id) AS members_known,
        count(DISTINCT agency_id) FILTER (WHERE year = region_year) AS members_reporting
    FROM located
    GROUP BY region_report_id
),

region_figures AS (
    SELECT
        regions.report_id,
        figures.ordinal,
        figures.figure,
        figures.value
    FROM regions
    CROSS JOIN LATERAL (
        VALUES
        (1, 'new_received', regions.new_received),
        (2, 'total_processed', regions.total_processed),
        (3, 'carried_forward', regions.carried_forward),
        (4, 'reviews_total', regions.reviews_total),
        (5, 'lawsuits_total', regions.lawsuits_total)
    ) AS figures (ordinal, figure, value)
),

member_figures AS (
    SELECT
        located.region_report_id,
        figures.figure,
        count(figures.value) AS members_stating,
        sum(figures.value) AS members_sum
    FROM located
    CROSS JOIN LATERAL (
        VALUES
        ('new_received', located.new_received),
        ('total_processed', located.total_processed),
        ('carried_forward', located.carried_forward),
        ('reviews_total', located.reviews_total),
        ('lawsuits_total', located.lawsuits_total)
    ) AS figures (figure, value)
    WHERE located.year = located.region_year
    GROUP BY located.region_report_id, figures.figure
),

compared AS (
    SELECT
        regions.report_id,
        regions.document_path,
        regions.agency_id,
        regions.agency_name,
        regions.year,
        regions.province,
        regions.city,
        regions.county,
        region_figures.ordinal,
        region_figures.figure,
        region_figures.value AS region_value,
        member_figures.members_sum,
        coalesce(known_members.members_known, 0) AS members_known,
        coalesce(known_members.members_reporting, 0) AS members_reporting,
        coalesce(member_figures.members_stating, 0) AS members_stating
    FROM regions
    INNER JOIN region_figures ON region_figures.report_id = regions.report_id
    LEFT JOIN known_members ON known_members.region_report_id = regions.report_id
    LEFT JOIN member_figures
        ON member_figures.region_report_id = regions.report_id AND member_figures.figure = region_figures.figure
)

SELECT
    report_id,
    document_path,
    agency_id,
    agency_name,
    year,
    province,
    city,
    county,
    'hierarchy_sum' AS check_name,
    figure AS subject,
    CASE
        WHEN region_value IS NULL OR members_reporting = 0 OR members_reporting < members_known
            OR members_stating < members_reporting THEN 'not_assessable'
        WHEN region_value = members_sum THEN 'pass'
        ELSE 'fail'
    END AS status,
    'warning' AS severity,
    region_value AS left_value,
    CASE WHEN members_stating = members_reporting THEN members_sum END AS right_value,
    CASE
        WHEN members_reporting > 0 AND members_reporting = members_known AND members_stating = members_reporting
            THEN region_value - members_sum
    END AS difference,
    members_known,
    members_reporting,
    members_stating,
    CASE
        WHEN province IS NULL THEN 'The region report''s area is unknown (no province): no members can be found.'
        WHEN region_value IS NULL THEN 'The region report does not state ' || figure || '.'
        WHEN members_reporting = 0
            THEN 'Members missing: no report of a body inside ' || concat_ws('', province, city, county)
            || ' for ' || year || ' is in the warehouse.'
        WHEN members_reporting < members_known
            THEN 'Members missing: ' || (members_known - members_reporting) || ' of ' || members_known
            || ' bodies known inside ' || concat_ws('', province, city, county) || ' have no report for ' || year
            || '.'
        WHEN members_stating < members_reporting
            THEN (members_reporting - members_stating) || ' of ' || members_reporting
            || ' member reports do not state ' || figure || '.'
        WHEN region_value = members_sum
            THEN 'The region''s ' || figure || ' equals the sum of its ' || members_reporting || ' member reports.'
        ELSE 'The region states ' || region_value || ' ' || figure || '; its ' || members_reporting
            || ' member reports sum to ' || members_sum || ' (difference ' || (region_value - members_sum) || ').'
    END AS message
FROM compared;

COMMENT ON VIEW analytics.hierarchy_checks IS 'One row per region-wide primary report × figure (new_received, total_processed, carried_forward, reviews_total, lawsuits_total): the region''s value against the sum over the agency reports of the same year inside its area. pass, fail with the difference, or not_assessable with the reason (members missing, a figure not stated).';
COMMENT ON COLUMN analytics.hierarchy_checks.report_id IS 'The region-scope report checked.';
COMMENT ON COLUMN analytics.hierarchy_checks.document_path IS 'Path of the region report''s document.';
COMMENT ON COLUMN analytics.hierarchy_checks.agency_id IS 'Canonical agency of the region report (e.g. the people''s government).';
COMMENT ON COLUMN analytics.hierarchy_checks.agency_name IS 'Canonical agency name of the region report.';
COMMENT ON COLUMN analytics.hierarchy_checks.year IS 'Data year compared.';
COMMENT ON COLUMN analytics.hierarchy_checks.province IS 'Province of the region.';
COMMENT ON COLUMN analytics.hierarchy_checks.city IS 'City of the region; NULL for a province-wide report.';
COMMENT ON COLUMN analytics.hierarchy_checks.county IS 'County of the region; NULL above county level.';
COMMENT ON COLUMN analytics.hierarchy_checks.check_name IS 'Always hierarchy_sum.';
COMMENT ON COLUMN analytics.hierarchy_checks.subject IS 'The figure compared (a report_headline column).';
COMMENT ON COLUMN analytics.hierarchy_checks.status IS 'pass, fail or not_assessable.';
COMMENT ON COLUMN analytics.hierarchy_checks.severity IS 'warning: a fail may also mean a member the warehouse has never seen.';
COMMENT ON COLUMN analytics.hierarchy_checks.left_value IS 'The region report''s value; NULL when not stated.';
COMMENT ON COLUMN analytics.hierarchy_checks.right_value IS 'Sum over the member reports; NULL unless every member report states the figure.';
COMMENT ON COLUMN analytics.hierarchy_checks.difference IS 'left_value − right_value when assessable.';
COMMENT ON COLUMN analytics.hierarchy_checks.members_known IS 'Agencies inside the area that have a primary report in any year.';
COMMENT ON COLUMN analytics.hierarchy_checks.members_reporting IS 'Of those, the ones with a primary report for this year.';
COMMENT ON COLUMN analytics.hierarchy_checks.members_stating IS 'Member reports of this year that state the figure.';
COMMENT ON COLUMN analytics.hierarchy_checks.message IS 'The result in words, with the reason when not assessable.';
