"""The loader against a real PostgreSQL: provenance, unknowns, vocabulary, re-loads, primary reports, aliases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import psycopg
import pytest

from etl import load
from etl.model import Agency, CheckResult, Fact, ImprovementMeasure, Issue, ParsedDocument, Report, Section

pytestmark = pytest.mark.db

TEXT = ("示例局2018年报告\n一、概述\n全年共主动公开政府信息1365余条。\n三、依申请公开\n收到申请0件。\n"
        "五、改进措施\n1.加强培训。\n")


def report(agency: str | None = "示例市测试局", year: int | None = 2018, facts: list[Fact] | None = None,
           truncated: bool = False, published_on: date | None = None) -> Report:
    sections = [Section(1, "overview", "一、概述", 11, 35), Section(2, "requests", "三、依申请公开", 35, 51),
                Section(3, "problems_and_improvements", "五、改进措施", 51, len(TEXT))]
    if facts is None:
        start = TEXT.index("1365")
        facts = [
            Fact("disclosure_counts", "proactive.total", Decimal(1365), start, start + 5, "共主动公开政府信息1365余条",
                 approximate=True, unit="条", section_ordinal=1),
            Fact("requests", "new_received", Decimal(0), TEXT.index("0件"), TEXT.index("0件") + 1, "收到申请0件",
                 applicant="total", unit="件", section_ordinal=2, label="收到申请", label_start=38, label_end=42),
        ]
    return Report(
        text=TEXT, title=f"{agency}{year}年报告", agency=Agency(agency, province="示例省", level="city"), year=year,
        format="prose", published_on=published_on, sections=sections, facts=facts,
        improvement_measures=[ImprovementMeasure(1, "加强培训。", TEXT.index("1.加强"), len(TEXT) - 1)],
        checks=[CheckResult("t3_balance", "total", "not_assessable", "info", message="no table")],
        issues=[Issue("info", "example", "a report-level note")], truncated=truncated,
    )


def document(sha: str, *reports: Report, issues: list[Issue] | None = None) -> ParsedDocument:
    return ParsedDocument(f"/reports/{sha[:8]}.txt", sha * (64 // len(sha)), 100, "text/plain", "utf-8",
                          issues=issues or [], reports=list(reports))


@pytest.fixture
def loader(conninfo):
    conn = load.connect(conninfo)
    run_id = load.start_run(conn, "test", "1.0")
    yield load.Loader(conn, run_id, "1.0")
    conn.close()


def put(loader: load.Loader, doc: ParsedDocument) -> load.LoadResult:
    return loader.load(doc, load.FileStat(doc.path, doc.size, 1))


def q(loader: load.Loader, sql: str, *args):
    rows = loader.conn.execute(sql, args).fetchall()
    loader.conn.commit()
    return rows


def test_facts_carry_their_provenance(loader):
    result = put(loader, document("a1", report()))
    assert (result.status, result.reports, result.facts) == ("loaded", 1, 2)
    (value, approx, unit, source, kind, start, end, evidence), = q(loader, """
        SELECT f.value, f.is_approximate, f.unit, f.source, s.kind, f.start_offset, f.end_offset, f.evidence
        FROM warehouse.disclosure_counts f JOIN warehouse.section s ON s.id = f.section_id""")
    assert (value, approx, unit, source, kind) == (Decimal(1365), True, "条", "prose", "overview")
    text, = q(loader, "SELECT text FROM warehouse.report")[0]
    assert text[start:end] == "1365余" and evidence == "共主动公开政府信息1365余条"
    assert q(loader, "SELECT item, applicant, value, label, label_start FROM warehouse.requests") == [
        ("new_received", "total", Decimal(0), "收到申请", 38)]
    assert q(loader, "SELECT s.kind, m.text FROM warehouse.improvement_measures m "
                     "JOIN warehouse.section s ON s.id = m.section_id") == [("problems_and_improvements", "加强培训。")]
    assert q(loader, "SELECT check_name, status FROM warehouse.check_result") == [("t3_balance", "not_assessable")]
    assert q(loader, "SELECT code, report_id IS NOT NULL FROM ingest.parse_issue") == [("example", True)]


def test_unknown_stays_absent(loader):
    put(loader, document("b2", report()))
    # the report states requests and a proactive total, nothing about appeals: no appeals rows, no zeros
    assert q(loader, "SELECT count(*) FROM warehouse.appeals") == [(0,)]
    assert q(loader, "SELECT count(*) FROM warehouse.requests WHERE item <> 'new_received'") == [(0,)]


def test_township_and_its_code_are_stored_for_the_report_and_the_agency(loader):
    town = report(agency="示例镇人民政府")
    town.agency = Agency("示例镇人民政府", province="示例省", county="示例县", adcode="990101", level="township",
                         township="示例镇", township_code="990101100", name_source="title")
    put(loader, document("e7", town))
    assert q(loader, "SELECT township, township_code FROM warehouse.report") == [("示例镇", "990101100")]
    assert q(loader, "SELECT township, township_code FROM warehouse.agency WHERE name = '示例镇人民政府'") == [
        ("示例镇", "990101100")]


def test_reports_with_an_unknown_agency_or_year_stay_visible_with_the_reason(loader):
    unknown_year = report(year=None)
    unknown_year.issues.append(Issue("warning", "year_unknown", "No report year was found."))
    put(loader, document("f8", unknown_year, report(agency=None, year=2018)))
    put(loader, document("f9", report()))
    rows = q(loader, "SELECT agency_name, year, reason, explanation FROM analytics.unplaced_reports "
                     "ORDER BY reason")
    assert rows == [(None, 2018, "agency unknown", None),
                    ("示例市测试局", None, "year unknown", "No report year was found.")]


def test_a_key_outside_the_vocabulary_is_reported_not_loaded(loader):
    bad = Fact("requests", "made_up_item", Decimal(3), 0, 1, "x")
    result = put(loader, document("c3", report(facts=[bad])))
    assert result.status == "loaded" and result.facts == 0
    assert q(loader, "SELECT code, severity FROM ingest.parse_issue WHERE code = 'unknown_key'") == [
        ("unknown_key", "warning")]


def test_a_new_year_gets_a_year_row(loader):
    put(loader, document("d4", report(year=2041)))
    assert q(loader, "SELECT expected_format FROM warehouse.year WHERE year = 2041") == [("2021-template",)]


def test_the_same_content_twice_changes_nothing(loader, conninfo, row_counts):
    doc = document("e5", report())
    put(loader, doc)
    before = row_counts(conninfo)
    assert put(loader, doc).status == "unchanged"
    assert row_counts(conninfo) == before


def test_a_newer_parser_version_replaces_the_rows(loader, conninfo, row_counts):
    doc = document("f6", report())
    put(loader, doc)
    old_ids = q(loader, "SELECT id FROM warehouse.report")
    before = row_counts(conninfo)
    newer = load.Loader(loader.conn, loader.run_id, "2.0")
    assert put(newer, doc).status == "loaded"
    assert row_counts(conninfo) == before
    assert q(loader, "SELECT id FROM warehouse.report") != old_ids
    assert q(loader, "SELECT parser_version FROM ingest.source_document") == [("2.0",)]


def test_a_failed_document_is_recorded_with_its_issue(loader):
    doc = document("a7", issues=[Issue("error", "undecodable", "not text")])
    assert put(loader, doc).status == "failed"
    assert q(loader, "SELECT d.status, i.code, i.report_id FROM ingest.source_document d "
                     "JOIN ingest.parse_issue i ON i.document_id = d.id") == [("failed", "undecodable", None)]


def test_text_postgresql_cannot_store_is_repaired_in_place(loader):
    r = report()
    r.text = TEXT.replace("概述", "概\x00")
    put(loader, document("b8", r))
    text, = q(loader, "SELECT text FROM warehouse.report")[0]
    assert len(text) == len(TEXT) and "\ufffd" in text


def primaries(loader):
    return q(loader, "SELECT r.agency_name, r.year, r.is_primary, r.primary_reason, d.path FROM warehouse.report r "
                     "JOIN ingest.source_document d ON d.id = r.document_id ORDER BY d.path")


def test_exactly_one_primary_report_per_agency_and_year(loader):
    two = report()
    three = report(facts=[*two.facts, Fact("appeals", "review.total", Decimal(0), 0, 1, "x", proceeding="review",
                                           outcome="total")])
    put(loader, document("c1", two))
    put(loader, document("c2", three))           # more figures wins
    put(loader, document("c3", report(facts=[*three.facts, *three.facts], truncated=True)))  # truncated loses
    put(loader, document("c4", report(year=None)))  # unknown year: never primary
    rows = primaries(loader)
    assert [r[2] for r in rows] == [False, True, False, False]
    assert rows[1][3] == "primary over 2 other(s): more figures (3 vs 2)"  # decided against the runner-up
    assert rows[0][3].endswith("is primary: it has more figures (3 vs 2)")
    assert rows[2][3].endswith("is primary: this one is truncated")
    assert rows[3][3] == "not comparable: year unknown"


def test_primary_prefers_the_later_publication_when_figures_tie(loader):
    put(loader, document("d1", report(published_on=date(2019, 1, 5))))
    put(loader, document("d2", report(published_on=date(2019, 3, 1))))
    (_, _, first, first_reason, _), (_, _, second, second_reason, _) = primaries(loader)
    assert (first, second) == (False, True)
    assert first_reason.endswith("is primary: it was published later")
    assert second_reason == "primary over 1 other(s): published later"


def test_the_alias_file_links_a_renamed_agency_across_years(loader, tmp_path):
    put(loader, document("e1", report(agency="示例市环境保护局", year=2017)))
    put(loader, document("e2", report(agency="示例市生态环境局", year=2019)))
    agencies = q(loader, "SELECT count(DISTINCT agency_id) FROM warehouse.report")
    assert agencies == [(2,)]  # before the alias file: two agencies
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,canonical_name,note\n# comment\n示例市环境保护局,示例市生态环境局,renamed in 2019\n")
    assert loader.apply_aliases(load.read_alias_file(aliases)) == 1
    assert q(loader, "SELECT DISTINCT a.name FROM warehouse.report r JOIN warehouse.agency a ON a.id = r.agency_id"
             ) == [("示例市生态环境局",)]
    assert q(loader, "SELECT count(*) FROM warehouse.agency") == [(1,)]  # the old agency row is gone
    # a later report under the old name goes straight to the canonical agency
    assert put(loader, document("e3", report(agency="示例市环境保护局", year=2018))).status == "loaded"
    assert q(loader, "SELECT count(DISTINCT agency_id) FROM warehouse.report") == [(1,)]
    # removing the line undoes it
    aliases.write_text("alias,canonical_name,note\n")
    assert loader.apply_aliases(load.read_alias_file(aliases)) == 2
    assert q(loader, "SELECT count(DISTINCT agency_id) FROM warehouse.report") == [(2,)]
    assert q(loader, "SELECT origin FROM warehouse.agency_alias WHERE alias = '示例市环境保护局'") == [("parsed",)]


def test_the_alias_file_maps_names_first_seen_later_and_creates_no_phantoms(loader, tmp_path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,canonical_name,note\n示例市环境保护局,示例市生态环境局,renamed\n旧名,新名,unused\n")
    assert loader.apply_aliases(load.read_alias_file(aliases)) == 0
    assert q(loader, "SELECT count(*) FROM warehouse.agency") == [(0,)]  # no report describes them yet
    put(loader, document("g1", report(agency="示例市环境保护局", year=2017)))
    put(loader, document("g2", report(agency="示例市生态环境局", year=2019)))
    assert q(loader, "SELECT a.name, a.province, count(*) FROM warehouse.report r "
                     "JOIN warehouse.agency a ON a.id = r.agency_id GROUP BY a.name, a.province") == [
        ("示例市生态环境局", "示例省", 2)]
    assert q(loader, "SELECT alias, origin FROM warehouse.agency_alias ORDER BY alias") == [
        ("示例市环境保护局", "alias_file"), ("示例市生态环境局", "alias_file")]
    # the next run applies the same file again: nothing moves, nothing changes
    assert loader.apply_aliases(load.read_alias_file(aliases)) == 0
    assert q(loader, "SELECT count(*) FROM warehouse.agency") == [(1,)]


def test_an_alias_cycle_is_refused(tmp_path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,canonical_name,note\nA,B,\nB,A,\n")
    with pytest.raises(ValueError, match="cycle"):
        load.read_alias_file(aliases)


def test_a_database_error_records_the_document_as_failed(loader, monkeypatch):
    def broken(*args, **kwargs):
        raise psycopg.errors.CheckViolation("simulated")

    original = loader._write_reports
    monkeypatch.setattr(loader, "_write_reports", broken)
    assert put(loader, document("f1", report())).status == "failed"
    monkeypatch.setattr(loader, "_write_reports", original)
    assert q(loader, "SELECT code FROM ingest.parse_issue") == [("load_error",)]
    assert q(loader, "SELECT count(*) FROM warehouse.report") == [(0,)]
