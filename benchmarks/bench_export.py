"""Benchmark `etl export` on a large view (a script, not a test): rows/s and peak memory.

    python benchmarks/bench_export.py --rows 2000000
    python benchmarks/bench_export.py --rows 500000 --database-url postgresql://postgres@127.0.0.1:5432/postgres

Creates analytics.bench_export (id, a numeric figure without declared scale, a rate, a boolean, a text
and a date per row, a tenth of the figures NULL) in a fresh database, then exports it to Parquet and to
CSV in a child process each and prints rows/s and the child's peak RSS. Memory should stay near the
same figure whatever --rows is: Parquet holds one batch of etl.export.BATCH_ROWS rows, CSV one COPY chunk.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import psycopg
from bench_pipeline import fresh_database

from etl.database import libpq_url, upgrade

VIEW = """
CREATE VIEW analytics.bench_export AS
SELECT g AS id,
       CASE WHEN g % 10 = 0 THEN NULL ELSE (g % 997)::numeric END AS figure,
       round((g % 97)::numeric / 97, 4) AS rate,
       g % 2 = 0 AS even,
       '示例机关' || (g % 1000) AS agency_name,
       DATE '2015-01-01' + (g % 3000) AS day
FROM generate_series(1, %(rows)s) g
"""


def _export(conninfo: str, fmt: str, target: str, queue) -> None:
    import pyarrow.parquet  # noqa: F401 - imported before the clock starts (it pulls in pandas)

    from etl.export import write_csv, write_parquet

    started = time.perf_counter()
    with psycopg.connect(conninfo) as conn:
        if fmt == "parquet":
            write_parquet(conn, "bench_export", Path(target))
        else:
            with open(target, "wb") as handle:
                write_csv(conn, "bench_export", handle)
    queue.put((time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--database-url", help="an admin URL of another server (default: embedded)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        url, drop = fresh_database(args.database_url, Path(tmp))
        try:
            upgrade(url)
            conninfo = libpq_url(url)
            with psycopg.connect(conninfo) as conn:
                conn.execute(VIEW.replace("%(rows)s", str(int(args.rows))))
            context = multiprocessing.get_context("spawn")  # a clean child: its peak RSS is the export's
            for fmt in ("parquet", "csv"):
                queue = context.Queue()
                target = str(Path(tmp) / f"bench.{fmt}")
                child = context.Process(target=_export, args=(conninfo, fmt, target, queue))
                child.start()
                seconds, peak_kb = queue.get()
                child.join()
                size = Path(target).stat().st_size / 2**20
                print(f"{fmt:8} {args.rows:>10,} rows in {seconds:6.1f} s  {args.rows / seconds:>10,.0f} rows/s  "
                      f"peak RSS {peak_kb / 1024:5.0f} MB  file {size:6.1f} MB")
        finally:
            drop()


if __name__ == "__main__":
    main()
