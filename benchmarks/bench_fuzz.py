"""Fuzz benchmark: mutated reports and hostile paths through the real pool and `etl run` (a script, not a test).

    .venv/bin/python benchmarks/bench_fuzz.py [--inputs 10000] [--workers 2] [--run-files 300]
                                              [--seeds ../shared/seeds] [--json out.json]

Part 1 (parse): each input is a file from examples/reports (and the seeds, when present) damaged by one
mutation of etl.fuzz (half of them a single damaged byte: bit flip, random byte, NUL; the rest insertions,
deletions, truncation, duplicated spans, a 29-digit number, rich markup, a span bomb, 100,000 nested
<div>, a two-million-character line, re-encoding). They go through pipeline.ParsePool exactly as in a
run (worker timeout, memory cap, crash isolation). Reported: crashes (internal_error, worker_crashed,
or an exception out of the pool), hangs (parse_timeout), too_complex, peak worker memory (max RSS), and
for single damaged bytes in text files the share of reports that kept every fact not on a damaged line.

Part 2 (run): a folder of mutated files plus every hostile path (non-UTF-8 name, names holding [/x],
a symlink loop, a dangling link, a FIFO, a link to /dev/zero, a socket, a link back to an ancestor)
loaded twice with `etl run` in a subprocess (embedded database in a temporary ETL_HOME unless
DATABASE_URL is set). Reported: aborted runs (exit code ≠ 0), tracebacks on stderr, and paths with
no ingest.source_file row.

Mutated inputs exist only in temporary directories; nothing of the seeds is written to the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from etl import fuzz, pipeline  # noqa: E402
from etl.extract import extract  # noqa: E402
from etl.model import Issue, ParsedDocument  # noqa: E402
from etl.normalise import normalise  # noqa: E402
from etl.parse import parse  # noqa: E402

EXAMPLES = REPO / "examples" / "reports"
CRASH_CODES = {"internal_error", "worker_crashed", "extract_failed", "normalise_step_failed"}
#: "path::mutation::seed" tasks are written to this folder in the worker (one per worker process).
SCRATCH = Path(tempfile.gettempdir()) / f"etl-fuzz-{os.getpid()}"


def mutated(source: str, mutation: str, seed: int) -> bytes:
    return fuzz.MUTATIONS[mutation](Path(source).read_bytes(), random.Random(seed))


def fuzz_task(spec: str) -> ParsedDocument:
    """Worker side (replaces pipeline._parse_task): write the mutated bytes, parse them like a run does."""
    source, mutation, seed = spec.rsplit("::", 2)
    folder = Path(os.environ.get("ETL_FUZZ_SCRATCH", tempfile.gettempdir())) / f"w{os.getpid()}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"input{Path(source).suffix}"
    path.write_bytes(mutated(source, mutation, int(seed)))
    started = time.monotonic()
    doc = pipeline.process_file(path)
    stats = {"maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "seconds": time.monotonic() - started}
    doc.issues.append(Issue("info", "fuzz_stats", json.dumps(stats)))
    return doc


def clean_parse(source: Path):
    raw = extract(source)
    if raw.text is None:
        return None, None
    clean = normalise(raw)
    return raw, fuzz.fact_lines(clean, parse(clean))


def part_parse(sources: list[Path], inputs: int, workers: int, timeout: float, memory_mb: int, seed: int,
               progress_every: int = 500) -> dict:
    rng = random.Random(seed)
    names = list(fuzz.MUTATIONS)
    clean = {str(s): clean_parse(s) for s in sources}
    specs = []
    for i in range(inputs):
        source = rng.choice(sources)
        mutation = rng.choice(fuzz.SINGLE_BYTE) if rng.random() < 0.5 else rng.choice(names)
        specs.append(f"{source}::{mutation}::{seed * 1_000_003 + i}")
    pipeline._parse_task = fuzz_task  # the pool pickles the current module global
    os.environ["ETL_FUZZ_SCRATCH"] = str(SCRATCH)
    codes: Counter[str] = Counter()
    by_mutation: dict[str, Counter[str]] = {}
    aborted = 0
    started = time.monotonic()
    try:
        with pipeline.ParsePool(workers, timeout, memory_mb * 2**20 or None) as pool:
            for n, spec in enumerate(specs, start=1):
                _account(pool.submit(pipeline.Task(spec, 0, 0, "0" * 64)), clean, codes, by_mutation)
                _account(pool.collect(block=pool.full()), clean, codes, by_mutation)
                if n % progress_every == 0:  # interim figures: a long run on a busy machine still reports
                    print(json.dumps({"submitted": n, "seconds": round(time.monotonic() - started),
                                      "crashes": sum(codes[c] for c in CRASH_CODES), "hangs": codes["parse_timeout"],
                                      "too_complex": codes["too_complex"],
                                      "peak_worker_rss_mb": round(_STATS["maxrss_kb"] / 1024, 1),
                                      "single_byte_reports": _STATS["single_reports"],
                                      "single_byte_kept": _STATS["kept"]}), file=sys.stderr, flush=True)
            while pool.pending:
                _account(pool.collect(block=True), clean, codes, by_mutation)
    except Exception as exc:  # an exception out of the pool is an aborted run
        aborted += 1
        print(f"ABORTED: {type(exc).__name__}: {exc}", file=sys.stderr)
    maxrss, slowest = _STATS["maxrss_kb"], _STATS["seconds"]
    kept, single_reports = _STATS["kept"], _STATS["single_reports"]
    return {
        "inputs": inputs, "sources": len(sources), "seconds": round(time.monotonic() - started, 1),
        "crashes": sum(codes[c] for c in CRASH_CODES), "hangs": codes["parse_timeout"],
        "too_complex": codes["too_complex"], "aborted": aborted,
        "peak_worker_rss_mb": round(maxrss / 1024, 1), "slowest_parse_s": round(slowest, 2),
        "single_byte_reports": single_reports,
        "single_byte_reports_kept_pct": round(100 * kept / single_reports, 2) if single_reports else None,
        "error_codes": dict(codes.most_common()),
        "by_mutation": {m: dict(c) for m, c in sorted(by_mutation.items())},
        "crash_examples": _STATS["crash_examples"][:10],
    }


_STATS: dict = {"maxrss_kb": 0, "seconds": 0.0, "kept": 0, "single_reports": 0, "crash_examples": []}


def _account(results, clean, codes: Counter, by_mutation: dict) -> None:
    for task, doc in results:
        source, mutation, seed = task.path.rsplit("::", 2)
        counter = by_mutation.setdefault(mutation, Counter())
        counter["inputs"] += 1
        for issue in doc.issues:
            if issue.code == "fuzz_stats":
                stats = json.loads(issue.message)
                _STATS["maxrss_kb"] = max(_STATS["maxrss_kb"], stats["maxrss_kb"])
                _STATS["seconds"] = max(_STATS["seconds"], stats["seconds"])
            elif issue.severity == "error":
                codes[issue.code] += 1
                counter[issue.code] += 1
                if issue.code in CRASH_CODES:
                    _STATS["crash_examples"].append(f"{Path(source).name} {mutation} {seed}: {issue.message[:200]}")
        raw, lines = clean[source]
        if mutation in fuzz.SINGLE_BYTE and lines is not None and raw.media_type == "text/plain":
            original = Path(source).read_bytes()
            damaged = mutated(source, mutation, int(seed))
            position = next((i for i, (a, b) in enumerate(zip(original, damaged, strict=True)) if a != b), None)
            touched = fuzz.damaged_lines(original, position) if position is not None else set()
            kept, total = fuzz.reports_kept(lines, doc, touched)
            _STATS["kept"] += kept
            _STATS["single_reports"] += total
            counter["reports_lost"] += total - kept


# --------------------------------------------------------------------------- part 2: etl run


def hostile_folder(folder: Path, sources: list[Path], files: int, seed: int) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(files):
        source = rng.choice(sources)
        mutation = rng.choice(list(fuzz.MUTATIONS))
        (folder / f"{i:05d}_{mutation}{source.suffix}").write_bytes(mutated(str(source), mutation, seed + i))
    raw = os.fsencode(folder)
    with open(raw + b"/name-\xff\xfe.txt", "wb") as handle:
        handle.write(sources[0].read_bytes())
    (folder / "odd[" / "x]").mkdir(parents=True)  # a path holding [/x]
    (folder / "odd[" / "x]" / "[bold]label.txt").write_bytes(sources[-1].read_bytes())
    os.symlink(folder / "loop_b", folder / "loop_a")
    os.symlink(folder / "loop_a", folder / "loop_b")
    os.symlink(folder / "nothing.txt", folder / "dangling.txt")
    os.mkfifo(folder / "fifo.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    os.symlink(folder, folder / "odd[" / "back")
    (folder / "locked").mkdir()
    (folder / "locked" / "inside.txt").write_bytes(sources[0].read_bytes())
    os.chmod(folder / "locked", 0)  # unreadable unless we are root


def part_run(sources: list[Path], files: int, workers: int, timeout: float, seed: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="etl-fuzz-run-") as tmp:
        folder = Path(tmp) / "reports"
        hostile_folder(folder, sources, files, seed)
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(folder / "socket"))
        env = {**os.environ, "ETL_HOME": str(Path(tmp) / "home"), "ETL_WORKERS": str(workers),
               "ETL_PARSE_TIMEOUT": str(timeout), "COLUMNS": "200"}
        runs = []
        try:
            for _ in range(2):  # the rerun must be as clean as the first run
                started = time.monotonic()
                done = subprocess.run([sys.executable, "-m", "etl", "run", str(folder), "--no-progress"], cwd=REPO,
                                      env=env, capture_output=True, text=True, timeout=3600)
                runs.append((done.returncode, done.stderr, done.stdout, time.monotonic() - started))
            status = subprocess.run([sys.executable, "-m", "etl", "status"], cwd=REPO, env=env, capture_output=True,
                                    text=True, timeout=600)
            url = subprocess.run([sys.executable, "-m", "etl", "db", "url"], cwd=REPO, env=env, capture_output=True,
                                 text=True, timeout=600).stdout.strip()
            recorded = _recorded_paths(url)
        finally:
            server.close()
            os.chmod(folder / "locked", 0o755)
            if not os.environ.get("DATABASE_URL"):
                subprocess.run([sys.executable, "-m", "etl", "db", "stop"], cwd=REPO, env=env, capture_output=True,
                               timeout=600)
        walked = {pipeline.shown_path(p.path if isinstance(p, pipeline.Skipped) else p)
                  for p in pipeline.walk([folder])}
        missing = sorted(walked - recorded)
        return {
            "files": files, "paths_walked": len(walked),
            "aborted_runs": sum(rc != 0 for rc, *_ in runs) + (status.returncode != 0),
            "tracebacks": sum("Traceback" in err for _, err, *_ in runs) + ("Traceback" in status.stderr),
            "paths_not_recorded": len(missing), "not_recorded_examples": missing[:10],
            "run_seconds": [round(s, 1) for *_, s in runs],
            "first_run_summary": runs[0][2].strip().splitlines()[:1],
            "stderr_tail": [err.strip().splitlines()[-3:] for _, err, *_ in runs if err.strip()],
        }


def _recorded_paths(url: str) -> set[str]:
    import psycopg

    with psycopg.connect(url) as conn:
        return {r[0] for r in conn.execute("SELECT path FROM ingest.source_file")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30.0, help="ETL_PARSE_TIMEOUT for both parts")
    parser.add_argument("--memory-mb", type=int, default=1024, help="ETL_WORKER_MEMORY_MB for part 1")
    parser.add_argument("--run-files", type=int, default=300, help="mutated files in the etl run folder (0: skip)")
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    sources = sorted(p for p in EXAMPLES.iterdir() if p.is_file())
    if args.seeds.is_dir():
        sources += sorted(args.seeds.glob("*.txt"))
    report = {"parse": part_parse(sources, args.inputs, args.workers, args.timeout, args.memory_mb, args.seed)}
    print(json.dumps(report["parse"], ensure_ascii=False, indent=1), flush=True)
    if args.run_files:
        report["run"] = part_run(sources, args.run_files, args.workers, args.timeout, args.seed)
        print(json.dumps(report["run"], ensure_ascii=False, indent=1))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
