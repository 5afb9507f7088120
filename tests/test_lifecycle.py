"""The lifecycle of a path on a real PostgreSQL: a file edited in place, deleted, re-appearing.

The old content is never deleted: it stays queryable (document, reports, facts) but leaves primary
selection, so the comparison views see one report per agency and year.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import psycopg
import pytest
from typer.testing import CliRunner

from etl import pipeline
from etl.cli import app
from etl.synthetic import write_corpus

pytestmark = pytest.mark.db


def run(folders, conninfo):
    return pipeline.run([str(f) for f in folders], conninfo, workers=0)


def rows(conninfo: str, sql: str, *args) -> list[tuple]:
    with psycopg.connect(conninfo) as conn:
        return conn.execute(sql, args).fetchall()


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "reports"
    write_corpus(folder, 3)
    return folder


def _first(folder: Path) -> Path:
    return next(pipeline.iter_files([folder]))


def _document_of(conninfo: str, path: Path) -> int:
    return rows(conninfo, "SELECT document_id FROM ingest.source_file WHERE path = %s", str(path))[0][0]


def _report_of(conninfo: str, document_id: int) -> tuple:
    return rows(conninfo, "SELECT id, agency_id, year, is_primary, primary_reason FROM warehouse.report "
                "WHERE document_id = %s", document_id)[0]


def test_an_edit_in_place_supersedes_the_old_content(corpus, conninfo):
    run([corpus], conninfo)
    path = _first(corpus)
    old_doc = _document_of(conninfo, path)
    old_report = _report_of(conninfo, old_doc)
    assert old_report[3] is True
    # same agency and year, other bytes: a publisher re-issued the file under the same name
    path.write_text(path.read_text(encoding="utf-8") + "\n（本报告已更新。）\n", encoding="utf-8")
    summary = run([corpus], conninfo)
    assert summary.counts.files_new == 1
    new_doc = _document_of(conninfo, path)
    assert new_doc != old_doc
    assert rows(conninfo, "SELECT presence, superseded_by_id FROM ingest.source_document WHERE id = %s",
                old_doc) == [("superseded", new_doc)]
    # the old report is kept (history) but is not primary, and says why; the new one is primary
    _, agency_id, year, is_primary, reason = _report_of(conninfo, old_doc)
    assert is_primary is False and reason.startswith("not primary: its file was edited in place")
    assert str(new_doc) in reason
    assert _report_of(conninfo, new_doc)[3] is True
    # the comparison views see one report for the pair: the new one
    assert rows(conninfo, "SELECT report_id FROM analytics.report_headline WHERE agency_id = %s AND year = %s",
                agency_id, year) == [(_report_of(conninfo, new_doc)[0],)]
    assert rows(conninfo, "SELECT presence, superseded_by_document_id, primary_reports FROM "
                "analytics.document_coverage WHERE document_id = %s", old_doc) == [("superseded", new_doc, 0)]
    assert rows(conninfo, "SELECT status, reports_count, superseded_reports_count FROM "
                "analytics.coverage_agency_year WHERE agency_id = %s AND year = %s", agency_id, year) == [
        ("reported", 1, 1)]
    # report_files lists both, with the path on the current one only
    assert rows(conninfo, "SELECT presence, is_primary, file_paths FROM analytics.report_files WHERE agency_id = %s "
                "AND year = %s ORDER BY document_id", agency_id, year) == [
        ("superseded", False, []), ("current", True, [str(path)])]
    # a further run changes nothing
    assert run([corpus], conninfo).counts.files_new == 0
    assert _report_of(conninfo, new_doc)[3] is True


def test_reverting_an_edit_makes_the_old_content_current_again(corpus, conninfo):
    run([corpus], conninfo)
    path = _first(corpus)
    original = path.read_bytes()
    old_doc = _document_of(conninfo, path)
    path.write_bytes(original + "\n（更新）\n".encode())
    run([corpus], conninfo)
    new_doc = _document_of(conninfo, path)
    path.write_bytes(original)
    run([corpus], conninfo)
    assert _document_of(conninfo, path) == old_doc
    assert rows(conninfo, "SELECT id, presence, superseded_by_id FROM ingest.source_document WHERE id IN (%s, %s) "
                "ORDER BY id", old_doc, new_doc) == [(old_doc, "current", None), (new_doc, "superseded", old_doc)]
    assert _report_of(conninfo, old_doc)[3] is True and _report_of(conninfo, new_doc)[3] is False


def test_a_deleted_file_is_marked_missing_and_a_reappearing_one_is_current_again(corpus, conninfo, tmp_path):
    run([corpus], conninfo)
    path = _first(corpus)
    document_id = _document_of(conninfo, path)
    _, agency_id, year, _, _ = _report_of(conninfo, document_id)
    kept = tmp_path / "kept.txt"
    shutil.move(path, kept)
    before = rows(conninfo, "SELECT count(*) FROM warehouse.report")
    second = run([corpus], conninfo)
    # nothing is deleted: the path record, the document and its report stay queryable
    assert rows(conninfo, "SELECT count(*) FROM warehouse.report") == before
    assert rows(conninfo, "SELECT missing_since_run_id FROM ingest.source_file WHERE path = %s", str(path)) == [
        (second.run_id,)]
    assert rows(conninfo, "SELECT presence FROM ingest.source_document WHERE id = %s", document_id) == [("missing",)]
    _, _, _, is_primary, reason = _report_of(conninfo, document_id)
    assert is_primary is False and reason == "not primary: its file is missing"
    assert rows(conninfo, "SELECT status, reports_count, file_missing_reports_count FROM "
                "analytics.coverage_agency_year WHERE agency_id = %s AND year = %s", agency_id, year) == [
        ("file_missing", 0, 1)]
    assert rows(conninfo, "SELECT presence, missing_since_run_id FROM analytics.document_coverage "
                "WHERE document_id = %s", document_id) == [("missing", second.run_id)]
    assert rows(conninfo, "SELECT file_paths, missing_file_paths FROM analytics.report_files "
                "WHERE document_id = %s", document_id) == [([], [str(path)])]
    # a third run does not move the date it went missing
    run([corpus], conninfo)
    assert rows(conninfo, "SELECT missing_since_run_id FROM ingest.source_file WHERE path = %s", str(path)) == [
        (second.run_id,)]
    # the file comes back unchanged (same size and mtime: not even re-hashed)
    shutil.move(kept, path)
    back = run([corpus], conninfo)
    assert back.counts.files_new == 0
    assert rows(conninfo, "SELECT missing_since_run_id FROM ingest.source_file WHERE path = %s", str(path)) == [
        (None,)]
    assert rows(conninfo, "SELECT presence FROM ingest.source_document WHERE id = %s", document_id) == [("current",)]
    assert _report_of(conninfo, document_id)[3:] == (True, "primary: the only report for this agency and year")


def test_a_run_over_another_folder_marks_nothing_missing(corpus, conninfo, tmp_path):
    run([corpus], conninfo)
    other = tmp_path / "other"
    other.mkdir()
    (other / "note.txt").write_text("示例", encoding="utf-8")
    run([other], conninfo)
    assert rows(conninfo, "SELECT count(*) FROM ingest.source_file WHERE missing_since_run_id IS NOT NULL") == [(0,)]
    assert rows(conninfo, "SELECT DISTINCT presence FROM ingest.source_document") == [("current",)]


def test_a_moved_file_keeps_its_document_current(corpus, conninfo):
    run([corpus], conninfo)
    path = _first(corpus)
    document_id = _document_of(conninfo, path)
    path.rename(path.with_name("renamed.txt"))
    run([corpus], conninfo)
    assert rows(conninfo, "SELECT presence FROM ingest.source_document WHERE id = %s", document_id) == [("current",)]
    assert rows(conninfo, "SELECT missing_file_paths <> '{}', cardinality(file_paths) FROM analytics.report_files "
                "WHERE document_id = %s", document_id) == [(True, 1)]
    assert _report_of(conninfo, document_id)[3] is True


def test_status_shows_missing_and_superseded_files(corpus, conninfo, tmp_path):
    run([corpus], conninfo)
    files = list(pipeline.iter_files([corpus]))
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\n（更新）\n", encoding="utf-8")
    files[1].unlink()
    run([corpus], conninfo)
    result = CliRunner().invoke(app, ["status"], env={"DATABASE_URL": conninfo, "ETL_HOME": str(tmp_path / "home"),
                                                      "COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "1 superseded (file edited in place), 1 missing (file gone)" in result.output
    assert files[1].name in result.output
