"""Report cards: drawn from the analytics views, gaps stay gaps, and pages render in a real browser.

The browser test runs headless Chromium (Debian package `chromium`; `.ci/run` installs it when
missing). It is not skipped when Chromium is absent: the cards are only tested if a browser opens them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa

from etl import pipeline
from etl.cards import build_site, fetch, line_chart, number

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "reports"
HIERARCHY_CASE = Path(__file__).resolve().parent / "fixtures" / "views" / "hierarchy.yaml"


# --------------------------------------------------------------------------- pure rendering


def test_unknown_values_are_gaps_never_zeros():
    svg = line_chart("c", "Requests", "test", [2019, 2020, 2021, 2022],
                     [("received", [Decimal(5), None, Decimal(7), Decimal(9)])])
    # one line for 2021–2022 only: no segment crosses the unknown 2020, and 2019 stands alone as a dot
    assert svg.count('<polyline class="series"') == 1
    assert svg.count('<circle class="pt"') == 3
    assert "2019: 5; 2021: 7; 2022: 9 (not stated in 1 year(s))" in svg  # the text alternative
    assert "<td>—</td>" in svg and "<td>0</td>" not in svg  # the data table shows the gap
    assert number(None) == "—" and number(Decimal("0")) == "0" and number(Decimal("1234.50")) == "1,234.5"


def test_a_chart_with_nothing_stated_says_so():
    assert "No report states these figures" in line_chart("c", "T", "d", [2020], [("x", [None])])


# --------------------------------------------------------------------------- from the views


@pytest.mark.db
def test_region_page_shows_hierarchy_checks_and_failures_are_highlighted(fresh_warehouse, tmp_path):
    from tests.fixtures.views.runner import load_case, load_given

    engine = sa.create_engine(fresh_warehouse)
    with engine.begin() as conn:
        load_given(conn, load_case(HIERARCHY_CASE)["given"])
    engine.dispose()
    from etl.database import libpq_url

    with psycopg.connect(libpq_url(fresh_warehouse)) as conn:
        data = fetch(conn)
    summary = build_site(data, tmp_path / "site")
    assert (summary.agencies, summary.regions) == (5, 3)  # 甲省, 甲省甲市, 甲省戊市
    region_pages = {p.read_text(encoding="utf-8") for p in (tmp_path / "site" / "region").glob("*.html")}
    city = next(p for p in region_pages if "<h1>甲省甲市</h1>" in p)
    assert "Region-wide reports against their members" in city
    assert re.search(r'<tr class="fail"><td class="text">total_processed</td>.*?<td>1</td>', city)
    assert "Members missing: 1 of 2 bodies" in city
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert index.count("<tr data-k=") == 8  # 5 agencies + 3 regions


# --------------------------------------------------------------------------- in a browser


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "headless Chromium is needed (Debian: apt-get install chromium; .ci/run installs it)"
    return found


def _browse(url: str, *args: str) -> tuple[str, str]:
    done = subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr",
         "--v=0", "--virtual-time-budget=3000", *args, url],
        capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, done.stderr


def _console(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


@pytest.mark.db
def test_cards_render_in_headless_chromium(tmp_path, conninfo):
    from etl.load import DEFAULT_ALIAS_FILE

    corrections = tmp_path / "corrections.csv"
    corrections.write_text(
        "sha256,agency,year,table,item,applicant,value,evidence,reason,author,date\n"
        ",示例市生态环境局,2021,requests,new_received,,4,p. 2 row 一,a test correction,ana,2026-12-01\n",
        encoding="utf-8")
    pipeline.run([EXAMPLES], conninfo, workers=0, aliases=DEFAULT_ALIAS_FILE, corrections=corrections)
    with psycopg.connect(conninfo) as conn:
        data = fetch(conn)
    site = tmp_path / "site"
    build_site(data, site)
    page = next(p for p in (site / "agency").glob("*.html") if "<h1>示例市生态环境局</h1>" in p.read_text("utf-8"))

    dom, stderr = _browse(page.as_uri(), "--dump-dom")
    assert _console(stderr) == [], "the page logged to the console"
    rendered = re.search(r'data-charts-rendered="(\d+)"', dom)
    assert rendered and int(rendered.group(1)) == 5, "the five trend charts were laid out by the browser"
    assert dom.count('<circle class="pt"') >= 10 and 'role="img"' in dom and "<desc id=" in dom
    # the corrected figure is flagged, with its reason, and links to its provenance
    assert 'title="corrected by an analyst"' in dom and "a test correction" in dom
    assert re.search(r'<a href="#src-\d+-new_received">4</a>', dom)

    shot = tmp_path / "agency.png"
    _, stderr = _browse(page.as_uri(), f"--screenshot={shot}", "--window-size=1200,1600")
    assert _console(stderr) == []
    assert shot.stat().st_size > 20_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # the index filters by the search (here carried in the URL), in the browser
    dom, stderr = _browse((site / "index.html").as_uri() + "?q=生态环境", "--dump-dom")
    assert _console(stderr) == []
    assert re.search(r'<span id="shown">1</span>', dom)
    assert dom.count("<tr data-k=") == 3 and dom.count(' hidden=""') == 2


@pytest.mark.db
def test_etl_run_reports_a_lost_correction_and_etl_cards_builds_the_site(conninfo, tmp_path):
    from typer.testing import CliRunner

    from etl.cli import app

    env = {"DATABASE_URL": conninfo, "ETL_HOME": str(tmp_path / "home"), "COLUMNS": "250"}
    corrections = tmp_path / "corrections.csv"
    corrections.write_text(
        "sha256,agency,year,table,item,applicant,value,evidence,reason,author,date\n"
        ",示例市生态环境局,2031,requests,new_received,,4,,no such year,ana,2026-12-01\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["run", str(EXAMPLES), "--workers", "0", "--corrections", str(corrections)],
                           env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())  # the console may wrap lines
    assert "Correction not applied: line 2: there is no primary report of 示例市生态环境局 for 2031" in said
    result = runner.invoke(app, ["cards", "-o", str(tmp_path / "site")], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Wrote 4 page(s)" in " ".join(result.output.split()) and (tmp_path / "site" / "index.html").is_file()
