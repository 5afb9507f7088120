"""Score the parser against the hand-labelled development set (``shared/devset``).

Each ``reports/<name>.txt`` is run through the real pipeline (`etl.pipeline.process_file`) and
compared with ``gold/<name>.json``. Gold field names map to canonical keys as described in the
devset README; a field is

- correct: gold states a value and the parser produced the same value;
- wrong: gold states a value and the parser produced another;
- missing: gold states a value and the parser produced none;
- spurious: gold is null (the report does not state it) but the parser produced a value;
- absent: both null (counts as agreement, not in precision or recall).

Usage: ``python -m etl.devset PATH/TO/devset``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from etl.model import Fact, Report
from etl.vocabulary import REQUEST_ITEMS_2019, REQUEST_ITEMS_2021

Getter = Callable[["_Facts", str | None], Any]
STATUSES = ("correct", "wrong", "missing", "spurious", "absent")


class _Facts:
    """Lookup of one report's facts by key; table-sourced facts win over prose."""

    def __init__(self, facts: Iterable[Fact]) -> None:
        self.by_key: dict[tuple, Fact] = {}
        for f in facts:
            key = self._key(f)
            old = self.by_key.get(key)
            if old is None or (old.source != "table" and f.source == "table"):
                self.by_key[key] = f

    @staticmethod
    def _key(f: Fact) -> tuple:
        if f.table == "requests":
            return ("requests", f.item, f.applicant or "total")
        if f.table == "appeals":
            return ("appeals", f.proceeding, f.outcome)
        return (f.table, f.item)

    def get(self, *key: str | None) -> Decimal | None:
        fact = self.by_key.get(tuple(key))
        return None if fact is None else fact.value

    def sum(self, keys: list[tuple]) -> Decimal | None:
        """Sum of all keys, or None unless every one of them is stated."""
        values = [self.get(*k) for k in keys]
        if not values or any(v is None for v in values):
            return None
        return sum(values, Decimal(0))


def _request(item: str, applicant: str = "total") -> Getter:
    return lambda facts, version: facts.get("requests", item, applicant)


def _request_group(prefix: str) -> Getter:
    """A group total: stated directly (prose), else the sum of the template sub-rows."""

    def get(facts: _Facts, version: str | None) -> Decimal | None:
        direct = facts.get("requests", prefix, "total")
        if direct is not None:
            return direct
        items = REQUEST_ITEMS_2021 if version == "2021-template" else REQUEST_ITEMS_2019
        subs = [i for i in items if i == prefix or i.startswith(prefix + ".")]
        return facts.sum([("requests", i, "total") for i in subs])

    return get


def _appeal(proceeding: str, outcome: str) -> Getter:
    return lambda facts, version: facts.get("appeals", proceeding, outcome)


def _litigation(outcome: str) -> Getter:
    def get(facts: _Facts, version: str | None) -> Decimal | None:
        both = facts.sum([("appeals", "litigation_direct", outcome), ("appeals", "litigation_after_review", outcome)])
        return both if both is not None else facts.get("appeals", "litigation", outcome)

    return get


def _disclosure(item_2021: str | None, item_2019: str | None) -> Getter:
    def get(facts: _Facts, version: str | None) -> Decimal | None:
        item = item_2019 if version == "2019-template" else item_2021
        return None if item is None else facts.get("disclosure_counts", item)

    return get


#: gold field (dotted path in the gold JSON) → how to read the parser's value
FIELDS: dict[str, Getter] = {
    "proactive.total_items": _disclosure("proactive.total", "proactive.total"),
    "proactive.regulations_made": _disclosure("art20_1.regulations.issued", "art20_1.regulations.made"),
    "proactive.normative_docs_made": _disclosure("art20_1.normative_docs.issued", "art20_1.normative_docs.made"),
    "proactive.normative_docs_valid": _disclosure("art20_1.normative_docs.in_force", None),
    "proactive.licensing_decisions": _disclosure("art20_5.licensing.decisions", "art20_5.licensing.decisions"),
    "proactive.punishments": _disclosure("art20_6.penalty.decisions", "art20_6.penalty.decisions"),
    "proactive.fees_10k_yuan": _disclosure("art20_8.admin_fees.amount_wan_yuan", None),
    "requests.new": _request("new_received"),
    "requests.carried_over": _request("carried_over"),
    "requests.granted": _request("granted"),
    "requests.partially_granted": _request("partially_granted"),
    "requests.denied": _request_group("denied"),
    "requests.unable_to_provide": _request_group("unable"),
    "requests.not_processed": _request_group("not_processed"),
    "requests.other": _request_group("other"),
    "requests.total_handled": _request("total_processed"),
    "requests.carried_forward": _request("carried_forward"),
    "requests.by_applicant.natural_person": _request("new_received", "natural_person"),
    "requests.by_applicant.commercial": _request("new_received", "commercial_enterprise"),
    "requests.by_applicant.research": _request("new_received", "research_institution"),
    "requests.by_applicant.ngo": _request("new_received", "public_interest_org"),
    "requests.by_applicant.legal_services": _request("new_received", "legal_service_org"),
    "requests.by_applicant.other_org": _request("new_received", "other_org"),
    **{f"appeals.review_{o}": _appeal("review", o) for o in ("total", "upheld", "corrected", "other", "pending")},
    **{f"appeals.litigation_{o}": _litigation(o) for o in ("total", "upheld", "corrected", "other", "pending")},
}


@dataclass(frozen=True)
class FieldResult:
    """One gold field of one report: gold value, produced value, and the verdict."""

    report: str
    field: str
    gold: Any
    produced: Any
    status: str


@dataclass
class ScoreReport:
    """Per-field verdicts for every devset report, with totals and precision/recall."""

    results: list[FieldResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def count(self, status: str, field_name: str | None = None) -> int:
        return sum(1 for r in self.results if r.status == status and (field_name is None or r.field == field_name))

    @property
    def precision(self) -> float:
        c, w, s = self.count("correct"), self.count("wrong"), self.count("spurious")
        return c / (c + w + s) if c + w + s else 1.0

    @property
    def recall(self) -> float:
        c, w, m = self.count("correct"), self.count("wrong"), self.count("missing")
        return c / (c + w + m) if c + w + m else 1.0

    @property
    def accuracy(self) -> float:
        """Share of all scored fields (nulls included) on which parser and gold agree."""
        good = self.count("correct") + self.count("absent")
        return good / len(self.results) if self.results else 1.0

    def fields(self) -> list[str]:
        return list(dict.fromkeys(r.field for r in self.results))

    def format_table(self) -> str:
        """A readable table: one line per field, then totals."""
        lines = [f"{'field':42} " + " ".join(f"{s:>8}" for s in STATUSES)]
        for name in self.fields():
            lines.append(f"{name:42} " + " ".join(f"{self.count(s, name):>8}" for s in STATUSES))
        lines.append(f"{'TOTAL':42} " + " ".join(f"{self.count(s):>8}" for s in STATUSES))
        lines.append(f"precision {self.precision:.3f}  recall {self.recall:.3f}  accuracy {self.accuracy:.3f}  "
                     f"({len({r.report for r in self.results})} report(s))")
        problems = [r for r in self.results if r.status in ("wrong", "missing", "spurious")]
        if problems:
            lines.append("")
            lines.append("disagreements:")
            lines.extend(f"  {r.report}: {r.field} gold={r.gold} produced={r.produced} ({r.status})"
                         for r in problems)
        lines.extend(f"error: {e}" for e in self.errors)
        return "\n".join(lines)


def _gold_value(gold: dict[str, Any], path: str) -> Any:
    node: Any = gold
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _same(gold: Any, produced: Any) -> bool:
    if isinstance(gold, (int, float, Decimal)) and isinstance(produced, (int, float, Decimal)):
        return Decimal(str(gold)) == Decimal(str(produced))
    return gold == produced


def _verdict(gold: Any, produced: Any) -> str:
    if gold is None:
        return "absent" if produced is None else "spurious"
    if produced is None:
        return "missing"
    return "correct" if _same(gold, produced) else "wrong"


def score_report(name: str, gold: dict[str, Any], report: Report | None) -> list[FieldResult]:
    """Compare one parsed report with its gold labels."""
    facts = _Facts(report.facts if report else [])
    version = report.format if report and report.format in ("2019-template", "2021-template") else gold.get("format")
    results = []
    if "format" in gold:
        produced = report.format if report else None
        results.append(FieldResult(name, "format", gold["format"], produced, _verdict(gold["format"], produced)))
    for path, getter in FIELDS.items():
        g = _gold_value(gold, path)
        p = getter(facts, version)
        results.append(FieldResult(name, path, g, p, _verdict(g, p)))
    return results


def score(devset_dir: Path) -> ScoreReport:
    """Run the pipeline on every devset report and compare with its gold file."""
    from etl.pipeline import process_file

    devset_dir = Path(devset_dir)
    out = ScoreReport()
    for path in sorted((devset_dir / "reports").glob("*.txt")):
        gold_path = devset_dir / "gold" / f"{path.stem}.json"
        if not gold_path.is_file():
            out.errors.append(f"{path.name}: no gold file")
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = process_file(path)
        report = doc.reports[0] if doc.reports else None
        if report is None:
            out.errors.append(f"{path.name}: no report found ({'; '.join(i.message for i in doc.issues)})")
        out.results.extend(score_report(path.stem, gold, report))
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the devset score table; exit status 1 when the devset is not found."""
    args = sys.argv[1:] if argv is None else argv
    devset_dir = Path(args[0]) if args else Path("../shared/devset")
    if not (devset_dir / "reports").is_dir():
        print(f"no devset at {devset_dir} (expected reports/ and gold/)", file=sys.stderr)
        return 1
    print(score(devset_dir).format_table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
