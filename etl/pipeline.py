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
import hashlib
import multiprocessing
import os
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from etl import model
from etl.extract import extract
from etl.model import Issue, ParsedDocument
from etl.normalise import normalise
from etl.parse import parse

#: Paths looked up in ingest.source_file per query while planning.
PLAN_BATCH = 256
#: Files in flight per worker: enough to keep the pool busy, few enough to keep memory flat.
IN_FLIGHT_PER_WORKER = 4


def process_file(path: str | Path) -> ParsedDocument:
    """Extract, normalise and parse one file. Never raises: a failure becomes an issue."""
    path = Path(path)
    try:
        raw = extract(path)
        if raw.text is None:
            return ParsedDocument(str(path), raw.sha256, raw.size, raw.media_type, raw.encoding,
                                  issues=list(raw.issues))
        return parse(normalise(raw))
    except Exception as exc:  # a parser bug must not stop the run; record it instead
        data = path.read_bytes() if path.is_file() else b""
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return ParsedDocument(
            str(path), hashlib.sha256(data).hexdigest(), len(data), "application/octet-stream", None,
            issues=[Issue("error", "internal_error",
                          f"The parser failed on this file ({type(exc).__name__}: {exc} at "
                          f"{Path(where.filename).name}:{where.lineno}). Please report it with the file.")],
        )


def current_parser_version() -> str:
    """The parser version now (read at call time so a test can change it)."""
    return model.PARSER_VERSION


# --------------------------------------------------------------------------- finding files


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file under `paths` (files as given; folders recursively, sorted), skipping hidden entries."""
    for given in paths:
        given = Path(given)
        if given.is_file():
            yield given.resolve()
            continue
        for root, dirs, files in os.walk(given):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    yield (Path(root) / name).resolve()


def count_files(paths: Iterable[str | Path]) -> int:
    """How many files `iter_files` will yield (a cheap walk, for the progress bar)."""
    return sum(1 for _ in iter_files(paths))


def sha256_file(path: Path) -> str:
    """SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


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


def _watch_parent(parent_pid: int) -> None:
    """Worker initializer: exit when the run that started the pool is gone.

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

    def __init__(self, workers: int, timeout: float | None = None) -> None:
        self.workers = workers
        self.timeout = timeout
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
        self.pending[self.executor.submit(_parse_task, task.path)] = task
        return []

    def collect(self, block: bool) -> list[tuple[Task, ParsedDocument]]:
        """Results that are ready (waiting for at least one when `block`)."""
        if not self.pending:
            return []
        done, _ = wait(list(self.pending), timeout=self.timeout if block else 0, return_when=FIRST_COMPLETED)
        if block and not done:
            # nothing finished for `timeout` seconds: every running parse is stuck that long; break the pool
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
            return alone.submit(_parse_task, task.path).result(timeout=self.timeout)
        except BrokenProcessPool:
            return _crashed(task)
        except TimeoutError:
            self._kill(alone)
            return _timed_out(task, self.timeout or 0)
        finally:
            alone.shutdown(wait=False, cancel_futures=True)

    def _executor(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=self.ctx, initializer=_watch_parent, initargs=(os.getpid(),))

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
) -> RunSummary:
    """Load every file under `paths` into the warehouse at `conninfo` (see the module docstring).

    `migrate` is called once the lock is held (so two first runs cannot race on the migrations).
    `on_progress(kind, n)` is called with ``total`` once, then with ``unchanged``/``new``/``failed`` per file.
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
        load.mark_interrupted_runs(conn)
        run_id = load.start_run(conn, command, version)
        counts = load.RunCounts()
        unreadable: list[str] = []
        previous = signal.signal(signal.SIGTERM, _on_sigterm) if _main_thread() else None
        try:
            loader = load.Loader(conn, run_id, version, reparse)
            if aliases is not None:
                loader.apply_aliases(load.read_alias_file(aliases))
            if corrections is not None:  # synced every run: a removed line is undone, no re-parse needed
                from etl.corrections import read_corrections

                load.sync_corrections(conn, read_corrections(corrections), str(corrections))
            progress("total", count_files(paths))
            _load_all(paths, loader, counts, workers, max_file_bytes, parse_timeout, unreadable, progress)
        except (Interrupted, KeyboardInterrupt) as exc:
            _finish_quietly(conn, run_id, counts, "interrupted", f"The run was stopped ({exc or 'Ctrl-C'}); "
                            "documents committed before that are kept. Run it again to finish.")
            raise
        except BaseException as exc:
            _finish_quietly(conn, run_id, counts, "failed", f"{type(exc).__name__}: {exc}"[:2000])
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


def _finish_quietly(conn, run_id: int, counts, status: str, message: str) -> None:
    """Record how the run ended, if the connection still works (else `etl status` shows it interrupted)."""
    import psycopg

    from etl import load

    with contextlib.suppress(psycopg.Error):
        load.finish_run(conn, run_id, counts, status, message)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _load_all(paths, loader, counts, workers: int, max_file_bytes: int, parse_timeout: float | None,
              unreadable: list[str], progress: Callable[[str, int], None]) -> None:
    from etl.load import FileStat, save_counts

    stats: dict[str, FileStat] = {}
    seen_hashes: set[str] = set()  # content submitted in this run: a second copy only links its path
    duplicates: list[Task] = []

    def load(results: list[tuple[Task, ParsedDocument]]) -> None:
        for task, doc in results:
            stat = stats.pop(task.path)
            result = loader.load(doc, stat, counts)
            progress("failed" if result.status == "failed" else result.status, 1)

    with ParsePool(workers, parse_timeout) as pool:
        for batch in _batches(iter_files(paths), PLAN_BATCH):
            touched: list[str] = []
            known_files = loader.known_files([str(p) for p in batch])
            to_hash: list[tuple[Path, os.stat_result]] = []
            for path in batch:
                counts.files_seen += 1
                try:
                    st = path.stat()
                except OSError as exc:
                    unreadable.append(f"{path} ({exc.strerror})")
                    counts.files_failed += 1
                    progress("failed", 1)
                    continue
                known = known_files.get(str(path))
                if (known and known.size_bytes == st.st_size and known.mtime_ns == st.st_mtime_ns
                        and loader.is_current(known)):
                    touched.append(str(path))
                    counts.files_unchanged += 1
                    progress("unchanged", 1)
                else:
                    to_hash.append((path, st))
            loader.touch_files(touched)
            hashed: list[Task] = []
            for path, st in to_hash:
                try:
                    hashed.append(Task(str(path), st.st_size, st.st_mtime_ns, sha256_file(path)))
                except OSError as exc:
                    unreadable.append(f"{path} ({exc.strerror})")
                    counts.files_failed += 1
                    progress("failed", 1)
            known_docs = loader.known_documents([t.sha256 for t in hashed])
            for task in hashed:
                stat = FileStat(task.path, task.size_bytes, task.mtime_ns)
                known = known_docs.get(task.sha256)
                if known and loader.is_current(known):
                    loader.link_file(stat, task.sha256, known.id)
                    counts.files_unchanged += 1
                    progress("unchanged", 1)
                    continue
                if task.sha256 in seen_hashes:
                    duplicates.append(task)  # linked once the first copy is loaded
                    continue
                stats[task.path] = stat
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
            loader.link_file(FileStat(task.path, task.size_bytes, task.mtime_ns), task.sha256,
                             known_docs[task.sha256].id)
            counts.files_unchanged += 1
            progress("unchanged", 1)
    save_counts(loader.conn, loader.run_id, counts)
    loader.conn.commit()


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
