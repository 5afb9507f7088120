"""The stages composed: files → (process pool) ParsedDocument → loader, with progress and run bookkeeping.

`process_file` is the pure part (extract → normalise → parse of one file; never raises).
`run` is what `etl run` does:

1. take the run lock (LOCK TABLE ingest.run_lock), migrate to head, open an ``ingest.etl_run`` row;
2. apply the agency alias file;
3. walk the inputs (files or folders, recursively, hidden files skipped) in batches; a file whose
   path, size and mtime match ``ingest.source_file`` and whose document was loaded by this parser
   version is skipped without being read; the others are hashed, and content already loaded is
   only linked to its new path;
4. parse the rest in a process pool (ETL_WORKERS, default the cores) with a bounded number of files
   in flight, so memory stays flat however large the corpus; results stream to the loader, one
   transaction per document; a worker that dies becomes a ``worker_crashed`` issue on its file;
5. close the run (succeeded/failed/interrupted) and return a summary.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import multiprocessing
import os
import signal
import stat
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from etl import model
from etl.extract import extract, extract_bytes
from etl.model import Issue, ParsedDocument
from etl.normalise import normalise
from etl.parse import parse

#: Paths looked up in ingest.source_file per query while planning.
PLAN_BATCH = 256
#: Files in flight per worker: enough to keep the pool busy, few enough to keep memory flat.
IN_FLIGHT_PER_WORKER = 4
#: Seconds a new worker may take to start (a loaded machine), apart from any file's parse time.
STARTUP_TIMEOUT = 300
#: Seconds past the parse timeout before the run kills a worker whose own alarm did not stop it.
BACKSTOP_GRACE = 30


def process_file(path: str | Path) -> ParsedDocument:
    """Extract, normalise and parse one file. Never raises: a failure becomes an issue."""
    path = Path(path)
    try:
        raw = extract(path)
        if raw.text is None:
            return ParsedDocument(str(path), raw.sha256, raw.size, raw.media_type, raw.encoding,
                                  issues=list(raw.issues))
        return parse(normalise(raw))
    except MemoryError:  # past the worker's memory cap (ETL_WORKER_MEMORY_MB): this file only
        return _too_complex(path, "needed more memory than ETL_WORKER_MEMORY_MB allows")
    except RecursionError:
        return _too_complex(path, "is nested too deeply")
    except Exception as exc:  # a parser bug must not stop the run; record it instead
        try:  # streamed: the file that broke the parser may be large
            sha, size = sha256_file(path), path.stat().st_size
        except OSError:
            sha, size = hashlib.sha256(b"").hexdigest(), 0
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return ParsedDocument(
            str(path), sha, size, "application/octet-stream", None,
            issues=[Issue("error", "internal_error",
                          f"The parser failed on this file ({type(exc).__name__}: {exc} at "
                          f"{Path(where.filename).name}:{where.lineno}). Please report it with the file.")],
        )


def _too_complex(path: Path, why: str) -> ParsedDocument:
    try:
        sha, size = sha256_file(path), path.stat().st_size
    except (OSError, MemoryError):
        sha, size = hashlib.sha256(b"").hexdigest(), 0
    return ParsedDocument(str(path), sha, size, "application/octet-stream", None, issues=[Issue(
        "error", "too_complex", f"The file {why}; it was recorded but not parsed. Check that it is a report "
        "(not a generated or damaged page), then report it with the file.")])


def current_parser_version() -> str:
    """The parser version now (read at call time so a test can change it)."""
    return model.PARSER_VERSION


# --------------------------------------------------------------------------- finding files

#: Media types of path records (freedesktop names): what a path was when it could not be read as a file.
SPECIAL_MEDIA = {stat.S_IFIFO: "inode/fifo", stat.S_IFSOCK: "inode/socket", stat.S_IFCHR: "inode/chardevice",
                 stat.S_IFBLK: "inode/blockdevice"}
UNREADABLE_MEDIA = "inode/x-unreadable"
LINK_MEDIA = "inode/symlink"
FOLDER_MEDIA = "inode/directory"


@dataclass(frozen=True)
class Skipped:
    """A path that is not a readable regular file: recorded with an issue and never opened.

    `code` is ``special_file`` (FIFO, socket, device), ``symlink_loop``, ``dangling_link``,
    ``unreadable`` (permission or I/O error on a file or folder) or ``read_timeout``.
    """

    path: str
    code: str
    message: str
    media_type: str
    size: int = 0


def shown_path(path: str | Path) -> str:
    """A path as text that PostgreSQL and a terminal can hold: undecodable name bytes become ``\\xNN``.

    Python keeps a non-UTF-8 file name as lone surrogates (PEP 383), which no UTF-8 database accepts;
    the escaped form is unique for a given byte name and reads like the name `ls -b` shows.
    """
    text = str(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def walk(paths: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Every regular file under `paths` (resolved), and a `Skipped` record for every other path met.

    Files given by name are taken as they are (even hidden); folders are searched recursively in
    sorted order, each folder's files before its subfolders, skipping hidden entries. Links to folders
    are followed once (a folder reached again is not walked again; a link back to an ancestor is a
    ``symlink_loop``). Nothing but a regular file is ever opened, so a FIFO or a link to /dev/zero
    cannot block the run. Never raises for what it finds on disk.
    """
    visited: set[tuple[int, int]] = set()
    for given in paths:
        found, folder = _classify(str(given))
        if folder is None:
            yield found
            continue
        stack = [(str(given), folder)]
        while stack:
            path, st = stack.pop()
            key = (st.st_dev, st.st_ino)
            if key in visited:
                if os.path.islink(path) and _is_ancestor(os.path.realpath(path), os.path.dirname(path)):
                    yield Skipped(path, "symlink_loop", "This link points back to a folder that contains it; "
                                  "it was not followed.", LINK_MEDIA)
                continue  # reached a second time through a link: its files are recorded once
            visited.add(key)
            try:
                names = sorted(entry.name for entry in os.scandir(path))
            except OSError as exc:
                yield Skipped(path, "unreadable", f"The folder could not be listed ({_reason(exc)}); the files in "
                              "it were not loaded. Fix its permissions and run again.", FOLDER_MEDIA)
                continue
            subfolders = []
            for name in names:
                if name.startswith("."):
                    continue
                child = os.path.join(path, name)
                found, folder = _classify(child)
                if folder is None:
                    yield found
                else:
                    subfolders.append((child, folder))
            stack.extend(reversed(subfolders))


def _classify(path: str) -> tuple[Path | Skipped, os.stat_result | None]:
    """(a resolved regular file or a Skipped record, None), or (…, the folder's stat) for a folder."""
    try:
        st = os.stat(path)  # follows links: a link is judged by what it points at
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Skipped(path, "symlink_loop", "This link is part of a loop of links and points at nothing; "
                           "remove or fix it.", LINK_MEDIA), None
        if exc.errno in (errno.ENOENT, errno.ENOTDIR) and os.path.islink(path):
            return Skipped(path, "dangling_link", "This link points at a file that does not exist; "
                           "remove or fix it.", LINK_MEDIA), None
        return Skipped(path, "unreadable", f"The file could not be read ({_reason(exc)}); fix its permissions "
                       "and run again.", UNREADABLE_MEDIA), None
    if stat.S_ISDIR(st.st_mode):
        return Skipped(path, "folder", "", FOLDER_MEDIA), st
    if stat.S_ISREG(st.st_mode):
        return Path(os.path.realpath(path)), None
    media_type = SPECIAL_MEDIA.get(stat.S_IFMT(st.st_mode), "inode/x-special")
    return Skipped(path, "special_file", f"This is not a regular file but a {media_type.split('/')[1]}; it was "
                   "not opened (reading it could block or never end).", media_type), None


def _is_ancestor(folder: str, path: str) -> bool:
    real = os.path.realpath(path)
    return real == folder or real.startswith(folder.rstrip(os.sep) + os.sep)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The regular files `walk` finds (the paths it records as skipped left out)."""
    return (found for found in walk(paths) if isinstance(found, Path))


def count_files(paths: Iterable[str | Path]) -> int:
    """How many paths `walk` will yield (a cheap walk, for the progress bar)."""
    return sum(1 for _ in walk(paths))


def sha256_file(path: Path) -> str:
    """SHA-256 of a regular file, read in chunks.

    Opened non-blocking and checked again after opening: a file swapped for a FIFO between the walk
    and the read must not block the run.
    """
    digest = hashlib.sha256()
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file any more")
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class ReadTimeout(Exception):
    """Reading a file took longer than the parse timeout."""


def hash_with_timeout(path: Path, timeout: float | None) -> str:
    """`sha256_file` in a daemon thread, given up after `timeout` seconds (a stuck network mount).

    A thread stuck in read() cannot be killed, but as a daemon it neither blocks the run nor its exit;
    parsing (which reads the file again) happens in a worker process under the same timeout.
    """
    if timeout is None:
        return sha256_file(path)
    box: dict[str, object] = {}

    def work() -> None:
        try:
            box["sha"] = sha256_file(path)
        except BaseException as exc:  # handed to the caller below
            box["error"] = exc

    worker = threading.Thread(target=work, name="hash", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise ReadTimeout(path)
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return str(box["sha"])


# --------------------------------------------------------------------------- parallel parse


@dataclass(frozen=True)
class Task:
    """A file to parse: where it is, its stat when planned, and its content hash."""

    path: str
    size_bytes: int
    mtime_ns: int
    sha256: str


def _parse_task(path: str) -> ParsedDocument:
    """Worker entry point (module level so it pickles by reference)."""
    return process_file(path)


def _failed_document(task: Task, code: str, message: str) -> ParsedDocument:
    return ParsedDocument(task.path, task.sha256, task.size_bytes, "application/octet-stream", None,
                          issues=[Issue("error", code, message)])


def _crashed(task: Task) -> ParsedDocument:
    return _failed_document(
        task, "worker_crashed",
        "The parser process died while reading this file (a crash or running out of memory); the file was "
        "recorded but not parsed. Check that it opens, then report it with the file.")


def _timed_out(task: Task, seconds: float) -> ParsedDocument:
    return _failed_document(
        task, "parse_timeout",
        f"Parsing this file took more than {seconds:.0f} s (ETL_PARSE_TIMEOUT) and was stopped; the file was "
        "recorded but not parsed. Check that it opens, then report it with the file.")


class ParseTimeout(BaseException):
    """Raised in a worker when its file's parse time is up (BaseException: no `except Exception` eats it)."""


def _expire(signum, frame):
    raise ParseTimeout()


def _deadline_call(parse: Callable[[str], ParsedDocument], task: Task, seconds: float | None) -> ParsedDocument:
    """Worker side: `parse(task.path)` stopped after `seconds` of its own time.

    The clock starts here, in the worker, once the worker is up and the call unpickled, so starting a
    process on a busy machine never counts against a file. A parse stuck inside C code that never
    returns to Python is caught by the run's backstop instead (see ParsePool.collect).
    """
    if not seconds:
        return parse(task.path)
    previous = signal.signal(signal.SIGALRM, _expire)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, seconds)
            return parse(task.path)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except ParseTimeout:  # (also when the alarm fires just as the parse returns: it was at the limit)
        return _timed_out(task, seconds)
    finally:
        signal.signal(signal.SIGALRM, previous)


#: Parsed once by each new worker: loads the dictionaries and tables the stages read lazily.
WARM_UP_SAMPLE = "示例局2019年政府信息公开工作年度报告\n一、总体情况\n本年收到申请1件，办结1件。\n".encode()


def _ready() -> None:
    """A no-op the pool waits for once per new worker (its initializer has then run)."""


def _warm_up() -> None:
    """Load what the stages read lazily (dictionaries, tables) before any file's clock starts: on a busy
    machine that alone can take longer than a short parse timeout."""
    with contextlib.suppress(Exception):  # a warm-up problem shows again, recorded, on a real file
        raw = extract_bytes(WARM_UP_SAMPLE, "warm-up.txt")
        if raw.text is not None:
            parse(normalise(raw))


def _init_worker(parent_pid: int, memory_bytes: int | None) -> None:
    """Worker initializer: watch the parent; cap the worker's memory so a bomb costs one file, not the machine.

    The cap is on address space, counted from what the started worker already maps (shared libraries
    reserve far more than they use), so `memory_bytes` is what parsing one file may add. Past it an
    allocation raises MemoryError, which process_file records as ``too_complex``.
    """
    _watch_parent(parent_pid)
    _warm_up()  # in the initializer: every worker, before its first task
    if memory_bytes:
        import resource

        import psutil

        limit = psutil.Process().memory_info().vms + memory_bytes
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        with contextlib.suppress(ValueError, OSError):  # a lower hard limit set by the system stays
            soft = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _watch_parent(parent_pid: int) -> None:
    """Exit when the run that started the pool is gone.

    A run killed with SIGKILL cannot tell its workers to stop, and a worker waiting for work would wait
    forever (keeping the forkserver alive too); this thread notices within a second and ends the worker.
    """
    import threading

    import psutil

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                if psutil.Process(parent_pid).status() == psutil.STATUS_ZOMBIE:
                    os._exit(1)
            except psutil.NoSuchProcess:
                os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def _pool_context():
    # forkserver: workers start from a clean, preloaded process (no inherited database sockets)
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["etl.pipeline", "etl.warm"])
        return ctx
    return multiprocessing.get_context("spawn")


class ParsePool:
    """A process pool with a bounded window of files in flight that survives dying workers.

    When a worker dies the pool breaks and every file in flight fails with it; each of those files is
    then parsed alone in a fresh one-process pool, so only the file that kills its worker is recorded
    as ``worker_crashed`` and the run goes on.
    """

    def __init__(self, workers: int, timeout: float | None = None, memory_bytes: int | None = None) -> None:
        self.workers = workers
        self.timeout = timeout
        # the main process steps in only when a worker's own alarm could not stop a parse
        self.backstop = None if timeout is None else timeout + max(BACKSTOP_GRACE, timeout)
        self.memory_bytes = memory_bytes
        self.window = max(1, workers) * IN_FLIGHT_PER_WORKER
        self.ctx = _pool_context() if workers > 0 else None
        self.executor: ProcessPoolExecutor | None = None
        self.pending: dict[Future, Task] = {}

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, *exc) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)

    def full(self) -> bool:
        return len(self.pending) >= self.window

    def submit(self, task: Task) -> list[tuple[Task, ParsedDocument]]:
        """Queue a file; with workers=0 parse it right here and return the result at once."""
        if self.workers <= 0:
            return [(task, _parse_task(task.path))]
        if self.executor is None:
            self.executor = self._executor(self.workers)
        self.pending[self.executor.submit(_deadline_call, _parse_task, task, self.timeout)] = task
        return []

    def collect(self, block: bool) -> list[tuple[Task, ParsedDocument]]:
        """Results that are ready (waiting for at least one when `block`)."""
        if not self.pending:
            return []
        done, _ = wait(list(self.pending), timeout=self.backstop if block else 0, return_when=FIRST_COMPLETED)
        if block and not done:
            # nothing finished for the backstop time: every running parse is stuck in code the worker's own
            # alarm cannot interrupt; break the pool
            # and let the files in flight be parsed one by one, each under the same limit
            self._kill(self.executor)
            done, _ = wait(list(self.pending), timeout=60)
        results, broken = [], []
        for future in done:
            task = self.pending.pop(future)
            try:
                results.append((task, future.result()))
            except BrokenProcessPool:
                broken.append(task)
            except MemoryError:  # out of the worker's memory cap outside process_file (e.g. pickling the result)
                results.append((task, _failed_document(
                    task, "too_complex", "The file needed more memory than ETL_WORKER_MEMORY_MB allows; it was "
                    "recorded but not parsed.")))
            except Exception as exc:  # e.g. a result that would not pickle
                results.append((task, _failed_document(
                    task, "internal_error", f"The parser failed on this file ({type(exc).__name__}: {exc}).")))
        if broken:
            broken += self.pending.values()
            self.pending.clear()
            assert self.executor is not None
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None
            results += [(task, self._isolated(task)) for task in broken]
        return results

    def _isolated(self, task: Task) -> ParsedDocument:
        alone = self._executor(1)
        try:
            return alone.submit(_deadline_call, _parse_task, task, self.timeout).result(timeout=self.backstop)
        except BrokenProcessPool:
            return _crashed(task)
        except TimeoutError:
            self._kill(alone)
            return _timed_out(task, self.timeout or 0)
        finally:
            alone.shutdown(wait=False, cancel_futures=True)

    def _executor(self, workers: int) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(workers, mp_context=self.ctx, initializer=_init_worker,
                                       initargs=(os.getpid(), self.memory_bytes))
        # start every worker now (one no-op each), so that start-up is never part of a file's time
        wait([executor.submit(_ready) for _ in range(workers)], timeout=STARTUP_TIMEOUT)
        return executor

    @staticmethod
    def _kill(executor: ProcessPoolExecutor | None) -> None:
        # ProcessPoolExecutor cannot cancel a running call; killing its workers breaks it cleanly
        processes = getattr(executor, "_processes", None) or {}
        for process in list(processes.values()):
            process.kill()


# --------------------------------------------------------------------------- the run


@dataclass
class RunSummary:
    """What `etl run` reports at the end."""

    run_id: int
    status: str
    counts: object
    seconds: float
    reports_by_year: dict[int | None, int] = field(default_factory=dict)
    primary_by_year: dict[int | None, int] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)
    message: str | None = None
    #: corrections file lines that do not apply (target gone, ambiguous, invalid), with what to do
    corrections_not_applied: list[str] = field(default_factory=list)
    corrections_applied: int = 0


class Interrupted(Exception):
    """The run was asked to stop (SIGTERM or Ctrl-C)."""


def _on_sigterm(signum, frame):
    raise Interrupted("stopped by SIGTERM")


def run(
    paths: Sequence[str | Path],
    conninfo: str,
    *,
    workers: int,
    reparse: bool = False,
    aliases: Path | None = None,
    corrections: Path | None = None,
    wait_for_lock: bool = False,
    command: str = "etl run",
    max_file_bytes: int = 200 * 1024 * 1024,
    parse_timeout: float | None = None,
    migrate: Callable[[], None] | None = None,
    on_progress: Callable[[str, int], None] | None = None,
    failure_log: Path | None = None,
    worker_memory_bytes: int | None = None,
    scheduler: object | None = None,
) -> RunSummary:
    """Load every file under `paths` into the warehouse at `conninfo` (see the module docstring).

    `migrate` is called once the lock is held (so two first runs cannot race on the migrations).
    `failure_log` is a local file where the cause of a failed run is kept when the database itself went
    away; the next run writes it into the run's row (else the run would only show as interrupted).
    `on_progress(kind, n)` is called with ``total`` once, then with ``unchanged``/``new``/``failed`` per file.
    `scheduler` (a Dask scheduler address, or a cluster) sends parsing to Dask (etl/distributed.py) instead
    of the local pool; everything else, database writes included, stays here.
    Raises etl.load.LockBusy when another run holds the lock and `wait_for_lock` is False.
    """
    from etl import load

    started = time.monotonic()
    progress = on_progress or (lambda kind, n: None)
    lock_conn = load.connect(conninfo)
    try:
        load.acquire_run_lock(lock_conn, wait_for_lock, migrate)  # lock_conn keeps its transaction open
        version = current_parser_version()
        conn = load.connect(conninfo)
        _apply_failure_log(conn, failure_log)
        database = _database_key(conn)
        load.mark_interrupted_runs(conn)
        run_id = load.start_run(conn, command, version)
        counts = load.RunCounts()
        unreadable: list[str] = []
        previous = signal.signal(signal.SIGTERM, _on_sigterm) if _main_thread() else None
        try:
            load.readmit_rejected_facts(conn)  # a migration may have added keys facts were refused for
            loader = load.Loader(conn, run_id, version, reparse)
            if aliases is not None:
                loader.apply_aliases(load.read_alias_file(aliases))
            if corrections is not None:  # synced every run: a removed line is undone, no re-parse needed
                from etl.corrections import read_corrections

                load.sync_corrections(conn, read_corrections(corrections), str(corrections))
            progress("total", count_files(paths))
            _load_all(paths, loader, counts, workers, max_file_bytes, parse_timeout, unreadable, progress,
                      worker_memory_bytes, scheduler)
        except (Interrupted, KeyboardInterrupt) as exc:
            _finish_quietly(conn, run_id, counts, "interrupted", f"The run was stopped ({exc or 'Ctrl-C'}); "
                            "documents committed before that are kept. Run it again to finish.")
            raise
        except BaseException as exc:
            cause = f"{type(exc).__name__}: {str(exc).strip()}"[:2000]
            if not (_finish_quietly(conn, run_id, counts, "failed", cause)
                    or _finish_on_new_connection(conninfo, run_id, counts, cause)):
                _remember_failure(failure_log, database, run_id, cause)
            raise
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
        message = None
        if unreadable:
            message = f"{len(unreadable)} file(s) could not be read: " + "; ".join(unreadable[:20])
        load.finish_run(conn, run_id, counts, "succeeded", message)
        summary = RunSummary(run_id, "succeeded", counts, time.monotonic() - started, unreadable=unreadable,
                             message=message)
        with conn.cursor() as cur:
            cur.execute("SELECT year, count(*) FROM warehouse.report WHERE run_id = %s GROUP BY year", (run_id,))
            summary.reports_by_year = dict(cur.fetchall())
            cur.execute("SELECT year, count(*) FROM warehouse.report WHERE is_primary GROUP BY year")
            summary.primary_by_year = dict(cur.fetchall())
            cur.execute("SELECT status = 'applied', message FROM analytics.corrections "
                        "WHERE status <> 'superseded' ORDER BY line")
            for applied, note in cur.fetchall():
                if applied:
                    summary.corrections_applied += 1
                else:
                    summary.corrections_not_applied.append(note)
        conn.commit()
        conn.close()
        return summary
    finally:
        lock_conn.close()


def _finish_quietly(conn, run_id: int, counts, status: str, message: str) -> bool:
    """Record how the run ended, if the connection still works; whether that worked."""
    import psycopg

    from etl import load

    try:
        load.finish_run(conn, run_id, counts, status, message)
    except psycopg.Error:
        return False
    return True


def _finish_on_new_connection(conninfo: str, run_id: int, counts, message: str) -> bool:
    """The run's connection broke (a restarted server, a dropped network): try once on a new one."""
    import psycopg

    from etl import load

    try:
        with load.connect(conninfo) as conn:
            return _finish_quietly(conn, run_id, counts, "failed", message)
    except psycopg.Error:
        return False


def _remember_failure(failure_log: Path | None, database: str, run_id: int, message: str) -> None:
    """Keep the cause of a run whose database went away, for the next run to record (see run)."""
    import json

    if failure_log is None:
        return
    with contextlib.suppress(OSError):
        failure_log.parent.mkdir(parents=True, exist_ok=True)
        with failure_log.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps({"database": database, "run_id": run_id, "message": message,
                                     "at": time.strftime("%Y-%m-%d %H:%M:%S %z")}, ensure_ascii=False) + "\n")


def _database_key(conn) -> str:
    """Which warehouse a remembered failure belongs to, from a live connection (hashed: no names in the log)."""
    info = conn.info
    where = "|".join(str(v) for v in (info.host, info.port, info.dbname, info.user))
    return hashlib.sha256(where.encode()).hexdigest()[:16]


def _apply_failure_log(conn, failure_log: Path | None) -> None:
    """Write the causes kept by `_remember_failure` into their runs (still marked running); keep the others."""
    import json

    if failure_log is None or not failure_log.is_file():
        return
    key = _database_key(conn)
    kept = []
    try:
        lines = failure_log.read_text(encoding="utf-8").splitlines()
    except OSError:
        return
    with conn.cursor() as cur:
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if entry.get("database") != key:
                kept.append(line)  # another warehouse's run
                continue
            cur.execute(
                "UPDATE ingest.etl_run SET status = 'failed', finished_at = COALESCE(finished_at, now()), "
                "message = %s WHERE id = %s AND status = 'running'",
                (f"{entry.get('message')} (the database went away at {entry.get('at')})"[:2000],
                 entry.get("run_id")))
    conn.commit()
    with contextlib.suppress(OSError):
        if kept:
            failure_log.write_text("\n".join(kept) + "\n", encoding="utf-8")
        else:
            failure_log.unlink()


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _load_all(paths, loader, counts, workers: int, max_file_bytes: int, parse_timeout: float | None,
              unreadable: list[str], progress: Callable[[str, int], None], memory_bytes: int | None = None,
              scheduler: object | None = None) -> None:
    from etl.load import FileStat, save_counts

    stats: dict[str, FileStat] = {}
    seen_hashes: set[str] = set()  # content submitted in this run: a second copy only links its path
    duplicates: list[Task] = []

    def load(results: list[tuple[Task, ParsedDocument]]) -> None:
        for task, doc in results:
            stat_ = stats.pop(task.path)
            doc.path = stat_.path  # the name as stored: undecodable bytes escaped
            result = loader.load(doc, stat_, counts)
            progress("failed" if result.status == "failed" else result.status, 1)

    unlisted: list[str] = []  # folders the walk could not list: their files are not marked missing

    def record(skipped: Skipped) -> None:
        if skipped.media_type == FOLDER_MEDIA:
            unlisted.extend(_path_forms(skipped.path))
        # mtime -1: never matches a stat, so the path is looked at again by every run
        loader.load(path_record(skipped), FileStat(shown_path(skipped.path), skipped.size, -1))
        counts.files_failed += 1
        unreadable.append(f"{shown_path(skipped.path)} ({skipped.code})")
        progress("failed", 1)

    with _parse_pool(workers, parse_timeout, memory_bytes, scheduler) as pool:
        for batch in _batches(walk(paths), PLAN_BATCH):
            touched: list[str] = []
            files = [p for p in batch if isinstance(p, Path)]
            known_files = loader.known_files([shown_path(p) for p in files])
            to_hash: list[tuple[Path, os.stat_result]] = []
            for path in batch:
                counts.files_seen += 1
                if isinstance(path, Skipped):
                    record(path)
                    continue
                try:
                    st = path.stat()
                except OSError as exc:
                    record(Skipped(str(path), "unreadable", f"The file could not be read ({_reason(exc)}); fix "
                                   "its permissions and run again.", UNREADABLE_MEDIA))
                    continue
                known = known_files.get(shown_path(path))
                if (known and known.size_bytes == st.st_size and known.mtime_ns == st.st_mtime_ns
                        and loader.is_current(known)):
                    touched.append(shown_path(path))
                    counts.files_unchanged += 1
                    progress("unchanged", 1)
                else:
                    to_hash.append((path, st))
            loader.touch_files(touched)
            hashed: list[Task] = []
            for path, st in to_hash:
                try:
                    hashed.append(Task(str(path), st.st_size, st.st_mtime_ns, hash_with_timeout(path, parse_timeout)))
                except ReadTimeout:
                    record(Skipped(str(path), "read_timeout", f"Reading this file took more than {parse_timeout:.0f} s "
                                   "(ETL_PARSE_TIMEOUT); it was not loaded. Check the disk or network mount.",
                                   UNREADABLE_MEDIA, st.st_size))
                except OSError as exc:
                    record(Skipped(str(path), "unreadable", f"The file could not be read ({_reason(exc)}); fix "
                                   "its permissions and run again.", UNREADABLE_MEDIA, st.st_size))
            known_docs = loader.known_documents([t.sha256 for t in hashed])
            for task in hashed:
                stat_ = FileStat(shown_path(task.path), task.size_bytes, task.mtime_ns)
                known = known_docs.get(task.sha256)
                if known and loader.is_current(known):
                    loader.link_file(stat_, task.sha256, known.id)
                    counts.files_unchanged += 1
                    progress("unchanged", 1)
                    continue
                if task.sha256 in seen_hashes:
                    duplicates.append(task)  # linked once the first copy is loaded
                    continue
                stats[task.path] = stat_
                if task.size_bytes > max_file_bytes:
                    load([(task, _too_large(task, max_file_bytes))])
                    continue
                seen_hashes.add(task.sha256)
                load(pool.submit(task))
                load(pool.collect(block=pool.full()))
            save_counts(loader.conn, loader.run_id, counts)
            loader.conn.commit()
        while pool.pending:
            load(pool.collect(block=True))
    for batch in _batches(duplicates, PLAN_BATCH):
        known_docs = loader.known_documents([t.sha256 for t in batch])
        for task in batch:
            loader.link_file(FileStat(shown_path(task.path), task.size_bytes, task.mtime_ns), task.sha256,
                             known_docs[task.sha256].id)
            counts.files_unchanged += 1
            progress("unchanged", 1)
    # the walk is complete: paths under the folders it covered that it did not find are gone
    loader.mark_missing([form for p in paths if os.path.isdir(p) for form in _path_forms(p)], unlisted)
    loader.drop_orphan_path_records()
    save_counts(loader.conn, loader.run_id, counts)
    loader.conn.commit()


def _path_forms(path: str | Path) -> list[str]:
    """The forms a path under `path` is stored in: files by their resolved path, skipped paths as walked."""
    return sorted({shown_path(os.path.realpath(path)), shown_path(os.path.abspath(path))})


def _parse_pool(workers: int, timeout: float | None, memory_bytes: int | None, scheduler: object | None):
    """The local process pool, or the Dask one when a scheduler is given (same interface)."""
    if scheduler is None:
        return ParsePool(workers, timeout, memory_bytes)
    from etl.distributed import DaskPool

    return DaskPool(scheduler, timeout)


def path_record(skipped: Skipped) -> ParsedDocument:
    """The document row that records a path which is not a readable file (its identity is the path)."""
    identity = b"\0".join([b"etl-path-record", skipped.code.encode(), os.fsencode(skipped.path)])
    return ParsedDocument(shown_path(skipped.path), hashlib.sha256(identity).hexdigest(), skipped.size,
                          skipped.media_type, None, issues=[Issue("error", skipped.code, skipped.message)])


def _too_large(task: Task, limit: int) -> ParsedDocument:
    return _failed_document(
        task, "too_large",
        f"The file is {task.size_bytes / 2**20:.0f} MB, more than the {limit / 2**20:.0f} MB limit "
        "(ETL_MAX_FILE_MB); it was recorded but not parsed. Raise the limit to load it.")


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use `etl run`")
