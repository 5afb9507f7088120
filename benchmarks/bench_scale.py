"""Scale-out benchmark: the local pool against a Dask LocalCluster on the same synthetic reports (a script).

    .venv/bin/python benchmarks/bench_scale.py --n 2000 [--workers 2] [--database-url postgresql://…]

Prints, for N synthetic reports (etl.synthetic, both eras):

- parse only, one process: reports/s per core (extract + normalise + parse, no database);
- parse only, the local process pool of `--workers`: reports/s, and per core;
- `etl run` end to end into a fresh database with the local pool of `--workers` processes;
- `etl run` end to end into another fresh database with parsing on a Dask `LocalCluster` of `--workers`
  worker processes (one thread each), database writes in this process as always;

and checks that both runs loaded the same row counts. Needs the [dask] extra. On a shared machine the
figures move with the other load: run it twice and keep the better of each.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import psycopg
from bench_pipeline import fresh_database, parse_only

from etl import pipeline
from etl.database import libpq_url, upgrade
from etl.synthetic import write_corpus

TABLES = ("ingest.source_document", "warehouse.report", "warehouse.requests", "warehouse.appeals",
          "warehouse.disclosure_counts", "ingest.parse_issue")


def row_counts(conninfo: str) -> dict[str, int]:
    with psycopg.connect(conninfo) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def timed_run(folder: Path, admin_url: str | None, workdir: Path, **options) -> tuple[float, dict[str, int], int]:
    """Seconds of one `etl run` into a fresh migrated database, its row counts and reports loaded."""
    url, drop = fresh_database(admin_url, workdir)
    try:
        upgrade(url)
        conninfo = libpq_url(url)
        started = time.perf_counter()
        summary = pipeline.run([folder], conninfo, **options)
        seconds = time.perf_counter() - started
        return seconds, row_counts(conninfo), summary.counts.reports_loaded
    finally:
        drop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--database-url", default=None, help="admin URL of a server (default: embedded)")
    args = parser.parse_args()
    from distributed import LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        folder = workdir / "reports"
        write_corpus(folder, args.n)
        files = [str(p) for p in pipeline.iter_files([folder])]
        print(f"{args.n} synthetic reports, {args.workers} worker(s), {os.cpu_count()} core(s) on this machine")

        sample = files[: max(1, min(len(files), 500))]
        pipeline._warm_up()
        started = time.perf_counter()
        for path in sample:
            pipeline.process_file(path)
        one = len(sample) / (time.perf_counter() - started)
        print(f"parse only, one process          {one:8.0f} reports/s per core")
        pooled = len(files) / parse_only(files, args.workers)
        per_core = pooled / args.workers
        print(f"parse only, pool of {args.workers}            {pooled:8.0f} reports/s ({per_core:.0f} per core)")

        local_s, local_rows, local_n = timed_run(folder, args.database_url, workdir, workers=args.workers)
        print(f"etl run, local pool of {args.workers}        {local_n / local_s:8.0f} reports/s ({local_s:.1f} s)")
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                          dashboard_address=":0") as cluster:
            dask_s, dask_rows, dask_n = timed_run(folder, args.database_url, workdir, workers=0,
                                                  scheduler=cluster.scheduler_address)
        print(f"etl run, Dask LocalCluster of {args.workers} {dask_n / dask_s:8.0f} reports/s ({dask_s:.1f} s, "
              f"{100 * (dask_n / dask_s) / (local_n / local_s):.0f}% of the local pool)")
        print("same rows loaded by both runs:", "yes" if dask_rows == local_rows else f"NO {local_rows} {dask_rows}")


if __name__ == "__main__":
    main()
