"""The real-world corpus (tests/corpus): every gold file passes the checker, and accuracy never falls.

`floors.json` holds, per field family, the accuracy `etl score tests/corpus` measured when the floor was
last raised. Floors only go up: raise one in the same commit as the parser change that earns it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from etl.corpus import check_corpus, check_gold, load_exclusions, read_corpus_gold
from etl.score import score_folder

CORPUS = Path(__file__).resolve().parent / "corpus"
FLOORS = CORPUS / "floors.json"
EXCLUSIONS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus-exclusions.txt"

TEMPLATE_HTML = """<html><body><p>2021年某县水利局政府信息公开工作年度报告</p>
<table><tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td>
<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table></body></html>"""


def _write(tmp_path: Path, t4: dict, **extra) -> Path:
    (tmp_path / "reports").mkdir(exist_ok=True)
    (tmp_path / "gold").mkdir(exist_ok=True)
    (tmp_path / "reports" / "2021_xx_water.html").write_text(TEMPLATE_HTML, encoding="utf-8")
    gold = {
        "schema": "ogi-corpus/1", "file": "reports/2021_xx_water.html",
        "source": {"repo": "someone/crawl", "path": "water.html", "commit": None, "url": None},
        "copied": "written by the test", "is_report": True, "complete": False, "format": "2021-template",
        "media": "html", "damage": [], "year": 2021,
        "agency": {"name": "某县水利局", "province": None, "city": None, "county": None, "township": None,
                   "level": "county", "scope": "agency"},
        "tables": ["t4"], "appeals": t4, "approximate": [], "printed_inconsistencies": [],
        "improvement_measures_count": None, "notes": "", **extra,
    }
    path = tmp_path / "gold" / "2021_xx_water.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


def _t4(review_total: int = 1) -> dict:
    groups = {p: {o: 0 for o in ("upheld", "corrected", "other", "pending", "total")}
              for p in ("review", "litigation_direct", "litigation_after_review")}
    groups["review"]["upheld"] = 1
    groups["review"]["total"] = review_total
    return groups


def test_checker_accepts_a_consistent_gold_file(tmp_path):
    _write(tmp_path, _t4())
    assert check_corpus(tmp_path) == []


def test_checker_names_a_failed_identity_unless_declared(tmp_path):
    _write(tmp_path, _t4(review_total=0))
    assert any("t4_group/review" in p.message for p in check_corpus(tmp_path))
    _write(tmp_path, _t4(review_total=0), printed_inconsistencies=["t4_group/review"])
    assert check_corpus(tmp_path) == []


def test_checker_finds_missing_cells_unknown_keys_and_numbers_not_in_the_source(tmp_path):
    t4 = _t4()
    del t4["litigation_direct"]["pending"]
    t4["review"]["upheld"] = 7
    t4["review"]["total"] = 7
    t4["mediation"] = {"total": 1}
    messages = [p.message for p in check_corpus(_write(tmp_path, t4).parent.parent)]
    assert any("lacks 1 cell" in m for m in messages)
    assert any("unknown appeals key" in m for m in messages)
    assert any("= 7 does not occur in the source text" in m for m in messages)


def test_checker_refuses_excluded_sources(tmp_path):
    path = _write(tmp_path, _t4(), source={"repo": "someone/crawl", "path": "kept/for/eval/x.html"})
    gold = read_corpus_gold(path, tmp_path)
    assert any("excluded" in p.message for p in check_gold(gold, ["someone/crawl:kept/for/eval/"]))


def test_exclusion_file_is_read_into_repository_paths_and_addresses(tmp_path):
    listing = tmp_path / "ex.txt"
    listing.write_text("# comment\ngithub:a/b:some/dir/\nhttp://example.gov.cn/x.html\nfree text line\n",
                       encoding="utf-8")
    assert load_exclusions(listing) == ["a/b:some/dir/", "example.gov.cn/x.html"]


def test_every_corpus_gold_file_passes_the_checker():
    problems = check_corpus(CORPUS, exclusions=EXCLUSIONS)
    assert not problems, "\n".join(map(str, problems))


def test_corpus_accuracy_never_falls_below_its_floors():
    if not FLOORS.is_file():
        pytest.fail("tests/corpus/floors.json is missing")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    score = score_folder(CORPUS)
    measured = score.family_accuracy()
    fallen = {f: (measured.get(f, 0.0), floor) for f, floor in floors.items() if measured.get(f, 0.0) < floor}
    assert not fallen, f"accuracy below floor (measured, floor): {fallen}\n{score.format_table()}"
