"""The etl command: help texts, the parse contract, run/status/export/db against a real PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest
import typer.main
from typer.testing import CliRunner

from etl.cli import app
from etl.synthetic import write_corpus

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "reports"
runner = CliRunner()


def invoke(*args: str, env: dict | None = None):
    return runner.invoke(app, list(args), env=env, catch_exceptions=False)


def all_commands():
    root = typer.main.get_command(app)
    for name, command in root.commands.items():
        if hasattr(command, "commands"):
            for sub in command.commands:
                yield [name, sub]
        else:
            yield [name]


@pytest.mark.parametrize("command", list(all_commands()), ids=" ".join)
def test_every_help_teaches_with_an_example(command):
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output


def test_the_top_level_help_says_where_to_start():
    result = invoke("--help")
    assert result.exit_code == 0 and "etl run examples/reports" in result.output


# --------------------------------------------------------------------------- the parse contract

ISSUE = {"severity": str, "code": str, "message": str}
CONTRACT = {
    "path": str, "sha256": str, "media_type": str, "encoding": (str, type(None)), "repairs": list, "issues": list,
    "reports": list,
}
REPORT = {
    "title": (str, type(None)), "agency": dict, "year": (int, type(None)), "published_on": (str, type(None)),
    "format": str, "sections": list, "facts": list, "improvement_measures": list, "issues": list,
}
AGENCY = {"name": (str, type(None)), "province": (str, type(None)), "city": (str, type(None)),
          "county": (str, type(None)), "adcode": (str, type(None)), "level": (str, type(None)), "scope": str}
SECTION = {"ordinal": int, "kind": str, "heading": str, "start": int, "end": int}
FACT = {"table": str, "value": (int, float), "approximate": bool, "source": str, "start": int, "end": int,
        "evidence": str}


def conforms(obj: dict, shape: dict, where: str) -> list[str]:
    """Missing keys and wrong types of `obj` against `shape` (a tiny JSON-schema)."""
    problems = [f"{where}: missing {k}" for k in shape if k not in obj]
    problems += [f"{where}.{k}: {type(obj[k]).__name__}" for k, t in shape.items()
                 if k in obj and not isinstance(obj[k], t)]
    return problems


def contract_problems(data) -> list[str]:
    if not isinstance(data, list):
        return ["top level is not an array"]
    problems = []
    for i, doc in enumerate(data):
        problems += conforms(doc, CONTRACT, f"[{i}]")
        if len(doc.get("sha256", "")) != 64:
            problems.append(f"[{i}].sha256 is not a SHA-256")
        for issue in doc.get("issues", []):
            problems += conforms(issue, ISSUE, f"[{i}].issues")
        for j, report in enumerate(doc.get("reports", [])):
            where = f"[{i}].reports[{j}]"
            problems += conforms(report, REPORT, where)
            problems += conforms(report.get("agency", {}), AGENCY, where + ".agency")
            if report.get("format") not in ("2019-template", "2021-template", "prose", "prose+table"):
                problems.append(f"{where}.format {report.get('format')!r}")
            for section in report.get("sections", []):
                problems += conforms(section, SECTION, where + ".sections")
            for fact in report.get("facts", []):
                problems += conforms(fact, FACT, where + ".facts")
                keys = {"requests": ("item", "applicant"), "appeals": ("proceeding", "outcome"),
                        "disclosure_counts": ("item",)}.get(fact.get("table"))
                if keys is None or any(not isinstance(fact.get(k), str) for k in keys):
                    problems.append(f"{where}.facts: bad keys {fact}")
    return problems


def test_the_contract_check_catches_a_broken_object():
    assert contract_problems([{"path": "x", "reports": [{"format": "poem"}]}])


def test_parse_json_follows_the_contract():
    files = sorted(str(p) for p in EXAMPLES.iterdir())
    result = invoke("parse", *files, "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert len(data) == len(files)
    assert contract_problems(data) == []
    assert [d["path"] for d in data] == files


def test_parse_of_a_missing_file_says_so():
    result = runner.invoke(app, ["parse", "no-such-file.txt"])
    assert result.exit_code == 2 and "No such file" in result.output


# --------------------------------------------------------------------------- database commands


@pytest.fixture
def env(conninfo, tmp_path) -> dict:
    # wide enough that rich does not wrap file paths in the status tables
    return {"DATABASE_URL": conninfo, "ETL_HOME": str(tmp_path / "home"), "ETL_WORKERS": "2", "COLUMNS": "250"}


@pytest.mark.db
def test_run_twice_then_status(env, tmp_path, row_counts, conninfo):
    folder = tmp_path / "reports"
    write_corpus(folder, 6)
    (folder / "broken.bin").write_bytes(bytes(range(256)) * 4)
    first = invoke("run", str(folder), env=env)
    assert first.exit_code == 0, first.output
    assert "files seen 7, new 7, unchanged 0, failed 1" in first.output
    counts = row_counts(conninfo)
    second = invoke("run", str(folder), env=env)
    assert "files seen 7, new 0, unchanged 7, failed 0" in second.output
    assert row_counts(conninfo) == counts
    status = invoke("status", env=env)
    assert status.exit_code == 0
    assert "succeeded" in status.output and "broken.bin" in status.output


@pytest.mark.db
def test_run_the_examples(env, conninfo):
    result = invoke("run", str(EXAMPLES), "--aliases", str(REPO / "etl" / "data" / "agency_aliases.csv"), env=env)
    assert result.exit_code == 0, result.output
    with psycopg.connect(conninfo) as conn:
        assert conn.execute("SELECT count(*) FROM ingest.source_document").fetchone()[0] == 5
        # the example alias file links 环境保护局 (2017) and 生态环境局 (2019, 2021) as one agency
        linked = conn.execute(
            "SELECT count(DISTINCT agency_id), count(*) FROM warehouse.report WHERE agency_name LIKE '示例市%局'"
        ).fetchone()
    assert linked == (1, 3)


@pytest.mark.db
def test_export_csv_and_parquet(env, conninfo, tmp_path):
    import pandas as pd

    with psycopg.connect(conninfo) as conn:
        conn.execute("CREATE VIEW analytics.sample AS SELECT 1 AS n, '示例'::text AS name")
    csv_path, parquet_path = tmp_path / "s.csv", tmp_path / "s.parquet"
    assert invoke("export", "sample", "-o", str(csv_path), env=env).exit_code == 0
    assert csv_path.read_text(encoding="utf-8").splitlines() == ["n,name", "1,示例"]
    assert invoke("export", "analytics.sample", "--format", "parquet", "-o", str(parquet_path), env=env).exit_code == 0
    assert pd.read_parquet(parquet_path).to_dict("records") == [{"n": 1, "name": "示例"}]
    unknown = runner.invoke(app, ["export", "nope"], env=env)
    assert unknown.exit_code == 2 and "sample" in unknown.output


@pytest.mark.db
def test_db_url_upgrade_and_a_busy_lock(env, conninfo, tmp_path):
    url = invoke("db", "url", env=env)
    assert url.exit_code == 0 and url.output.strip().startswith("postgresql://")
    assert invoke("db", "upgrade", env=env).exit_code == 0
    holder = psycopg.connect(conninfo)
    holder.execute("LOCK TABLE ingest.run_lock IN EXCLUSIVE MODE")
    try:
        busy = runner.invoke(app, ["run", str(EXAMPLES)], env=env)
    finally:
        holder.close()
    assert busy.exit_code == 75 and "Another `etl run`" in busy.output


def test_an_unreachable_database_is_one_sentence():
    result = runner.invoke(app, ["status"], env={"DATABASE_URL": "postgresql://nobody@127.0.0.1:1/nothing"})
    assert result.exit_code == 2
    assert "Cannot connect to the warehouse at 127.0.0.1:1/nothing" in result.output
    assert "Traceback" not in result.output


def test_run_of_a_missing_folder_says_so():
    result = runner.invoke(app, ["run", "no/such/folder"])
    assert result.exit_code == 2 and "No such file or folder" in result.output


def test_devset_scores_the_development_set(devset_dir):
    result = runner.invoke(app, ["devset", str(devset_dir)])
    assert result.exit_code == 0, result.output
    assert "table_cells" in result.output and "labelled report(s)" in result.output


def test_devset_says_clearly_when_the_folder_is_wrong(tmp_path):
    result = runner.invoke(app, ["devset", str(tmp_path)])
    assert result.exit_code == 1
    assert "no devset at" in result.output


@pytest.mark.seeds
@pytest.mark.db
def test_the_seeds_load(seeds_dir, env, conninfo):
    seeds = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    result = invoke("run", *seeds, env=env)
    assert result.exit_code == 0, result.output
    assert f"files seen {len(seeds)}, new {len(seeds)}" in result.output
    with psycopg.connect(conninfo) as conn:
        assert conn.execute("SELECT count(*) FROM ingest.source_document").fetchone()[0] == len(seeds) == 5


@pytest.mark.db
def test_status_shows_a_dead_run_as_interrupted(env, conninfo):
    with psycopg.connect(conninfo) as conn:
        conn.execute("INSERT INTO ingest.etl_run (command, parser_version) VALUES ('etl run x', '0')")
    result = invoke("status", env=env)
    assert result.exit_code == 0 and "interrupted" in result.output


@pytest.mark.db
def test_the_default_is_an_embedded_warehouse_that_outlives_nothing(tmp_path):
    """Without DATABASE_URL: db start, run twice, db url, db stop — in subprocesses, as a user would."""
    import os
    import shutil
    import subprocess
    import sys
    import tempfile

    # as root the server runs as another user, who must be able to enter ETL_HOME (pytest's tmp is 0700)
    base = Path(tempfile.mkdtemp(prefix="etl-cli-"))
    base.chmod(0o711)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(ETL_HOME=str(base / "home"), ETL_WORKERS="1")

    def etl(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "etl", *args], cwd=REPO, env=env, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    try:
        assert "postgresql://" in etl("db", "start")
        assert "new 5" in etl("run", str(EXAMPLES), "--no-progress")
        assert "new 0, unchanged 5" in etl("run", str(EXAMPLES), "--no-progress")
        url = etl("db", "url").strip()
        with psycopg.connect(url) as conn:  # still running for psql and BI tools
            assert conn.execute("SELECT count(*) FROM ingest.source_document").fetchone()[0] == 5
    finally:
        assert "Stopped" in etl("db", "stop")
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url, connect_timeout=3)
    shutil.rmtree(base, ignore_errors=True)


@pytest.mark.db
def test_checks_pass_after_loading_examples_and_fail_on_two_primaries(env, conninfo):
    assert invoke("run", str(EXAMPLES), env=env).exit_code == 0
    clean = invoke("checks", env=env)
    assert clean.exit_code == 0, clean.output  # the example reports balance and have one primary each
    assert "ok    one_primary_report" in clean.output
    with psycopg.connect(conninfo) as conn:
        conn.execute("UPDATE warehouse.report SET is_primary = true")
        conn.execute("""UPDATE warehouse.report SET agency_id = (SELECT min(agency_id) FROM warehouse.report),
                        year = (SELECT min(year) FROM warehouse.report WHERE year IS NOT NULL)""")
    broken = runner.invoke(app, ["checks"], env=env)
    assert broken.exit_code == 1, broken.output
    assert "FAIL  one_primary_report" in broken.output
