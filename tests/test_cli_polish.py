"""The CLI's messages: upgrade/downgrade say from where to where, `downgrade base` asks first, a bad revision
is one line, `etl --version`, status tables sized to the terminal, read commands that find no warehouse."""

from __future__ import annotations

import psycopg
import pytest
from alembic.script import ScriptDirectory
from typer.testing import CliRunner

from etl import __version__
from etl.cli import app
from etl.database import MIGRATIONS_DIR, current_revision, head_revision

runner = CliRunner()


def invoke(*args: str, env: dict, input: str | None = None):
    return runner.invoke(app, list(args), env=env, input=input)


@pytest.fixture
def env(conninfo, tmp_path) -> dict:
    return {"DATABASE_URL": conninfo, "ETL_HOME": str(tmp_path / "home")}


def previous_revision() -> str:
    return ScriptDirectory(str(MIGRATIONS_DIR)).get_revision(head_revision()).down_revision


@pytest.mark.db
def test_upgrade_and_downgrade_say_from_which_revision_to_which(env, fresh_warehouse):
    head, previous = head_revision(), previous_revision()
    same = invoke("db", "upgrade", env=env)
    assert same.exit_code == 0 and f"Nothing to upgrade: the warehouse is already at revision {head}." in same.output

    down = invoke("db", "downgrade", env=env)  # -1 by default
    assert down.exit_code == 0, down.output
    assert f"Downgraded the warehouse from revision {head} to {previous}." in down.output
    assert current_revision(fresh_warehouse) == previous

    # an older target does not pretend the warehouse moved there
    older = invoke("db", "upgrade", "0002", env=env)
    assert older.exit_code == 0
    assert f"Nothing to upgrade: the warehouse is at {previous}, past revision 0002." in older.output
    assert current_revision(fresh_warehouse) == previous

    up = invoke("db", "upgrade", env=env)
    assert up.exit_code == 0 and f"Upgraded the warehouse from revision {previous} to {head}." in up.output
    again = invoke("db", "downgrade", head, env=env)
    assert again.exit_code == 0 and f"Nothing to downgrade: the warehouse is at revision {head}." in again.output


@pytest.mark.db
def test_downgrade_base_asks_first(env, fresh_warehouse):
    head = head_revision()
    refused = invoke("db", "downgrade", "base", env=env)  # the test runner's stdin is not a terminal
    assert refused.exit_code == 2
    assert "drops every table and all data; pass --yes to confirm" in refused.output
    assert current_revision(fresh_warehouse) == head  # nothing was dropped

    confirmed = invoke("db", "downgrade", "base", "--yes", env=env)
    assert confirmed.exit_code == 0, confirmed.output
    assert f"Downgraded the warehouse from revision {head} to base." in confirmed.output
    with psycopg.connect(env["DATABASE_URL"]) as conn:
        assert conn.execute("SELECT to_regclass('warehouse.report')").fetchone() == (None,)


@pytest.mark.db
def test_downgrade_base_on_a_terminal_takes_no_for_an_answer(env, fresh_warehouse, monkeypatch):
    import sys

    class Terminal:  # what etl.cli sees as sys: stdin is a terminal (the runner's input still answers)
        def __getattr__(self, name: str):
            return getattr(sys, name)

        class stdin:  # stands in for sys.stdin
            @staticmethod
            def isatty() -> bool:
                return True

    monkeypatch.setattr("etl.cli.sys", Terminal())
    declined = invoke("db", "downgrade", "base", env=env, input="n\n")
    assert "Drop every table and all data of" in declined.output
    assert declined.exit_code == 1 and "Nothing was changed." in declined.output
    assert current_revision(fresh_warehouse) == head_revision()


@pytest.mark.parametrize("command", ["upgrade", "downgrade"])
def test_a_bad_revision_is_one_line(command, tmp_path):
    # no database is needed to know that a revision does not exist
    result = invoke("db", command, "nope", env={"DATABASE_URL": "postgresql://nobody@127.0.0.1:1/x",
                                                "ETL_HOME": str(tmp_path)})
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) <= 2 and "There is no schema revision 'nope'" in result.output
    assert "Traceback" not in result.output


def test_version_flag_and_command_agree():
    flag = runner.invoke(app, ["--version"])
    command = runner.invoke(app, ["version"])
    assert flag.exit_code == 0 and command.exit_code == 0
    assert flag.output == command.output and flag.output.startswith(f"etl {__version__} (parser ")


@pytest.mark.parametrize("command", [["status"], ["checks"], ["export", "report_headline"], ["users", "list"]])
def test_read_commands_name_the_missing_warehouse_and_create_none(command, tmp_path):
    home = tmp_path / "elsewhere"
    result = invoke(*command, env={"DATABASE_URL": None, "ETL_HOME": str(home)})
    assert result.exit_code == 2
    text = "".join(result.output.split())  # rich may wrap the sentence, even inside the path
    assert f"Thereisnowarehouseat{home / 'pgdata'}" in text and "(`etlrunPATH`)" in text
    assert not (home / "pgdata").exists()


@pytest.mark.db
def test_status_is_cut_to_the_terminal_but_full_when_piped(env, conninfo):
    with psycopg.connect(conninfo) as conn:
        conn.execute("INSERT INTO ingest.etl_run (command, parser_version, status, files_seen, facts_loaded, "
                     "message) VALUES ('etl run x', '0', 'succeeded', 1234567890, 2123456789, %s)",
                     ("a long message " * 10,))
    piped = invoke("status", env={**env, "COLUMNS": None})
    assert piped.exit_code == 0 and "1234567890" in piped.output and "2123456789" in piped.output
    narrow = invoke("status", env={**env, "COLUMNS": "70"})
    assert narrow.exit_code == 0
    assert max(len(line) for line in narrow.output.splitlines()) <= 70
