"""The `etl` command."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from etl.pipeline import process_file

app = typer.Typer(help="Turn government information disclosure annual reports into a PostgreSQL warehouse.",
                  no_args_is_help=True)


@app.command("parse")
def parse_command(
    files: list[Path] = typer.Argument(..., help="Report files (.txt .html .pdf .docx)."),
    as_json: bool = typer.Option(False, "--json", help="Print the parse contract as one JSON array."),
) -> None:
    """Parse report files without a database and print what was found.

    Example: etl parse reports/2015-hengyang.txt --json
    """
    docs = [process_file(f) for f in files]
    if as_json:
        typer.echo(json.dumps([d.to_contract() for d in docs], ensure_ascii=False, indent=1))
        return
    for doc in docs:
        typer.echo(f"{doc.path}: {len(doc.reports)} report(s), {len(doc.issues)} issue(s)")


@app.command("version")
def version() -> None:
    """Print the package and parser versions."""
    from etl import __version__
    from etl.model import PARSER_VERSION

    typer.echo(f"etl {__version__} (parser {PARSER_VERSION})")
