"""Find where each report starts and ends in a document (report-format.md §2.5)."""

from __future__ import annotations

from dataclasses import dataclass, field

from etl.model import Issue


@dataclass(frozen=True)
class ReportSpan:
    start: int
    end: int
    truncated: bool = False


@dataclass
class SplitResult:
    reports: list[ReportSpan] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def split_reports(text: str) -> SplitResult:
    """Thin first version: the whole text is one report when it is not blank."""
    if not text.strip():
        return SplitResult([], [Issue("warning", "empty_text", "The file holds no text.")])
    return SplitResult([ReportSpan(0, len(text))])
