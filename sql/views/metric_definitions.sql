-- analytics.metric_definitions: the metric dictionary (etl/metrics.py, loaded by revision 0016).
-- Grain: one row per derived metric the views publish (rates, shares, year-on-year changes,
-- percentiles): its formula over canonical keys, unit, whether it may be summed, what it is when it
-- cannot be computed (NA, never 0 or 100 percent), caveats, version and the view columns that publish it.
CREATE VIEW analytics.metric_definitions AS
WITH definitions AS (
    SELECT
        key,
        name_zh,
        name_en,
        formula,
        unit,
        aggregates,
        when_undefined,
        caveats,
        version,
        published_in
    FROM warehouse.metric_definition
)

SELECT
    key AS metric,
    name_zh,
    name_en,
    formula,
    unit,
    aggregates,
    when_undefined,
    caveats,
    version,
    published_in
FROM definitions;

COMMENT ON VIEW analytics.metric_definitions IS 'One row per derived metric the views publish: definition, unit, NA rule, caveats, version and the view columns that publish it (etl/metrics.py).';
COMMENT ON COLUMN analytics.metric_definitions.metric IS 'Metric key (e.g. refusal_rate).';
COMMENT ON COLUMN analytics.metric_definitions.name_zh IS 'Chinese name.';
COMMENT ON COLUMN analytics.metric_definitions.name_en IS 'English name.';
COMMENT ON COLUMN analytics.metric_definitions.formula IS 'Definition over canonical keys (docs/domain.md#canonical-keys).';
COMMENT ON COLUMN analytics.metric_definitions.unit IS 'Unit and rounding.';
COMMENT ON COLUMN analytics.metric_definitions.aggregates IS 'Whether values may be summed across reports (a ratio never is: recompute it from summed parts).';
COMMENT ON COLUMN analytics.metric_definitions.when_undefined IS 'What the metric is when it cannot be computed (NA, never 0 or 100 percent).';
COMMENT ON COLUMN analytics.metric_definitions.caveats IS 'What to keep in mind when reading it.';
COMMENT ON COLUMN analytics.metric_definitions.version IS 'Definition version, bumped when the definition changes.';
COMMENT ON COLUMN analytics.metric_definitions.published_in IS 'The view columns (view.column) that publish it.';
