"""Benchmark `etl cards` on N synthetic reports (a script, not a test).

    python benchmarks/bench_cards.py --n 10000
    python benchmarks/bench_cards.py --n 2000 --database-url postgresql://postgres@127.0.0.1:5432/postgres

Loads N invented reports (etl.synthetic) into a fresh database with `etl run`'s pipeline (not timed
against the target), then times the cards: reading the analytics views (`fetch`) and writing the site
(`build_site`), and prints the pages and bytes written. The target is < 60 s for 10 000 reports on the
2-core development machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import psycopg
from bench_pipeline import fresh_database

from etl import pipeline
from etl.cards import build_site, fetch
from etl.database import libpq_url, upgrade
from etl.synthetic import write_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000, help="synthetic reports (default 10000)")
    parser.add_argument("--workers", type=int, default=2, help="parse processes for the load")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="profile the page writing")
    parser.add_argument("--database-url", help="admin URL of a server to use instead of an embedded one")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-cards-") as tmp:
        workdir = Path(tmp)
        url, drop = fresh_database(args.database_url, workdir)
        try:
            upgrade(url)
            write_corpus(workdir / "reports", args.n, args.seed)
            started = time.monotonic()
            pipeline.run([workdir / "reports"], libpq_url(url), workers=args.workers)
            print(f"load: {args.n} reports in {time.monotonic() - started:.1f} s (not part of the target)")

            started = time.monotonic()
            timings: dict[str, float] = {}
            with psycopg.connect(libpq_url(url)) as conn:
                data = fetch(conn, libpq_url(url), timings)
            fetched = time.monotonic() - started
            print("queries (two at a time): " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
            if args.profile:
                import cProfile
                import pstats

                profiler = cProfile.Profile()
                profiler.enable()
            summary = build_site(data, workdir / "site")
            if args.profile:
                profiler.disable()
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(15)
            total = time.monotonic() - started
            size = sum(p.stat().st_size for p in (workdir / "site").rglob("*.html"))
            print(f"cards: read the views in {fetched:.1f} s ({len(data.headline)} primary reports, "
                  f"{len(data.provenance)} provenance rows), wrote {summary.files} pages "
                  f"({summary.agencies} agencies, {summary.regions} regions, {size / 1e6:.0f} MB) "
                  f"in {total - fetched:.1f} s; total {total:.1f} s")
        finally:
            drop()


if __name__ == "__main__":
    main()
