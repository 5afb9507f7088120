"""Title, agency, region, level, year and publication date of one report (report-format.md §2)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from etl.model import Agency, Issue

TITLE_RE = re.compile(
    r"^(?P<title>.{0,40}?(?P<year>(?:19|20)\d{2})\s*年度?.{0,20}?(?:政府|政务)?信息公开.{0,12}报告)\s*$", re.M
)


@dataclass
class Metadata:
    title: str | None
    agency: Agency
    year: int | None
    published_on: date | None = None
    issues: list[Issue] = field(default_factory=list)


def read_metadata(text: str) -> Metadata:
    """Thin first version: year and agency from a title line."""
    match = TITLE_RE.search(text[:2000])
    if not match:
        return Metadata(
            None,
            Agency(None),
            None,
            None,
            [Issue("warning", "no_title", "No report title was found; year and agency unknown.")],
        )
    title = match.group("title").strip()
    agency_name = title[: title.find(match.group("year"))].strip() or None
    return Metadata(title, Agency(agency_name), int(match.group("year")))
