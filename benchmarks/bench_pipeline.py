"""Benchmark the pipeline on N synthetic reports of both eras (a script, not a test).

    python benchmarks/bench_pipeline.py --n 10000
    python benchmarks/bench_pipeline.py --n 2000 --database-url postgresql://postgres@127.0.0.1:5432/postgres

Prints, for one fresh database: parse reports/s (process pool, no database), the full `etl run`
(reports/s), the loader's share of that run (reports/s and rows/s), peak RSS of the main process
and of the largest worker, a no-op rerun's time, how many of the known values the parser
recovered, and the COPY loader against pandas.DataFrame.to_sql writing the same fact rows.
Then, in a second fresh database, the loader alone writing every known value as a fact (what it
will write once the parsers are complete: ~110 fact rows per report).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import sys
import tempfile
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg

from etl import load, pipeline
from etl.database import libpq_url, upgrade
from etl.model import Agency, Fact, ParsedDocument, Report
from etl.synthetic import iter_corpus


def mb(kilobytes: int) -> str:
    return f"{kilobytes / 1024:.0f} MB"


def fresh_database(admin_url: str | None, workdir: Path) -> tuple[str, callable]:
    """A fresh empty database (embedded server in `workdir` unless an admin URL is given) and its cleanup."""
    from sqlalchemy.engine import make_url

    if admin_url is None:
        import pgserver

        server = pgserver.get_server(workdir / "pgdata", cleanup_mode="stop")
        admin_url = server.get_uri("postgres")
    name = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(admin_url).set(drivername="postgresql+psycopg", database=name)

    def drop() -> None:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return url, drop


def parse_only(files: list[str], workers: int) -> float:
    """Seconds to parse every file in a pool (results discarded)."""
    started = time.perf_counter()
    with ProcessPoolExecutor(workers, mp_context=pipeline._pool_context()) as pool:
        for _ in pool.map(pipeline._parse_task, files, chunksize=64):
            pass
    return time.perf_counter() - started


def stored_values(conn) -> set[tuple]:
    """(path, table, key…, value) of every fact in the warehouse, in the synthetic corpus's key shape."""
    queries = {
        "requests": "SELECT d.path, f.item, f.applicant, f.value FROM warehouse.requests f",
        "appeals": "SELECT d.path, f.proceeding, f.outcome, f.value FROM warehouse.appeals f",
        "disclosure_counts": "SELECT d.path, f.item, f.value FROM warehouse.disclosure_counts f",
    }
    joins = (" JOIN warehouse.report r ON r.id = f.report_id"
             " JOIN ingest.source_document d ON d.id = r.document_id")
    stored: set[tuple] = set()
    for table, query in queries.items():
        for path, *keys, value in conn.execute(query + joins):
            stored.add((path, table, *keys, int(value) if value == int(value) else value))
    return stored


def known_fact_rows(n: int, seed: int) -> list[tuple]:
    """The requests rows the synthetic reports state, shaped like warehouse.requests (report_id = index + 1)."""
    rows = []
    for index, (_, _, expected) in enumerate(iter_corpus(n, seed)):
        for key, value in expected.facts.items():
            if key[0] == "requests":
                rows.append((index + 1, key[1], key[2], Decimal(value), "件", False, False, "table", None, 0, 1,
                             "synthetic evidence row", None, None, None))
    return rows


def known_document(index: int, text: str, expected) -> ParsedDocument:
    """What a complete parser would return for a synthetic report: every known value as a fact."""
    facts = []
    for key, value in expected.facts.items():
        if key[0] == "requests":
            facts.append(Fact("requests", key[1], Decimal(value), 0, 1, "row", source="table", applicant=key[2]))
        elif key[0] == "appeals":
            facts.append(Fact("appeals", f"{key[1]}.{key[2]}", Decimal(value), 0, 1, "row", source="table",
                              proceeding=key[1], outcome=key[2]))
        else:
            facts.append(Fact("disclosure_counts", key[1], Decimal(value), 0, 1, "row", source="table"))
    report = Report(text=text, title=text.splitlines()[0], agency=Agency(expected.agency), year=expected.year,
                    format=expected.format, facts=facts)
    sha = hashlib.sha256(f"known {index}".encode()).hexdigest()
    return ParsedDocument(f"/known/{index}.txt", sha, len(text), "text/plain", "utf-8", reports=[report])


def load_known(url, n: int, seed: int) -> tuple[float, int, int]:
    """Load n documents carrying all their known values with the Loader alone: seconds, reports, fact rows."""
    conn = load.connect(libpq_url(url))
    run_id = load.start_run(conn, "benchmark: known values", "bench")
    loader = load.Loader(conn, run_id, "bench")
    counts = load.RunCounts()
    seconds = 0.0
    for index, (_, text, expected) in enumerate(iter_corpus(n, seed)):
        doc = known_document(index, text, expected)
        started = time.perf_counter()
        loader.load(doc, load.FileStat(doc.path, doc.size, 0), counts)
        seconds += time.perf_counter() - started
    conn.close()
    return seconds, counts.reports_loaded, counts.facts_loaded


def copy_vs_to_sql(url, rows: list[tuple]) -> tuple[float, float]:
    """Seconds to write `rows` with COPY and with DataFrame.to_sql (multi-row INSERTs) into twin tables."""
    import pandas as pd
    import sqlalchemy as sa

    all_columns = ["report_id", "item", "applicant", *load.FACT_COLUMNS]
    # columns that are NULL in every row are left to their default: to_sql cannot type an all-None column
    keep = [i for i, _ in enumerate(all_columns) if any(row[i] is not None for row in rows[:1000])]
    columns = [all_columns[i] for i in keep]
    rows = [tuple(row[i] for i in keep) for row in rows]
    with psycopg.connect(libpq_url(url), autocommit=True) as conn:
        for name in ("bench_copy", "bench_to_sql"):
            conn.execute(f"DROP TABLE IF EXISTS public.{name}")
            conn.execute(f"CREATE TABLE public.{name} (LIKE warehouse.requests INCLUDING DEFAULTS INCLUDING IDENTITY)")
    with psycopg.connect(libpq_url(url)) as conn:
        started = time.perf_counter()
        with conn.cursor().copy(f"COPY public.bench_copy ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        conn.commit()
        copy_seconds = time.perf_counter() - started
    frame = pd.DataFrame(rows, columns=columns)
    frame["value"] = frame["value"].astype(float)
    engine = sa.create_engine(url)
    started = time.perf_counter()
    frame.to_sql("bench_to_sql", engine, schema="public", if_exists="append", index=False, method="multi",
                 chunksize=1000)
    to_sql_seconds = time.perf_counter() - started
    engine.dispose()
    return copy_seconds, to_sql_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000, help="synthetic reports (default 10000)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="parse processes (default: cores)")
    parser.add_argument("--database-url", help="admin URL of a server to create the fresh database on "
                        "(default: an embedded PostgreSQL in a temporary folder)")
    parser.add_argument("--compare-rows", type=int, default=100_000, help="rows for COPY vs to_sql (default 100000)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="etl-bench-") as tmp:
        workdir = Path(tmp)
        corpus = workdir / "reports"
        started = time.perf_counter()
        expected_facts = 0
        known: set[tuple] = set()  # (path, table, key…, value): what a perfect parser would store
        for relative, text, expected in iter_corpus(args.n, args.seed):
            target = corpus / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            expected_facts += len(expected.facts)
            known.update((str(target), *key, value) for key, value in expected.facts.items())
        size = sum(p.stat().st_size for p in pipeline.iter_files([corpus]))
        print(f"corpus: {args.n} reports, {size / 2**20:.1f} MB, {expected_facts} known values, "
              f"written in {time.perf_counter() - started:.1f} s; {args.workers} worker(s)")

        url, drop = fresh_database(args.database_url, workdir)
        try:
            upgrade(url)
            conninfo = libpq_url(url)

            # the loader's share of the run, timed around each document's transaction
            load_seconds = 0.0
            original = load.Loader.load

            def timed(self, *a, **k):
                nonlocal load_seconds
                t = time.perf_counter()
                try:
                    return original(self, *a, **k)
                finally:
                    load_seconds += time.perf_counter() - t

            load.Loader.load = timed
            started = time.perf_counter()
            summary = pipeline.run([corpus], conninfo, workers=args.workers)
            run_seconds = time.perf_counter() - started
            load.Loader.load = original
            peak_main = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            peak_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss

            with psycopg.connect(conninfo) as conn:
                rows = sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (
                    "ingest.source_document", "ingest.source_file", "ingest.parse_issue", "warehouse.report",
                    "warehouse.section", "warehouse.requests", "warehouse.appeals", "warehouse.disclosure_counts",
                    "warehouse.improvement_measures", "warehouse.check_result", "warehouse.agency",
                    "warehouse.agency_alias"))
                facts = sum(conn.execute(f"SELECT count(*) FROM warehouse.{t}").fetchone()[0]
                            for t in ("requests", "appeals", "disclosure_counts"))
                stored = stored_values(conn)

            started = time.perf_counter()
            rerun = pipeline.run([corpus], conninfo, workers=args.workers)
            noop_seconds = time.perf_counter() - started

            files = [str(p) for p in pipeline.iter_files([corpus])]
            parse_seconds = parse_only(files, args.workers)

            compare = known_fact_rows(args.n, args.seed)[: args.compare_rows]
            copy_seconds, to_sql_seconds = copy_vs_to_sql(url, compare)
        finally:
            drop()

        # the loader with realistic row counts: every known value loaded as a fact, into another fresh database
        url, drop = fresh_database(args.database_url, workdir)
        try:
            upgrade(url)
            known_seconds, known_reports, known_facts = load_known(url, args.n, args.seed)
        finally:
            drop()

    c = summary.counts
    print(f"parse only (pool, no database): {args.n / parse_seconds:8.0f} reports/s ({parse_seconds:.1f} s)")
    print(f"etl run end to end:             {c.reports_loaded / run_seconds:8.0f} reports/s ({run_seconds:.1f} s, "
          f"{c.files_new} new, {c.files_failed} failed)")
    print(f"loader alone:                   {c.reports_loaded / load_seconds:8.0f} reports/s, "
          f"{rows / load_seconds:8.0f} rows/s ({rows} rows in {load_seconds:.1f} s)")
    print(f"loader with all known values:   {known_reports / known_seconds:8.0f} reports/s, "
          f"{known_facts / known_seconds:8.0f} fact rows/s ({known_facts} facts in {known_seconds:.1f} s)")
    print(f"peak RSS: main process {mb(peak_main)}, largest worker {mb(peak_child)}")
    print(f"no-op rerun: {noop_seconds:.2f} s ({rerun.counts.files_unchanged} unchanged, {rerun.counts.files_new} new)")
    found = len(known & stored)
    print(f"known values recovered by the parser: {found} of {len(known)} ({100 * found / max(1, len(known)):.2f}%); "
          f"{len(stored - known)} stored values not among them (of {facts} fact rows)")
    print(f"same {len(compare)} fact rows: COPY {len(compare) / copy_seconds:8.0f} rows/s ({copy_seconds:.2f} s)  |  "
          f"DataFrame.to_sql(method='multi') {len(compare) / to_sql_seconds:8.0f} rows/s ({to_sql_seconds:.2f} s)  "
          f"→ COPY {to_sql_seconds / copy_seconds:.1f}× faster")


if __name__ == "__main__":
    main()
