"""Improvement measures of the problems-and-improvements section."""

from __future__ import annotations

from etl.model import ImprovementMeasure, Section


def find_measures(text: str, sections: list[Section]) -> list[ImprovementMeasure]:
    """Thin first version: finds nothing."""
    return []
