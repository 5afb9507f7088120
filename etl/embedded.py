"""The embedded PostgreSQL: pgserver's binaries, run by us with no trust anywhere.

pgserver's own server management initialises clusters with ``trust`` authentication, moves the
socket to a shared folder when the data path is long, and (as root) widens the modes of every parent
folder. So we drive initdb and pg_ctl ourselves:

- every connection authenticates with scram-sha-256; the superuser password is generated at init and
  kept in ``$ETL_HOME/postgres.password`` (mode 0600); a cluster initialised with trust by an older
  version is upgraded in place on its next start (password set in single-user mode, pg_hba rewritten),
  so no window exists in which trust is accepted;
- the socket lives in the data directory (mode 0700, PostgreSQL insists) or, when that path is too long
  for a Unix socket, in a fresh private folder made by ``mkdtemp`` (0700);
- TCP is off unless asked for (``etl db start --tcp``), and then only on 127.0.0.1;
- as root, PostgreSQL runs as the system user ``pgserver`` (it refuses to run as root); folders above
  ``ETL_HOME`` are never chmod-ed: when that user cannot reach ``ETL_HOME`` the error says which folder
  is in the way.

A server started by a command stops when the last process using it exits, unless a command asked to
keep it running (``etl db start``/``etl db url``) — until ``etl db stop``.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import fcntl
import hashlib
import hmac
import json
import logging
import os
import secrets
import shlex
import shutil
import stat
import subprocess
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

# pgserver warns on import when XDG_RUNTIME_DIR is unset; we never use its runtime folder
warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR")

SUPERUSER = "postgres"
SERVICE_USER = "pgserver"  # the system user pgserver itself uses as root: existing data directories stay usable
PASSWORD_FILE = "postgres.password"
PGPASS_FILE = "pgpass"
STATE_FILE = "server.json"
LOCK_FILE = ".server.lock"
DEFAULT_PORT = 5432
# sun_path holds 108 bytes including the terminating NUL; the socket file is .s.PGSQL.<port>
MAX_SOCKET_PATH = 107
HBA = """\
# Written by etl (etl/embedded.py) at every start: every connection authenticates with a password.
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  scram-sha-256
host    all       all   127.0.0.1/32   scram-sha-256
host    all       all   ::1/128        scram-sha-256
"""


class EmbeddedError(Exception):
    """The embedded server cannot be set up or started; the message says what to do."""


# --------------------------------------------------------------------------- secrets


def scram_verifier(password: str, iterations: int = 4096) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for `password` (RFC 5802/7677).

    Sending the verifier instead of the password keeps the plain text out of server logs and
    pg_stat_activity; PostgreSQL accepts it as is in CREATE/ALTER ROLE … PASSWORD.
    """
    salt = os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    b64 = base64.b64encode
    return f"SCRAM-SHA-256${iterations}:{b64(salt).decode()}${b64(stored_key).decode()}:{b64(server_key).decode()}"


def new_password() -> str:
    """A random password safe in URLs and pgpass files (letters, digits, - and _)."""
    return secrets.token_urlsafe(24)


def write_secret(path: Path, text: str) -> None:
    """Write `text` to `path` readable by its owner only (created 0600, never world-readable in between)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


# --------------------------------------------------------------------------- the server


@dataclass(frozen=True)
class Endpoint:
    """Where a running embedded server listens."""

    socket_dir: Path
    port: int
    tcp_host: str | None  # 127.0.0.1 when serving TCP


class EmbeddedServer:
    """The cluster in ``home/pgdata`` with its secrets beside it in `home`."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.pgdata = home / "pgdata"

    # ------------------------------------------------------------------ files

    @property
    def password_file(self) -> Path:
        return self.home / PASSWORD_FILE

    @property
    def pgpass_file(self) -> Path:
        return self.home / PGPASS_FILE

    def password(self) -> str:
        try:
            return self.password_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            raise EmbeddedError(
                f"The embedded warehouse in {self.pgdata} has no password file {self.password_file}; "
                "start it once with `etl db start` as the user who created it."
            ) from None

    def initialised(self) -> bool:
        return (self.pgdata / "PG_VERSION").exists()

    @contextlib.contextmanager
    def _locked(self) -> Iterator[dict]:
        """The state file (users, keep-running flag, port) under an exclusive lock between processes."""
        self.home.mkdir(parents=True, exist_ok=True)
        with open(self.home / LOCK_FILE, "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            path = self.home / STATE_FILE
            try:
                state = json.loads(path.read_text(encoding="utf-8"))
            except (FileNotFoundError, ValueError):
                state = {}
            state.setdefault("pids", [])
            yield state
            write_secret(path, json.dumps(state))

    # ------------------------------------------------------------------ running as another user

    def _service_user(self) -> tuple[str, int, int] | None:
        """(name, uid, gid) of the user PostgreSQL runs as when we are root; None otherwise."""
        if not hasattr(os, "geteuid") or os.geteuid() != 0:
            return None
        import pwd

        try:
            entry = pwd.getpwnam(SERVICE_USER)
        except KeyError:
            subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER],
                           check=True, capture_output=True)
            entry = pwd.getpwnam(SERVICE_USER)
        return SERVICE_USER, entry.pw_uid, entry.pw_gid

    def _check_reachable(self, service: tuple[str, int, int]) -> None:
        """Refuse (naming the folder) when the service user cannot reach pgdata; never chmod a parent."""
        name, uid, gid = service
        groups = {gid, *os.getgrouplist(name, gid)}
        for folder in [*reversed(self.home.parents), self.home]:
            info = folder.stat()
            if info.st_uid == uid:
                ok = info.st_mode & stat.S_IXUSR
            elif info.st_gid in groups:
                ok = info.st_mode & stat.S_IXGRP
            else:
                ok = info.st_mode & stat.S_IXOTH
            if not ok:
                raise EmbeddedError(
                    f"Running as root, the embedded PostgreSQL runs as the system user {SERVICE_USER}, which cannot "
                    f"enter {folder} (mode {stat.S_IMODE(info.st_mode):o}). etl does not change permissions "
                    f"outside ETL_HOME: set ETL_HOME to a folder that user can reach, allow it with "
                    f"`chmod o+x {folder}` yourself, run etl as an ordinary user, or set DATABASE_URL."
                )

    def _run(self, args: list[str], **kwargs) -> subprocess.CompletedProcess:
        """Run a PostgreSQL program (as the service user when we are root); raise EmbeddedError on failure."""
        from pgserver._commands import POSTGRES_BIN_PATH

        service = self._service_user()
        extra = {"user": service[1], "group": service[2], "extra_groups": []} if service else {}
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}  # no PGPASSWORD/PGHOST leaking in
        result = subprocess.run([str(POSTGRES_BIN_PATH / args[0]), *args[1:]], capture_output=True, text=True,
                                env=env, cwd=self.pgdata if self.pgdata.exists() else None, **extra, **kwargs)
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
            logfile = self.pgdata / "log"
            raise EmbeddedError(f"{args[0]} failed: {detail[0]} (server log: {logfile}).")
        return result

    def _own(self, path: Path) -> None:
        service = self._service_user()
        if service:
            os.chown(path, service[1], service[2])

    # ------------------------------------------------------------------ init and upgrade

    def _init(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        service = self._service_user()
        if service:
            self._check_reachable(service)
        self.pgdata.mkdir(mode=0o700, parents=False, exist_ok=True)
        self.pgdata.chmod(0o700)
        self._own(self.pgdata)
        password = new_password()
        # initdb reads the password from a file the service user can read: a 0600 file in pgdata, deleted after
        pwfile = self.pgdata.parent / f".initdb-pw-{os.getpid()}"
        write_secret(pwfile, password + "\n")
        self._own(pwfile)
        try:
            self._run(["initdb", "-D", str(self.pgdata), "--auth=scram-sha-256", f"--pwfile={pwfile}",
                       "--encoding=utf8", "--locale=C.UTF-8", "-U", SUPERUSER])
        finally:
            pwfile.unlink(missing_ok=True)
        self._store_password(password)

    def _store_password(self, password: str) -> None:
        write_secret(self.password_file, password + "\n")
        # a libpq password file, so the URLs we print need no password in them (argv is visible to others)
        write_secret(self.pgpass_file, f"*:*:*:{SUPERUSER}:{password}\n")

    def _uses_trust(self) -> bool:
        hba = self.pgdata / "pg_hba.conf"
        lines = [line.split("#")[0].split() for line in hba.read_text(encoding="utf-8").splitlines()]
        return any(words and words[-1] in ("trust", "password", "md5") for words in lines if words)

    def _upgrade_from_trust(self) -> None:
        """An older cluster initialised with trust: set a password offline, then require it."""
        log.warning("Upgrading the embedded warehouse in %s to password authentication.", self.pgdata)
        if self.running():
            self._run(["pg_ctl", "-D", str(self.pgdata), "-w", "-m", "fast", "stop"])
        password = new_password()
        statement = f"ALTER ROLE {SUPERUSER} PASSWORD '{scram_verifier(password)}';\n"
        # single-user mode: no socket, no TCP, so there is no moment at which trust is reachable
        self._run(["postgres", "--single", "-D", str(self.pgdata), "-j", "postgres"], input=statement)
        self._store_password(password)
        self._write_hba()

    def _write_hba(self) -> None:
        hba = self.pgdata / "pg_hba.conf"
        if hba.read_text(encoding="utf-8") != HBA:
            hba.write_text(HBA, encoding="utf-8")
            self._own(hba)

    def ensure_ready(self) -> None:
        """Initialise the cluster, or upgrade an old trust one; afterwards only passwords get in."""
        if not self.initialised():
            self._init()
        elif self._uses_trust() or not self.password_file.exists():
            self._upgrade_from_trust()
        self._write_hba()

    # ------------------------------------------------------------------ start / stop

    def endpoint(self) -> Endpoint | None:
        """Where the running server listens; None when it is not running."""
        from pgserver.utils import PostmasterInfo

        if not (self.pgdata / "postmaster.pid").exists():
            return None
        try:
            info = PostmasterInfo.read_from_pgdata(self.pgdata)
        except (AssertionError, ValueError, OSError):
            return None  # being written or stale
        if not info or not info.is_running() or info.socket_dir is None:
            return None
        host = info.hostname if info.hostname and info.hostname not in ("*",) else None
        return Endpoint(info.socket_dir, info.port or DEFAULT_PORT, host)

    def running(self) -> bool:
        return self.endpoint() is not None

    def _socket_dir(self, port: int) -> Path:
        """pgdata when the socket path fits, else a fresh private folder (0700) under /tmp."""
        if len(str(self.pgdata / f".s.PGSQL.{port}")) <= MAX_SOCKET_PATH:
            return self.pgdata
        folder = Path(tempfile.mkdtemp(prefix="ogi-pg-", dir="/tmp"))  # mkdtemp: 0700, created exclusively
        self._own(folder)
        return folder

    def start(self, tcp_port: int | None = None) -> Endpoint:
        """Start the server (TCP on 127.0.0.1:`tcp_port` when given), or return where it already runs."""
        current = self.endpoint()
        if current is not None:
            if tcp_port is not None and (current.tcp_host is None or current.port != tcp_port):
                raise EmbeddedError(
                    f"The embedded warehouse is already running without TCP on port {tcp_port}; stop it with "
                    "`etl db stop` (when no run is loading), then start it again with --tcp."
                )
            return current
        self.ensure_ready()
        port = tcp_port or DEFAULT_PORT
        socket_dir = self._socket_dir(port)
        listen = "127.0.0.1" if tcp_port else ""
        # pg_ctl hands -o to a shell: quote what may hold spaces
        options = (f"-h {shlex.quote(listen)} -p {port} -k {shlex.quote(str(socket_dir))} "
                   "-c unix_socket_permissions=0700")
        self._run(["pg_ctl", "-D", str(self.pgdata), "-w", "-t", "60", "-l", str(self.pgdata / "log"),
                   "-o", options, "start"], timeout=90)
        endpoint = self.endpoint()
        if endpoint is None:
            raise EmbeddedError(f"The embedded warehouse did not start; see {self.pgdata / 'log'}.")
        return endpoint

    def stop(self) -> bool:
        """Stop the server; False when it was not running."""
        endpoint = self.endpoint()
        if endpoint is None:
            return False
        self._run(["pg_ctl", "-D", str(self.pgdata), "-w", "-m", "fast", "stop"])
        if endpoint.socket_dir != self.pgdata and endpoint.socket_dir.name.startswith("ogi-pg-"):
            shutil.rmtree(endpoint.socket_dir, ignore_errors=True)
        return True

    # ------------------------------------------------------------------ lifetime shared between processes

    def attach(self, keep_running: bool = False, tcp_port: int | None = None) -> Endpoint:
        """Start or join the server; it stops when the last attached process exits unless kept running."""
        with self._locked() as state:
            endpoint = self.start(tcp_port)
            state["pids"] = [p for p in state["pids"] if _alive(p)] + [os.getpid()]
            if keep_running:
                state["keep"] = True
        atexit.register(self._detach)
        return endpoint

    def _detach(self) -> None:
        with contextlib.suppress(Exception), self._locked() as state:
            state["pids"] = [p for p in state["pids"] if _alive(p) and p != os.getpid()]
            if not state["pids"] and not state.get("keep"):
                self.stop()

    def release(self) -> bool:
        """`etl db stop`: forget the keep-running request and stop the server."""
        with self._locked() as state:
            state["keep"] = False
            state["pids"] = []
            return self.stop()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
