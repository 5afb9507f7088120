"""The views in a migrated database are exactly the files in sql/views/, and their revisions replay."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from etl import views
from etl.database import downgrade, upgrade

pytestmark = pytest.mark.db


def _analytics_views(connection: sa.Connection) -> set[str]:
    return set(
        connection.execute(
            sa.text("SELECT table_name FROM information_schema.views WHERE table_schema = 'analytics'")
        ).scalars()
    )


def test_migrated_views_match_the_sql_files(warehouse_connection):
    """Drop what the migrations built, rebuild from sql/views/ in the same transaction, compare."""
    migrated = views.view_signature(warehouse_connection)
    for name in _analytics_views(warehouse_connection):
        warehouse_connection.execute(sa.text(f"DROP VIEW IF EXISTS analytics.{name} CASCADE"))
    views.apply_views(warehouse_connection)
    from_files = views.view_signature(warehouse_connection)

    assert sorted(migrated) == sorted(from_files), (
        "the views the migrations create are not the files in sql/views/: add a revision (docs/views.md)"
    )
    drifted = [name for name in from_files if migrated[name] != from_files[name]]
    assert not drifted, (
        f"sql/views/ differs from what the migrations apply for {drifted}: a changed view needs a new "
        "revision embedding the new text (python -m etl.views embed NAME…; see docs/views.md)"
    )


def test_upgrade_downgrade_upgrade_keeps_the_views(empty_database):
    engine = sa.create_engine(empty_database)
    try:
        upgrade(empty_database)
        with engine.connect() as conn:
            first = views.view_signature(conn)
        assert set(first) == set(views.view_names())

        downgrade(empty_database, "0001")
        with engine.connect() as conn:
            assert _analytics_views(conn) == set()
        upgrade(empty_database)
        with engine.connect() as conn:
            assert views.view_signature(conn) == first

        downgrade(empty_database, "base")
        upgrade(empty_database)
        with engine.connect() as conn:
            assert views.view_signature(conn) == first
    finally:
        engine.dispose()


def test_view_files_are_well_formed():
    names = views.view_names()
    assert names, "no view files in sql/views/"
    for name in names:
        sql = views.view_sql(name)
        assert re.search(rf"^CREATE VIEW analytics\.{name} AS$", sql, flags=re.MULTILINE), (
            f"{name}.sql must create analytics.{name} (file name = view name)"
        )
        assert f"COMMENT ON VIEW analytics.{name} IS" in sql, f"{name}.sql has no COMMENT ON VIEW"
        # sa.text() treats ':word' as a bind parameter: a view file must not contain one
        assert not sa.text(sql).compile().params, f"{name}.sql contains ':name', read as a bind parameter"
        assert "'''" not in sql and "\\" not in sql, f"{name}.sql cannot be embedded verbatim in a revision"


def test_dependencies_come_first():
    names = views.view_names()
    for position, name in enumerate(names):
        assert views.view_dependencies(name) <= set(names[:position])
    assert "report_headline" in views.view_dependencies("agency_trend")


def test_embed_renders_importable_python():
    source = views.embed(["report_headline", "stg_requests"])
    namespace: dict = {}
    exec(compile(source, "<embed>", "exec"), namespace)
    assert [name for name, _ in namespace["VIEWS"]] == ["stg_requests", "report_headline"]
    assert namespace["VIEWS"][1][1] == views.view_sql("report_headline")
