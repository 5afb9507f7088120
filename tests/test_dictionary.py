"""docs/data-dictionary.md is generated from the comments of a migrated database and must not drift."""

from __future__ import annotations

import pytest

from etl.views import REPO_ROOT, data_dictionary

pytestmark = pytest.mark.db

DICTIONARY = REPO_ROOT / "docs" / "data-dictionary.md"
HOW = (
    "regenerate it: python -m etl.views dictionary > docs/data-dictionary.md "
    "(uses DATABASE_URL or the embedded server)"
)


def test_dictionary_is_up_to_date(warehouse_connection):
    generated = data_dictionary(warehouse_connection)
    assert DICTIONARY.exists(), f"docs/data-dictionary.md is missing: {HOW}"
    assert DICTIONARY.read_text(encoding="utf-8") == generated, f"docs/data-dictionary.md is out of date: {HOW}"


def test_dictionary_covers_tables_views_and_columns(warehouse_connection):
    text = data_dictionary(warehouse_connection)
    for heading in ("### `warehouse.report`", "### `ingest.source_document`", "### `analytics.report_headline`"):
        assert heading in text
    assert "*view* — One row per primary report" in text
    assert "| `refusal_rate` | numeric |" in text
    assert "| `value` | numeric | no |" in text
