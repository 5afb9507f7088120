"""Limits the extract stage enforces on untrusted input (overridable from the environment)."""

from __future__ import annotations

import os
from dataclasses import dataclass


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    """Size limits. ``ETL_MAX_FILE_BYTES`` etc. override the defaults."""

    #: files larger than this are not read (their hash is still computed, streaming)
    max_file_bytes: int = 64 * 1024 * 1024
    #: a DOCX whose members would unpack to more than this is refused (zip bomb)
    max_unzipped_bytes: int = 256 * 1024 * 1024
    #: a DOCX member compressed more than this ratio (and larger than 1 MiB) is refused
    max_zip_ratio: int = 200
    #: PDF pages read at most
    max_pdf_pages: int = 1000

    @classmethod
    def from_env(cls) -> Limits:
        return cls(
            max_file_bytes=_env_int("ETL_MAX_FILE_BYTES", cls.max_file_bytes),
            max_unzipped_bytes=_env_int("ETL_MAX_UNZIPPED_BYTES", cls.max_unzipped_bytes),
            max_zip_ratio=_env_int("ETL_MAX_ZIP_RATIO", cls.max_zip_ratio),
            max_pdf_pages=_env_int("ETL_MAX_PDF_PAGES", cls.max_pdf_pages),
        )
