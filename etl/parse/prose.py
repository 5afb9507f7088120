"""Numbers stated in prose and in pre-2019 statistics tables (report-format.md §10)."""

from __future__ import annotations

from dataclasses import dataclass, field

from etl.model import CheckResult, Fact, Issue, Section


@dataclass
class ProseResult:
    facts: list[Fact] = field(default_factory=list)
    checks: list[CheckResult] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def parse_prose(text: str, sections: list[Section], template_format: str | None = None) -> ProseResult:
    """Thin first version: finds nothing."""
    return ProseResult()
