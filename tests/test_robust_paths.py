"""Hostile paths become records, never an abort: odd names, link loops, dangling links, FIFOs, devices, sockets."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import psycopg
import pytest

from etl import pipeline
from etl.synthetic import write_corpus

REPORT = "示例局2019年政府信息公开工作年度报告\n一、总体情况\n"


@pytest.fixture
def hostile(tmp_path) -> Path:
    """A folder with one good report and every kind of path that used to stop or hang a run."""
    folder = tmp_path / "reports"
    write_corpus(folder, 2)
    raw = os.fsencode(folder)
    with open(raw + b"/bad\xffname.txt", "wb") as handle:  # not valid UTF-8
        handle.write(REPORT.encode("utf-8"))
    os.symlink(folder / "loop_b", folder / "loop_a")
    os.symlink(folder / "loop_a", folder / "loop_b")
    os.symlink(folder / "missing.txt", folder / "dangling.txt")
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    (folder / "sub").mkdir()
    os.symlink(folder, folder / "sub" / "back")  # a folder link back to an ancestor
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "sock"))
    yield folder
    server.close()


def test_walk_records_every_odd_path_without_opening_it(hostile):
    found = list(pipeline.walk([hostile]))
    files = sorted(pipeline.shown_path(p.name) for p in found if isinstance(p, Path))
    skipped = {Path(s.path).name: s.code for s in found if isinstance(s, pipeline.Skipped)}
    assert "bad\\xffname.txt" in files and len(files) == 3
    assert skipped == {"loop_a": "symlink_loop", "loop_b": "symlink_loop", "dangling.txt": "dangling_link",
                       "pipe.txt": "special_file", "zero.txt": "special_file", "sock": "special_file",
                       "back": "symlink_loop"}
    assert pipeline.count_files([hostile]) == len(found)


def test_an_unlistable_folder_is_recorded(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(REPORT)
    real = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(pipeline.os, "scandir", scandir)  # the tests may run as root, where chmod 000 reads
    [record] = pipeline.walk([tmp_path])
    assert (record.code, record.media_type, Path(record.path).name) == ("unreadable", "inode/directory", "locked")
    assert "Permission denied" in record.message


def test_a_read_that_hangs_is_given_up(tmp_path, monkeypatch):
    path = tmp_path / "slow.txt"
    path.write_text(REPORT)
    monkeypatch.setattr(pipeline, "sha256_file", lambda p: __import__("time").sleep(30))
    with pytest.raises(pipeline.ReadTimeout):
        pipeline.hash_with_timeout(path, 0.2)


def test_shown_path_escapes_undecodable_bytes():
    assert pipeline.shown_path(os.fsdecode(b"/r/a\xff.txt")) == "/r/a\\xff.txt"
    assert pipeline.shown_path("/r/示例.txt") == "/r/示例.txt"


@pytest.mark.db
def test_a_run_over_hostile_paths_records_each_and_loads_the_rest(hostile, conninfo, monkeypatch):
    real_hash = pipeline.sha256_file

    def unreadable(path):
        if Path(path).name == "000000.txt":  # the first synthetic report: as if chmod 000 (we may be root)
            raise PermissionError(13, "Permission denied")
        return real_hash(path)

    monkeypatch.setattr(pipeline, "sha256_file", unreadable)
    summary = pipeline.run([hostile], conninfo, workers=1, parse_timeout=30)
    assert summary.status == "succeeded"
    with psycopg.connect(conninfo) as conn:
        rows = conn.execute(
            "SELECT f.path, d.status, d.media_type, i.code FROM ingest.source_file f JOIN ingest.source_document d "
            "ON d.id = f.document_id LEFT JOIN ingest.parse_issue i ON i.document_id = d.id AND i.severity = 'error' "
            "ORDER BY f.path").fetchall()
    by_name = {Path(r[0]).name: r[1:] for r in rows}
    codes = {name: code for name, (_, _, code) in by_name.items()}
    assert codes == {"bad\\xffname.txt": None, "loop_a": "symlink_loop", "loop_b": "symlink_loop",
                     "dangling.txt": "dangling_link", "pipe.txt": "special_file", "zero.txt": "special_file",
                     "sock": "special_file", "back": "symlink_loop", **{n: codes[n] for n in codes if n[0] == "0"}}
    assert (codes["000000.txt"], codes["000001.txt"]) == ("unreadable", None)
    assert by_name["bad\\xffname.txt"][0] == "loaded"
    assert by_name["pipe.txt"][:2] == ("failed", "inode/fifo")
    assert summary.counts.files_seen == 10 and summary.counts.files_failed == 8
    assert "pipe.txt (special_file)" in (summary.message or "")

    # the next run records them again (they are still broken) without duplicating a row
    monkeypatch.setattr(pipeline, "sha256_file", real_hash)
    again = pipeline.run([hostile], conninfo, workers=1, parse_timeout=30)
    assert again.counts.files_failed == 7  # the file that is readable now was loaded
    with psycopg.connect(conninfo) as conn:
        statuses = dict(conn.execute(
            "SELECT f.path, d.status FROM ingest.source_file f JOIN ingest.source_document d ON d.id = f.document_id"
        ).fetchall())
        orphans = conn.execute("SELECT count(*) FROM ingest.source_document d WHERE NOT EXISTS "
                               "(SELECT 1 FROM ingest.source_file f WHERE f.document_id = d.id)").fetchone()[0]
    assert sorted(s for p, s in statuses.items() if Path(p).name[0] == "0") == ["loaded", "loaded"]
    assert orphans == 0  # the record of the earlier failure is gone with it


@pytest.mark.db
def test_etl_run_on_a_non_utf8_name_exits_0(tmp_path, conninfo):
    from typer.testing import CliRunner

    from etl.cli import app

    folder = tmp_path / "r[" / "x]"  # the path holds [/x], which rich would read as a closing tag
    folder.mkdir(parents=True)
    with open(os.fsencode(folder) + b"/a\xff[b].txt", "wb") as handle:
        handle.write(REPORT.encode("utf-8"))
    os.mkfifo(folder / "pipe.txt")
    env = {"DATABASE_URL": conninfo, "ETL_HOME": str(tmp_path / "home"), "ETL_WORKERS": "1", "COLUMNS": "250"}
    result = CliRunner().invoke(app, ["run", str(folder), "--no-progress"], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    flat = "".join(result.output.split())  # rich may wrap at any width (xdist workers fix it at 80)
    assert "filesseen2,new1,unchanged0,failed1" in flat
    assert "[/x]/pipe.txt(special_file)" in flat  # printed as itself, not read as markup
    status = CliRunner().invoke(app, ["status"], env=env, catch_exceptions=False)
    assert status.exit_code == 0, status.output
    assert "Recent runs" in status.output and "Documents that failed" in status.output
