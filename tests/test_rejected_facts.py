"""Facts the loader refuses are kept in ingest.rejected_fact, and re-admitted when a migration adds their key."""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest

from etl import load, pipeline
from etl.model import Fact
from tests.test_load import document, report

pytestmark = pytest.mark.db


@pytest.fixture
def loader(conninfo):
    conn = load.connect(conninfo)
    run_id = load.start_run(conn, "test", "1.0")
    yield load.Loader(conn, run_id, "1.0")
    conn.close()


def q(conninfo: str, sql: str, *args) -> list[tuple]:
    with psycopg.connect(conninfo) as conn:
        return conn.execute(sql, args).fetchall()


def put(loader: load.Loader, doc) -> load.LoadResult:
    return loader.load(doc, load.FileStat(doc.path, doc.size, 1))


def _add_request_item(conninfo: str, key: str) -> None:
    """What a vocabulary migration does (cf. the request_item rows of revision 0001)."""
    with psycopg.connect(conninfo) as conn:
        conn.execute("INSERT INTO warehouse.request_item (key, description) VALUES (%s, 'added by a migration')",
                     (key,))


NEW_KEY = "future_item"


def test_an_unknown_key_is_kept_with_the_fact_as_parsed(loader, conninfo):
    fact = Fact("requests", NEW_KEY, Decimal(3), 5, 6, "新情形3件", approximate=True, unit="件", section_ordinal=2,
                label="新情形", label_start=1, label_end=4)
    put(loader, document("a1", report(facts=[fact])))
    assert q(conninfo, "SELECT count(*) FROM warehouse.requests") == [(0,)]
    assert q(conninfo, "SELECT fact_table, item, applicant, value, value_text, unit, is_approximate, source, "
             "start_offset, end_offset, evidence, label, label_start, label_end, reason, "
             "section_id IS NOT NULL FROM ingest.rejected_fact") == [
        ("requests", NEW_KEY, "total", Decimal(3), "3", "件", True, "prose", 5, 6, "新情形3件", "新情形", 1, 4,
         "unknown_key", True)]
    assert q(conninfo, "SELECT code FROM ingest.parse_issue WHERE code = 'unknown_key'") == [("unknown_key",)]


def test_a_migration_adding_the_key_readmits_the_fact(loader, conninfo):
    fact = Fact("requests", NEW_KEY, Decimal(3), 5, 6, "新情形3件", section_ordinal=2)
    put(loader, document("b2", report(facts=[fact])))
    assert load.readmit_rejected_facts(loader.conn) == 0  # the key is still unknown: nothing moves
    _add_request_item(conninfo, NEW_KEY)
    assert load.readmit_rejected_facts(loader.conn) == 1
    assert q(conninfo, "SELECT item, applicant, value, evidence, section_id IS NOT NULL FROM warehouse.requests") == [
        (NEW_KEY, "total", Decimal(3), "新情形3件", True)]
    assert q(conninfo, "SELECT count(*) FROM ingest.rejected_fact") == [(0,)]
    # the issue said the figure was not loaded: it is gone with the rejection
    assert q(conninfo, "SELECT count(*) FROM ingest.parse_issue WHERE code = 'unknown_key'") == [(0,)]
    assert load.readmit_rejected_facts(loader.conn) == 0


def test_the_next_run_readmits_after_the_migration(loader, conninfo, tmp_path):
    appeal = Fact("appeals", "review.mediated", Decimal(2), 7, 8, "调解2件")
    request = Fact("requests", NEW_KEY, Decimal(4), 5, 6, "新情形4件")
    put(loader, document("c3", report(facts=[appeal, request])))
    assert q(conninfo, "SELECT fact_table, proceeding, outcome FROM ingest.rejected_fact ORDER BY id") == [
        ("appeals", "review", "mediated"), ("requests", None, None)]
    _add_request_item(conninfo, NEW_KEY)
    empty = tmp_path / "empty"
    empty.mkdir()
    pipeline.run([empty], conninfo, workers=0)
    assert q(conninfo, "SELECT item, value FROM warehouse.requests") == [(NEW_KEY, Decimal(4))]
    # the appeal's outcome is still unknown: it stays rejected
    assert q(conninfo, "SELECT fact_table, outcome FROM ingest.rejected_fact") == [("appeals", "mediated")]


def test_an_out_of_range_number_is_kept_but_never_readmitted(loader, conninfo):
    huge = Fact("requests", "new_received", Decimal(10) ** 16, 5, 6, "收到申请10000000000000000件")
    put(loader, document("d4", report(facts=[huge])))
    assert q(conninfo, "SELECT item, value_text, reason FROM ingest.rejected_fact") == [
        ("new_received", "10000000000000000", "number_out_of_range")]
    assert load.readmit_rejected_facts(loader.conn) == 0
    assert q(conninfo, "SELECT count(*) FROM warehouse.requests") == [(0,)]


def test_a_reparse_replaces_the_rejected_facts(conninfo):
    fact = Fact("requests", NEW_KEY, Decimal(3), 5, 6, "新情形3件")
    doc = document("e5", report(facts=[fact]))
    for version in ("1.0", "2.0"):
        conn = load.connect(conninfo)
        loader = load.Loader(conn, load.start_run(conn, "test", version), version)
        put(loader, doc)
        conn.close()
    assert q(conninfo, "SELECT count(*) FROM ingest.rejected_fact") == [(1,)]
