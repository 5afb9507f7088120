"""Tables 2, 3 and 4 of the 2019 and 2021 templates (report-format.md §6–§9, §11)."""

from __future__ import annotations

from dataclasses import dataclass, field

from etl.model import CheckResult, Fact, Issue, Section


@dataclass
class TemplateResult:
    #: "2019-template", "2021-template", or None when the report has no template tables
    format: str | None = None
    facts: list[Fact] = field(default_factory=list)
    checks: list[CheckResult] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def parse_template(text: str, sections: list[Section]) -> TemplateResult:
    """Thin first version: finds nothing."""
    return TemplateResult()
