"""`etl run` end to end on a real PostgreSQL: idempotence, failures recorded, re-parse, the lock, a killed run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest

from etl import load, model, pipeline
from etl.synthetic import write_corpus

pytestmark = pytest.mark.db
REPO = Path(__file__).resolve().parent.parent


def run(folder, conninfo, **options):
    options.setdefault("workers", 0)
    return pipeline.run([folder], conninfo, **options)


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "reports"
    write_corpus(folder, 12)
    return folder


def test_iter_files_walks_folders_and_skips_hidden_entries(tmp_path):
    (tmp_path / "a" / ".git").mkdir(parents=True)
    (tmp_path / "a" / ".git" / "x.txt").write_text("x")
    (tmp_path / "a" / ".hidden.txt").write_text("x")
    (tmp_path / "a" / "b.txt").write_text("x")
    (tmp_path / "c.txt").write_text("x")
    assert [p.name for p in pipeline.iter_files([tmp_path])] == ["c.txt", "b.txt"]
    assert [p.name for p in pipeline.iter_files([tmp_path / "a" / ".hidden.txt"])] == [".hidden.txt"]


def test_a_second_run_loads_nothing_and_changes_nothing(corpus, conninfo, row_counts):
    first = run(corpus, conninfo, workers=2)
    assert (first.counts.files_seen, first.counts.files_new, first.counts.reports_loaded) == (12, 12, 12)
    after_first = row_counts(conninfo)
    second = run(corpus, conninfo, workers=2)
    assert (second.counts.files_new, second.counts.files_unchanged) == (0, 12)
    assert row_counts(conninfo) == after_first
    assert second.reports_by_year == {}


def test_a_touched_or_copied_file_is_only_linked(corpus, conninfo, row_counts):
    run(corpus, conninfo)
    first = next(pipeline.iter_files([corpus]))
    os.utime(first, ns=(1, 1))
    (corpus / "copy.txt").write_bytes(first.read_bytes())
    before = row_counts(conninfo)
    summary = run(corpus, conninfo)
    assert (summary.counts.files_new, summary.counts.files_unchanged) == (0, 13)
    after = row_counts(conninfo)
    assert after["ingest.source_file"] == before["ingest.source_file"] + 1
    assert {k: v for k, v in after.items() if k != "ingest.source_file"} == {
        k: v for k, v in before.items() if k != "ingest.source_file"}


def test_garbage_is_recorded_as_failed_and_the_rest_loads(corpus, conninfo):
    (corpus / "garbage.bin").write_bytes(bytes(range(256)) * 8)
    (corpus / "empty.txt").write_text("")
    summary = run(corpus, conninfo, workers=2)
    # the empty file and the binary junk are both errors a user must act on; neither stops the run
    assert (summary.counts.files_new, summary.counts.files_failed, summary.counts.reports_loaded) == (14, 2, 12)
    with psycopg.connect(conninfo) as conn:
        rows = conn.execute(
            "SELECT d.status, i.severity, i.code, i.message FROM ingest.source_document d "
            "JOIN ingest.parse_issue i ON i.document_id = d.id WHERE d.status <> 'loaded' ORDER BY d.path").fetchall()
    by_path = {r[3].split(" ")[0]: (r[0], r[1], r[2]) for r in rows}
    assert [(r[0], r[1]) for r in rows] == [("failed", "error"), ("failed", "error")]
    assert {r[2] for r in rows} == {"empty_file", "not_text"}
    assert any("empty.txt" in r[3] for r in rows), by_path


def test_a_new_parser_version_reparses_everything_once(corpus, conninfo, row_counts, monkeypatch):
    run(corpus, conninfo)
    before = row_counts(conninfo)
    monkeypatch.setattr(model, "PARSER_VERSION", "99.0")
    again = run(corpus, conninfo)
    assert (again.counts.files_new, again.counts.reports_loaded) == (12, 12)
    assert row_counts(conninfo) == before
    with psycopg.connect(conninfo) as conn:
        assert conn.execute("SELECT DISTINCT parser_version FROM ingest.source_document").fetchall() == [("99.0",)]
    assert run(corpus, conninfo).counts.files_new == 0


def test_reparse_forces_a_new_parse(corpus, conninfo):
    run(corpus, conninfo)
    assert run(corpus, conninfo, reparse=True).counts.files_new == 12


def test_the_run_lock_keeps_a_second_run_out(corpus, conninfo):
    holder = psycopg.connect(conninfo)
    holder.execute(f"LOCK TABLE {load.RUN_LOCK_TABLE} IN EXCLUSIVE MODE")  # what a run holds
    try:
        with pytest.raises(load.LockBusy, match="--wait"):
            run(corpus, conninfo)
        finished = []
        waiter = threading.Thread(target=lambda: finished.append(run(corpus, conninfo, wait_for_lock=True)))
        waiter.start()
        time.sleep(1.0)
        assert not finished  # still queued behind the lock
    finally:
        holder.rollback()
        holder.close()
    waiter.join(60)
    assert finished and finished[0].counts.files_new == 12


def test_a_killed_run_leaves_no_duplicate_and_no_missing_rows(tmp_path, conninfo, row_counts):
    folder = tmp_path / "reports"
    write_corpus(folder, 600)
    marker = f"ETL_TEST_RUN={tmp_path.name}"
    env = {**os.environ, "DATABASE_URL": conninfo, "ETL_WORKERS": "1", "ETL_HOME": str(tmp_path / "home"),
           "ETL_TEST_RUN": tmp_path.name}
    process = subprocess.Popen([sys.executable, "-m", "etl", "run", str(folder), "--no-progress"], cwd=REPO,
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    loaded = 0
    with psycopg.connect(conninfo, autocommit=True) as watcher:
        while time.monotonic() < deadline and loaded < 10 and process.poll() is None:
            time.sleep(0.02)
            try:
                loaded = watcher.execute("SELECT count(*) FROM ingest.source_document").fetchone()[0]
            except psycopg.errors.UndefinedTable:  # the run has not migrated yet
                loaded = 0
        process.send_signal(signal.SIGKILL)
    process.wait(30)
    # the killed run's parse workers (and their forkserver) notice and go away
    deadline = time.monotonic() + 20
    while _processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_with(marker) == []
    partial = row_counts(conninfo)["ingest.source_document"]
    assert 0 < partial < 600, "the kill should land mid-run"
    summary = run(folder, conninfo, workers=2)
    assert summary.counts.files_new == 600 - partial
    counts = row_counts(conninfo)
    assert counts["ingest.source_document"] == counts["ingest.source_file"] == counts["warehouse.report"] == 600
    with psycopg.connect(conninfo) as conn:
        assert conn.execute("SELECT count(DISTINCT document_id) FROM warehouse.report").fetchone()[0] == 600
        assert conn.execute("SELECT status FROM ingest.etl_run ORDER BY id").fetchall() == [
            ("interrupted",), ("succeeded",)]
        stored = {r[0].strip() for r in conn.execute("SELECT sha256 FROM ingest.source_document")}
    assert stored == {pipeline.sha256_file(p) for p in pipeline.iter_files([folder])}


def test_a_dying_worker_becomes_an_issue(tmp_path, monkeypatch):
    files = []
    for name in ("a.txt", "crash.txt", "b.txt"):
        (tmp_path / name).write_text("示例局2019年政府信息公开工作年度报告\n一、总体情况\n")
        files.append(tmp_path / name)
    monkeypatch.setattr(pipeline, "_parse_task", _parse_or_die)
    with pipeline.ParsePool(2) as pool:
        results = []
        for path in files:
            results += pool.submit(pipeline.Task(str(path), 1, 1, "0" * 64))
        while pool.pending:
            results += pool.collect(block=True)
    codes = {Path(task.path).name: [i.code for i in doc.issues] for task, doc in results}
    assert codes["crash.txt"] == ["worker_crashed"]
    assert codes["a.txt"] == codes["b.txt"] == []


def _parse_or_die(path: str):
    if path.endswith("crash.txt"):
        os._exit(3)  # what a segfault or the OOM killer looks like from the pool
    return pipeline.process_file(path)


def test_an_oversized_file_is_recorded_not_parsed(corpus, conninfo):
    summary = run(corpus, conninfo, max_file_bytes=100)
    assert (summary.counts.files_failed, summary.counts.reports_loaded) == (12, 0)
    with psycopg.connect(conninfo) as conn:
        assert conn.execute("SELECT DISTINCT code FROM ingest.parse_issue").fetchall() == [("too_large",)]


def test_a_parse_that_hangs_is_stopped_and_recorded(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "_parse_task", _parse_or_hang)
    results = []
    with pipeline.ParsePool(2, timeout=2) as pool:
        for name in ("a.txt", "hang.txt", "b.txt"):
            (tmp_path / name).write_text("示例局2019年政府信息公开工作年度报告\n")
            results += pool.submit(pipeline.Task(str(tmp_path / name), 1, 1, "0" * 64))
        while pool.pending:
            results += pool.collect(block=True)
    codes = {Path(task.path).name: [i.code for i in doc.issues] for task, doc in results}
    assert codes == {"a.txt": [], "b.txt": [], "hang.txt": ["parse_timeout"]}


def _parse_or_hang(path: str):
    if path.endswith("hang.txt"):
        time.sleep(600)
    return pipeline.process_file(path)


def _processes_with(marker: str) -> list[int]:
    """Pids whose environment holds `marker` (Linux /proc)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if marker.encode() in (entry / "environ").read_bytes().split(b"\0"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found
