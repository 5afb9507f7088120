"""Title, agency, region, level, year and publication date of one report (report-format.md §2).

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
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from etl.model import Agency, Issue
from etl.parse.numbers import read_number
from etl.parse.patterns import (
    ABBREVIATED_AGENCY_RE,
    AGENCY_SUFFIXES,
    CJK,
    DATE_RE,
    GOVERNMENT_SUFFIXES,
    LEVEL_WORDS,
    OPENING_YEAR_RES,
    PAGE_DATE_RE,
    PERIOD_RE,
    REGION_SCOPE_RE,
    SELF_REFERENCE_RE,
    SIGNATURE_RE,
    TITLE_HEAD_RE,
    TITLE_NO_YEAR_RE,
    TITLE_RE,
    TITLE_TAIL_RE,
    TOWNSHIP_RE,
    USUAL_PUBLICATION_MONTHS,
    YEAR_PLACEHOLDER_RE,
    YEAR_SPAN_RE,
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
    name = re.sub(r"^[\s\d年度:：,，、]+|[\s:：,，、]+$", "", name)
    name = re.sub(r"^(?:关于|现公布)", "", name)
    return name if len(name) >= 2 else None


def _line_before(text: str, position: int) -> str | None:
    """An agency or region name alone on the line before a title without one (title split over two lines)."""
    lines = text[:position].rstrip("\n").splitlines()
    if not lines:
        return None
    line = lines[-1].strip()
    if 2 <= len(line) <= 30 and re.fullmatch(rf"[{CJK}()（）]+", line) and (
            line.endswith(AGENCY_SUFFIXES) or _region(line)[0]):
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
    for match in re.finditer(rf"([{CJK}]{{2,4}})" + re.escape(abbreviated), text):
        prefix = match.group(1)
        for cut in range(len(prefix) - 1):
            full = prefix[cut:] + abbreviated
            region = _region(full)
            if region[0] and full.startswith(region[2] or region[1] or region[0]):
                return full
    return abbreviated


def _named_self(text: str) -> str | None:
    """A self-reference that carries a name (`我们交通局` → 交通局), the last resort for the agency."""
    names = Counter(m.group("name") + m.group("type") for m in SELF_REFERENCE_RE.finditer(text) if m.group("name"))
    return names.most_common(1)[0][0] if names else None


@lru_cache(maxsize=4096)
def _region(name: str) -> tuple[str | None, str | None, str | None, str | None]:
    """(province, city, county, adcode) of the place an agency name starts with, via cpca."""
    import cpca  # imported lazily: loading its tables takes ~0.2 s

    frame = cpca.transform([name])
    row = frame.iloc[0]
    province, city, county, adcode = (row.get(k) for k in ("省", "市", "区", "adcode"))

    def clean(value: object) -> str | None:
        return value if isinstance(value, str) and value else None

    province, city, county, adcode = clean(province), clean(city), clean(county), clean(adcode)
    if province is None:
        return None, None, None, None
    # only names the agency actually starts with count (cpca also guesses from bare county names)
    first = county if county and name.startswith(county) else city if city and name.startswith(city) else province
    if not name.startswith((first, first.rstrip("省市"), province, province.rstrip("省市"))):
        return None, None, None, None
    if province == city:  # municipalities: cpca repeats the name
        city = None
    return province, city, county, adcode


def _level(name: str, region: tuple[str | None, str | None, str | None, str | None]) -> str | None:
    province, city, county, _ = region
    rest = name
    for part in (province, city, county):
        if part and rest.startswith(part):
            rest = rest[len(part):]
    for word, level in LEVEL_WORDS:
        if level == "central" and name.startswith(word):
            return level
    if TOWNSHIP_RE.search(rest) or TOWNSHIP_RE.search(name):
        return "township"
    if county:
        return "county"
    if city:
        return "city"
    if province:
        return "province"
    for word, level in LEVEL_WORDS:
        if name.startswith(word) or word in name[:4]:
            return level
    return None


def _is_government(name: str) -> bool:
    return name.endswith(GOVERNMENT_SUFFIXES) or not name.endswith(AGENCY_SUFFIXES)


def resolve_agency(name: str | None, text: str) -> Agency:
    """Agency with region, adcode, level and scope for an agency name found in `text`."""
    if not name:
        return Agency(None)
    region = _region(name)
    if not name.endswith(AGENCY_SUFFIXES) and region[0]:
        name = name + "人民政府"  # a title naming only the region (本溪市…报告) is the government's
    level = _level(name, region)
    scope = "region" if _is_government(name) and REGION_SCOPE_RE.search(text) else "agency"
    if name.endswith(GOVERNMENT_SUFFIXES) and scope == "agency" and "办公" not in name:
        scope = "region" if re.search(r"全(?:市|省|县|区)", text) else "agency"
    province, city, county, adcode = region
    return Agency(name, province, city, county, adcode, level, scope)


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
            # reports are published early in the following year (§2.2); a republished page would
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
    name = (title.agency if title else None) or signer or _agency_from_body(text) or _named_self(text)
    if title is None:
        issues.append(Issue("info", "no_title", "No report title line was found; metadata comes from the body."))
    if name is None:
        issues.append(Issue("warning", "agency_unknown", "No agency name was found in the title, "
                            "the signature block or the body."))
    agency = resolve_agency(name, text)
    if agency.name and agency.county and not agency.name.startswith(
            tuple(p for p in (agency.province, agency.city, (agency.city or "").rstrip("市")) if p)):
        issues.append(Issue("info", "region_inferred",
                            f"The agency name names only the county-level place {agency.county}; its city and "
                            f"province ({agency.city}, {agency.province}) were inferred and may be wrong when "
                            "several places share that name."))
    return Metadata(title.text if title else None, agency, year, published_on, issues,
                    title.start if title else None)
