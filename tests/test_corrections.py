"""Analyst corrections: a file in git, applied by the views at each run without re-parsing."""

from __future__ import annotations

import hashlib
import shutil
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest

from etl import pipeline
from etl.corrections import parse_line, read_corrections

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "reports"
HEADER = "sha256,agency,year,table,item,applicant,value,evidence,reason,author,date\n"
#: the example agency (renamed in 2019; the 2017 report's old name is an alias of it)
AGENCY = "示例市生态环境局"
OLD_NAME = "示例市环境保护局"


def _write(path: Path, *lines: str) -> Path:
    path.write_text(HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _run(folder: Path, conninfo: str, corrections: Path) -> pipeline.RunSummary:
    from etl.load import DEFAULT_ALIAS_FILE

    return pipeline.run([folder], conninfo, workers=0, aliases=DEFAULT_ALIAS_FILE, corrections=corrections)


def _one(conn: psycopg.Connection, sql: str, *params: object) -> tuple:
    return conn.execute(sql, params).fetchone()


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("2017_示例市环境保护局_prose.txt", "2019_示例市生态环境局_template2019.txt"):
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


# --------------------------------------------------------------------------- reading the file


def test_a_valid_line_is_normalised():
    line = parse_line(2, {"agency": AGENCY, "year": "2019", "table": "appeals", "item": "review.corrected",
                          "value": "1,200", "reason": "misread", "author": "ana", "date": "2026-12-01"})
    assert line.problem is None
    assert (line.fact_table, line.item, line.outcome, line.value) == ("appeals", "review", "corrected",
                                                                      Decimal(1200))


def test_unknown_is_a_value_and_bad_lines_say_what_is_wrong(tmp_path):
    path = _write(
        tmp_path / "c.csv",
        f",{AGENCY},2019,requests,granted,,unknown,,not in the table,ana,2026-12-01",
        f",{AGENCY},,requests,no_such_item,,x,,,ana,yesterday",
    )
    good, bad = read_corrections(path)
    assert good.is_unknown and good.value is None and good.problem is None and good.applicant == "total"
    assert bad.line == 3
    for words in ("agency and year", "no_such_item", "neither a number", "reason is required", "YYYY-MM-DD"):
        assert words in bad.problem


def test_a_file_without_the_columns_is_refused(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("foo,bar\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="header"):
        read_corrections(path)


# --------------------------------------------------------------------------- applied by the views


@pytest.mark.db
def test_applied_shown_undone_and_reported_when_the_target_is_gone(reports, tmp_path, conninfo):
    corrections = _write(
        tmp_path / "corrections.csv",
        # by agency (an old alias of it) and year: the primary report of 2019
        f",{OLD_NAME},2019,requests,new_received,,999,\"p. 2, row 一\",carried-over cell read as new,"
        "ana,2026-12-01",
        # corrected to unknown: the figure disappears from the views (not a 0)
        f",{AGENCY},2019,requests,granted,,unknown,,the cell is illegible in the source,ana,2026-12-01",
        # a figure the parser missed is added
        f",{AGENCY},2019,disclosure_counts,responses.press_conferences,,3,\"p. 1: 3 press conferences\","
        "missed in prose,ana,2026-12-01",
    )
    first = _run(reports, conninfo, corrections)
    assert first.corrections_applied == 3 and first.corrections_not_applied == []

    with psycopg.connect(conninfo) as conn:
        parsed_new, parsed_granted = _one(
            conn, "SELECT max(value) FILTER (WHERE item = 'new_received'), max(value) FILTER (WHERE item = "
            "'granted') FROM warehouse.requests r JOIN warehouse.report p ON p.id = r.report_id "
            "WHERE p.year = 2019 AND r.applicant = 'total' AND r.source = 'table'")
        assert parsed_new != 999 and parsed_granted is not None
        assert _one(conn, "SELECT new_received, granted, corrections_applied "
                    "FROM analytics.report_headline WHERE year = 2019") == (999, None, 3)
        # the flag, the reason and the parsed value travel with the figure
        assert _one(conn, "SELECT value, parsed_value, is_corrected, correction_reason FROM analytics.stg_requests "
                    "s JOIN warehouse.report p ON p.id = s.report_id WHERE p.year = 2019 AND item = 'new_received' "
                    "AND applicant = 'total'") == (999, parsed_new, True, "carried-over cell read as new")
        assert _one(conn, "SELECT source, evidence, corrected_by FROM analytics.fact_provenance f JOIN "
                    "warehouse.report p ON p.id = f.report_id WHERE p.year = 2019 "
                    "AND key = 'responses.press_conferences'"
                    ) == ("correction", "p. 1: 3 press conferences", "ana")
        # the parsed facts themselves are untouched
        assert _one(conn, "SELECT count(*) FROM warehouse.requests WHERE value = 999") == (0,)

    # removing the lines undoes them, without re-parsing anything
    _write(corrections)
    second = _run(reports, conninfo, corrections)
    assert second.counts.files_new == 0 and second.corrections_applied == 0
    with psycopg.connect(conninfo) as conn:
        assert _one(conn, "SELECT new_received, granted, corrections_applied "
                    "FROM analytics.report_headline WHERE year = 2019") == (parsed_new, parsed_granted, 0)
        assert _one(conn, "SELECT count(*) FROM analytics.fact_provenance WHERE source = 'correction'") == (0,)

    # a correction whose target is gone is reported, not dropped
    gone = hashlib.sha256(b"a document that is no longer in the warehouse").hexdigest()
    _write(corrections,
           f"{gone},,,requests,new_received,,5,,typo,ana,2026-12-01",
           f",{AGENCY},2030,requests,new_received,,5,,typo,ana,2026-12-01")
    third = _run(reports, conninfo, corrections)
    assert len(third.corrections_not_applied) == 2
    assert gone in third.corrections_not_applied[0] and "2030" in third.corrections_not_applied[1]
    with psycopg.connect(conninfo) as conn:
        rows = conn.execute("SELECT line, status FROM analytics.corrections ORDER BY line").fetchall()
        assert rows == [(2, "target_missing"), (3, "target_missing")]
        assert _one(conn, "SELECT new_received FROM analytics.report_headline WHERE year = 2019") == (parsed_new,)


@pytest.mark.db
def test_a_later_line_supersedes_and_a_removed_document_orphans_its_correction(reports, tmp_path, conninfo):
    source = reports / "2019_示例市生态环境局_template2019.txt"
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    corrections = _write(
        tmp_path / "corrections.csv",
        f"{sha},,,requests,new_received,,10,,first try,ana,2026-12-01",
        f"{sha},,,requests,new_received,,11,,second look,bo,2026-12-02",
    )
    _run(reports, conninfo, corrections)
    with psycopg.connect(conninfo) as conn:
        assert conn.execute("SELECT line, status FROM analytics.corrections ORDER BY line").fetchall() == [
            (2, "superseded"), (3, "applied")]
        assert _one(conn, "SELECT new_received FROM analytics.report_headline WHERE year = 2019") == (11,)
        # the document leaves the warehouse (deleted by hand here): the correction now has no target
        conn.execute("DELETE FROM ingest.source_document WHERE sha256 = %s", (sha,))
        assert conn.execute("SELECT status FROM analytics.corrections ORDER BY line").fetchall() == [
            ("target_missing",), ("target_missing",)]
        from etl.views import load_checks

        (check,) = [c for c in load_checks() if c.name == "corrections_not_applied"]
        assert [row[0] for row in conn.execute(check.sql).fetchall()] == [2, 3]
