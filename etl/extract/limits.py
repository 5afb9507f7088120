"""Limits the extract stage enforces on untrusted input (overridable from the environment)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from etl.config import max_file_bytes
from etl.model import Issue


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    """Size limits. ``ETL_MAX_FILE_MB`` (the one documented file-size limit, see etl.config) and
    ``ETL_MAX_UNZIPPED_BYTES`` etc. override the defaults."""

    #: files larger than this are not read (their hash is still computed, streaming)
    max_file_bytes: int = 200 * 1024 * 1024
    #: a DOCX whose members would unpack to more than this is refused (zip bomb)
    max_unzipped_bytes: int = 256 * 1024 * 1024
    #: a DOCX member compressed more than this ratio (and larger than 1 MiB) is refused
    max_zip_ratio: int = 200
    #: PDF pages read at most
    max_pdf_pages: int = 1000
    #: grid positions one HTML table may cover (rows × columns after rowspan/colspan): a real report table
    #: has a few hundred; 300 cells of rowspan=200 colspan=200 would need 12 million
    max_table_cells: int = 200_000
    #: characters of extracted text parsed at most (a report is 5-100 thousand; parsing needs ~200 bytes a
    #: character, so this keeps a worker well under 500 MB)
    max_text_chars: int = 1_000_000
    #: characters of one line at most (a line is a heading, a sentence or a table row)
    max_line_chars: int = 200_000

    @classmethod
    def from_env(cls) -> Limits:
        return cls(
            max_file_bytes=max_file_bytes(),
            max_unzipped_bytes=_env_int("ETL_MAX_UNZIPPED_BYTES", cls.max_unzipped_bytes),
            max_zip_ratio=_env_int("ETL_MAX_ZIP_RATIO", cls.max_zip_ratio),
            max_pdf_pages=_env_int("ETL_MAX_PDF_PAGES", cls.max_pdf_pages),
            max_table_cells=_env_int("ETL_MAX_TABLE_CELLS", cls.max_table_cells),
            max_text_chars=_env_int("ETL_MAX_TEXT_CHARS", cls.max_text_chars),
            max_line_chars=_env_int("ETL_MAX_LINE_CHARS", cls.max_line_chars),
        )

    def text_problem(self, text: str) -> str | None:
        """Why `text` is too large to parse safely, or None."""
        if len(text) > self.max_text_chars:
            return f"its text has {len(text):,} characters, more than {self.max_text_chars:,} (ETL_MAX_TEXT_CHARS)"
        longest = max(map(len, text.splitlines()), default=0)
        if longest > self.max_line_chars:
            return f"a line has {longest:,} characters, more than {self.max_line_chars:,} (ETL_MAX_LINE_CHARS)"
        return None


class TooComplex(Exception):
    """Input past one of the limits above; the extract stage records it as a ``too_complex`` issue."""


def too_complex_issue(name: str, why: str) -> Issue:
    return Issue("error", "too_complex", f"{name} was not parsed: {why}. A report is far smaller; check that the "
                 "file is the report and not a generated or damaged page (or raise the limit).")
