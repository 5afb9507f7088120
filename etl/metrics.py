"""The metric dictionary: every derived metric the analytics views publish, defined once as data.

A metric is a figure the views compute from stated figures (a rate, a share, a year-on-year change),
not a figure a report prints. Each is defined here with its formula over canonical keys
(docs/domain.md#canonical-keys), its unit, whether it may be summed across reports, what it is when
its denominator is 0 or unknown (always NA: NULL, never 0 % or 100 %), its caveats and a version, and
with the exact SQL expression of every view column that publishes it. Revision 0016 loads the
definitions into `warehouse.metric_definition` (the data dictionary lists them from there), and
tests/test_metrics.py fails when a view computes a metric-like column the dictionary does not
define, or computes a defined one with another expression.

Changing a definition: bump its `version`, change the view, and write a revision that updates the
row (never edit a landed revision).
"""

from __future__ import annotations

from dataclasses import dataclass

#: what every ratio is when its denominator is 0 or unknown (the rule the views follow with NULLIF)
NA_RULE = "NA (NULL) when the denominator is 0 or unknown, or the numerator is unknown; never 0 % or 100 %."


@dataclass(frozen=True)
class Published:
    """One view column that publishes a metric, and the SQL expression that computes it there."""

    view: str
    column: str
    expression: str


@dataclass(frozen=True)
class Metric:
    key: str
    name_zh: str
    name_en: str
    #: the definition over canonical keys (requests.<item>.<applicant>, appeals.<proceeding>.<outcome>)
    formula: str
    unit: str
    #: whether values may be summed across reports; a ratio never is (recompute it from summed parts)
    aggregates: bool
    #: what the metric is when it cannot be computed
    when_undefined: str
    caveats: str
    version: int
    published: tuple[Published, ...]


METRICS: tuple[Metric, ...] = (
    Metric(
        key="grant_rate",
        name_zh="予以公开率",
        name_en="Grant rate",
        formula="requests.granted.total / requests.total_processed.total",
        unit="ratio (0–1, 4 decimals)",
        aggregates=False,
        when_undefined=NA_RULE,
        caveats="Counts full grants only (partially_granted is not included). Across agencies it is recomputed as "
        "Σ granted / Σ total_processed over the agencies stating both, never averaged.",
        version=1,
        published=(
            Published("report_headline", "grant_rate", "round(granted / nullif(total_processed, 0), 4)"),
            Published("region_year_rollup", "grant_rate", "round(rate_granted / nullif(rate_granted_base, 0), 4)"),
            Published("national_year_rollup", "grant_rate", "round(rate_granted / nullif(rate_granted_base, 0), 4)"),
        ),
    ),
    Metric(
        key="refusal_rate",
        name_zh="不予公开率",
        name_en="Refusal rate",
        formula="Σ requests.denied.*.total (else requests.denied.total) / requests.total_processed.total",
        unit="ratio (0–1, 4 decimals)",
        aggregates=False,
        when_undefined=NA_RULE,
        caveats="denied is the sum of the stated denied.* rows, which may be a partial sum when some rows are "
        "blank (see report_headline.outcome_rows_missing). Across agencies: Σ denied / Σ total_processed over "
        "agencies stating both.",
        version=1,
        published=(
            Published("report_headline", "refusal_rate", "round(denied / nullif(total_processed, 0), 4)"),
            Published("region_year_rollup", "refusal_rate", "round(rate_denied / nullif(rate_denied_base, 0), 4)"),
            Published("national_year_rollup", "refusal_rate", "round(rate_denied / nullif(rate_denied_base, 0), 4)"),
        ),
    ),
    Metric(
        key="corrected_share",
        name_zh="复议诉讼纠错率",
        name_en="Correction rate of reviews and lawsuits",
        formula="Σ appeals.*.corrected / (reviews_total + lawsuits_total), reviews_total = appeals.review.total, "
        "lawsuits_total = appeals.litigation_direct.total + appeals.litigation_after_review.total "
        "(else appeals.litigation.total)",
        unit="ratio (0–1, 4 decimals)",
        aggregates=False,
        when_undefined=NA_RULE,
        caveats="Counts reviews and lawsuits together as cases; pending cases are in the denominator, so a year "
        "with many pending cases reads low. A route that is not stated counts as absent, not 0, in the "
        "denominator only when the other route is stated.",
        version=1,
        published=(
            Published(
                "report_headline", "corrected_share",
                "round( appeals_corrected / nullif( CASE WHEN reviews_total IS NOT NULL OR lawsuits_total IS NOT NULL "
                "THEN coalesce(reviews_total, 0) + coalesce(lawsuits_total, 0) END, 0 ), 4 )",
            ),
        ),
    ),
    Metric(
        key="completeness",
        name_zh="主要指标填报完整度",
        name_en="Headline completeness",
        formula="number of the 11 headline figures stated (new_received, total_processed, granted, "
        "partially_granted, denied, unable, not_processed, other, reviews_total, lawsuits_total, proactive_total) / 11",
        unit="ratio (0–1, 4 decimals)",
        aggregates=False,
        when_undefined="Always defined (the denominator is the constant 11).",
        caveats="Counts figures stated, not cells: a figure that is a partial sum of blank rows counts as stated. "
        "See cell_filled_share for the cells themselves.",
        version=1,
        published=(
            Published(
                "report_headline", "completeness",
                "round( num_nonnulls( new_received, total_processed, granted, partially_granted, denied, unable, "
                "not_processed, other, reviews_total, lawsuits_total, proactive_total ) / 11.0, 4 )",
            ),
        ),
    ),
    Metric(
        key="cell_filled_share",
        name_zh="表格单元格填报率",
        name_en="Share of template cells filled",
        formula="(number cells + zero cells) / template-table cells read (warehouse.table_cell.semantic)",
        unit="ratio (0–1, 4 decimals)",
        aggregates=False,
        when_undefined=NA_RULE,
        caveats="Only cells the parser read are counted: a table whose empty cells vanished in a PDF (shapes F, "
        "L) has fewer cells read, not more blanks.",
        version=1,
        published=(
            Published("cell_completeness", "filled_share",
                      "ROUND((counts.number_cells + counts.zero_cells)::numeric / NULLIF(counts.cells_read, 0), 4)"),
        ),
    ),
    Metric(
        key="yoy_change",
        name_zh="同比变化量",
        name_en="Year-on-year change",
        formula="value(year) − value(year − 1), same canonical agency and headline metric",
        unit="unit of the metric",
        aggregates=False,
        when_undefined="NA (NULL) when either year's value is unknown or year − 1 has no primary report "
        "(a gap is never bridged).",
        caveats="Compares consecutive calendar years only; a change of template (2019 → 2021) can move a figure "
        "between rows.",
        version=1,
        published=(Published("agency_trend", "change", "value - previous_value"),),
    ),
    Metric(
        key="yoy_change_ratio",
        name_zh="同比变化率",
        name_en="Year-on-year change ratio",
        formula="(value(year) − value(year − 1)) / value(year − 1)",
        unit="ratio (4 decimals; 1 = doubled)",
        aggregates=False,
        when_undefined=NA_RULE,
        caveats="From 0 the ratio is NA, not infinite; small bases give large ratios, so read it with the values "
        "(analytics.yoy_anomalies).",
        version=1,
        published=(
            Published("agency_trend", "change_ratio", "round((value - previous_value) / nullif(previous_value, 0), 4)"),
        ),
    ),
    Metric(
        key="carry_over_gap",
        name_zh="结转差异",
        name_en="Carry-over gap",
        formula="requests.carried_over.total(year) − requests.carried_forward.total(year − 1)",
        unit="requests",
        aggregates=False,
        when_undefined="NA (NULL) when either figure is unknown or year − 1 has no primary report.",
        caveats="Should be 0: a non-zero gap is a reporting or parsing error, or a changed counting rule.",
        version=1,
        published=(Published("carry_over_continuity", "difference", "carried_over - previous_carried_forward"),),
    ),
    Metric(
        key="peer_percentile",
        name_zh="同级/同省位次百分位",
        name_en="Peer percentile",
        formula="percent_rank of a headline metric among primary reports of the same year and scope, at the same "
        "level (level_percentile) or in the same province (province_percentile)",
        unit="percentile (0 = smallest, 1 = largest, 4 decimals)",
        aggregates=False,
        when_undefined="NA (NULL) when the report's level or province is unknown; a report not stating the "
        "metric is neither ranked nor counted as a peer.",
        caveats="Ties share a rank; with one peer the percentile is 0.",
        version=1,
        published=(
            Published("peer_comparison", "level_percentile", "percent_rank() OVER level_ascending"),
            Published("peer_comparison", "province_percentile", "percent_rank() OVER province_ascending"),
        ),
    ),
)

#: column names that mark a derived metric: a view column named so must be in the dictionary
METRIC_NAME_PATTERN = r"(?:_rate|_share|_ratio|_percentile|^completeness|^change)$"


def by_key() -> dict[str, Metric]:
    """The metrics by key."""
    return {m.key: m for m in METRICS}


def rows() -> list[dict[str, object]]:
    """The metrics as rows of warehouse.metric_definition (published columns as `view.column` text)."""
    return [
        {
            "key": m.key, "name_zh": m.name_zh, "name_en": m.name_en, "formula": m.formula, "unit": m.unit,
            "aggregates": m.aggregates, "when_undefined": m.when_undefined, "caveats": m.caveats,
            "version": m.version, "published_in": [f"{p.view}.{p.column}" for p in m.published],
        }
        for m in METRICS
    ]
