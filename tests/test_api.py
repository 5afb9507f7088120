"""etl.api.read_view: analytics views as DataFrames with nullable dtypes, so an unknown stays <NA>."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import psycopg
import pytest
from typer.testing import CliRunner

from etl.api import ViewError, list_views, read_view
from etl.cli import app

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.db


@pytest.fixture
def loaded(conninfo, tmp_path) -> str:
    """The example reports loaded; one agency placed in a (made-up) division so region filters have data."""
    env = {"DATABASE_URL": conninfo, "ETL_HOME": str(tmp_path / "home"), "ETL_WORKERS": "0"}
    result = CliRunner().invoke(app, ["run", str(REPO / "examples" / "reports"), "--no-progress"], env=env)
    assert result.exit_code == 0, result.output
    with psycopg.connect(conninfo) as conn:
        agency = conn.execute("SELECT min(agency_id) FROM warehouse.report WHERE is_primary").fetchone()[0]
        conn.execute("UPDATE warehouse.agency SET adcode = '990102', province = '测试省', city = '测试市' "
                     "WHERE id = %s", (agency,))
        conn.execute("UPDATE warehouse.report SET adcode = '990102', province = '测试省', city = '测试市' "
                     "WHERE agency_id = %s", (agency,))
    return conninfo


def test_dtypes_are_nullable_and_a_null_figure_stays_na(loaded):
    frame = read_view("report_headline", url=loaded)
    dtypes = frame.dtypes.astype(str).to_dict()
    assert dtypes["report_id"] == "Int64" and dtypes["year"] == "Int64"
    assert dtypes["new_received"] == "Float64" and dtypes["grant_rate"] == "Float64"
    assert dtypes["is_truncated"] == "boolean" and dtypes["agency_name"] == "string"
    assert dtypes["published_on"].startswith("datetime64")
    with psycopg.connect(loaded) as conn:
        cur = conn.execute("SELECT * FROM analytics.report_headline")
        names = [c.name for c in cur.description]
        rows = cur.fetchall()
    assert len(frame) == len(rows) > 0 and list(frame.columns) == names
    nulls = 0
    by_id = frame.set_index("report_id")
    for row in rows:
        record = dict(zip(names, row, strict=True))
        for column in ("new_received", "granted", "denied", "reviews_total", "lawsuits_total", "grant_rate"):
            shown = by_id.at[record["report_id"], column]
            if record[column] is None:
                nulls += 1
                assert shown is pd.NA  # not NaN, and certainly not 0
            else:
                assert float(shown) == pytest.approx(float(record[column]))
    assert nulls > 0, "the examples should leave some figure unstated"
    # arithmetic propagates the unknown instead of reading it as 0
    unknown = frame["grant_rate"].isna()
    assert (frame.loc[unknown, "grant_rate"] + 1).isna().all()


def test_filters_by_year_agency_and_region(loaded):
    everything = read_view("report_headline", url=loaded)
    years = sorted(everything["year"].dropna().unique())
    assert set(read_view("report_headline", year=years[0], url=loaded)["year"]) == {years[0]}
    two = read_view("report_headline", year=years[:2], url=loaded)
    assert len(two) == int(everything["year"].isin(years[:2]).sum())

    name = everything.at[0, "agency_name"]
    by_name = read_view("report_headline", agency=name, url=loaded)
    assert len(by_name) == int((everything["agency_name"] == name).sum()) and set(by_name["agency_name"]) == {name}
    agency_id = int(everything.at[0, "agency_id"])
    assert set(read_view("report_headline", agency=agency_id, url=loaded)["agency_id"]) == {agency_id}

    placed = everything[everything["adcode"] == "990102"]
    assert len(placed) > 0
    for region in ("990000", "990100", "990102", "测试省", "测试市"):
        found = read_view("report_headline", region=region, url=loaded)
        assert sorted(found["report_id"]) == sorted(placed["report_id"]), region
    assert read_view("report_headline", region="990200", url=loaded).empty
    assert read_view("report_headline", region="990000", year=1900, url=loaded).empty
    rollup = read_view("region_year_rollup", region="测试省", url=loaded)
    assert len(rollup) > 0 and set(rollup["province"]) == {"测试省"}


def test_unknown_views_and_filters_say_what_exists(loaded):
    assert "report_headline" in list_views(url=loaded)
    with pytest.raises(ViewError, match="report_headline"):
        read_view("no_such_view", url=loaded)
    with pytest.raises(ViewError, match="no adcode column"):
        read_view("region_year_rollup", region="430000", url=loaded)
    with pytest.raises(ViewError, match="no year column"):
        read_view("document_coverage", year=2020, url=loaded)


def test_the_configured_warehouse_is_the_default(loaded, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", loaded)
    assert len(read_view("analytics.report_headline")) == len(read_view("report_headline", url=loaded))


def readme_notebook_snippet() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## From a notebook", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)[0]


def test_the_readme_notebook_snippet_runs_as_written(loaded, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", loaded)
    scope: dict = {}
    exec(compile(readme_notebook_snippet(), "README.md (notebook)", "exec"), scope)
    assert str(scope["headline"]["grant_rate"].dtype) == "Float64"
    assert scope["stated"] == scope["headline"]["grant_rate"].notna().sum()
    trend = scope["trend"]
    assert len(trend) > 0 and set(trend["agency_name"]) == {"示例市生态环境局"}  # the example alias file's agency
