"""Acceptance over the user's real reports in ../shared/seeds (skipped when absent).

No seed text is copied here: the checks are properties of the normalised text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etl.extract import extract
from etl.model import RawDocument
from etl.normalise import normalise
from etl.normalise.chrome import classify_line
from etl.normalise.mojibake import RUN, repair_run
from etl.normalise.pinyin import GLOSS, is_pinyin

SEEDS = Path(__file__).resolve().parent.parent / ".." / "shared" / "seeds"
pytestmark = pytest.mark.seeds


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


def seed(prefix: str):  # type: ignore[no-untyped-def]
    matches = [p for p in seed_files() if p.name.startswith(prefix)]
    if not matches:
        pytest.skip(f"seed {prefix} not available in {SEEDS}")
    return normalise(extract(matches[0]))


@pytest.fixture(params=range(5), ids=lambda i: f"seed{i:03d}")
def clean(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    return seed(f"{request.param:03d}_")


def test_seed_normalises_without_a_failed_repair(clean) -> None:  # type: ignore[no-untyped-def]
    assert [i for i in clean.issues if i.code == "normalise_step_failed"] == []


def test_seed_has_no_pinyin_glosses(clean) -> None:  # type: ignore[no-untyped-def]
    assert [m.group() for m in GLOSS.finditer(clean.text) if is_pinyin(m.group(1))] == []


def test_seed_has_no_repairable_shifted_runs(clean) -> None:  # type: ignore[no-untyped-def]
    assert [m.group() for m in RUN.finditer(clean.text) if repair_run(m.group(1), m.group(2))] == []


def test_seed_has_no_chrome_lines(clean) -> None:  # type: ignore[no-untyped-def]
    assert [line for line in clean.text.splitlines() if classify_line(line)] == []


def test_seed_is_simplified_with_halfwidth_digits(clean) -> None:  # type: ignore[no-untyped-def]
    assert not re.search(r"[０-９]", clean.text)
    assert not re.search(r"[們國際這會開發關於與]", clean.text)


def test_seed_normalisation_is_idempotent(clean) -> None:  # type: ignore[no-untyped-def]
    again = normalise(RawDocument(".", "", 0, "text/plain", clean.text, "utf-8"))
    assert again.text == clean.text


def test_seed_004_date_and_subheadings_are_repaired() -> None:
    clean = seed("004_")
    assert "2016年3月12日" in clean.text
    starts = [line[:3] for line in clean.text.splitlines()]
    for ordinal in "一二三四五":
        assert f"（{ordinal}）" in starts
    assert "</span>" not in clean.text
    assert "(lǐng)" not in clean.text
    kinds = {r.kind: r.count for r in clean.repairs}
    assert kinds["pinyin_gloss"] >= 200
    assert kinds["gbk_shift"] >= 5


def test_seed_002_unrecoverable_run_is_reported_with_its_position() -> None:
    clean = seed("002_")
    issues = [i for i in clean.issues if i.code == "unrepairable_mojibake"]
    assert len(issues) == 1
    assert clean.text[issues[0].start : issues[0].start + 3] == "?,F"


def test_seed_000_taiwan_vocabulary_and_encyclopedia_chrome() -> None:
    clean = seed("000_")
    assert "门户网站" in clean.text
    assert "入口网站" not in clean.text
    for chrome in ("基本介绍", "相关词条", "热门词条", "联络我们"):
        assert chrome not in clean.text


def test_seed_003_keeps_the_truncation_marker_the_parser_needs() -> None:
    clean = seed("003_")
    assert "此处隐藏" in clean.text
    assert "200xx年" in clean.text  # placeholders are the parser's to report, not ours to fix
