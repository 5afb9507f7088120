"""Section headings and their canonical kinds (report-format.md §3, §4)."""

from __future__ import annotations

import re

from etl.model import Section

HEADING_RE = re.compile(r"^\s*(?P<ordinal>[一二三四五六七八九十]+)、(?P<heading>[^。\n]{1,40})$", re.M)

#: keyword → kind, checked in order (appeals and fees before requests: §3.3).
KIND_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("复议", "appeals"), ("诉讼", "appeals"),
    ("收费", "fees"), ("减免", "fees"),
    ("问题", "problems_and_improvements"), ("改进", "problems_and_improvements"),
    ("主动公开", "proactive"),
    ("申请", "requests"),
    ("总体", "overview"), ("概述", "overview"), ("基本", "overview"),
    ("其他", "other"),
)


def classify_heading(heading: str) -> str:
    for keyword, kind in KIND_KEYWORDS:
        if keyword in heading:
            return kind
    return "other"


def find_sections(text: str) -> list[Section]:
    """Thin first version: top-level `一、…` headings only."""
    matches = list(HEADING_RE.finditer(text))
    sections = []
    for number, match in enumerate(matches, start=1):
        end = matches[number].start() if number < len(matches) else len(text)
        heading = match.group(0).strip()
        sections.append(Section(number, classify_heading(match.group("heading")), heading, match.start(), end))
    return sections
