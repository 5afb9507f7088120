"""Labelled corpora: read gold files into one shape, and check that gold files are right.

Three folder layouts carry hand-checked labels, and all three are read into `Gold`:

- the real-world corpus (``tests/corpus``, format ``ogi-corpus/1``, see ``tests/corpus/FORMAT.md``):
  ``reports/<id>.<ext>`` beside ``gold/<id>.json`` whose values are keyed by the canonical keys;
- the development set (``../shared/devset``): ``reports/<id>.txt`` + ``gold/<id>.json`` in its older
  field names, mapped as its README says;
- the seeds (``../shared/seeds``): ``<id>.txt`` + ``expected/<id>.json`` with English descriptive labels.

`check_corpus` verifies an ``ogi-corpus/1`` folder: keys in the vocabulary, every cell of each labelled
template table present, the template identities (unless the printed numbers are declared inconsistent),
and every stated number present in the source text.

Usage: ``python -m etl.corpus check tests/corpus [--only ID ...]``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from etl.vocabulary import (
    APPLICANTS,
    DISCLOSURE_ITEMS,
    DISCLOSURE_TEMPLATE_2019,
    DISCLOSURE_TEMPLATE_2021,
    FORMATS,
    LEVELS,
    OUTCOMES,
    PROCEEDINGS,
    REQUEST_ITEMS,
    REQUEST_ITEMS_2019,
    REQUEST_ITEMS_2021,
    SCOPES,
)

SCHEMA = "ogi-corpus/1"
#: A fact's identity: ("disclosure_counts", item) | ("requests", item, applicant) | ("appeals", proceeding, outcome)
Key = tuple[str, ...]

T4_PROCEEDINGS = ("review", "litigation_direct", "litigation_after_review")
T4_OUTCOMES = ("upheld", "corrected", "other", "pending", "total")
DAMAGE_KINDS = (
    "mojibake", "pinyin_gloss", "traditional", "flattened_table", "run_together", "page_chrome", "truncated",
    "multiple_reports", "padding_cells", "wide_columns", "label_typos", "placeholders", "printed_inconsistency",
)
MEDIA = ("html", "txt", "md", "json", "pdf", "docx")
#: the metadata a gold file labels (the order `etl score` reports them in)
METADATA_FIELDS = ("is_report", "format", "year", "agency", "province", "city", "county", "township", "level",
                   "scope", "complete")


def table_keys(table: str, version: str | None) -> list[Key]:
    """Every cell key of a template table ("t2", "t3", "t4") in the given template version."""
    if table == "t2":
        items = DISCLOSURE_TEMPLATE_2019 if version == "2019-template" else DISCLOSURE_TEMPLATE_2021
        return [("disclosure_counts", i) for i in items]
    if table == "t3":
        items = REQUEST_ITEMS_2019 if version == "2019-template" else REQUEST_ITEMS_2021
        return [("requests", i, a) for i in items for a in APPLICANTS]
    if table == "t4":
        return [("appeals", p, o) for p in T4_PROCEEDINGS for o in T4_OUTCOMES]
    raise ValueError(f"unknown table {table!r} (expected t2, t3 or t4)")


@dataclass
class Gold:
    """One labelled report, whatever layout it came from."""

    id: str
    file: Path
    layout: str
    meta: dict[str, Any]
    #: every labelled value; None = the report states nothing there (a blank cell)
    values: dict[Key, Decimal | None] = field(default_factory=dict)
    approximate: set[Key] = field(default_factory=set)
    tables: tuple[str, ...] = ()
    printed_inconsistencies: tuple[str, ...] = ()
    improvement_measures_count: int | None = None
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def table_cells(self) -> set[Key]:
        return {k for t in self.tables for k in table_keys(t, self.meta.get("format"))}

    @property
    def is_template(self) -> bool:
        return self.meta.get("format") in ("2019-template", "2021-template")

    @property
    def complete(self) -> bool:
        return bool(self.meta.get("complete", True))


# --------------------------------------------------------------------------- reading


def _number(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {value!r}") from exc


def _approx_key(text: str) -> Key:
    parts = text.split("/")
    table = {"disclosure": "disclosure_counts"}.get(parts[0], parts[0])
    if table == "requests" and len(parts) == 2:
        parts.append("total")
    return (table, *parts[1:])


def read_corpus_gold(path: Path, root: Path) -> Gold:
    """Read one ``ogi-corpus/1`` gold file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    agency = data.get("agency") or {}
    meta = {
        "is_report": data.get("is_report", True),
        "format": data.get("format"),
        "year": data.get("year"),
        "agency": agency.get("name"),
        "province": agency.get("province"),
        "city": agency.get("city"),
        "county": agency.get("county"),
        "township": agency.get("township"),
        "level": agency.get("level"),
        "scope": agency.get("scope"),
        "complete": data.get("complete", True),
        "media": data.get("media"),
    }
    values: dict[Key, Decimal | None] = {}
    for item, value in (data.get("disclosure") or {}).items():
        values[("disclosure_counts", item)] = _number(value)
    for item, by_applicant in (data.get("requests") or {}).items():
        if not isinstance(by_applicant, dict):
            by_applicant = {"total": by_applicant}
        for applicant, value in by_applicant.items():
            values[("requests", item, applicant)] = _number(value)
    for proceeding, by_outcome in (data.get("appeals") or {}).items():
        if not isinstance(by_outcome, dict):
            by_outcome = {"total": by_outcome}
        for outcome, value in by_outcome.items():
            values[("appeals", proceeding, outcome)] = _number(value)
    return Gold(
        id=path.stem,
        file=root / data.get("file", ""),
        layout="corpus",
        meta=meta,
        values=values,
        approximate={_approx_key(a) for a in data.get("approximate") or []},
        tables=tuple(data.get("tables") or ()),
        printed_inconsistencies=tuple(data.get("printed_inconsistencies") or ()),
        improvement_measures_count=data.get("improvement_measures_count"),
        raw=data,
    )


#: devset gold field → canonical key (devset README); group totals are compared as stated or summed
_DEVSET_VALUES: dict[str, Key] = {
    "requests.new": ("requests", "new_received", "total"),
    "requests.carried_over": ("requests", "carried_over", "total"),
    "requests.granted": ("requests", "granted", "total"),
    "requests.partially_granted": ("requests", "partially_granted", "total"),
    "requests.denied": ("requests", "denied", "total"),
    "requests.unable_to_provide": ("requests", "unable", "total"),
    "requests.not_processed": ("requests", "not_processed", "total"),
    "requests.other": ("requests", "other", "total"),
    "requests.total_handled": ("requests", "total_processed", "total"),
    "requests.carried_forward": ("requests", "carried_forward", "total"),
    "requests.by_applicant.natural_person": ("requests", "new_received", "natural_person"),
    "requests.by_applicant.commercial": ("requests", "new_received", "commercial_enterprise"),
    "requests.by_applicant.research": ("requests", "new_received", "research_institution"),
    "requests.by_applicant.ngo": ("requests", "new_received", "public_interest_org"),
    "requests.by_applicant.legal_services": ("requests", "new_received", "legal_service_org"),
    "requests.by_applicant.other_org": ("requests", "new_received", "other_org"),
    **{f"appeals.review_{o}": ("appeals", "review", o) for o in OUTCOMES},
    **{f"appeals.litigation_{o}": ("appeals", "litigation", o) for o in OUTCOMES},
}
_DEVSET_DISCLOSURE: dict[str, tuple[str, str | None]] = {  # field → (2021 key, 2019 key)
    "proactive.total_items": ("proactive.total", "proactive.total"),
    "proactive.regulations_made": ("art20_1.regulations.issued", "art20_1.regulations.made"),
    "proactive.normative_docs_made": ("art20_1.normative_docs.issued", "art20_1.normative_docs.made"),
    "proactive.normative_docs_valid": ("art20_1.normative_docs.in_force", None),
    "proactive.licensing_decisions": ("art20_5.licensing.decisions", "art20_5.licensing.decisions"),
    "proactive.punishments": ("art20_6.penalty.decisions", "art20_6.penalty.decisions"),
    "proactive.fees_10k_yuan": ("art20_8.admin_fees.amount_wan_yuan", None),
}


def _dotted(data: dict[str, Any], path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def read_devset_gold(path: Path, root: Path) -> Gold:
    """Read one development-set gold file (older field names) into canonical keys."""
    data = json.loads(path.read_text(encoding="utf-8"))
    fmt = data.get("format")
    values: dict[Key, Decimal | None] = {k: _number(_dotted(data, f)) for f, k in _DEVSET_VALUES.items()}
    for f, (key_2021, key_2019) in _DEVSET_DISCLOSURE.items():
        key = key_2019 if fmt == "2019-template" else key_2021
        if key is not None:
            values[("disclosure_counts", key)] = _number(_dotted(data, f))
    meta = {"is_report": True, "format": fmt, "year": data.get("year"), "agency": data.get("agency"),
            "complete": data.get("complete", True)}
    return Gold(id=path.stem, file=root / "reports" / f"{path.stem}.txt", layout="devset", meta=meta,
                values=values, improvement_measures_count=data.get("improvement_measures_count"), raw=data)


#: seed expectation labels (English, descriptive) → canonical keys
SEED_CHANNEL_LABELS: dict[str, str] = {
    "provincial government portal": "proactive.channel.government_portal",
    "provincial government website": "proactive.channel.government_portal",
    "government website": "proactive.channel.government_portal",
    "city party-government portal": "proactive.channel.government_portal",
    "agency website": "proactive.channel.agency_website",
    "agency information website": "proactive.channel.agency_website",
    "government gazette issues": "proactive.channel.gazette",
    "press conferences": "proactive.channel.press_conference",
    "provided to reading rooms": "proactive.channel.reading_room",
    "media": "proactive.channel.media",
    # information sent to the OGI office of the level above: a channel with no key of its own,
    # kept as channel "other" with the printed label
    "sent to provincial OGI office": "proactive.channel.other",
}
SEED_CATEGORY_LABELS: dict[str, str] = {
    "institutional functions": "proactive.category.institutional",
    "policies and regulations": "proactive.category.policy",
    "policy documents": "proactive.category.policy",
    "plans": "proactive.category.planning",
    "business information": "proactive.category.business",
    "normative documents": "proactive.category.normative_documents",
    "department news": "proactive.category.news",
    "livelihood and public welfare": "proactive.category.livelihood",
    "other": "proactive.category.other",
}
SEED_STATISTICS_TABLE_LABELS: dict[str, str] = {
    "proactive disclosure (一)": "proactive.total",
    "proactive government information items": "proactive.deduplicated",
    "department news on city portal": "proactive.category.news",
    "key-area items on city portal": "proactive.category.key_areas",
    "responses to public opinion": "responses.public_concerns",
}
SEED_APPEAL_FIELDS: dict[str, str] = {
    "review_total": "review",
    "litigation_total": "litigation",
    "complaints_total": "complaint",
}


def _seed_value(value: Any) -> tuple[Decimal | None, bool]:
    if isinstance(value, dict):
        return _number(value.get("value")), bool(value.get("approximate"))
    return _number(value), False


def read_seed_expectation(path: Path, root: Path) -> Gold:
    """Read one seed expectation (``seeds/expected/<id>.json``) into canonical keys."""
    data = json.loads(path.read_text(encoding="utf-8"))
    region = data.get("region") or {}
    meta = {"is_report": True, "format": data.get("format"), "year": data.get("year"), "agency": data.get("agency"),
            "province": region.get("province"), "city": region.get("city"), "county": region.get("county"),
            "level": data.get("level")}
    gold = Gold(id=path.stem, file=root / f"{path.stem}.txt", layout="seeds", meta=meta,
                improvement_measures_count=data.get("improvement_measures_count"), raw=data)

    def put(key: Key, raw: Any) -> None:
        value, approximate = _seed_value(raw)
        gold.values[key] = value
        if approximate:
            gold.approximate.add(key)

    proactive = data.get("proactive") or {}
    if "total_items" in proactive:
        put(("disclosure_counts", "proactive.total"), proactive["total_items"])
    for labels, group in ((SEED_CHANNEL_LABELS, "by_channel"), (SEED_CATEGORY_LABELS, "by_category")):
        for label, raw in (proactive.get(group) or {}).items():
            if label in labels:
                put(("disclosure_counts", labels[label]), raw)
    for label, raw in (proactive.get("statistics_table") or {}).items():
        if label in SEED_STATISTICS_TABLE_LABELS:
            put(("disclosure_counts", SEED_STATISTICS_TABLE_LABELS[label]), raw)
    if "new" in (data.get("requests") or {}):
        put(("requests", "new_received", "total"), data["requests"]["new"])
    if "fees" in data and "charged" in (data["fees"] or {}):
        put(("disclosure_counts", "fees.charged_yuan"), data["fees"]["charged"])
    for name, proceeding in SEED_APPEAL_FIELDS.items():
        if name in (data.get("appeals") or {}):
            put(("appeals", proceeding, "total"), data["appeals"][name])
    return gold


def read_folder(folder: Path) -> Iterator[Gold]:
    """Every labelled report of a corpus, devset or seeds folder."""
    folder = Path(folder)
    if (folder / "expected").is_dir():
        for path in sorted((folder / "expected").glob("*.json")):
            yield read_seed_expectation(path, folder)
        return
    for path in sorted((folder / "gold").glob("*.json")):
        head = json.loads(path.read_text(encoding="utf-8"))
        if head.get("schema") == SCHEMA:
            yield read_corpus_gold(path, folder)
        else:
            yield read_devset_gold(path, folder)


# --------------------------------------------------------------------------- checking


@dataclass(frozen=True)
class Problem:
    """Something wrong with a gold file, said so that the labeller can fix it."""

    id: str
    message: str

    def __str__(self) -> str:
        return f"{self.id}: {self.message}"


def _identities(gold: Gold) -> Iterator[tuple[str, Key, list[Key]]]:
    """(name, total key, part keys) for every template identity the labelled tables carry."""
    version = gold.meta.get("format")
    if "t3" in gold.tables:
        items = REQUEST_ITEMS_2019 if version == "2019-template" else REQUEST_ITEMS_2021
        outcomes = [i for i in items if i not in ("new_received", "carried_over", "total_processed",
                                                   "carried_forward")]
        for applicant in APPLICANTS:
            yield (f"t3_outcomes/{applicant}", ("requests", "total_processed", applicant),
                   [("requests", i, applicant) for i in outcomes])
        for item in items:
            yield (f"t3_row/{item}", ("requests", item, "total"),
                   [("requests", item, a) for a in APPLICANTS if a != "total"])
    if "t4" in gold.tables:
        for proceeding in T4_PROCEEDINGS:
            yield (f"t4_group/{proceeding}", ("appeals", proceeding, "total"),
                   [("appeals", proceeding, o) for o in ("upheld", "corrected", "other", "pending")])


def _balance(gold: Gold) -> Iterator[tuple[str, Decimal | None, Decimal | None]]:
    if "t3" not in gold.tables:
        return
    for applicant in APPLICANTS:
        def v(item: str, applicant: str = applicant) -> Decimal | None:
            return gold.values.get(("requests", item, applicant))

        parts = [v("new_received"), v("carried_over"), v("total_processed"), v("carried_forward")]
        stated = [p for p in parts if p is not None]
        if len(stated) < 2:
            continue
        left = (v("new_received") or 0) + (v("carried_over") or 0)
        right = (v("total_processed") or 0) + (v("carried_forward") or 0)
        yield f"t3_balance/{applicant}", Decimal(left), Decimal(right)


def identity_failures(gold: Gold) -> list[str]:
    """Names of the template identities the labelled numbers fail (blanks count as 0 when others are stated)."""
    failures = []
    for name, total_key, part_keys in _identities(gold):
        total = gold.values.get(total_key)
        parts = [gold.values.get(k) for k in part_keys]
        if total is None and all(p is None for p in parts):
            continue
        if sum((p or Decimal(0) for p in parts), Decimal(0)) != (total or Decimal(0)):
            failures.append(name)
    failures.extend(name for name, left, right in _balance(gold) if left != right)
    return failures


def source_text(path: Path) -> str:
    """The document's text as the project's extraction stage reads it (markup removed)."""
    from etl.extract import extract

    raw = extract(path)
    return raw.text or ""


_DIGITS = re.compile(r"\d[\d,，.]*")


def _numbers_in(text: str) -> set[Decimal]:
    """Numbers written in the text: as spaced (cells apart), and with whitespace removed (a number broken
    over a line)."""
    found: set[Decimal] = set()
    for match in (*_DIGITS.finditer(text), *_DIGITS.finditer(re.sub(r"\s+", "", text))):
        token = match.group().replace(",", "").replace("，", "").rstrip(".")
        try:
            found.add(Decimal(token))
        except InvalidOperation:
            continue
    return found


def _chinese_numerals(value: Decimal) -> set[str]:
    try:
        import cn2an

        return {cn2an.an2cn(str(value)), cn2an.an2cn(str(value), "low")}
    except Exception:  # a numeral form is only a fallback for prose written in characters
        return set()


def check_gold(gold: Gold, exclusions: list[str] | None = None) -> list[Problem]:
    """Every problem of one ``ogi-corpus/1`` gold file."""
    problems: list[Problem] = []

    def bad(message: str) -> None:
        problems.append(Problem(gold.id, message))

    raw = gold.raw
    if raw.get("schema") != SCHEMA:
        bad(f"schema must be {SCHEMA!r}")
    if not re.fullmatch(r"(\d{4})_[a-z]{2}_[a-z0-9_-]+", gold.id):
        bad("id must look like <year>_<province abbrev>_<ascii slug> (lowercase ascii)")
    if not gold.file.is_file():
        bad(f"file {raw.get('file')!r} does not exist")
    source = raw.get("source") or {}
    if not (source.get("repo") or source.get("url")):
        bad("source needs a repo (with path) or a url")
    if not raw.get("copied"):
        bad("copied must say how the file was copied and checked")
    for needle in exclusions or []:
        where = f"{source.get('repo', '')}:{source.get('path', '')} {source.get('url') or ''}"
        if needle and needle in where:
            bad(f"source is excluded for independent evaluation ({needle})")
    meta = gold.meta
    is_report = meta.get("is_report")
    if not isinstance(is_report, bool):
        bad("is_report must be true or false")
    if is_report:
        if meta.get("format") not in FORMATS:
            bad(f"format must be one of {FORMATS}")
        year = meta.get("year")
        if year is not None and not (isinstance(year, int) and 2007 <= year <= 2026):
            bad(f"year {year!r} is not a statistical year")
        if meta.get("level") is not None and meta["level"] not in LEVELS:
            bad(f"agency.level must be one of {LEVELS}")
        if meta.get("scope") is not None and meta["scope"] not in SCOPES:
            bad(f"agency.scope must be one of {SCOPES}")
    if meta.get("media") not in MEDIA:
        bad(f"media must be one of {MEDIA}")
    for kind in raw.get("damage") or []:
        if kind not in DAMAGE_KINDS:
            bad(f"unknown damage kind {kind!r} (one of {DAMAGE_KINDS})")
    if not isinstance(raw.get("notes"), str):
        bad("notes must be a string (name every trap)")
    for table in gold.tables:
        if table not in ("t2", "t3", "t4"):
            bad(f"unknown table {table!r}")
    if gold.tables and not gold.is_template:
        bad("tables are listed but the format is not a template")

    for key in gold.values:
        table = key[0]
        if table == "disclosure_counts" and key[1] not in DISCLOSURE_ITEMS:
            bad(f"unknown disclosure key {key[1]!r}")
        elif table == "requests" and (key[1] not in REQUEST_ITEMS or key[2] not in APPLICANTS):
            bad(f"unknown requests key {key[1]!r} × {key[2]!r}")
        elif table == "appeals" and (key[1] not in PROCEEDINGS or key[2] not in OUTCOMES):
            bad(f"unknown appeals key {key[1]!r} × {key[2]!r}")
    for table in gold.tables:
        if table not in ("t2", "t3", "t4"):
            continue  # reported above
        missing = [k for k in table_keys(table, meta.get("format")) if k not in gold.values]
        if missing:
            bad(f"table {table} lacks {len(missing)} cell(s), e.g. {'/'.join(missing[0][1:])} "
                "(list every cell, null where blank)")
    for key in gold.approximate:
        if key not in gold.values:
            bad(f"approximate names {'/'.join(key)}, which has no value")

    declared = set(gold.printed_inconsistencies)
    failing = set(identity_failures(gold))
    for name in sorted(failing - declared):
        bad(f"identity {name} fails on the labelled numbers: re-read the source; if the report prints it so, "
            "list it in printed_inconsistencies")
    for name in sorted(declared - failing):
        bad(f"printed_inconsistencies names {name}, but the labelled numbers satisfy it")

    if gold.file.is_file():
        try:
            text = source_text(gold.file)
        except Exception as exc:  # the checker reports; it never stops at one file
            bad(f"cannot read the source: {exc}")
            text = ""
        numbers = _numbers_in(text)
        # cells that ran together leave one digit run per row: a value is then a piece of a run
        run_together = "run_together" in (raw.get("damage") or [])
        digit_runs = re.sub(r"\s+", "", text) if run_together else ""
        for key, value in gold.values.items():
            if value is None or abs(value) in numbers or (run_together and str(abs(value)) in digit_runs):
                continue
            if any(form and form in text for form in _chinese_numerals(value)):
                continue
            bad(f"{'/'.join(key)} = {value} does not occur in the source text")
    return problems


def load_exclusions(path: Path) -> list[str]:
    """Repository paths and web addresses kept for independent evaluation (``corpus-exclusions.txt``)."""
    if not path.is_file():
        return []
    needles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = re.match(r"github:([^:\s]+):(\S+)", line)
        if match:
            needles.append(f"{match.group(1)}:{match.group(2)}")
        elif line.startswith("http"):
            needles.append(re.sub(r"^https?://", "", line.split()[0]))
    return needles


def check_corpus(folder: Path, only: list[str] | None = None, exclusions: Path | None = None) -> list[Problem]:
    """Every problem of every gold file in an ``ogi-corpus/1`` folder (plus reports without gold)."""
    folder = Path(folder)
    needles = load_exclusions(exclusions) if exclusions else []
    problems: list[Problem] = []
    golds = [g for g in read_folder(folder) if only is None or g.id in only]
    for gold in golds:
        problems.extend(check_gold(gold, needles))
    if only is None:
        labelled = {g.file.name for g in golds}
        problems.extend(Problem(p.stem, "report has no gold file") for p in sorted((folder / "reports").iterdir())
                        if p.is_file() and p.name not in labelled)
    return problems


def spread(folder: Path) -> dict[str, Counter]:
    """How the labelled reports of a corpus spread over years, formats, media, provinces, levels, damage, sources."""
    out: dict[str, Counter] = {k: Counter() for k in ("year", "format", "media", "province", "level", "damage",
                                                       "archive", "complete")}
    for gold in read_folder(Path(folder)):
        raw = gold.raw
        out["year"][gold.meta.get("year")] += 1
        out["format"][gold.meta.get("format") if gold.meta.get("is_report") else "not a report"] += 1
        out["media"][gold.meta.get("media")] += 1
        out["province"][gold.meta.get("province")] += 1
        out["level"][gold.meta.get("level")] += 1
        out["complete"]["complete" if gold.complete else "partial"] += 1
        out["damage"].update(raw.get("damage") or ["none"])
        source = raw.get("source") or {}
        out["archive"][source.get("repo") or re.sub(r"^https?://([^/]+).*", r"\1", source.get("url") or "")] += 1
    return out


def format_spread(counts: dict[str, Counter]) -> str:
    lines = []
    for name, counter in counts.items():
        parts = ", ".join(f"{k}: {v}" for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))))
        lines.append(f"{name:9} {parts}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] != "check" or len(args) < 2:
        print("usage: python -m etl.corpus check FOLDER [--only ID ...]", file=sys.stderr)
        return 2
    folder = Path(args[1])
    only = args[args.index("--only") + 1:] if "--only" in args else None
    exclusions = Path(__file__).resolve().parents[2] / "shared" / "corpus-exclusions.txt"
    problems = check_corpus(folder, only, exclusions)
    for problem in problems:
        print(problem)
    count = len(only) if only else sum(1 for _ in (folder / "gold").glob("*.json"))
    print(f"{count} gold file(s) checked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
