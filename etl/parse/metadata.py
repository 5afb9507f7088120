"""Title, agency, region, level, year and publication date of one report (docs/domain.md#metadata).

- Year: the title, else the statistical-period sentence, else an opening phrase (`{Y}年，我局…`,
  `现将我局{Y}年度…`). Never the URL or the page's publication date. Placeholders (`200xx年`)
  give year None and an issue.
- Agency: the title, else the signature block (name line + date line), else the body's
  abbreviated self-name (`省民政厅`), expanded to a full name when the body has one.
- Region: GB/T 2260 names and adcode from the agency name, through the `cpca` package.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from etl.model import Agency, Issue
from etl.parse.gazetteer import Place, gazetteer, province_named_most
from etl.parse.numbers import read_number
from etl.parse.patterns import (
    ABBREVIATED_AGENCY_RE,
    ABBREVIATION_EXPANSIONS,
    AGENCY_SUFFIXES,
    CENTRAL_PREFIXES,
    CJK,
    CUT_NAME_ENDINGS,
    DATE_RE,
    DEVELOPMENT_AREA_RE,
    GOVERNMENT_SUFFIXES,
    LEVEL_CHARS,
    LEVEL_WORDS,
    MUNICIPALITY_PREFIXES,
    NOT_AN_AGENCY_RE,
    OPENING_YEAR_RES,
    PAGE_AGENCY_RE,
    PAGE_DATE_RE,
    PERIOD_RE,
    PLACE_LIKE_START_RE,
    SELF_REFERENCE_RE,
    SIGNATURE_RE,
    TITLE_HEAD_RE,
    TITLE_NO_YEAR_RE,
    TITLE_RE,
    TITLE_TAIL_RE,
    TOWNSHIP_RE,
    USUAL_PUBLICATION_MONTHS,
    WEAK_PAGE_LABELS,
    YEAR_PLACEHOLDER_RE,
    YEAR_SPAN_RE,
    ZONE_SUB_AREA_WORDS,
)

TITLE_WINDOW = 1500


@dataclass
class Metadata:
    """What a report says about itself."""

    title: str | None
    agency: Agency
    year: int | None
    published_on: date | None = None
    issues: list[Issue] = field(default_factory=list)
    title_start: int | None = None


@dataclass(frozen=True)
class Title:
    """A title line found in the text."""

    text: str
    start: int
    end: int
    agency: str | None
    year: int | None


def _year(text: str) -> int | None:
    value = read_number(text)
    if value is None:
        return None
    year = int(value)
    return year if 1990 <= year <= 2100 else None


def _clean_agency(name: str) -> str | None:
    name = re.split(r"[>＞:：》|]", name)[-1]  # breadcrumbs and labels before the name
    # markdown heading marks, bullets and list numbers before the name; a trailing 关于 (`XX局关于2016年度…`)
    name = re.sub(r"^[\s\d年度:：,，、#*\-—•·]+|[\s:：,，、]+$", "", name)
    name = re.sub(r"^(?:关于|现公布)|关于$", "", name)
    return name if len(name) >= 2 else None


def _line_before(text: str, position: int) -> str | None:
    """An agency or region name alone on the line before a title without one (title split over two lines)."""
    lines = text[:position].rstrip("\n").splitlines()
    if not lines:
        return None
    line = lines[-1].strip()
    if 2 <= len(line) <= 30 and re.fullmatch(rf"[{CJK}()（）]+", line) and (
            line.endswith(AGENCY_SUFFIXES) or _region(line).consumed == len(line)):
        return line
    return None


def _line_after(text: str, position: int) -> str | None:
    """An agency name alone on the line after a title without one (`2020年…年度报告` then `XX局`)."""
    lines = text[position:position + 200].lstrip("\n").splitlines()
    if not lines:
        return None
    line = lines[0].strip()
    if 2 <= len(line) <= 30 and re.fullmatch(rf"[{CJK}()（）]+", line) and line.endswith(AGENCY_SUFFIXES):
        return line
    return None


def _broken_titles(text: str, window: int | None) -> list[Title]:
    """Titles broken over two lines (`XX局2013年度信息公开工作` / `年度报告`), read as one line."""
    titles = []
    for head in TITLE_HEAD_RE.finditer(text):
        if window is not None and head.start() > window:
            break
        newline = text.find("\n", head.end())
        if newline != head.end():
            continue
        tail_end = text.find("\n", newline + 1)
        tail_end = len(text) if tail_end == -1 else tail_end
        tail = text[newline + 1:tail_end]
        if not TITLE_TAIL_RE.match(tail):
            continue
        joined = head.group(0).strip() + tail.strip()
        match = TITLE_RE.match(joined)
        if match is None:
            continue
        start = head.start() + len(head.group(0)) - len(head.group(0).lstrip())
        agency = (_clean_agency(match.group("pre")) or _clean_agency(match.group("post"))
                  or _line_before(text, start) or _line_after(text, tail_end))
        titles.append(Title(joined, start, tail_end, agency, _year(match.group("year"))))
    return titles


def find_titles(text: str, window: int | None = None) -> list[Title]:
    """Report title lines in `text` (all of them, or those starting within `window` characters)."""
    titles = []
    for match in TITLE_RE.finditer(text):
        if window is not None and match.start() > window:
            break
        agency = (_clean_agency(match.group("pre")) or _clean_agency(match.group("post"))
                  or _line_before(text, match.start("title")) or _line_after(text, match.end("title")))
        titles.append(Title(match.group("title").strip(), match.start("title"), match.end("title"), agency,
                            _year(match.group("year"))))
    starts = {t.start for t in titles}
    broken = [t for t in _broken_titles(text, window) if t.start not in starts]
    if broken:
        titles = sorted(titles + broken, key=lambda t: t.start)
    if not titles:
        for match in TITLE_NO_YEAR_RE.finditer(text[: window or len(text)]):
            titles.append(Title(match.group("title").strip(), match.start("title"), match.end("title"),
                                _clean_agency(match.group("pre")), None))
            break
    return titles


def _date(match: re.Match[str]) -> date | None:
    y, m, d = (read_number(match.group(g)) for g in ("y", "m", "d"))
    if y is None or m is None or d is None:
        return None
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def _signature(text: str) -> tuple[str | None, date | None]:
    """Agency name and date of the last signature block, or a lone date line near the end."""
    matches = list(SIGNATURE_RE.finditer(text))
    if matches:
        last = matches[-1]
        return _clean_agency(last.group("agency")), _date(DATE_RE.search(last.group("date")))
    tail_start = int(len(text) * 0.6)
    for line in reversed(text[tail_start:].splitlines()):
        stripped = line.strip()
        match = DATE_RE.fullmatch(stripped)
        if match:
            return None, _date(match)
    return None, None


def _year_from_body(text: str) -> int | None:
    match = PERIOD_RE.search(text)
    if match and _year(match.group("year")):
        return _year(match.group("year"))
    for span in YEAR_SPAN_RE.finditer(text):  # `2014年1月1日至2014年12月31日`: one whole calendar year
        if _year(span.group("year")) is not None and _year(span.group("year")) == _year(span.group("year2")):
            return _year(span.group("year"))
    for pattern in OPENING_YEAR_RES:
        match = pattern.search(text)
        if match and _year(match.group("year")):
            return _year(match.group("year"))
    return None


def _expand(name: str, document: str) -> str | None:
    """The full form of an abbreviated self-name, when `document` prints it (`市政府办` → `上海市人民政府办公厅`).

    The full form is a place (of the level the leading 市/县/省… gives) followed by the rest of the
    name or one of its spelled-out forms (patterns.ABBREVIATION_EXPANSIONS). The most frequent wins.
    """
    level_char = name[0] if name[0] in LEVEL_CHARS and len(name) > 2 else ""
    core = name[len(level_char):]
    forms = [core] + [core[: len(core) - len(short)] + full for short, fulls in ABBREVIATION_EXPANSIONS
                      if core.endswith(short) for full in fulls]
    found: Counter[str] = Counter()
    for form in dict.fromkeys(forms):
        for match in re.finditer(rf"([{CJK}]{{2,12}}){re.escape(form)}", document):
            prefix = match.group(1)
            for cut in range(len(prefix) - 1):
                place = _region(prefix[cut:])
                if place.consumed != len(prefix) - cut or not prefix[cut:].endswith(level_char):
                    continue
                if level_char and place.level not in LEVEL_CHARS[level_char]:
                    continue
                found[prefix[cut:] + form] += 1
                break
    return found.most_common(1)[0][0] if found else None


def _agency_from_body(text: str) -> str | None:
    """The most frequent abbreviated self-name of the self-reference's type, expanded if possible."""
    self_types = Counter(m.group("type") for m in SELF_REFERENCE_RE.finditer(text))
    names = Counter(m.group("name") for m in ABBREVIATED_AGENCY_RE.finditer(text))
    names = Counter({n: c for n, c in names.items() if c >= 2})  # one mention is usually another body
    if not names:
        return None
    preferred = [n for n in names if self_types and n.endswith(self_types.most_common(1)[0][0])]
    pool = preferred or list(names)
    abbreviated = max(pool, key=lambda n: (names[n], -pool.index(n)))
    return _expand(abbreviated, text) or abbreviated


def _self_type(text: str) -> str | None:
    """The type word the report uses for itself (`我局` ×5 → 局), when it says so at least twice."""
    types = Counter(m.group("type") for m in SELF_REFERENCE_RE.finditer(text))
    if not types:
        return None
    word, count = types.most_common(1)[0]
    return word if count >= 2 else None


def _named_self(text: str) -> str | None:
    """A self-reference that carries a name (`我们交通局` → 交通局), the last resort for the agency."""
    names = Counter(m.group("name") + m.group("type") for m in SELF_REFERENCE_RE.finditer(text) if m.group("name"))
    return names.most_common(1)[0][0] if names else None


def _page_agency(text: str, page_lines: Sequence[str]) -> str | None:
    """The publisher named by the page's own fields (`发布机构：…`, `来源：…`)."""
    weak = None
    for source in (*page_lines, text[:TITLE_WINDOW], text[-TITLE_WINDOW:]):
        for match in PAGE_AGENCY_RE.finditer(source):
            name = _clean_agency(match.group("name"))
            if name and not NOT_AN_AGENCY_RE.search(name) and (name.endswith(AGENCY_SUFFIXES) or _region(name).code):
                if match.group("label") not in WEAK_PAGE_LABELS:
                    return name  # 发布机构 and the like name the author
                weak = weak or name
    return weak


@lru_cache(maxsize=4096)
def _region(name: str) -> Place:
    """The place an agency name starts with (gazetteer; no document context)."""
    return gazetteer().resolve(name)


def _contracts(short: str, full: str) -> bool:
    """True when `short` is a contraction of `full`: the same place, and the rest of `short` is a shorter
    subsequence of the rest of `full` ending with the same type character (广电局 ⊂ 广播电视事业局)."""
    place = _region(short).consumed
    if not place or not full.startswith(short[:place]):
        return False
    short_rest, full_rest = short[place:], full[place:]
    if not short_rest or len(full_rest) <= len(short_rest) or short_rest[-1] != full_rest[-1]:
        return False
    letters = iter(full_rest)
    return all(char in letters for char in short_rest)


def is_cut(name: str) -> bool:
    """True for a name cut off inside its type word (`张义镇人民`)."""
    return name.endswith(CUT_NAME_ENDINGS) and not name.endswith(AGENCY_SUFFIXES)


def is_abbreviated(name: str) -> bool:
    """True for a name that does not say where the agency is (`市政府办`, `单位办`, `交通局`)."""
    return (not name.startswith(CENTRAL_PREFIXES) and _region(name).consumed == 0
            and not PLACE_LIKE_START_RE.match(name))


def _branch_place(name: str, text: str) -> Place:
    """The place of a local branch of a central body (`国家税务总局福州市税务局` → 福州市), read after the
    central body's name; `consumed` then counts from the start of the whole name."""
    for start in range(2, len(name) - 2):
        place = gazetteer().resolve(name[start:], text)
        if place.consumed >= 2 and place.level and start + place.consumed < len(name):
            return replace(place, consumed=start + place.consumed)
    return Place()


def _level(name: str, place: Place) -> str | None:
    """The agency's level, from its name alone (so one name always gets the same level)."""
    if name.startswith(CENTRAL_PREFIXES) and not place.level:
        return "central"
    rest = name[place.consumed:]
    if place.level == "township" or TOWNSHIP_RE.search(rest) or (not place.level and TOWNSHIP_RE.search(name)):
        return "township"
    if place.zone_level and place.level != "township" and not rest.startswith(("区", "县")):
        if any(word in rest for word in ZONE_SUB_AREA_WORDS):  # a sub-area of the zone: one level below
            return {"province": "city", "city": "county", "county": "township"}.get(place.zone_level)
        return place.zone_level
    if place.level and not place.zone and DEVELOPMENT_AREA_RE.match(rest):
        if place.level == "province" and place.code and place.code[:2] in MUNICIPALITY_PREFIXES:
            return "county"  # a municipality's districts and zones are county-level
        return {"province": "city", "city": "county", "county": "township"}.get(place.level)
    if place.level:
        if place.level == "province" and rest[:1] in "市区县" and not place.city:
            return "county" if rest[:1] in "区县" else "city"
        return place.level
    for word, level in LEVEL_WORDS:
        if name.startswith(word) or word in name[:4]:
            return level
    return None


def _scope(name: str, level: str | None) -> str:
    """`region` for a people's government above the township (its report covers its whole area), else `agency`.

    Decided from the name and level only, never from the wording of one year's report, so an agency
    keeps its scope every year.
    """
    if name.endswith(GOVERNMENT_SUFFIXES) and "办公" not in name and level in ("province", "city", "county"):
        return "region"
    return "agency"


def resolve_agency(name: str | None, text: str, source: str | None = None) -> Agency:
    """Agency with region, code, level and scope for an agency name found in `text`."""
    agency, _ = _resolve(name, text, source)
    return agency


def _resolve(name: str | None, text: str, source: str | None) -> tuple[Agency, Place]:
    if not name:
        return Agency(None), Place()
    place = gazetteer().resolve(name, text)
    if not place.consumed and name.startswith(CENTRAL_PREFIXES):
        place = _branch_place(name, text)
    if place.consumed == len(name) and place.level:
        # a title naming only the place (本溪市…报告) is its government's report
        name += "办事处" if name.endswith("街道") else "人民政府"
    level = _level(name, place)
    code = place.code
    agency = Agency(name, place.province, place.city, place.county, code[:6] if code else None, level,
                    _scope(name, level), place.township, code if code and len(code) == 9 else None, source)
    return agency, place


def _choose_name(candidates: list[tuple[str, str | None]], document: str, issues: list[Issue],
                 self_type: str | None = None) -> tuple[str | None, str | None]:
    """The agency name from the first trustworthy source; abbreviations expanded only from the document."""
    valid: list[tuple[str, str]] = []
    for source, name in candidates:
        if not name:
            continue
        if is_cut(name) or NOT_AN_AGENCY_RE.search(name):
            issues.append(Issue("info", "agency_name_rejected",
                                f"The {source} names the agency as '{name}', which is cut off or not an agency; "
                                "it was not used."))
            continue
        valid.append((source, name))
    if not valid:
        return None, None
    source, name = valid[0]
    if source == "page" and self_type and not name.endswith(self_type):
        # the page names who posted it (县政府办公室) while the text speaks as 我局: a later source that
        # ends with the text's own type word names the author
        agreeing = next(((s, n) for s, n in valid[1:] if n.endswith(self_type)), None)
        if agreeing:
            source, name = agreeing
    if not is_abbreviated(name):
        fuller = next(((later_source, later) for later_source, later in valid[1:] if _contracts(name, later)), None)
        if fuller:  # `平潭县广电局` in the title, `平潭县广播电视事业局` in the signature: the full name as printed
            issues.append(Issue("info", "agency_expanded",
                                f"The {source} names the agency '{name}'; the {fuller[0]} spells it out as "
                                f"'{fuller[1]}'."))
            return fuller[1], fuller[0]
        return name, source
    expanded = _expand(name, document)
    if expanded:
        issues.append(Issue("info", "agency_expanded",
                            f"The {source} names the agency '{name}'; the document spells it out as '{expanded}'."))
        return expanded, source
    level_char = name[0] if name[0] in LEVEL_CHARS and len(name) > 2 else ""
    core = name[len(level_char):]
    for later_source, later in valid[1:]:
        # a later source naming the same body with its place (`民政厅办公室` posted for `山东省民政厅`)
        later_core = later[_region(later).consumed:]
        if not is_abbreviated(later) and later_core and (later.endswith(core) or core.startswith(later_core)):
            return later, later_source
    issues.append(Issue("warning", "agency_abbreviated",
                        f"The agency is named only as '{name}' ({source}) and the document does not say which "
                        "place it belongs to; the name is kept as printed."))
    return name, source


def read_metadata(text: str, page_lines: Sequence[str] = ()) -> Metadata:
    """Title, agency, year and publication date of the report in `text`.

    `page_lines` are the page's own metadata lines (`发布机构：…`) that normalisation removed from `text`.
    """
    issues: list[Issue] = []
    titles = find_titles(text, TITLE_WINDOW)
    title = titles[0] if titles else None
    year = title.year if title else None
    if year is None:
        year = _year_from_body(text)
    signer, signed_on = _signature(text)
    page_date = None
    for source in (text, *page_lines):
        match = PAGE_DATE_RE.search(source)
        if match:
            page_date = _date(match)
            break
    published_on = signed_on or page_date
    if year is None:
        placeholder = YEAR_PLACEHOLDER_RE.search(text)
        if placeholder:
            issues.append(Issue("warning", "year_placeholder",
                                f"The report year is written as a placeholder ({placeholder.group(0)}); "
                                "the year is left unknown rather than guessed.",
                                placeholder.start(), placeholder.end()))
        elif published_on is not None and published_on.month <= USUAL_PUBLICATION_MONTHS:
            # reports are published early in the following year (docs/domain.md#report-year); a republished page would
            # mislead this, so it is the last resort and always flagged
            year = published_on.year - 1
            issues.append(Issue("warning", "year_from_publication_date",
                                f"No report year is stated; it was taken as {year}, the year before the "
                                f"publication date {published_on.isoformat()}. Check it if the page was republished."))
        else:
            issues.append(Issue("warning", "year_unknown",
                                "No report year was found in the title, the statistical-period sentence, "
                                "the opening or an early-in-the-year publication date; the year is left unknown."))
    if title and title.year is not None:
        period = PERIOD_RE.search(text)
        period_year = _year(period.group("year")) if period else None
        if period_year is not None and period_year != title.year:
            issues.append(Issue("warning", "year_conflict",
                                f"The title says {title.year} but the statistical period says {period_year}; "
                                "the title's year is used.", period.start(), period.end()))
    if published_on is not None and year is not None and not year <= published_on.year <= year + 2:
        issues.append(Issue("info", "publication_date_unusual",
                            f"The publication date {published_on.isoformat()} is not in {year} or shortly after; "
                            "the report may have been republished (the year is not taken from it)."))
    document = "\n".join((*page_lines, text))
    name, source = _choose_name([
        ("title", title.agency if title else None),
        ("page", _page_agency(text, page_lines)),
        ("signature", signer),
        ("body", _agency_from_body(text) or _named_self(text)),
    ], document, issues, _self_type(text))
    if title is None:
        issues.append(Issue("info", "no_title", "No report title line was found; metadata comes from the body."))
    if name is None:
        issues.append(Issue("warning", "agency_unknown", "No agency name was found in the title, the page's fields, "
                            "the signature block or the body; the agency is left unknown."))
    agency, place = _resolve(name, document, source)
    if agency.name and agency.province is None and agency.level != "central" and not place.ambiguous:
        # a name that does not say where (市卫生计生委): the province the document's places point to
        province = province_named_most(gazetteer(), document)
        if province:
            agency = replace(agency, province=province)
            issues.append(Issue("info", "region_from_text",
                                f"The agency name '{agency.name}' names no place; its province ({province}) is the "
                                "one the places named in the document belong to."))
    if place.ambiguous:
        issues.append(Issue("warning", "region_ambiguous",
                            f"The place at the start of '{agency.name}' exists in several provinces and the document "
                            "does not say which; only what they share is recorded."))
    elif agency.name and place.inferred:
        issues.append(Issue("info", "region_inferred",
                            f"The agency name starts with the {place.level}-level place "
                            f"{place.township or place.county}; its city and province ({agency.city}, "
                            f"{agency.province}) were looked up in the gazetteer."))
    return Metadata(title.text if title else None, agency, year, published_on, issues,
                    title.start if title else None)
