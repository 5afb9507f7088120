"""Parsing fanned out on a Dask distributed cluster: what `etl run --scheduler ADDRESS` uses.

`DaskPool` has the interface of `pipeline.ParsePool` (submit / collect / full / pending), so the walk, the
planning, the loader, the run lock, the migrations and the bookkeeping stay on the coordinator, unchanged;
only parsing moves to the workers, and only parsed documents come back (every database write is the
coordinator's: connections stay one per run however many workers there are).

- **Tasks are batches of files** (`BATCH_FILES`), keyed by the parser version and the files' content hashes,
  so a batch submitted twice is computed once and a task run twice changes nothing (the loader writes).
  The path in a result is replaced by the coordinator's own, so a key never depends on where a copy lives.
- **Back-pressure**: at most `IN_FLIGHT_PER_THREAD` batches per worker thread are in flight; the run walks
  further only when one comes back, so memory stays flat on both sides however large the corpus.
- **A failure costs only its file**: a batch whose worker died (``KilledWorker``) or that failed is re-run
  file by file; a file that kills its worker alone is recorded as ``worker_crashed``. On a worker each file
  has its own clock (ETL_PARSE_TIMEOUT): a thread cannot take a signal, so the parse is stopped by raising
  `ParseTimeout` in its thread (see `_parse_with_deadline`). A parse stuck inside C code never sees that; the
  coordinator's backstop then re-runs the files in flight one by one and records the one that stays stuck
  as ``parse_timeout`` (restarting its worker where a nanny can).

Workers must read the same paths as the coordinator (shared storage) and run the same parser version
(checked at start). Memory caps are the worker's own (``dask worker --memory-limit``): a worker its nanny
kills over the limit is a ``KilledWorker``, so its file is recorded as ``worker_crashed``.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import threading
import time
from collections.abc import Callable
from typing import Any

from etl.model import ParsedDocument
from etl.pipeline import (
    BACKSTOP_GRACE,
    ParseTimeout,
    Task,
    _crashed,
    _failed_document,
    _parse_task,
    _timed_out,
    _warm_up,
    current_parser_version,
)

#: Files per Dask task: large enough that scheduling (~1 ms a task) is small beside parsing, small enough
#: that a re-run after a lost worker is cheap.
BATCH_FILES = 16
#: Batches in flight per worker thread: one running and one queued keeps every thread busy.
IN_FLIGHT_PER_THREAD = 2
#: Seconds to wait for the scheduler to answer when connecting.
CONNECT_TIMEOUT = 30


class DaskUnavailable(RuntimeError):
    """`--scheduler` was given but the dask extra is not installed."""


class ParserVersionMismatch(RuntimeError):
    """A worker runs another parser version than the coordinator (its results would be mislabelled)."""


def batch_key(tasks: list[Task], version: str, prefix: str = "etl-parse") -> str:
    """The Dask key of a batch: parser version and content hashes (not paths: see the module docstring)."""
    digest = hashlib.sha256("\n".join(t.sha256 for t in tasks).encode()).hexdigest()[:32]
    return f"{prefix}-{version}-{digest}"


def parse_batch(tasks: list[Task], seconds: float | None,
                parse: Callable[[str], ParsedDocument] | None = None) -> list[ParsedDocument]:
    """Worker side: parse each file of a batch under its own clock (never raises for one file's sake)."""
    parse = parse or _parse_task
    return [_parse_with_deadline(parse, task, seconds) for task in tasks]


def _parse_with_deadline(parse: Callable[[str], ParsedDocument], task: Task, seconds: float | None) -> ParsedDocument:
    """`parse(task.path)` stopped after `seconds`: the thread-safe counterpart of pipeline._deadline_call.

    Dask runs tasks in threads, where SIGALRM cannot reach; a timer raises `ParseTimeout` in this thread
    instead (delivered at the next Python instruction, like the signal in the local pool).
    """
    if not seconds:
        return parse(task.path)
    target = threading.get_ident()
    guard = threading.Lock()
    state = {"running": True}

    def expire() -> None:
        with guard:  # never raise into the thread once it has left the parse
            if state["running"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(ParseTimeout))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    try:
        try:
            timer.start()
            return parse(task.path)
        finally:
            with guard:
                state["running"] = False
            timer.cancel()
    except ParseTimeout:
        return _timed_out(task, seconds)


def _wait(futures: list[Any], timeout: float | None, *, every: bool) -> None:
    """Wait until one (or `every`) future is done, or `timeout` passes.

    distributed.wait looks for the process's default client, which a run does not set (set_as_default=False
    keeps a run from hijacking a notebook's client); done-callbacks work on any future.
    """
    done = threading.Semaphore(0)
    for future in futures:
        future.add_done_callback(lambda _f: done.release())
    deadline = None if timeout is None else time.monotonic() + timeout
    for _ in futures if every else futures[:1]:
        left = None if deadline is None else max(0.0, deadline - time.monotonic())
        if not done.acquire(timeout=left):
            return


def _worker_version() -> str:
    """The parser version a worker runs (read from its own etl.model, not through the coordinator's view)."""
    from etl import model

    return model.PARSER_VERSION


class DaskPool:
    """Parse on a Dask cluster with the interface of `pipeline.ParsePool` (see the module docstring).

    `address` is a scheduler address (``tcp://host:8786``) or anything `distributed.Client` accepts (a
    `LocalCluster`). `parse` replaces the per-file parse (tests); it must pickle.
    """

    def __init__(self, address: Any, timeout: float | None = None, *, batch_files: int = BATCH_FILES,
                 parse: Callable[[str], ParsedDocument] | None = None) -> None:
        try:
            from distributed import Client
        except ImportError as exc:
            raise DaskUnavailable("--scheduler needs Dask: pip install 'ogi-warehouse[dask]'") from exc
        self.timeout = timeout
        self.backstop = None if timeout is None else timeout + max(BACKSTOP_GRACE, timeout)
        self.batch_files = max(1, batch_files)
        self.parse = parse
        self.version = current_parser_version()
        self.client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        try:
            self._check_workers()
        except BaseException:
            self.client.close()
            raise
        threads = sum(self.client.nthreads().values()) or 1
        self.window = max(2, threads * IN_FLIGHT_PER_THREAD)
        self.buffer: list[Task] = []
        self.batches: dict[Any, list[Task]] = {}

    def _check_workers(self) -> None:
        self.client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        versions = self.client.run(_worker_version)
        wrong = {worker: v for worker, v in versions.items() if v != self.version}
        if wrong:
            raise ParserVersionMismatch(
                f"Dask workers run another parser version than this run ({self.version}): "
                + ", ".join(f"{w} has {v}" for w, v in sorted(wrong.items()))
                + ". Install the same etl version on every worker and restart them.")
        # load the lazily read tables on every worker before any file's clock starts
        self.client.run(_warm_up)

    def __enter__(self) -> DaskPool:
        return self

    def __exit__(self, *exc: object) -> None:
        for future in self.batches:
            with contextlib.suppress(Exception):
                future.cancel()
        self.batches.clear()
        self.client.close()

    @property
    def pending(self) -> list[Task]:
        """Files submitted whose result has not been collected yet (buffered or in flight)."""
        return [*self.buffer, *(t for tasks in self.batches.values() for t in tasks)]

    def full(self) -> bool:
        return len(self.batches) >= self.window

    def submit(self, task: Task) -> list[tuple[Task, ParsedDocument]]:
        """Queue a file; a full batch goes to the cluster. Results come from `collect`."""
        self.buffer.append(task)
        if len(self.buffer) >= self.batch_files:
            self._flush()
        return []

    def _flush(self) -> None:
        if not self.buffer:
            return
        tasks, self.buffer = self.buffer, []
        extra = () if self.parse is None else (self.parse,)
        future = self.client.submit(parse_batch, tasks, self.timeout, *extra,
                                    key=batch_key(tasks, self.version), pure=False, retries=0)
        self.batches[future] = tasks

    def collect(self, block: bool) -> list[tuple[Task, ParsedDocument]]:
        """Results that are ready (waiting for at least one batch when `block`)."""
        if block and not self.batches:
            # nothing else to wait for: a partial batch goes now rather than wait for company (while batches
            # are in flight the buffer keeps filling, so batches stay full-sized)
            self._flush()
        if not self.batches:
            return []
        done = [f for f in self.batches if f.done()]
        if block and not done:
            _wait(list(self.batches), self.backstop, every=False)
            done = [f for f in self.batches if f.done()]
            if not done:
                # nothing came back for the backstop time: every batch in flight is stuck where the worker's
                # own clock cannot reach; give them up and parse their files one by one
                stuck = list(self.batches)
                self._restart_workers_of(stuck)
                results: list[tuple[Task, ParsedDocument]] = []
                for future in stuck:
                    future.cancel()
                    results += self._isolated(self.batches.pop(future))
                return results
        results = []
        for future in done:
            tasks = self.batches.pop(future)
            if future.status == "finished":
                try:
                    results += list(zip(tasks, future.result(), strict=True))
                    continue
                except Exception:  # a result that did not unpickle: find the file that did it
                    pass
            results += self._isolated(tasks)  # a worker died (KilledWorker) or the task failed
        return results

    def _isolated(self, tasks: list[Task]) -> list[tuple[Task, ParsedDocument]]:
        """Parse each file of a failed batch alone, so only the file that fails is recorded as failed."""
        extra = () if self.parse is None else (self.parse,)
        alone = [(task, self.client.submit(parse_batch, [task], self.timeout, *extra, pure=False, retries=0,
                                           key=batch_key([task], self.version, "etl-parse-alone") + f"-{id(task)}"))
                 for task in tasks]
        deadline = None if self.backstop is None else time.monotonic() + self.backstop + 5 * len(tasks)
        results, stuck = [], []
        for task, future in alone:
            # result() rather than done(): a result lost with a dying worker is computed again meanwhile
            left = None if deadline is None else max(1.0, deadline - time.monotonic())
            results.append((task, self._outcome(task, future, left)))
            if not future.done():
                stuck.append(future)
        if stuck:
            self._restart_workers_of(stuck)
            for future in stuck:
                future.cancel()
        return results

    def _outcome(self, task: Task, future: Any, timeout: float | None) -> ParsedDocument:
        from distributed import KilledWorker

        try:
            return future.result(timeout=timeout)[0]
        except TimeoutError:
            return _timed_out(task, self.timeout or 0)
        except KilledWorker:
            return _crashed(task)
        except MemoryError:
            return _failed_document(task, "too_complex", "The file needed more memory than the Dask worker "
                                    "allows; it was recorded but not parsed.")
        except Exception as exc:
            return _failed_document(task, "internal_error",
                                    f"The parser failed on this file ({type(exc).__name__}: {exc}).")

    def _restart_workers_of(self, futures: list[Any]) -> None:
        """Restart the workers running stuck parses where a nanny can (their threads cannot be stopped)."""
        keys = {f.key for f in futures}
        with contextlib.suppress(Exception):
            busy = [worker for worker, running in self.client.processing().items() if keys & set(running)]
            if busy:
                self.client.restart_workers(busy, timeout=CONNECT_TIMEOUT)
