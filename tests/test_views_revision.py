"""The procedure for changing a view: `python -m etl.views revision` writes a revision that applies."""

from __future__ import annotations

import shutil

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from etl import views
from etl.database import MIGRATIONS_DIR


def test_dependants_are_found_transitively():
    assert views.dependants(["stg_requests"]) >= {
        "report_headline", "agency_trend", "peer_comparison", "region_year_rollup", "table3_wide",
    }
    assert "stg_requests" not in views.dependants(["stg_requests"])
    assert views.dependants(["agency_trend"]) == {"yoy_anomalies", "check_results"}
    assert views.dependants(["check_results"]) == set()


def test_embedded_views_are_what_head_applies():
    embedded = views.embedded_views()
    assert set(embedded) == set(views.view_names())


@pytest.mark.db
def test_generated_revision_upgrades_and_downgrades(tmp_path, empty_database):
    location = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, location, ignore=shutil.ignore_patterns("__pycache__"))
    path = views.new_revision("re-apply the headline", ["report_headline"], script_location=location)
    source = path.read_text(encoding="utf-8")
    for name in ("report_headline", "agency_trend", "peer_comparison", "region_year_rollup"):
        assert f"({name!r}, r'''" in source

    config = Config()
    config.set_main_option("script_location", str(location))
    config.set_main_option("sqlalchemy.url", empty_database.render_as_string(hide_password=False).replace("%", "%%"))
    engine = sa.create_engine(empty_database)
    try:
        command.upgrade(config, "head")
        with engine.connect() as conn:
            at_head = views.view_signature(conn)
        assert set(at_head) == set(views.view_names())
        command.downgrade(config, "-1")
        with engine.connect() as conn:
            assert views.view_signature(conn) == at_head  # the previous text is the same here
        command.downgrade(config, "base")
        command.upgrade(config, "head")
    finally:
        engine.dispose()
