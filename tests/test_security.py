"""No trust anywhere: the embedded server wants a password on every path, keeps its socket private, leaves
folders outside ETL_HOME alone, upgrades old trust clusters, and an analyst cannot block a run."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from etl import load
from etl.embedded import MAX_SOCKET_PATH, EmbeddedError, EmbeddedServer

pytestmark = pytest.mark.db

NO_PASSWORD_SOURCES = {"PGPASSWORD": None, "PGPASSFILE": "/nonexistent/pgpass"}


@pytest.fixture(autouse=True)
def no_ambient_password(monkeypatch):
    """A refusal must come from the server, not from a password libpq found in the environment."""
    for name, value in NO_PASSWORD_SOURCES.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def traversable_folder() -> Path:
    """A scratch folder the server's user can enter when tests run as root (pytest's tmp folders are 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="etl-sec-"))
    folder.chmod(0o711)
    return folder


@pytest.fixture(scope="module")
def long_home() -> Iterator[tuple[Path, Path, int, EmbeddedServer, dict]]:
    """A server in an ETL_HOME too long for a socket in pgdata, below a 0711 folder, serving TCP."""
    base = traversable_folder()
    parent = base / "parent"
    parent.mkdir()
    parent.chmod(0o711)  # traversable, not listable: what pgserver turned into 0755 when run as root
    home = parent / ("a-long-folder-name-" * 5) / "home"
    home.mkdir(parents=True)
    port = free_port()
    server = EmbeddedServer(home)
    modes = {p: mode(p) for p in [base, parent, *home.parents[:3]]}
    server.attach(tcp_port=port)
    try:
        yield home, parent, port, server, modes
    finally:
        server.release()
        shutil.rmtree(base, ignore_errors=True)


def test_a_long_home_gets_a_private_socket_folder(long_home):
    home, _parent, _port, server, _modes = long_home
    assert len(str(home / "pgdata" / ".s.PGSQL.5432")) > MAX_SOCKET_PATH
    socket_dir = server.endpoint().socket_dir
    assert socket_dir != server.pgdata
    info = socket_dir.stat()
    assert stat.S_IMODE(info.st_mode) == 0o700  # only its owner can enter it
    assert not (info.st_mode & (stat.S_IRWXG | stat.S_IRWXO))
    assert any(p.name.startswith(".s.PGSQL.") for p in socket_dir.iterdir())


def test_folders_outside_home_keep_their_modes(long_home):
    _home, parent, _port, _server, modes = long_home
    assert mode(parent) == 0o711
    assert {p: mode(p) for p in modes} == modes


def test_the_socket_refuses_a_connection_without_password(long_home):
    _home, _parent, port, server, _modes = long_home
    socket_dir = server.endpoint().socket_dir
    with pytest.raises(psycopg.OperationalError, match="password"):
        psycopg.connect(host=str(socket_dir), port=port, user="postgres", dbname="postgres", connect_timeout=5)
    with pytest.raises(psycopg.OperationalError, match="password"):
        psycopg.connect(host=str(socket_dir), port=port, user="postgres", dbname="postgres", password="wrong",
                        connect_timeout=5)
    with psycopg.connect(host=str(socket_dir), port=port, user="postgres", dbname="postgres",
                         password=server.password()) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
        methods = {r[0] for r in conn.execute("SELECT auth_method FROM pg_hba_file_rules").fetchall()}
        assert methods == {"scram-sha-256"}


def test_tcp_refuses_a_connection_without_password(long_home):
    _home, _parent, port, server, _modes = long_home
    assert server.endpoint().tcp_host == "127.0.0.1"
    with pytest.raises(psycopg.OperationalError, match="password"):
        psycopg.connect(host="127.0.0.1", port=port, user="postgres", dbname="postgres", connect_timeout=5)
    with psycopg.connect(host="127.0.0.1", port=port, user="postgres", dbname="postgres",
                         password=server.password()) as conn:
        assert conn.execute("SHOW listen_addresses").fetchone() == ("127.0.0.1",)


def test_secrets_are_readable_by_their_owner_only(long_home):
    home, *_ = long_home
    for name in ("postgres.password", "pgpass", "server.json"):
        assert mode(home / name) == 0o600, name


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root runs PostgreSQL as another user")
def test_as_root_an_unreachable_home_is_refused_without_chmod():
    base = traversable_folder()
    closed = base / "closed"
    closed.mkdir(mode=0o700)
    closed.chmod(0o700)
    home = closed / "home"
    with pytest.raises(EmbeddedError, match=r"cannot enter .*closed.*does not change permissions"):
        EmbeddedServer(home).start()
    assert mode(closed) == 0o700 and mode(base) == 0o711
    shutil.rmtree(base)


def test_a_trust_cluster_is_upgraded_to_passwords():
    """A warehouse initialised with trust by an older version gets a password and loses trust on its next start."""
    base = traversable_folder()
    home = base / "old"
    home.mkdir()
    server = EmbeddedServer(home)
    server.pgdata.mkdir(mode=0o700)
    server._own(server.pgdata)
    server._run(["initdb", "-D", str(server.pgdata), "--auth=trust", "--encoding=utf8", "-U", "postgres"])
    assert "trust" in (server.pgdata / "pg_hba.conf").read_text()
    endpoint = server.start()
    try:
        assert "trust" not in (server.pgdata / "pg_hba.conf").read_text()
        with pytest.raises(psycopg.OperationalError, match="password"):
            psycopg.connect(host=str(endpoint.socket_dir), port=endpoint.port, user="postgres", dbname="postgres")
        with psycopg.connect(host=str(endpoint.socket_dir), port=endpoint.port, user="postgres", dbname="postgres",
                             password=server.password()) as conn:
            assert conn.execute("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid "
                                "WHERE rolname = 'postgres'").fetchone() == (True,)
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)


def test_an_analyst_cannot_block_a_run(conninfo):
    """The old advisory lock could be taken by any role; the run lock needs write rights on ingest."""
    with psycopg.connect(conninfo, autocommit=True) as admin:
        admin.execute("CREATE ROLE sec_blocker LOGIN PASSWORD 'x' IN ROLE ogi_analyst")
    analyst = psycopg.connect(conninfo, autocommit=True)
    analyst.execute("SET ROLE sec_blocker")
    try:
        analyst.execute("SELECT pg_advisory_lock(%s)", (load.RUN_LOCK_KEY,))  # the old lock: anyone may take it
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            analyst.execute("BEGIN")
            analyst.execute(f"LOCK TABLE {load.RUN_LOCK_TABLE} IN EXCLUSIVE MODE NOWAIT")
        analyst.execute("ROLLBACK")
        runner = load.connect(conninfo)
        load.acquire_run_lock(runner, wait=False)  # not blocked by the analyst
        with psycopg.connect(conninfo) as other:
            assert load.run_lock_held(other)
            with pytest.raises(load.LockBusy):
                load.acquire_run_lock(load.connect(conninfo), wait=False)  # a second run is still kept out
        runner.close()
    finally:
        analyst.close()
        with psycopg.connect(conninfo, autocommit=True) as admin:
            admin.execute("DROP ROLE sec_blocker")
