"""parse: CleanText → ParsedDocument holding one Report per report found in the text.

This module only composes the parse sub-stages; each lives in its own module:

- `split.split_reports`: where each report starts and ends (a file may hold several);
- `metadata.read_metadata`: title, agency, region, level, year, publication date;
- `sections.find_sections`: headings and their canonical kinds;
- `template.parse_template`: Tables 2, 3 and 4 of the 2019/2021 templates and their checks;
- `prose.parse_prose`: numbers stated in sentences and in pre-2019 statistics tables;
- `measures.find_measures`: the improvement measures of the problems section.

Report-level decisions: a file holding several reports yields one Report per report, in text
order; an appended report cut off by a truncation marker is kept as its own Report with
`truncated=True` and a `truncated_report` issue (its figures are never mixed into the first
report), and the document gets a `several_reports` issue. A file that is not a report yields
no Report and a `not_a_report` issue saying why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from etl.extract.tables import Grid
from etl.model import CleanText, Issue, ParsedDocument, Report, Section, section_at
from etl.parse import grid as grids_of
from etl.parse.completeness import cut_off_reason
from etl.parse.measures import find_measures
from etl.parse.metadata import read_metadata
from etl.parse.prose import parse_prose
from etl.parse.sections import find_sections
from etl.parse.split import split_reports
from etl.parse.template import parse_template


def parse_report(text: str, tables: list[Grid] | None = None, page_lines: Sequence[str] = ()) -> Report:
    """Parse the text of exactly one report (offsets in the result refer to `text`).

    `tables` are the report's tables as grids (offsets into `text`), when extraction kept them;
    `page_lines` are the page's metadata lines (publisher, date) that belong to this report.
    """
    meta = read_metadata(text, page_lines)
    sections = find_sections(text)
    template = parse_template(text, sections, tables or ())
    prose = parse_prose(text, sections, template_format=template.format, year=meta.year)
    facts = template.facts + prose.facts
    if template.format:
        report_format = template.format
    elif prose.tables_found or any(f.source == "table" for f in prose.facts):
        report_format = "prose+table"
    else:
        report_format = "prose"
    facts = [f if f.section_ordinal is not None else replace(f, section_ordinal=_ordinal_at(sections, f.start))
             for f in facts]
    return Report(
        text=text,
        title=meta.title,
        agency=meta.agency,
        year=meta.year,
        published_on=meta.published_on,
        format=report_format,
        sections=sections,
        facts=facts,
        cells=template.cells,
        improvement_measures=find_measures(text, sections),
        checks=template.checks + prose.checks,
        issues=[*meta.issues, *template.issues, *prose.issues],
    )


def parse(clean: CleanText) -> ParsedDocument:
    """Parse every report in a document's clean text."""
    raw = clean.document
    doc = ParsedDocument(
        path=raw.path,
        sha256=raw.sha256,
        size=raw.size,
        media_type=raw.media_type,
        encoding=raw.encoding,
        repairs=list(clean.repairs),
        issues=[*raw.issues, *clean.issues],
    )
    spans = split_reports(clean.text)
    doc.issues.extend(spans.issues)
    tables = grids_of.to_clean(raw.tables, clean.offset_map)
    for index, span in enumerate(spans.reports):
        # the page's own fields describe the page's (first) report, not an appended one
        report = parse_report(clean.text[span.start : span.end], grids_of.within(tables, span.start, span.end),
                              clean.page_lines if index == 0 else ())
        report.offset = span.start
        report.truncated = span.truncated
        if span.truncated:
            report.issues.append(Issue("warning", "truncated_report",
                                       "This report is cut off in the file (a 'hidden text' marker); "
                                       "its figures and measures are incomplete."))
        elif (reason := cut_off_reason(report.text, report.sections)) is not None:
            report.truncated = True
            report.issues.append(Issue("warning", "truncated_report",
                                       f"This report looks cut off: {reason}; its figures and measures are "
                                       "incomplete. Load a complete copy if there is one."))
        doc.reports.append(report)
    if not doc.reports and not any(i.code in ("not_a_report", "empty_text") for i in doc.issues):
        doc.issues.append(
            Issue("warning", "not_a_report", "No annual report was found in this file "
                  "(no title, section headings or report tables); nothing was loaded from it.")
        )
    return doc


def _ordinal_at(sections: list[Section], position: int) -> int | None:
    section = section_at(sections, position)
    return section.ordinal if section else None
