"""Report cards: a static, self-contained HTML site built from the analytics views.

``fetch(conn)`` reads the ``analytics`` views (nothing else: the cards show what an analyst sees) and
``build_site(data, out_dir)`` writes, without a database:

- ``index.html``: every agency and region, with a search box;
- ``agency/a<agency_id>.html``: one page per canonical agency — its headline figures per year, each
  linked to where it came from (report, section, the sentence or table row; a corrected value with
  its reason), trend charts, its peers, its check results with failing identities highlighted, and
  its open parse issues;
- ``region/r-<hash>.html``: one page per province and per city — the rollup of its agencies, its
  region-wide reports and their hierarchy checks, its agencies.

Charts are inline SVG drawn here (no JavaScript library, no CDN: the pages work from a file URL
offline), each with a title, a text description and the data as a table. An unknown value is a gap
in a line and an empty cell, never a 0. The only script is the index's search filter and a check
that marks the body once the charts have been laid out (the browser test reads it).
"""

from __future__ import annotations

import hashlib
import html
import shutil
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

Row = dict[str, Any]

# --------------------------------------------------------------------------- what the cards show

#: Headline figures (report_headline columns) with their English label, in table order.
FIGURES: tuple[tuple[str, str], ...] = (
    ("new_received", "requests received"),
    ("carried_over", "carried over"),
    ("total_processed", "processed"),
    ("carried_forward", "carried forward"),
    ("granted", "granted"),
    ("partially_granted", "partly granted"),
    ("denied", "refused"),
    ("unable", "unable to provide"),
    ("not_processed", "not processed"),
    ("other", "other handling"),
    ("reviews_total", "administrative reviews"),
    ("lawsuits_total", "lawsuits"),
    ("appeals_corrected", "reviews and lawsuits corrected"),
    ("proactive_total", "proactively disclosed"),
)
LABELS = dict(FIGURES)

#: The facts (analytics.fact_provenance: table, first part of the key) each headline figure is made of.
FIGURE_SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "new_received": ("requests", ("new_received",)),
    "carried_over": ("requests", ("carried_over",)),
    "total_processed": ("requests", ("total_processed",)),
    "carried_forward": ("requests", ("carried_forward",)),
    "granted": ("requests", ("granted",)),
    "partially_granted": ("requests", ("partially_granted",)),
    "denied": ("requests", ("denied",)),
    "unable": ("requests", ("unable",)),
    "not_processed": ("requests", ("not_processed",)),
    "other": ("requests", ("other",)),
    "reviews_total": ("appeals", ("review",)),
    "lawsuits_total": ("appeals", ("litigation_direct", "litigation_after_review", "litigation")),
    "appeals_corrected": ("appeals", ("review", "litigation_direct", "litigation_after_review", "litigation")),
    "proactive_total": ("disclosure_counts", ("proactive",)),
}

#: Trend charts of an agency page: (title, description, [(series label, report_headline column)]).
CHARTS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("Requests received and processed", "Disclosure requests newly received and processed each year.",
     (("received", "new_received"), ("processed", "total_processed"))),
    ("Outcomes", "How the requests processed each year were answered.",
     (("granted", "granted"), ("partly granted", "partially_granted"), ("refused", "denied"),
      ("unable to provide", "unable"), ("not processed", "not_processed"))),
    ("Carried-over continuity", "Requests carried over into each year against those the previous year's report "
     "carried forward; the two should agree.",
     (("carried over (this year's report)", "carried_over"),
      ("carried forward (previous year's report)", "previous_carried_forward"))),
    ("Reviews and lawsuits", "Administrative reviews and lawsuits about disclosure decisions, and how many were "
     "corrected.",
     (("reviews", "reviews_total"), ("lawsuits", "lawsuits_total"), ("corrected", "appeals_corrected"))),
    ("Proactive disclosure", "Items proactively disclosed each year.", (("items disclosed", "proactive_total"),)),
)

#: Region pages chart the rollup of their agencies (region_year_rollup columns).
REGION_CHARTS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("Requests in the region's agencies", "Sums over the agencies that state each figure (see the table for how "
     "many did).", (("received", "new_received_sum"), ("processed", "total_processed_sum"))),
    ("Outcomes in the region's agencies", "Sums over the agencies that state each outcome.",
     (("granted", "granted_sum"), ("partly granted", "partially_granted_sum"), ("refused", "denied_sum"),
      ("unable to provide", "unable_sum"), ("not processed", "not_processed_sum"))),
    ("Reviews and lawsuits in the region's agencies", "Sums over the agencies that state them.",
     (("reviews", "reviews_total_sum"), ("lawsuits", "lawsuits_total_sum"))),
)

#: Okabe–Ito colours (distinguishable with colour-blindness); series also differ by dash and marker.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "4 4")

# --------------------------------------------------------------------------- reading the views

_PROVENANCE_SQL = """
SELECT report_id, fact_table, key, applicant, value, parsed_value, source, is_approximate, is_corrected,
       correction_reason, corrected_by, corrected_on, section_heading, start_offset, end_offset, evidence
FROM analytics.fact_provenance
WHERE (fact_table = 'requests' AND applicant = 'total' AND split_part(key, '.', 1) IN (
          'new_received', 'carried_over', 'total_processed', 'carried_forward', 'granted', 'partially_granted',
          'denied', 'unable', 'not_processed', 'other'))
   OR (fact_table = 'appeals' AND split_part(key, '.', 1) IN (
          'review', 'litigation_direct', 'litigation_after_review', 'litigation'))
   OR (fact_table = 'disclosure_counts' AND key = 'proactive.total')
ORDER BY report_id, fact_table, key
"""


@dataclass
class CardData:
    """Rows of the analytics views the cards are drawn from."""

    headline: list[Row]
    continuity: list[Row] = field(default_factory=list)
    peers: list[Row] = field(default_factory=list)
    checks: list[Row] = field(default_factory=list)
    check_counts: list[Row] = field(default_factory=list)
    issues: list[Row] = field(default_factory=list)
    provenance: list[Row] = field(default_factory=list)
    rollup: list[Row] = field(default_factory=list)


def fetch(conn: Any, conninfo: str | None = None, timings: dict[str, float] | None = None) -> CardData:
    """Read what the cards need from the analytics views (read-only).

    With `conninfo`, the queries run two at a time on connections of their own (the views are
    computed by the server, so this uses a second core); otherwise one after another on `conn`.
    `timings`, when given, receives the seconds each query took.
    """
    import time

    import psycopg
    from psycopg.rows import dict_row

    def run(name: str, sql: str, connection: Any) -> list[Row]:
        started = time.monotonic()
        with connection.cursor(row_factory=dict_row) as cur:
            cur.execute(sql)
            found = cur.fetchall()
        if timings is not None:
            timings[name] = time.monotonic() - started
        return found

    def own_connection(name: str, sql: str) -> list[Row]:
        with psycopg.connect(conninfo) as connection:  # type: ignore[arg-type]
            return run(name, sql, connection)

    queries = _queries()
    if conninfo is None:
        results = {name: run(name, sql, conn) for name, sql in queries.items()}
    else:
        with ThreadPoolExecutor(max_workers=2) as pool:
            futures = {name: pool.submit(own_connection, name, sql) for name, sql in queries.items()}
            results = {name: future.result() for name, future in futures.items()}
    checks = results.pop("checks")
    return CardData(
        **results,
        checks=[problem for row in checks for problem in (row.pop("problems") or [])],
        check_counts=checks,
    )


def _queries() -> dict[str, str]:
    """One query per view, the slowest first (so two at a time finish together)."""
    return {
        "provenance": _PROVENANCE_SQL,
        # counts and the non-passing rows in one pass: check_results computes the hierarchy checks
        "checks": "SELECT report_id, count(*) FILTER (WHERE status = 'pass') AS passed, "
                  "count(*) FILTER (WHERE status = 'fail') AS failed, "
                  "count(*) FILTER (WHERE status = 'not_assessable') AS not_assessable, "
                  "jsonb_agg(jsonb_build_object('report_id', report_id, 'check_name', check_name, 'subject', "
                  "subject, 'status', status, 'severity', severity, 'left_value', left_value, 'right_value', "
                  "right_value, 'difference', difference, 'message', message) ORDER BY status, check_name, subject) "
                  "FILTER (WHERE status <> 'pass') AS problems "
                  "FROM analytics.check_results WHERE is_primary GROUP BY report_id",
        "headline": "SELECT * FROM analytics.report_headline WHERE agency_id IS NOT NULL ORDER BY agency_id, year",
        "peers": "SELECT report_id, metric, value, level_rank, level_percentile, level_peers, province_rank, "
                 "province_percentile, province_peers FROM analytics.peer_comparison",
        "continuity": "SELECT agency_id, year, previous_carried_forward, status FROM analytics.carry_over_continuity",
        "issues": "SELECT report_id, agency_id, year, document_path, severity, code, message, excerpt "
                  "FROM analytics.open_parse_issues WHERE agency_id IS NOT NULL ORDER BY agency_id, year, issue_id",
        "rollup": "SELECT * FROM analytics.region_year_rollup ORDER BY province, city, year",
    }


# --------------------------------------------------------------------------- small HTML helpers


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def number(value: object) -> str:
    """A figure as text: integers without decimals, unknown as an em dash (never 0)."""
    if value is None:
        return "—"
    if isinstance(value, Decimal | float):
        if value == int(value):
            return f"{int(value):,}"
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return f"{value:,}" if isinstance(value, int) else str(value)


def _float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


CSS = """
:root{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1a1a1a}
body{margin:0 auto;max-width:1100px;padding:1rem 1.5rem 3rem;line-height:1.45}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
nav a{margin-right:1rem}table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:right;vertical-align:top}
th:first-child,td:first-child,td.text{text-align:left}thead th{background:#f4f4f4}
.meta{color:#555}.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(480px,1fr));gap:1rem}
figure{margin:0;border:1px solid #e3e3e3;border-radius:6px;padding:.5rem}figcaption{font-weight:600}
figure p{margin:.2rem 0;color:#555;font-size:.85rem}svg.chart{width:100%;height:auto}
.legend{font-size:.8rem;display:flex;flex-wrap:wrap;gap:.75rem}.legend span{white-space:nowrap}
tr.fail td{background:#fde2e1}tr.not_assessable td{background:#fff6d6}.pass{color:#1b7a3a}
.corrected{color:#8a4b00;font-weight:600}.approx{color:#555}
.prov{font-size:.85rem}.prov dt{font-weight:600;margin-top:.6rem}.prov dd{margin-left:1rem}
.prov blockquote{margin:.2rem 0;padding:.2rem .5rem;border-left:3px solid #bbb;background:#fafafa;white-space:pre-wrap}
:target{outline:3px solid #E69F00}input[type=search]{font-size:1rem;padding:.4rem;width:100%;max-width:32rem}
.bar{display:inline-block;vertical-align:middle}details{margin:.3rem 0}
"""

#: Marks the body with how many charts have a laid-out size (the browser test reads data-charts-rendered).
RENDER_CHECK = """<script>
window.addEventListener('load', function () {
  var n = 0;
  document.querySelectorAll('svg.chart').forEach(function (s) { if (s.getBBox().width > 0) { n++; } });
  document.body.setAttribute('data-charts-rendered', String(n));
});
</script>"""

SEARCH_SCRIPT = """<script>
(function () {
  var box = document.getElementById('q');
  var rows = document.querySelectorAll('#entries tbody tr');
  var count = document.getElementById('shown');
  function filter() {
    var words = box.value.trim().toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var hit = words.every(function (w) { return row.getAttribute('data-k').indexOf(w) >= 0; });
      row.hidden = !hit;
      if (hit) { shown++; }
    });
    count.textContent = String(shown);
  }
  box.addEventListener('input', filter);
  box.value = new URLSearchParams(window.location.search).get('q') || '';  // links can carry a search
  filter();
})();
</script>"""


def page(title: str, body: str, root: str, script: str = RENDER_CHECK) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="zh-Hans"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{esc(title)}</title>'
        f"<style>{CSS}</style></head><body>\n"
        f'<nav><a href="{root}index.html">All agencies and regions</a></nav>\n{body}\n{script}\n</body></html>\n'
    )


# --------------------------------------------------------------------------- charts


def line_chart(chart_id: str, title: str, description: str, years: Sequence[int],
               series: Sequence[tuple[str, Sequence[object]]]) -> str:
    """A figure with an inline SVG line chart, its legend and its data table.

    `years` are consecutive calendar years; each series has one value per year, None when unknown: the
    line breaks there (a gap), and a value with no neighbour is drawn as a dot. Nothing becomes 0.
    """
    width, height, left, right, top, bottom = 520, 230, 56, 12, 12, 28
    values = [_float(v) for _, vs in series for v in vs if v is not None]
    if not values:
        return (f'<figure id="{chart_id}"><figcaption>{esc(title)}</figcaption><p>{esc(description)}</p>'
                "<p><em>No report states these figures.</em></p></figure>")
    top_value = _nice(max(values) if max(values) > 0 else 1)
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(len(years) - 1, 1)

    def x(i: int) -> float:
        return left + (i * step if len(years) > 1 else plot_w / 2)

    def y(v: float) -> float:
        return top + plot_h - (v / top_value) * plot_h

    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="{chart_id}-t">{esc(title)}</title>'
        f'<desc id="{chart_id}-d">{esc(_describe(years, series))}</desc>'
    ]
    for k in range(5):  # horizontal grid with labels
        v = top_value * k / 4
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#e5e5e5"/>'
                     f'<text x="{left - 6}" y="{y(v) + 4:.1f}" font-size="11" text-anchor="end" fill="#555">'
                     f"{esc(number(Decimal(str(round(v, 2)))))}</text>")
    label_every = max(1, len(years) // 10 + (len(years) % 10 > 0))
    for i, year in enumerate(years):
        if i % label_every == 0 or i == len(years) - 1:
            parts.append(f'<text x="{x(i):.1f}" y="{height - 8}" font-size="11" text-anchor="middle" fill="#555">'
                         f"{year}</text>")
    for n, (label, vs) in enumerate(series):
        colour, dash = COLOURS[n % len(COLOURS)], DASHES[n % len(DASHES)]
        for segment in _segments(vs):
            if len(segment) > 1:
                points = " ".join(f"{x(i):.1f},{y(_float(vs[i]) or 0.0):.1f}" for i in segment)
                dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
                parts.append(f'<polyline class="series" points="{points}" fill="none" stroke="{colour}" '
                             f'stroke-width="2"{dash_attr}/>')
        for i, v in enumerate(vs):
            if v is not None:
                parts.append(f'<circle class="pt" cx="{x(i):.1f}" cy="{y(_float(v) or 0.0):.1f}" r="3.5" '
                             f'fill="{colour}"><title>{esc(label)}, {years[i]}: {esc(number(v))}</title></circle>')
    parts.append("</svg>")
    legend = "".join(
        f'<span><svg width="26" height="10" aria-hidden="true"><line x1="0" x2="26" y1="5" y2="5" '
        f'stroke="{COLOURS[n % len(COLOURS)]}" stroke-width="2" stroke-dasharray="{DASHES[n % len(DASHES)]}"/>'
        f"</svg> {esc(label)}</span>" for n, (label, _) in enumerate(series))
    table = _data_table(years, series)
    return (f'<figure id="{chart_id}"><figcaption>{esc(title)}</figcaption><p>{esc(description)}</p>'
            f'{"".join(parts)}<div class="legend">{legend}</div>'
            f"<details><summary>Data table</summary>{table}</details></figure>")


def _nice(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 × 10^k at or above `value` (a round top for the axis)."""
    magnitude = 10 ** (len(str(int(value))) - 1) if value >= 1 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if value <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _segments(values: Sequence[object]) -> list[list[int]]:
    """Runs of consecutive known values: a line is drawn within a run, never across an unknown."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, v in enumerate(values):
        if v is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(i)
    if current:
        runs.append(current)
    return runs


def _describe(years: Sequence[int], series: Sequence[tuple[str, Sequence[object]]]) -> str:
    chunks = []
    for label, vs in series:
        stated = [f"{year}: {number(v)}" for year, v in zip(years, vs, strict=True) if v is not None]
        missing = len(years) - len(stated)
        text = f"{label} — " + ("; ".join(stated) if stated else "not stated in any year")
        if stated and missing:
            text += f" (not stated in {missing} year(s))"
        chunks.append(text)
    return ". ".join(chunks) + "."


def _data_table(years: Sequence[int], series: Sequence[tuple[str, Sequence[object]]]) -> str:
    head = "".join(f"<th scope=\"col\">{esc(label)}</th>" for label, _ in series)
    body = "".join(
        f'<tr><th scope="row">{year}</th>' + "".join(f"<td>{esc(number(vs[i]))}</td>" for _, vs in series) + "</tr>"
        for i, year in enumerate(years))
    return f'<table><thead><tr><th scope="col">year</th>{head}</tr></thead><tbody>{body}</tbody></table>'


def percentile_bar(percentile: object) -> str:
    if percentile is None:
        return ""
    share = float(percentile)  # type: ignore[arg-type]
    return (f'<svg class="bar" width="80" height="10" role="img" aria-label="percentile {share:.0%}">'
            f'<rect width="80" height="10" fill="#eee"/><rect width="{80 * share:.1f}" height="10" fill="#0072B2"/>'
            "</svg>")


# --------------------------------------------------------------------------- pages


def agency_file(agency_id: int) -> str:
    return f"agency/a{agency_id}.html"


def region_key(province: str | None, city: str | None) -> str:
    digest = hashlib.sha1(f"{province}|{city or ''}".encode()).hexdigest()[:10]
    return f"region/r-{digest}.html"


@dataclass
class SiteSummary:
    """What build_site wrote."""

    out_dir: Path
    agencies: int
    regions: int
    files: int


def build_site(data: CardData, out_dir: Path) -> SiteSummary:
    """Write the site into `out_dir` (replacing the agency/ and region/ folders of an earlier build)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for sub in ("agency", "region"):
        shutil.rmtree(out_dir / sub, ignore_errors=True)
        (out_dir / sub).mkdir()

    by_agency: dict[int, list[Row]] = defaultdict(list)
    for row in data.headline:
        by_agency[row["agency_id"]].append(row)
    continuity = {(r["agency_id"], r["year"]): r for r in data.continuity}
    peers: dict[int, list[Row]] = defaultdict(list)
    for row in data.peers:
        peers[row["report_id"]].append(row)
    checks: dict[int, list[Row]] = defaultdict(list)
    for row in data.checks:
        checks[row["report_id"]].append(row)
    check_counts = {r["report_id"]: r for r in data.check_counts}
    issues: dict[int, list[Row]] = defaultdict(list)
    for row in data.issues:
        issues[row["agency_id"]].append(row)
    by_report: dict[int, list[Row]] = defaultdict(list)
    for row in data.provenance:
        by_report[row["report_id"]].append(row)
    # figure → the facts it is made of, once per report (the table and the provenance list both use it)
    provenance = {report_id: {figure: _figure_facts(figure, facts) for figure, _ in FIGURES}
                  for report_id, facts in by_report.items()}

    regions = _regions(data)
    index_rows: list[str] = []
    files = 0
    # pages are rendered here and written by threads: opening and writing thousands of files waits on
    # the file system, not on Python, so the writes overlap with the rendering
    with ThreadPoolExecutor(max_workers=4) as writers:
        pending = []
        for agency_id, reports in by_agency.items():
            text = _agency_page(reports, continuity, peers, checks, check_counts, issues[agency_id], provenance,
                                regions)
            pending.append(writers.submit(_write, out_dir / agency_file(agency_id), text))
            index_rows.append(_index_row_agency(reports, check_counts))
        for (province, city), region in regions.items():
            text = _region_page(province, city, region, by_agency, check_counts, checks)
            pending.append(writers.submit(_write, out_dir / region_key(province, city), text))
            index_rows.append(_index_row_region(province, city, region))
        pending.append(writers.submit(_write, out_dir / "index.html",
                                      _index_page(index_rows, len(by_agency), len(regions))))
        for future in pending:
            future.result()  # re-raise a failed write
            files += 1
    return SiteSummary(out_dir, len(by_agency), len(regions), files)


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


@dataclass
class _Region:
    rollup: list[Row] = field(default_factory=list)
    agencies: set[int] = field(default_factory=set)
    region_reports: list[Row] = field(default_factory=list)


def _regions(data: CardData) -> dict[tuple[str, str | None], _Region]:
    """Provinces and cities: their rollup rows, the agencies located there and their region-wide reports."""
    regions: dict[tuple[str, str | None], _Region] = defaultdict(_Region)
    for row in data.rollup:
        city = row["city"] if row["region_level"] == "city" else None
        if row["province"]:
            regions[(row["province"], city)].rollup.append(row)
    for row in data.headline:
        if not row["province"]:
            continue
        keys = [(row["province"], None)] + ([(row["province"], row["city"])] if row["city"] else [])
        for key in keys:
            regions[key].agencies.add(row["agency_id"])
        if row["scope"] == "region":
            own = (row["province"], row["city"]) if row["city"] else (row["province"], None)
            if row["county"] is None:
                regions[own].region_reports.append(row)
    return dict(sorted(regions.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")))


def _years(rows: Iterable[Row]) -> list[int]:
    stated = sorted({r["year"] for r in rows if r["year"] is not None})
    return list(range(stated[0], stated[-1] + 1)) if stated else []


def _agency_page(reports: list[Row], continuity: dict, peers: dict, checks: dict, check_counts: dict,
                 issues: list[Row], provenance: dict, regions: dict) -> str:
    latest = reports[-1]
    agency_id, name = latest["agency_id"], latest["agency_name"]
    years = _years(reports)
    by_year = {r["year"]: r for r in reports}
    printed = sorted({r["agency_name_as_printed"] for r in reports if r["agency_name_as_printed"]} - {name})
    place = " ".join(p for p in (latest["province"], latest["city"], latest["county"]) if p)
    region_links = [f'<a href="../{region_key(latest["province"], c)}">{esc(latest["province"] + (c or ""))}</a>'
                    for c in (None, latest["city"]) if latest["province"] and (latest["province"], c) in regions]
    out = [f"<h1>{esc(name)}</h1>",
           f'<p class="meta">{esc(latest["level"] or "level unknown")} · {esc(place or "place unknown")} · '
           f'{"region-wide report" if latest["scope"] == "region" else "agency report"} · '
           f"years reported: {esc(', '.join(str(r['year']) for r in reports))}"
           + (f" · also printed as {esc('、'.join(printed))}" if printed else "")
           + (f" · region: {' · '.join(region_links)}" if region_links else "") + "</p>"]

    # figures per year, each linked to its provenance
    out.append("<h2>Headline figures</h2><p class=\"meta\">Each figure links to where it was read. "
               "— means the report does not state it (unknown, not zero); "
               '<span class="corrected">✎</span> marks a value an analyst corrected.</p>')
    corrected = {(r["report_id"]) for r in reports if r["corrections_applied"]}
    head = "".join(f'<th scope="col">{esc(label)}</th>' for _, label in FIGURES)
    rows = []
    for r in reports:
        facts = provenance.get(r["report_id"], {})
        cells = []
        for figure, _ in FIGURES:
            value = r[figure]
            parts = facts.get(figure, [])
            mark = ""
            if any(f["is_corrected"] for f in parts):
                mark = ' <span class="corrected" title="corrected by an analyst">✎</span>'
            elif any(f["is_approximate"] for f in parts):
                mark = ' <span class="approx" title="printed as approximate">≈</span>'
            text = esc(number(value))
            if value is not None and parts:
                text = f'<a href="#src-{r["report_id"]}-{figure}">{text}</a>'
            cells.append(f"<td>{text}{mark}</td>")
        flag = " ✎" if r["report_id"] in corrected else ""
        rows.append(f'<tr><th scope="row"><a href="#report-{r["report_id"]}">{r["year"]}</a>{flag}</th>'
                    + "".join(cells) + "</tr>")
    out.append(f'<div style="overflow-x:auto"><table><thead><tr><th scope="col">year</th>{head}</tr></thead>'
               f"<tbody>{''.join(rows)}</tbody></table></div>")

    # charts
    out.append('<h2>Trends</h2><div class="charts">')
    for n, (title, description, series) in enumerate(CHARTS):
        columns = []
        for label, column in series:
            if column == "previous_carried_forward":
                vs = [(continuity.get((agency_id, y)) or {}).get(column) for y in years]
            else:
                vs = [(by_year.get(y) or {}).get(column) for y in years]
            columns.append((label, vs))
        out.append(line_chart(f"chart-{n}", title, description, years, columns))
    out.append("</div>")

    out.append(_peers_section(latest, peers.get(latest["report_id"], [])))
    out.append(_checks_section(reports, checks, check_counts))
    out.append(_issues_section(issues))
    out.append(_provenance_section(reports, provenance))
    return page(name, "\n".join(out), "../")


def _figure_facts(figure: str, facts: list[Row]) -> list[Row]:
    table, prefixes = FIGURE_SOURCES[figure]
    wanted = [f for f in facts if f["fact_table"] == table and f["key"].split(".")[0] in prefixes]
    if figure == "appeals_corrected":
        wanted = [f for f in wanted if f["key"].endswith(".corrected")]
    elif table == "appeals":
        totals = [f for f in wanted if f["key"].endswith(".total")]
        wanted = totals or wanted
    elif figure == "proactive_total":
        wanted = [f for f in wanted if f["key"] == "proactive.total"]
    return wanted


def _peers_section(latest: Row, rows: list[Row]) -> str:
    if not rows:
        return "<h2>Peers</h2><p>No figure of the latest report can be ranked.</p>"
    body = "".join(
        f'<tr><td class="text">{esc(LABELS.get(r["metric"], r["metric"]))}</td><td>{esc(number(r["value"]))}</td>'
        f'<td>{esc(number(r["level_rank"]))} of {esc(number(r["level_peers"]))} '
        f'{percentile_bar(r["level_percentile"])}</td>'
        f'<td>{esc(number(r["province_rank"]))} of {esc(number(r["province_peers"]))} '
        f'{percentile_bar(r["province_percentile"])}</td></tr>'
        for r in sorted(rows, key=lambda r: r["metric"]))
    return (f"<h2>Peers in {latest['year']}</h2><p class=\"meta\">Rank 1 is the largest value among reports of the "
            f"same year and scope at the same level ({esc(latest['level'] or 'unknown')}) and in the same province "
            f"({esc(latest['province'] or 'unknown')}); the bar shows the percentile.</p>"
            '<table><thead><tr><th scope="col">figure</th><th scope="col">value</th><th scope="col">rank among '
            'the same level</th><th scope="col">rank in the province</th></tr></thead>'
            f"<tbody>{body}</tbody></table>")


def _checks_section(reports: list[Row], checks: dict, check_counts: dict) -> str:
    out = ["<h2>Checks</h2><p class=\"meta\">The report's own arithmetic (Table 3 balance, group sums …) and, "
           "for a region-wide report, its figures against the sum of its members. Failing identities are "
           "highlighted.</p>"]
    for r in reversed(reports):
        counts = check_counts.get(r["report_id"]) or {"passed": 0, "failed": 0, "not_assessable": 0}
        out.append(f'<h3>{r["year"]}: <span class="pass">{counts["passed"]} passed</span>, '
                   f'{counts["failed"]} failed, {counts["not_assessable"]} not assessable</h3>')
        rows = checks.get(r["report_id"], [])
        if rows:
            out.append('<table><thead><tr><th scope="col">check</th><th scope="col">subject</th><th scope="col">'
                       'status</th><th scope="col">left</th><th scope="col">right</th><th scope="col">difference'
                       '</th><th scope="col">message</th></tr></thead><tbody>')
            out.extend(
                f'<tr class="{esc(c["status"])}"><td class="text">{esc(c["check_name"])}</td>'
                f'<td class="text">{esc(c["subject"])}</td><td class="text">{esc(c["status"])}</td>'
                f'<td>{esc(number(c["left_value"]))}</td><td>{esc(number(c["right_value"]))}</td>'
                f'<td>{esc(number(c["difference"]))}</td><td class="text">{esc(c["message"])}</td></tr>'
                for c in rows)
            out.append("</tbody></table>")
    return "\n".join(out)


def _issues_section(issues: list[Row]) -> str:
    if not issues:
        return "<h2>Open parse issues</h2><p>None.</p>"
    body = "".join(
        f'<tr><td>{esc(i["year"])}</td><td class="text">{esc(i["severity"])}</td><td class="text">{esc(i["code"])}'
        f'</td><td class="text">{esc(i["message"])}</td><td class="text">{esc(i["excerpt"])}</td></tr>'
        for i in issues)
    return ('<h2>Open parse issues</h2><table><thead><tr><th scope="col">year</th><th scope="col">severity</th>'
            '<th scope="col">code</th><th scope="col">message</th><th scope="col">text pointed at</th></tr></thead>'
            f"<tbody>{body}</tbody></table>")


def _provenance_section(reports: list[Row], provenance: dict) -> str:
    out = ["<h2>Where the figures come from</h2>"]
    for r in reversed(reports):
        facts = provenance.get(r["report_id"], {})
        out.append(f'<h3 id="report-{r["report_id"]}">{r["year"]}: report {r["report_id"]} '
                   f'({esc(r["format"])}) from <code>{esc(r["document_path"])}</code></h3><dl class="prov">')
        for figure, label in FIGURES:
            parts = facts.get(figure, [])
            if r[figure] is None or not parts:
                continue
            out.append(f'<dt id="src-{r["report_id"]}-{figure}">{esc(label)}: {esc(number(r[figure]))}</dt>')
            for f in parts:
                where = f"section “{f['section_heading']}”" if f["section_heading"] else "outside any section"
                span = (f", characters {f['start_offset']}–{f['end_offset']}" if f["start_offset"] is not None
                        else "")
                note = ""
                if f["is_corrected"]:
                    was = number(f["parsed_value"]) if f["parsed_value"] is not None else "not read"
                    note = (f' <span class="corrected">✎ corrected by {esc(f["corrected_by"])} on '
                            f'{esc(f["corrected_on"])} (parsed: {esc(was)}): {esc(f["correction_reason"])}</span>')
                approx = " (approximate)" if f["is_approximate"] else ""
                out.append(f"<dd><code>{esc(f['key'])}</code> = {esc(number(f['value']))}{approx}, "
                           f"{esc(f['source'])}, {esc(where)}{esc(span)}{note}"
                           f"<blockquote>{esc(f['evidence'])}</blockquote></dd>")
        out.append("</dl>")
    return "\n".join(out)


def _region_page(province: str, city: str | None, region: _Region, by_agency: dict, check_counts: dict,
                 checks: dict) -> str:
    name = province + (city or "")
    years = _years(region.rollup)
    by_year = {r["year"]: r for r in region.rollup}
    out = [f"<h1>{esc(name)}</h1>",
           f'<p class="meta">{"city" if city else "province"} · {len(region.agencies)} agencies with reports</p>']
    out.append('<h2>Trends</h2><div class="charts">')
    for n, (title, description, series) in enumerate(REGION_CHARTS):
        columns = [(label, [(by_year.get(y) or {}).get(column) for y in years]) for label, column in series]
        out.append(line_chart(f"chart-{n}", title, description, years, columns))
    out.append("</div>")
    if region.rollup:
        head = "".join(f'<th scope="col">{esc(LABELS[f])} (agencies stating)</th>'
                       for f in ("new_received", "total_processed", "granted", "denied", "reviews_total",
                                 "lawsuits_total"))
        body = "".join(
            f'<tr><th scope="row">{r["year"]}</th><td>{r["agencies_reporting"]}</td>' + "".join(
                f'<td>{esc(number(r[f + "_sum"]))} ({r[f + "_agencies"]})</td>'
                for f in ("new_received", "total_processed", "granted", "denied", "reviews_total", "lawsuits_total"))
            + "</tr>" for r in region.rollup)
        out.append('<h2>Rollup of its agencies</h2><p class="meta">Sums over agency reports only (region-wide '
                   "reports excluded so nothing counts twice); compare the number of agencies stating a figure "
                   "with those reporting before reading a sum as the region's total.</p>"
                   f'<table><thead><tr><th scope="col">year</th><th scope="col">agencies reporting</th>{head}'
                   f"</tr></thead><tbody>{body}</tbody></table>")
    if region.region_reports:
        out.append("<h2>Region-wide reports against their members</h2>")
        for r in sorted(region.region_reports, key=lambda r: r["year"]):
            rows = [c for c in checks.get(r["report_id"], []) if c["check_name"] == "hierarchy_sum"]
            counts = check_counts.get(r["report_id"]) or {}
            out.append(f'<h3><a href="../{agency_file(r["agency_id"])}">{esc(r["agency_name"])}</a> {r["year"]}'
                       f' — {counts.get("failed", 0)} failed check(s) in all</h3>')
            if rows:
                out.append('<table><thead><tr><th scope="col">figure</th><th scope="col">status</th>'
                           '<th scope="col">region</th><th scope="col">Σ members</th><th scope="col">difference'
                           '</th><th scope="col">message</th></tr></thead><tbody>' + "".join(
                               f'<tr class="{esc(c["status"])}"><td class="text">{esc(c["subject"])}</td>'
                               f'<td class="text">{esc(c["status"])}</td><td>{esc(number(c["left_value"]))}</td>'
                               f'<td>{esc(number(c["right_value"]))}</td><td>{esc(number(c["difference"]))}</td>'
                               f'<td class="text">{esc(c["message"])}</td></tr>' for c in rows)
                           + "</tbody></table>")
            else:
                out.append('<p class="pass">Every comparison with its members passed.</p>')
    items = sorted((by_agency[a][-1]["agency_name"], a) for a in region.agencies)
    out.append("<h2>Agencies</h2><ul>" + "".join(
        f'<li><a href="../{agency_file(a)}">{esc(n)}</a></li>' for n, a in items) + "</ul>")
    return page(name, "\n".join(out), "../")


def _index_row_agency(reports: list[Row], check_counts: dict) -> str:
    latest = reports[-1]
    failed = sum((check_counts.get(r["report_id"]) or {}).get("failed", 0) for r in reports)
    place = " ".join(p for p in (latest["province"], latest["city"], latest["county"]) if p)
    names = {latest["agency_name"], *(r["agency_name_as_printed"] or "" for r in reports)}
    key = " ".join([*names, place, latest["level"] or "", "agency"]).lower()
    return (f'<tr data-k="{esc(key)}"><td><a href="{agency_file(latest["agency_id"])}">{esc(latest["agency_name"])}'
            f'</a></td><td class="text">{"region report" if latest["scope"] == "region" else "agency"}</td>'
            f'<td class="text">{esc(latest["level"])}</td><td class="text">{esc(place)}</td>'
            f'<td class="text">{esc(reports[0]["year"])}–{esc(latest["year"])} ({len(reports)})</td>'
            f'<td>{esc(number(latest["new_received"]))}</td><td>{failed}</td></tr>')


def _index_row_region(province: str, city: str | None, region: _Region) -> str:
    name = province + (city or "")
    key = f"{name} {province} {city or ''} region".lower()
    years = sorted({r["year"] for r in region.rollup})
    span = f"{years[0]}–{years[-1]}" if years else ""
    return (f'<tr data-k="{esc(key)}"><td><a href="{region_key(province, city)}">{esc(name)}</a></td>'
            f'<td class="text">{"city" if city else "province"}</td><td class="text"></td>'
            f'<td class="text">{esc(name)}</td><td class="text">{span}</td><td></td><td></td></tr>')


def _index_page(rows: list[str], agencies: int, regions: int) -> str:
    body = (f"<h1>Government information disclosure: report cards</h1><p class=\"meta\">{agencies} agencies and "
            f"{regions} regions. Built from the analytics views of the warehouse.</p>"
            '<p><label for="q">Search by name, place or level: </label><br><input id="q" type="search" '
            'autocomplete="off" placeholder="e.g. 生态环境局 or 湖南省"></p>'
            f'<p class="meta"><span id="shown">{len(rows)}</span> shown.</p>'
            '<table id="entries"><thead><tr><th scope="col">name</th><th scope="col">kind</th>'
            '<th scope="col">level</th><th scope="col">place</th><th scope="col">years</th>'
            '<th scope="col">requests received (latest)</th><th scope="col">failed checks</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")
    return page("Report cards", body, "", SEARCH_SCRIPT + RENDER_CHECK)

