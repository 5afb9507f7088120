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
