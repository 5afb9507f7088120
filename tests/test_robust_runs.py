"""Results depend on the reports, not on history: primaries, the run's failure cause, one size limit."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import psycopg
import pytest

from etl import pipeline
from etl.database import libpq_url
from etl.synthetic import prose_report
from tests.conftest import scratch_database

pytestmark = pytest.mark.db


def primaries(conninfo: str) -> dict:
    with psycopg.connect(conninfo) as conn:
        rows = conn.execute(
            "SELECT r.agency_name, r.year, d.sha256, r.primary_reason FROM warehouse.report r "
            "JOIN ingest.source_document d ON d.id = r.document_id WHERE r.is_primary").fetchall()
    return {(name, year): (sha.strip(), reason) for name, year, sha, reason in rows}


def test_a_clean_load_and_an_interrupted_then_resumed_load_choose_the_same_primaries(
        tmp_path, conninfo, server_url, warehouse_template):
    folder = tmp_path / "all"
    folder.mkdir()
    for n in range(4):  # four rival reports of one agency and year, the same number of figures each
        text, _ = prose_report("示例市测试局", 2016, random.Random(n))
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    pipeline.run([folder], conninfo, workers=0)
    clean = primaries(conninfo)
    assert len(clean) == 1 and "tie broken by document hash" in next(iter(clean.values()))[1]

    with scratch_database(server_url, "test_fw", template=warehouse_template) as url:
        resumed = libpq_url(url)
        late = tmp_path / "late"  # the run that was interrupted had loaded only the last two files
        late.mkdir()
        for name in ("2.txt", "3.txt"):
            shutil.copy(folder / name, late / name)
        pipeline.run([late], resumed, workers=0)
        pipeline.run([folder], resumed, workers=0)
        assert primaries(resumed) == clean


def _kill_connections_after(conninfo: str, files: int):
    seen = []

    def progress(kind: str, n: int) -> None:
        if kind != "total":
            seen.append(kind)
        if len(seen) == files:
            with psycopg.connect(conninfo, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'etl' "
                              "AND datname = current_database()")
    return progress


@pytest.mark.parametrize("server_back", [True, False], ids=["reconnects", "server-gone"])
def test_when_the_database_goes_away_the_run_records_why(tmp_path, conninfo, monkeypatch, server_back):
    from etl.synthetic import write_corpus

    folder = tmp_path / "reports"
    write_corpus(folder, 6)
    log = tmp_path / "home" / "failed-runs.jsonl"
    if not server_back:  # as if the server were still down when the run tried to record its end
        monkeypatch.setattr(pipeline, "_finish_on_new_connection", lambda *args: False)
    with pytest.raises(psycopg.OperationalError):
        pipeline.run([folder], conninfo, workers=0, on_progress=_kill_connections_after(conninfo, 2),
                     failure_log=log)
    assert log.is_file() != server_back
    if not server_back:  # the next run writes the kept cause into the dead run's row
        pipeline.run([folder], conninfo, workers=0, failure_log=log)
        assert not log.exists()
    with psycopg.connect(conninfo) as conn:
        status, message = conn.execute("SELECT status, message FROM ingest.etl_run ORDER BY id LIMIT 1").fetchone()
    assert status == "failed"
    assert message.startswith("OperationalError") and "connection" in message


def test_two_first_runs_on_a_new_home_serialise(tmp_path):
    import os
    import subprocess
    import sys
    import tempfile

    # as root the server runs as another user, who must be able to enter ETL_HOME (pytest's tmp is 0700)
    base = Path(tempfile.mkdtemp(prefix="etl-first-runs-"))
    base.chmod(0o711)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["ETL_HOME"] = str(base / "home")
    script = ("from etl.database import check_connection, database_url, upgrade\n"
              "url = database_url(); check_connection(url); upgrade(url); print('ready')")
    runs = [subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert all(out.strip() == "ready" and "Traceback" not in err for out, err in outputs)


def test_one_file_size_limit(monkeypatch):
    from etl.config import load_settings
    from etl.extract.limits import Limits

    monkeypatch.setenv("ETL_MAX_FILE_MB", "2")
    monkeypatch.setenv("ETL_MAX_FILE_BYTES", "10")  # the old undocumented override has no effect any more
    assert Limits.from_env().max_file_bytes == load_settings().max_file_bytes == 2 * 1024 * 1024
    monkeypatch.setenv("ETL_MAX_FILE_MB", "lots")
    assert Limits.from_env().max_file_bytes == 200 * 1024 * 1024
