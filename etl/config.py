"""Settings from the environment, with defaults that need no setup.

- ``DATABASE_URL``: a PostgreSQL URL (``postgresql://user@host:5432/db``). When unset, an
  embedded PostgreSQL (pgserver) is started in ``$ETL_HOME/pgdata``.
- ``ETL_HOME``: where the embedded database and local state live (default ``./.etl``).
- ``ETL_WORKERS``: parse processes (default: the number of CPU cores).
- ``ETL_MAX_FILE_MB``: files larger than this are recorded with an issue, not parsed (default 200). The
  one size limit: the run and the extract stage both read it (`max_file_bytes`).
- ``ETL_WORKER_MEMORY_MB``: memory one parse worker may add while parsing a file (default 1024); a file
  that needs more is recorded with a ``too_complex`` issue and the run goes on (0 for no cap).
- ``ETL_PARSE_TIMEOUT``: seconds one file may take to parse before it is stopped and recorded with a
  ``parse_timeout`` issue (default 300; 0 for no limit).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    database_url: str | None
    home: Path
    workers: int
    max_file_bytes: int
    parse_timeout: float | None = None
    worker_memory_bytes: int | None = None

    @property
    def pgdata(self) -> Path:
        """The embedded server's data directory."""
        return self.home / "pgdata"


def load_settings() -> Settings:
    """Read the settings from the environment (called at use, so tests can change the environment)."""
    return Settings(
        database_url=os.environ.get("DATABASE_URL") or None,
        home=Path(os.environ.get("ETL_HOME", ".etl")).resolve(),
        workers=max(1, int(os.environ.get("ETL_WORKERS", os.cpu_count() or 1))),
        max_file_bytes=max_file_bytes(),
        parse_timeout=float(os.environ.get("ETL_PARSE_TIMEOUT", "300")) or None,
        worker_memory_bytes=int(float(os.environ.get("ETL_WORKER_MEMORY_MB", "1024")) * 1024 * 1024) or None,
    )


#: ETL_MAX_FILE_MB when unset (or not a number).
DEFAULT_MAX_FILE_MB = 200.0


def max_file_bytes() -> int:
    """ETL_MAX_FILE_MB in bytes (a value that is not a positive number means the default)."""
    try:
        megabytes = float(os.environ.get("ETL_MAX_FILE_MB", DEFAULT_MAX_FILE_MB))
    except ValueError:
        megabytes = DEFAULT_MAX_FILE_MB
    return int((megabytes if megabytes > 0 else DEFAULT_MAX_FILE_MB) * 1024 * 1024)
