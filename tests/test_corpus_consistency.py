"""Over the real corpus (tests/corpus, when present): one agency gets one level and one scope every year.

Analysts roll agencies up by level and scope; an agency whose level or scope flips between years
would enter and leave those rollups. The rules decide both from the agency's name, so every report
the parser gives the same name must agree. Skipped when the corpus folder is absent.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from etl.pipeline import process_file

CORPUS = Path(__file__).resolve().parent / "corpus"


def _reports() -> list[tuple[str, str | None, str | None, int | None]]:
    out = []
    for gold_path in sorted((CORPUS / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if not gold.get("is_report", True):
            continue
        for report in process_file(CORPUS / gold["file"]).reports:
            if report.agency.name:
                out.append((report.agency.name, report.agency.level, report.agency.scope, report.year))
    return out


@pytest.mark.skipif(not (CORPUS / "gold").is_dir(), reason="the real corpus is not in this checkout")
def test_the_same_agency_gets_the_same_level_and_scope_every_year() -> None:
    seen: dict[str, set[tuple[str | None, str | None]]] = defaultdict(set)
    years: dict[str, set[int | None]] = defaultdict(set)
    for name, level, scope, year in _reports():
        seen[name].add((level, scope))
        years[name].add(year)
    assert any(len(y) > 1 for y in years.values()), "the corpus should hold an agency in several years"
    flipping = {name: sorted(map(str, pairs)) for name, pairs in seen.items() if len(pairs) > 1}
    assert flipping == {}
