"""Benchmark a re-parse against the first load (a script, not a test).

    python benchmarks/bench_reparse.py --n 1000 --n 10000
    python benchmarks/bench_reparse.py --n 2000 --database-url postgresql://postgres@127.0.0.1:5432/postgres

For each N: writes N synthetic reports, loads them into a fresh database (`etl run`), then runs
`etl run --reparse` over the same files, which replaces every document's rows. Prints both times and
their ratio: replacing a document's rows should cost about what writing them cost the first time,
whatever the size of the warehouse.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_pipeline import fresh_database

from etl import pipeline
from etl.database import libpq_url, upgrade
from etl.synthetic import iter_corpus


def measure(n: int, workers: int, seed: int, admin_url: str | None, workdir: Path) -> tuple[float, float, int]:
    corpus = workdir / f"reports-{n}"
    for relative, text, _ in iter_corpus(n, seed):
        target = corpus / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    url, drop = fresh_database(admin_url, workdir)
    try:
        upgrade(url)
        conninfo = libpq_url(url)
        started = time.perf_counter()
        first = pipeline.run([corpus], conninfo, workers=workers)
        first_seconds = time.perf_counter() - started
        started = time.perf_counter()
        again = pipeline.run([corpus], conninfo, workers=workers, reparse=True)
        reparse_seconds = time.perf_counter() - started
        assert again.counts.reports_loaded == first.counts.reports_loaded, "the re-parse loaded other reports"
        return first_seconds, reparse_seconds, first.counts.reports_loaded
    finally:
        drop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, action="append", help="synthetic reports (repeatable; default 1000)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--database-url", help="admin URL of a server to create the fresh databases on "
                        "(default: an embedded PostgreSQL in a temporary folder)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="etl-bench-reparse-") as tmp:
        for n in args.n or [1000]:
            first, again, reports = measure(n, args.workers, args.seed, args.database_url, Path(tmp))
            print(f"N={n:>6}: first load {first:7.1f} s ({reports / first:5.0f} reports/s), "
                  f"re-parse {again:7.1f} s ({reports / again:5.0f} reports/s), ratio {again / first:.2f}×")


if __name__ == "__main__":
    main()
