"""Score the parser against any labelled folder: the real-world corpus, the development set or the seeds.

Every labelled report runs through the real pipeline (`etl.pipeline.process_file`) and each labelled field
is compared with what the parser produced. A field is

- correct: gold states a value and the parser produced the same one;
- wrong: both state a value and they differ;
- missing: gold states a value, the parser produced none;
- spurious: gold says the report states nothing there (null or, for prose reports, unlabelled), the parser
  produced a value; a spurious 0 is also a *false zero* (unknown stored as zero), counted apart, unless the
  parser derived it from a template identity and flagged it ``inferred`` (an *inferred zero*: a blank cell the
  row's total forces to 0, which the views rank below printed values);
- absent: both state nothing (a blank template cell left blank): agreement.

Fields fall into families: ``metadata`` (is it a report, format, year, agency, region, level, scope,
completeness), ``table_cells`` (every cell of the labelled template tables) and ``prose_figures`` (every
other labelled number), plus ``measures`` (the count of enumerated improvement measures). Results are
broken down by format (template / prose / not_report) and completeness (complete / partial).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from etl.corpus import METADATA_FIELDS, Gold, Key, read_folder, table_keys
from etl.model import Fact, ParsedDocument, Report

STATUSES = ("correct", "wrong", "missing", "spurious", "absent")
FAMILIES = ("metadata", "table_cells", "prose_figures", "measures")
#: region fields are scored only where gold names the place (a parser may rightly infer more)
_ONLY_WHEN_STATED = ("province", "city", "county", "township", "level", "scope")
#: keys the corpus format does not label (FORMAT.md): a parser that stores them is not wrong
NOT_LABELLED: frozenset[Key] = frozenset({("disclosure_counts", "proactive.cumulative")})
#: request groups whose total a parser may give either directly or as its template sub-rows
_GROUPS = ("denied", "unable", "not_processed", "other")


@dataclass(frozen=True)
class FieldResult:
    """One labelled field of one report: gold value, produced value, verdict and where it belongs."""

    report: str
    family: str
    field: str
    gold: Any
    produced: Any
    status: str
    format_group: str
    completeness: str
    false_zero: bool = False
    approximate_mismatch: bool = False
    #: a spurious 0 the parser derived from an identity and flagged as inferred (not a false zero)
    inferred_zero: bool = False


def _key_name(key: Key) -> str:
    table = {"disclosure_counts": "disclosure"}.get(key[0], key[0])
    return "/".join((table, *key[1:]))


def fact_key(fact: Fact) -> Key:
    if fact.table == "requests":
        return ("requests", fact.item, fact.applicant or "total")
    if fact.table == "appeals":
        return ("appeals", fact.proceeding or "", fact.outcome or "total")
    return (fact.table, fact.item)


class Produced:
    """One report's facts by key; where both read one key, the table fact beats the prose fact."""

    def __init__(self, report: Report | None) -> None:
        self.facts: dict[Key, Fact] = {}
        for fact in report.facts if report else []:
            key = fact_key(fact)
            old = self.facts.get(key)
            if old is None or (old.source != "table" and fact.source == "table"):
                self.facts[key] = fact

    def inferred(self, key: Key) -> bool:
        fact = self.facts.get(key)
        return fact is not None and fact.inferred

    def value(self, key: Key) -> tuple[Decimal | None, bool]:
        """(value, approximate); a group total or an unsplit lawsuit count may be derived from its parts."""
        fact = self.facts.get(key)
        if fact is not None:
            return fact.value, fact.approximate
        parts: list[Key] = []
        if key[0] == "requests" and key[1] in _GROUPS:
            parts = [k for k in self.facts if k[0] == "requests" and k[1].startswith(key[1] + ".") and k[2] == key[2]]
        elif key[:2] == ("appeals", "litigation"):
            parts = [("appeals", "litigation_direct", key[2]), ("appeals", "litigation_after_review", key[2])]
            if any(p not in self.facts for p in parts):
                parts = []
        if not parts:
            return None, False
        values = [self.facts[p] for p in parts]
        return sum((f.value for f in values), Decimal(0)), any(f.approximate for f in values)


def _same(gold: Any, produced: Any) -> bool:
    numbers = (int, float, Decimal)
    if all(isinstance(v, numbers) and not isinstance(v, bool) for v in (gold, produced)):
        return Decimal(str(gold)) == Decimal(str(produced))
    return gold == produced


def _verdict(gold: Any, produced: Any) -> str:
    if gold is None:
        return "absent" if produced is None else "spurious"
    if produced is None:
        return "missing"
    return "correct" if _same(gold, produced) else "wrong"


def choose_report(gold: Gold, doc: ParsedDocument) -> Report | None:
    """The parsed report the gold file describes: the one agreeing on year and agency, else the first."""
    if not doc.reports:
        return None

    def fit(report: Report) -> tuple[int, int]:
        return (int(report.year == gold.meta.get("year")), int(report.agency.name == gold.meta.get("agency")))

    return max(doc.reports, key=fit) if len(doc.reports) > 1 else doc.reports[0]


def _produced_metadata(report: Report | None) -> dict[str, Any]:
    if report is None:
        return {"is_report": False}
    agency = report.agency
    return {
        "is_report": True,
        "format": report.format,
        "year": report.year,
        "agency": agency.name,
        "province": agency.province,
        "city": agency.city,
        "county": agency.county,
        "township": getattr(agency, "township", None),
        "level": agency.level,
        "scope": agency.scope,
        "complete": not report.truncated,
    }


def _template_key(key: Key, gold: Gold) -> bool:
    """A template table cell in a layout that labels only some cells (the devset)."""
    return gold.is_template and any(key in table_keys(t, gold.meta.get("format")) for t in ("t2", "t3", "t4"))


def score_document(gold: Gold, doc: ParsedDocument) -> list[FieldResult]:
    """Compare one parsed document with its gold labels, field by field."""
    report = choose_report(gold, doc)
    is_report = bool(gold.meta.get("is_report", True))
    group = ("template" if gold.is_template else "prose") if is_report else "not_report"
    completeness = "complete" if gold.complete else "partial"
    results: list[FieldResult] = []

    def add(family: str, name: str, g: Any, p: Any, *, zero: bool = False, approx: bool = False,
            inferred: bool = False) -> None:
        """`zero`: the parser stored 0 where gold says nothing is stated."""
        results.append(FieldResult(gold.id, family, name, g, p, _verdict(g, p), group, completeness,
                                   zero and not inferred, approx, zero and inferred))

    produced_meta = _produced_metadata(report)
    add("metadata", "is_report", is_report, produced_meta["is_report"])
    if not is_report:
        return results
    for name in METADATA_FIELDS[1:]:  # is_report is scored above
        if name not in gold.meta:
            continue
        g = gold.meta[name]
        if g is None and name in _ONLY_WHEN_STATED:
            continue
        add("metadata", name, g, produced_meta.get(name))

    produced = Produced(report)
    table_cells = gold.table_cells
    for key, g in gold.values.items():
        p, p_approx = produced.value(key)
        family = "table_cells" if key in table_cells or (not gold.tables and _template_key(key, gold)) \
            else "prose_figures"
        # only the corpus format labels every approximate value; the older layouts say it now and then
        approx_mismatch = (gold.layout == "corpus" and g is not None and p is not None and _same(g, p)
                           and p_approx != (key in gold.approximate))
        add(family, _key_name(key), g, p, zero=g is None and p == 0, approx=approx_mismatch,
            inferred=produced.inferred(key))
    # values the parser produced where gold has no label at all
    for key, fact in produced.facts.items():
        if key in gold.values:
            continue
        if fact.source == "table" and gold.tables:
            add("table_cells", _key_name(key), None, fact.value, zero=fact.value == 0, inferred=fact.inferred)
        elif group == "prose" and gold.layout == "corpus" and fact.source != "table" and key not in NOT_LABELLED:
            add("prose_figures", _key_name(key), None, fact.value, zero=fact.value == 0, inferred=fact.inferred)
    if gold.improvement_measures_count is not None or gold.layout == "corpus":
        measures = None if report is None else sum(1 for m in report.improvement_measures if m.kind == "measure")
        add("measures", "improvement_measures_count", gold.improvement_measures_count, measures or None)
    return results


@dataclass
class Tally:
    """Counts of verdicts for one slice of the results."""

    counts: Counter = field(default_factory=Counter)
    false_zero: int = 0
    inferred_zero: int = 0
    approximate_mismatch: int = 0

    def add(self, result: FieldResult) -> None:
        self.counts[result.status] += 1
        self.false_zero += result.false_zero
        self.inferred_zero += result.inferred_zero
        self.approximate_mismatch += result.approximate_mismatch

    @property
    def fields(self) -> int:
        return sum(self.counts.values())

    @property
    def accuracy(self) -> float:
        """Share of scored fields on which parser and gold agree (a blank left blank agrees)."""
        return (self.counts["correct"] + self.counts["absent"]) / self.fields if self.fields else 1.0


@dataclass
class Score:
    """All field results of a run, with the breakdowns analysts and the CI ratchet read."""

    results: list[FieldResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def tally(self, **where: str) -> Tally:
        out = Tally()
        for r in self.results:
            if all(getattr(r, k) == v for k, v in where.items()):
                out.add(r)
        return out

    def family_accuracy(self) -> dict[str, float]:
        return {f: round(self.tally(family=f).accuracy, 4) for f in FAMILIES if self.tally(family=f).fields}

    def breakdown(self) -> list[tuple[str, str, str, Tally]]:
        rows = []
        for family in FAMILIES:
            total = self.tally(family=family)
            if not total.fields:
                continue
            rows.append((family, "*", "*", total))
            for group in ("template", "prose", "not_report"):
                for completeness in ("complete", "partial"):
                    tally = self.tally(family=family, format_group=group, completeness=completeness)
                    if tally.fields:
                        rows.append((family, group, completeness, tally))
        return rows

    def format_table(self, verbose: bool = False) -> str:
        head = (f"{'family':14} {'format':10} {'pages':9} {'fields':>6} " + " ".join(f"{s:>8}" for s in STATUSES)
                + f" {'false0':>7} {'infer0':>7} {'~flag':>6} {'accuracy':>8}")
        lines = [head, "-" * len(head)]
        for family, group, completeness, t in self.breakdown():
            lines.append(f"{family:14} {group:10} {completeness:9} {t.fields:>6} "
                         + " ".join(f"{t.counts[s]:>8}" for s in STATUSES)
                         + f" {t.false_zero:>7} {t.inferred_zero:>7} {t.approximate_mismatch:>6} {t.accuracy:>8.1%}")
        reports = len({r.report for r in self.results})
        lines.append(f"{reports} labelled report(s)")
        if verbose:
            lines.append("")
            lines.append("misses:")
            for r in self.results:
                if r.status in ("wrong", "missing", "spurious") or r.approximate_mismatch:
                    flag = (" [false zero]" if r.false_zero else " [inferred zero]" if r.inferred_zero
                            else " [approximate flag differs]" if r.approximate_mismatch else "")
                    lines.append(f"  {r.report}: {r.family} {r.field}: expected {r.gold!r}, produced "
                                 f"{r.produced!r} ({r.status}){flag}")
        lines.extend(f"error: {e}" for e in self.errors)
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "family_accuracy": self.family_accuracy(),
            "breakdown": [
                {"family": f, "format": g, "pages": c, "fields": t.fields, **{s: t.counts[s] for s in STATUSES},
                 "false_zero": t.false_zero, "inferred_zero": t.inferred_zero,
                 "approximate_mismatch": t.approximate_mismatch,
                 "accuracy": round(t.accuracy, 4)}
                for f, g, c, t in self.breakdown()
            ],
            "results": [_json_safe(asdict(r)) for r in self.results],
            "errors": self.errors,
        }


def _json_safe(data: dict[str, Any]) -> dict[str, Any]:
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in data.items()}


def score_golds(golds: Iterable[Gold]) -> Score:
    """Run the pipeline on each labelled report and compare."""
    from etl.pipeline import process_file

    out = Score()
    for gold in golds:
        if not gold.file.is_file():
            out.errors.append(f"{gold.id}: no report file at {gold.file}")
            continue
        doc = process_file(gold.file)
        if not doc.reports and gold.meta.get("is_report", True):
            out.errors.append(f"{gold.id}: no report found ({'; '.join(i.message for i in doc.issues)[:200]})")
        out.results.extend(score_document(gold, doc))
    return out


def score_folder(folder: Path) -> Score:
    """Score every labelled report of a corpus, devset or seeds folder."""
    return score_golds(read_folder(Path(folder)))


def is_labelled_folder(folder: Path) -> bool:
    folder = Path(folder)
    return (folder / "gold").is_dir() or (folder / "expected").is_dir()


def dump_json(score: Score) -> str:
    return json.dumps(score.to_json(), ensure_ascii=False, indent=1)
