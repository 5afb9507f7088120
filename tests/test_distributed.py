"""Parsing on a Dask cluster (`etl run --scheduler`): same warehouse as a local run; failures cost only their file."""

from __future__ import annotations

import os
import time
from pathlib import Path

import psycopg
import pytest

from etl import distributed, pipeline
from etl.synthetic import write_corpus

distributed_lib = pytest.importorskip("distributed")
REPORT = "示例局2019年政府信息公开工作年度报告\n一、总体情况\n本年收到申请3件，办结3件。\n"


@pytest.fixture(scope="module")
def threads_cluster():
    cluster = distributed_lib.LocalCluster(n_workers=2, threads_per_worker=2, processes=False,
                                           dashboard_address=":0")
    yield cluster
    cluster.close()


@pytest.fixture
def fresh_warehouse_factory(server_url, warehouse_template):
    """Call it for another empty warehouse at head (as a libpq string); all are dropped after the test."""
    from contextlib import ExitStack

    from etl.database import libpq_url
    from tests.conftest import scratch_database

    with ExitStack() as stack:
        yield lambda: libpq_url(stack.enter_context(
            scratch_database(server_url, "test_fw", template=warehouse_template)))


def _facts(conninfo: str) -> dict[str, list[tuple]]:
    """What a run loaded, independent of ids, run numbers and timestamps."""
    with psycopg.connect(conninfo) as conn:
        found = {
            "documents": conn.execute("SELECT sha256, status, media_type FROM ingest.source_document "
                                      "ORDER BY sha256").fetchall(),
            "issues": conn.execute("SELECT d.sha256, i.code FROM ingest.parse_issue i JOIN ingest.source_document d "
                                   "ON d.id = i.document_id ORDER BY 1, 2").fetchall(),
            "requests": conn.execute("SELECT d.sha256, r.year, to_jsonb(q) - 'id' - 'report_id' - 'section_id' "
                                     "FROM warehouse.requests q "
                                     "JOIN warehouse.report r ON r.id = q.report_id JOIN ingest.source_document d "
                                     "ON d.id = r.document_id").fetchall(),
        }
    found["requests"].sort(key=repr)
    return found


@pytest.mark.db
def test_a_run_on_a_local_cluster_loads_what_a_local_run_loads(tmp_path, fresh_warehouse_factory, threads_cluster):
    folder = tmp_path / "reports"
    write_corpus(folder, 40)
    (folder / "garbage.bin").write_bytes(bytes(range(256)) * 8)
    (folder / "copy.txt").write_bytes(next(pipeline.iter_files([folder])).read_bytes())
    local, dask = fresh_warehouse_factory(), fresh_warehouse_factory()
    expected = pipeline.run([folder], local, workers=0)
    got = pipeline.run([folder], dask, workers=0, scheduler=threads_cluster)
    assert (got.counts.files_seen, got.counts.files_new, got.counts.files_failed, got.counts.reports_loaded) == (
        expected.counts.files_seen, expected.counts.files_new, expected.counts.files_failed,
        expected.counts.reports_loaded) == (42, 41, 1, 40)
    from tests.conftest import count_rows

    assert count_rows(dask) == count_rows(local)
    assert _facts(dask) == _facts(local)
    again = pipeline.run([folder], dask, workers=0, scheduler=threads_cluster)
    assert (again.counts.files_new, again.counts.files_unchanged) == (0, 42)


@pytest.mark.db
def test_a_run_on_worker_processes_loads_what_a_local_run_loads(tmp_path, fresh_warehouse_factory):
    folder = tmp_path / "reports"
    write_corpus(folder, 20)
    local, dask = fresh_warehouse_factory(), fresh_warehouse_factory()
    pipeline.run([folder], local, workers=0)
    with distributed_lib.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=":0") as cluster:
        summary = pipeline.run([folder], dask, workers=0, scheduler=cluster.scheduler_address)
    assert summary.counts.reports_loaded == 20
    assert _facts(dask) == _facts(local)


def _files(folder: Path, names: list[str]) -> list[pipeline.Task]:
    folder.mkdir(exist_ok=True)
    tasks = []
    for name in names:
        (folder / name).write_text(REPORT.replace("3件", f"{len(tasks) + 1}件"))
        tasks.append(pipeline.Task(str(folder / name), 1, 1, pipeline.sha256_file(folder / name)))
    return tasks


def _drain(pool, tasks) -> dict[str, list[str]]:
    results = []
    for task in tasks:
        results += pool.submit(task)
        results += pool.collect(block=pool.full())
    while pool.pending:
        results += pool.collect(block=True)
    assert sorted(t.path for t, _ in results) == sorted(t.path for t in tasks)  # each file exactly once
    return {Path(task.path).name: [i.code for i in doc.issues] for task, doc in results}


def _parse_or_hang(path: str):
    if path.endswith("hang.txt"):
        while True:  # a parser loop that never ends (Python code: the worker's own clock stops it)
            time.sleep(0.01)
    return pipeline.process_file(path)


def test_a_hung_parse_costs_only_its_file(tmp_path, threads_cluster):
    tasks = _files(tmp_path, ["a.txt", "hang.txt", "b.txt", "c.txt"])
    with distributed.DaskPool(threads_cluster, timeout=2, batch_files=2, parse=_parse_or_hang) as pool:
        codes = _drain(pool, tasks)
    assert codes == {"a.txt": [], "b.txt": [], "c.txt": [], "hang.txt": ["parse_timeout"]}


def _parse_or_die(path: str):
    if path.endswith("crash.txt"):
        os._exit(3)  # what a segfault or the OOM killer looks like: the worker process is gone
    return pipeline.process_file(path)


def test_a_worker_that_dies_costs_only_its_file(tmp_path):
    import cloudpickle

    cloudpickle.register_pickle_by_value(__import__(__name__))  # the worker processes cannot import tests/
    tasks = _files(tmp_path, ["a.txt", "crash.txt", "b.txt", "c.txt"])
    with distributed_lib.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=":0") as cluster, \
            distributed.DaskPool(cluster, timeout=60, batch_files=2, parse=_parse_or_die) as pool:
        codes = _drain(pool, tasks)
    assert codes == {"a.txt": [], "b.txt": [], "c.txt": [], "crash.txt": ["worker_crashed"]}


def test_batches_are_keyed_by_content_and_parser_version():
    a = pipeline.Task("/x/a.txt", 1, 1, "a" * 64)
    moved = pipeline.Task("/elsewhere/a.txt", 2, 2, "a" * 64)
    b = pipeline.Task("/x/b.txt", 1, 1, "b" * 64)
    assert distributed.batch_key([a, b], "1.0") == distributed.batch_key([moved, b], "1.0")
    assert distributed.batch_key([a, b], "1.0") != distributed.batch_key([a, b], "1.1")
    assert distributed.batch_key([a, b], "1.0") != distributed.batch_key([b, a], "1.0")


def test_a_worker_with_another_parser_version_is_refused(threads_cluster, monkeypatch):
    monkeypatch.setattr(distributed, "current_parser_version", lambda: "0.0-coordinator")
    with pytest.raises(distributed.ParserVersionMismatch, match="same etl version"):
        distributed.DaskPool(threads_cluster)


@pytest.mark.db
def test_etl_run_takes_the_scheduler_from_the_environment(tmp_path, conninfo, threads_cluster):
    from typer.testing import CliRunner

    from etl.cli import app

    folder = tmp_path / "reports"
    write_corpus(folder, 5)
    env = {"DATABASE_URL": conninfo, "ETL_HOME": str(tmp_path / "home"), "ETL_SCHEDULER":
           threads_cluster.scheduler_address, "COLUMNS": "250"}
    result = CliRunner().invoke(app, ["run", str(folder), "--no-progress"], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "files seen 5, new 5, unchanged 0, failed 0" in result.output
    with psycopg.connect(conninfo) as conn:
        assert conn.execute("SELECT count(*) FROM warehouse.report").fetchone()[0] == 5


@pytest.mark.db
def test_a_killed_run_on_a_real_scheduler_and_worker_then_rerun_loads_everything_once(tmp_path, conninfo):
    """`dask scheduler` and `dask worker` as separate processes, `etl run --scheduler` killed mid-run, run again."""
    import signal
    import subprocess
    import sys

    folder = tmp_path / "reports"
    write_corpus(folder, 300)
    scheduler_file = tmp_path / "scheduler.json"
    dask = [sys.executable, "-m"]  # the `dask scheduler` / `dask worker` commands, from this environment
    started = [subprocess.Popen([*dask, "distributed.cli.dask_scheduler", "--port", "0", "--dashboard-address",
                                 ":0", "--scheduler-file", str(scheduler_file)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        started.append(subprocess.Popen([*dask, "distributed.cli.dask_worker", "--scheduler-file",
                                         str(scheduler_file), "--nthreads", "1", "--dashboard-address", ":0"],
                                        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        import json

        address = json.loads(scheduler_file.read_text())["address"]
        env = {**os.environ, "DATABASE_URL": conninfo, "ETL_HOME": str(tmp_path / "home"), "ETL_SCHEDULER": address}
        process = subprocess.Popen([sys.executable, "-m", "etl", "run", str(folder), "--no-progress"],
                                   cwd=Path(__file__).resolve().parent.parent, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        loaded, deadline = 0, time.monotonic() + 120
        with psycopg.connect(conninfo, autocommit=True) as watcher:
            while time.monotonic() < deadline and loaded < 10 and process.poll() is None:
                time.sleep(0.05)
                loaded = watcher.execute("SELECT count(*) FROM ingest.source_document").fetchone()[0]
        process.send_signal(signal.SIGKILL)
        process.wait(30)
        with psycopg.connect(conninfo) as conn:
            partial = conn.execute("SELECT count(*) FROM ingest.source_document").fetchone()[0]
        assert 0 < partial < 300, "the kill should land mid-run"
        summary = pipeline.run([folder], conninfo, workers=0, scheduler=address)
        assert summary.counts.files_new == 300 - partial
    finally:
        for proc in reversed(started):
            proc.terminate()
        for proc in started:
            proc.wait(30)
    with psycopg.connect(conninfo) as conn:
        counts = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("ingest.source_document", "ingest.source_file", "warehouse.report")]
        stored = {r[0].strip() for r in conn.execute("SELECT sha256 FROM ingest.source_document")}
    assert counts == [300, 300, 300]
    assert stored == {pipeline.sha256_file(p) for p in pipeline.iter_files([folder])}
