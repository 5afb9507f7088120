"""Bounded fuzzing in CI: arbitrary bytes and mutated example reports never crash a stage; a run records all."""

from __future__ import annotations

import hashlib
import os
import random
import tempfile
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl import fuzz, pipeline
from etl.extract import extract_bytes

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples" / "reports").iterdir())
CRASHES = {"internal_error", "worker_crashed", "extract_failed", "normalise_step_failed"}


def parse_bytes(data: bytes, suffix: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        return pipeline.process_file(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000), st.sampled_from([".txt", ".html", ".pdf", ".docx"]))
def test_arbitrary_bytes_never_crash_a_stage(data, suffix):
    doc = parse_bytes(data, suffix)
    assert not {i.code for i in doc.issues} & CRASHES, doc.issues
    assert (doc.sha256, doc.size) == (hashlib.sha256(data).hexdigest(), len(data))  # recorded as what it is


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(EXAMPLES), st.sampled_from(sorted(fuzz.MUTATIONS)), st.integers(0, 2**32))
def test_mutated_examples_never_crash_and_one_byte_keeps_the_encoding(source, mutation, seed):
    data = source.read_bytes()
    damaged = fuzz.MUTATIONS[mutation](data, random.Random(seed))
    doc = parse_bytes(damaged, source.suffix)
    assert not {i.code for i in doc.issues} & CRASHES, doc.issues
    if mutation in fuzz.SINGLE_BYTE:
        clean = extract_bytes(data, source.name)
        after = extract_bytes(damaged, source.name)
        assert after.text is not None and after.encoding == clean.encoding, (mutation, after.issues)


@pytest.mark.db
def test_a_run_over_mutated_files_records_every_path(tmp_path, conninfo):
    rng = random.Random(15)
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(16):
        source, mutation = rng.choice(EXAMPLES), rng.choice(sorted(fuzz.MUTATIONS))
        (folder / f"{i:02d}_{mutation}{source.suffix}").write_bytes(
            fuzz.MUTATIONS[mutation](source.read_bytes(), random.Random(i)))
    os.mkfifo(folder / "fifo.txt")
    os.symlink(folder / "gone.txt", folder / "dangling.txt")
    summary = pipeline.run([folder], conninfo, workers=2, parse_timeout=60)
    assert summary.status == "succeeded"
    walked = {pipeline.shown_path(p.path if isinstance(p, pipeline.Skipped) else p) for p in pipeline.walk([folder])}
    with psycopg.connect(conninfo) as conn:
        recorded = {r[0] for r in conn.execute("SELECT path FROM ingest.source_file")}
        crashes = conn.execute("SELECT count(*) FROM ingest.parse_issue WHERE code = ANY(%s)",
                               (sorted(CRASHES),)).fetchone()[0]
    assert walked == recorded and len(walked) == 18
    assert crashes == 0
