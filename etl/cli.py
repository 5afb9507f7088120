"""The `etl` command: load reports, inspect runs, connect to and export from the warehouse.

Every database command uses DATABASE_URL when it is set, otherwise the embedded PostgreSQL in
$ETL_HOME/pgdata (default ./.etl). Errors are printed as one or two sentences, not tracebacks.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from etl.pipeline import process_file

app = typer.Typer(
    help="Turn government information disclosure annual reports (政府信息公开工作年度报告) into a PostgreSQL "
    "warehouse.\n\nStart with: etl run examples/reports, then etl status and etl db url.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
db_app = typer.Typer(
    help="Connect to, start, stop and migrate the warehouse database.\n\nExample: psql \"$(etl db url)\"",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(db_app, name="db")


def _print_version(value: bool) -> None:
    if value:
        from etl import __version__
        from etl.model import PARSER_VERSION

        typer.echo(f"etl {__version__} (parser {PARSER_VERSION})")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                 help="Print the package and parser versions and exit."),
) -> None:
    """Turn government information disclosure annual reports into a PostgreSQL warehouse."""
corpus_app = typer.Typer(help="Labelled corpora of real reports: check their gold files.", no_args_is_help=True,
                         rich_markup_mode=None)
app.add_typer(corpus_app, name="corpus")
users_app = typer.Typer(help="Read-only analyst logins, optionally scoped to regions.", no_args_is_help=True,
                        rich_markup_mode=None)
app.add_typer(users_app, name="users")

# Markup off: paths, labels and messages are data, and a name holding `[/x]` must print as itself (rich
# would read it as a closing tag and raise). Styles are given with style=, never as markup in the text.
out = Console(markup=False)
err = Console(stderr=True, markup=False)


class Abort(Exception):
    """A problem the user can fix; printed as a sentence, exit code attached."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Turn expected failures (unreachable database, busy lock, bad alias file) into short messages."""
    import psycopg
    import sqlalchemy.exc

    from etl.database import DatabaseUnavailable
    from etl.load import LockBusy

    try:
        yield
    except Abort as exc:
        err.print(str(exc), style="red", highlight=False)
        raise typer.Exit(exc.code) from None
    except DatabaseUnavailable as exc:
        err.print(str(exc), style="red", highlight=False)
        raise typer.Exit(2) from None
    except LockBusy as exc:
        err.print(str(exc), style="yellow", highlight=False)
        raise typer.Exit(75) from None  # EX_TEMPFAIL: cron may simply retry later
    except (psycopg.Error, sqlalchemy.exc.OperationalError, sqlalchemy.exc.ProgrammingError) as exc:
        first = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or ["database error"])[0]
        err.print(f"The database refused the operation: {first}", style="red", highlight=False)
        raise typer.Exit(2) from None


def _url(keep_running: bool = False):
    from etl.database import check_connection, database_url

    url = database_url(keep_running=keep_running)
    check_connection(url)
    return url


def _read_url():
    """The warehouse for a read-only command: it must exist and be at head; read commands never migrate
    (an analyst's login could not, and a reader should not change the schema under a running load)."""
    from etl.database import revision_behind, warehouse_missing

    missing = warehouse_missing()
    if missing:
        raise Abort(missing, 2)
    url = _url()
    behind = revision_behind(url)
    if behind:
        raise Abort(behind, 2)
    return url


# --------------------------------------------------------------------------- etl run


@app.command("run")
def run_command(
    paths: list[Path] = typer.Argument(..., help="Report files or folders (searched recursively; hidden files "
                                       "are skipped)."),
    workers: int = typer.Option(None, "--workers", "-w", help="Parse processes (default: ETL_WORKERS or the "
                                "number of cores; 0 parses in this process)."),
    aliases: Path = typer.Option(None, "--aliases", help="Agency alias CSV (alias,canonical_name,note); default "
                                 "$ETL_HOME/agency_aliases.csv, else the example shipped with etl."),
    corrections: Path = typer.Option(None, "--corrections", help="Analysts' corrections CSV (see "
                                     "etl/corrections.py); default $ETL_HOME/corrections.csv, else the empty "
                                     "example shipped with etl."),
    reparse: bool = typer.Option(False, "--reparse", help="Parse every file again even if this parser version "
                                 "already loaded it."),
    wait: bool = typer.Option(False, "--wait", help="If another run holds the warehouse, wait for it instead of "
                              "exiting with code 75."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar (on a terminal)."),
    scheduler: str = typer.Option(None, "--scheduler", envvar="ETL_SCHEDULER", help="Parse on a Dask cluster "
                                  "(scheduler address, e.g. tcp://host:8786; needs the [dask] extra and the files "
                                  "on storage every worker reads); database writes stay in this process."),
) -> None:
    """Load report files into the warehouse (incremental: unchanged files are skipped).

    Example: etl run examples/reports ~/reports/2024 --workers 4

    A rerun over the same files loads nothing new; files whose content changed, new files, and files
    loaded by an older parser version are parsed. Files that cannot be read or parsed are recorded with
    a parse issue (see etl status) and the run goes on. Only one run loads at a time.
    """
    from etl import pipeline
    from etl.config import load_settings
    from etl.corrections import CorrectionsFileError, corrections_file_path
    from etl.database import libpq_url, upgrade
    from etl.distributed import DaskUnavailable, ParserVersionMismatch
    from etl.load import AliasFileError, alias_file_path

    with friendly_errors():
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise Abort(f"No such file or folder: {', '.join(missing)}.", 2)
        settings = load_settings()
        if aliases is not None and not aliases.is_file():
            raise Abort(f"The alias file {aliases} does not exist.", 2)
        alias_file = alias_file_path(aliases, settings.home)
        if corrections is not None and not corrections.is_file():
            raise Abort(f"The corrections file {corrections} does not exist.", 2)
        corrections_file = corrections_file_path(corrections, settings.home)
        url = _url()
        workers = settings.workers if workers is None else max(0, workers)
        show = progress and err.is_terminal
        with _RunProgress(show) as bar:
            try:
                summary = pipeline.run(
                    paths, libpq_url(url), workers=workers, reparse=reparse, aliases=alias_file,
                    corrections=corrections_file,
                    wait_for_lock=wait, command=" ".join(["etl", *sys.argv[1:]])[:1000],
                    max_file_bytes=settings.max_file_bytes, parse_timeout=settings.parse_timeout,
                    migrate=lambda: upgrade(url), on_progress=bar.update,
                    failure_log=settings.home / "failed-runs.jsonl", worker_memory_bytes=settings.worker_memory_bytes,
                    scheduler=scheduler or None,
                )
            # a malformed alias or corrections file, or a Dask setup that cannot work: exit 2 with the fix
            except (AliasFileError, CorrectionsFileError, DaskUnavailable, ParserVersionMismatch) as exc:
                raise Abort(str(exc), 2) from None
            except (pipeline.Interrupted, KeyboardInterrupt):
                raise Abort("The run was stopped; what was committed is kept. Run it again to finish.", 130) from None
        _print_summary(summary, alias_file)


class _RunProgress:
    """A rich progress bar fed by pipeline.run's on_progress callback."""

    def __init__(self, show: bool) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.counts = {"new": 0, "unchanged": 0, "failed": 0}
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=err, disable=not show, transient=False)
        self.task = self.bar.add_task("files", total=None)

    def __enter__(self) -> _RunProgress:
        self.bar.start()
        return self

    def __exit__(self, *exc) -> None:
        self.bar.stop()

    def update(self, kind: str, n: int) -> None:
        if kind == "total":
            self.bar.update(self.task, total=n)
            return
        key = {"loaded": "new", "partial": "new", "no_report": "new"}.get(kind, kind)
        self.counts[key] = self.counts.get(key, 0) + n
        c = self.counts
        self.bar.update(self.task, advance=n,
                        description=f"new {c['new']} · unchanged {c['unchanged']} · failed {c['failed']}")


def _print_summary(summary, alias_file: Path | None) -> None:
    c = summary.counts
    out.print(f"Run {summary.run_id} {summary.status} in {summary.seconds:.1f} s: files seen {c.files_seen}, "
              f"new {c.files_new}, unchanged {c.files_unchanged}, failed {c.files_failed}; "
              f"{c.reports_loaded} report(s) and {c.facts_loaded} figure(s) loaded.", highlight=False)
    years = sorted(set(summary.reports_by_year) | set(summary.primary_by_year), key=lambda y: (y is None, y or 0))
    if years:
        table = Table("year", "reports loaded now", "primary reports in warehouse", title="Reports per year")
        for year in years:
            table.add_row("unknown" if year is None else str(year), str(summary.reports_by_year.get(year, 0)),
                          str(summary.primary_by_year.get(year, 0)))
        out.print(table)
    if c.files_failed:
        out.print(f"{c.files_failed} file(s) failed; `etl status` lists them with the reason.", style="yellow")
    if summary.message:
        out.print(summary.message, style="yellow", highlight=False)
    if alias_file:
        out.print(f"Agency aliases from {alias_file}.", style="dim", highlight=False)
    if summary.corrections_applied:
        out.print(f"{summary.corrections_applied} analyst correction(s) applied.", style="dim", highlight=False)
    for note in summary.corrections_not_applied:
        out.print(f"Correction not applied: {note}", style="yellow", highlight=False)


# --------------------------------------------------------------------------- etl parse


@app.command("parse")
def parse_command(
    files: list[Path] = typer.Argument(..., help="Report files (.txt .html .pdf .docx)."),
    as_json: bool = typer.Option(False, "--json", help="Print the parse contract as one JSON array."),
) -> None:
    """Parse report files without a database and print what was found.

    Example: etl parse reports/2015-hengyang.txt --json

    The JSON (one object per file) is the documented contract between the parser and the loader.
    """
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        err.print(f"No such file: {', '.join(missing)}.", style="red", highlight=False)
        raise typer.Exit(2)
    docs = [process_file(f) for f in files]
    if as_json:
        typer.echo(json.dumps([d.to_contract() for d in docs], ensure_ascii=False, indent=1))
        return
    for doc in docs:
        typer.echo(f"{doc.path}: {len(doc.reports)} report(s), {len(doc.issues)} issue(s)")
        for report in doc.reports:
            typer.echo(f"  {report.year or '?'} {report.agency.name or '(agency unknown)'}: {report.format}, "
                       f"{len(report.sections)} section(s), {len(report.facts)} figure(s)")


# --------------------------------------------------------------------------- etl status


def _table_console() -> Console:
    """A console sized when the command runs: the terminal's width (or COLUMNS), and wide when piped so
    numbers and paths are never cut at 80 columns."""
    import os

    if out.is_terminal or os.environ.get("COLUMNS"):
        return Console(markup=False)  # data, never markup (see `out`)
    return Console(width=10_000, markup=False)


@app.command("status")
def status_command(
    runs: int = typer.Option(10, "--runs", "-n", help="How many recent runs to show."),
) -> None:
    """Show recent runs, open parse issues grouped by code, and documents that failed.

    Example: etl status --runs 5

    A run still marked running while no run holds the warehouse lock was killed or crashed; it is
    shown as interrupted (the next `etl run` records it so).
    """
    import psycopg

    from etl.database import libpq_url
    from etl.load import run_lock_held

    screen = _table_console()
    with friendly_errors():
        url = _read_url()
        with psycopg.connect(libpq_url(url)) as conn:
            lock_held = run_lock_held(conn)
            rows = conn.execute(
                "SELECT id, started_at, finished_at, status, files_seen, files_new, files_unchanged, files_failed, "
                "reports_loaded, facts_loaded, message FROM ingest.etl_run ORDER BY id DESC LIMIT %s", (runs,)
            ).fetchall()
            table = Table("run", "started", "status", "seen", "new", "same", "failed", "reports", "figures",
                          "message", title="Recent runs")
            table.columns[1].no_wrap = table.columns[2].no_wrap = True
            for (rid, started, _finished, status, seen, new, unchanged, failed, reports, facts, message) in rows:
                if status == "running" and not lock_held:
                    status = "interrupted"
                style = {"succeeded": "green", "failed": "red", "interrupted": "yellow"}.get(status, "")
                shown = Text(status, style=style)
                table.add_row(str(rid), f"{started:%Y-%m-%d %H:%M}", shown, str(seen), str(new), str(unchanged),
                              str(failed), str(reports), str(facts),
                              (message or "")[:80])
            screen.print(table if rows else "No runs yet: try `etl run examples/reports`.")
            issues = conn.execute(
                "SELECT severity, code, count(*), count(DISTINCT document_id), min(message) FROM ingest.parse_issue "
                "GROUP BY severity, code ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, "
                "count(*) DESC"
            ).fetchall()
            if issues:
                table = Table("severity", "code", "issues", "documents", "example", title="Open parse issues")
                for severity, code, n, docs, example in issues:
                    table.add_row(severity, code, str(n), str(docs), Text(example[:100]))
                screen.print(table)
            failed = conn.execute(
                "SELECT d.path, (SELECT string_agg(i.message, ' ' ORDER BY i.id) FROM ingest.parse_issue i "
                "WHERE i.document_id = d.id AND i.severity = 'error') FROM ingest.source_document d "
                "WHERE d.status = 'failed' ORDER BY d.path LIMIT 50"
            ).fetchall()
            if failed:
                table = Table("file", "why", title="Documents that failed")
                for path, why in failed:
                    table.add_row(Text(path), Text((why or "")[:160]))  # paths are not markup
                screen.print(table)
            _print_lifecycle(conn, screen)


def _print_lifecycle(conn, screen: Console) -> None:
    """Files that disappeared (missing) and contents that an edit in place replaced (superseded).

    Their documents and reports are kept (history stays queryable, see analytics.report_files) but
    are never primary; a file that re-appears makes its document current again.
    """
    counts = dict(conn.execute(
        "SELECT presence, count(*) FROM ingest.source_document WHERE presence <> 'current' GROUP BY presence"
    ).fetchall())
    if not counts:
        return
    screen.print(f"Documents kept for history, not primary: {counts.get('superseded', 0)} superseded (file edited "
                 f"in place), {counts.get('missing', 0)} missing (file gone).")
    rows = conn.execute(
        "SELECT d.presence, coalesce(f.path, d.path), coalesce(f.missing_since_run_id::text, ''), "
        "coalesce(d.superseded_by_id::text, '') FROM ingest.source_document d "
        "LEFT JOIN ingest.source_file f ON f.document_id = d.id WHERE d.presence <> 'current' "
        "ORDER BY d.presence, 2 LIMIT 50"
    ).fetchall()
    table = Table("presence", "file", "missing since run", "now document", title="Files gone or edited in place")
    for presence, path, since, successor in rows:
        table.add_row(presence, Text(path), since, successor)
    screen.print(table)


# --------------------------------------------------------------------------- etl db …


@db_app.command("url")
def db_url(
    role: str = typer.Option(None, "--role", help="Print a read-only login's URL instead of the owner's: "
                             "analyst (the shared BI login ogi_bi, created on first use) or a name given to "
                             "`etl users add`."),
) -> None:
    """Print a connection string for psql or a BI tool (starts the embedded server and leaves it running).

    Example: psql "$(etl db url)" -c 'SELECT count(*) FROM warehouse.report'

    The owner's URL reads its password from $ETL_HOME/pgpass (mode 0600). For a BI tool use
    `etl db start --tcp` and `etl db url --role analyst`: a read-only login over 127.0.0.1.
    """
    from etl.config import load_settings
    from etl.database import printable_url

    with friendly_errors():
        settings = load_settings()
        url = _url(keep_running=True)
        if role is None:
            typer.echo(printable_url(url, settings))
        else:
            typer.echo(_login_url(url, role, settings))
        if not settings.database_url:
            err.print("The embedded server keeps running for your tools; stop it with `etl db stop`.", style="dim")


def _login_url(url, role: str, settings) -> str:
    """The URL of a read-only login; the shared BI login is created (with a new password) when unknown."""
    import psycopg

    from etl.database import libpq_url, login_url
    from etl.users import BI_LOGIN, UserError, add_user, load_logins, remember

    name = BI_LOGIN if role == "analyst" else role
    password = load_logins(settings.home).get(name)
    if password is None:
        if name != BI_LOGIN:
            raise Abort(f"No password is kept for {name} in {settings.home}: create or reset the login with "
                        f"`etl users add {name}`.", 2)
        with psycopg.connect(libpq_url(url), autocommit=True) as conn:
            try:
                password = add_user(conn, name)
            except UserError as exc:
                raise Abort(str(exc), 2) from None
        remember(settings.home, name, password)
    return libpq_url(login_url(url, name, password, settings))


@db_app.command("start")
def db_start(
    tcp: bool = typer.Option(False, "--tcp", help="Also listen on 127.0.0.1 (password required) for BI tools "
                             "such as Metabase, Tableau (JDBC) or another local user."),
    port: int = typer.Option(5432, "--port", help="TCP port with --tcp."),
) -> None:
    """Start the embedded PostgreSQL and keep it running (for psql, Metabase, Superset …).

    Example: etl db start --tcp --port 5433 && etl db url --role analyst

    Every connection needs a password (scram-sha-256). Without --tcp the server listens only on a
    Unix socket in a folder only its owner can enter.
    """
    from etl.config import load_settings
    from etl.database import DATABASE_NAME, _ensure_database, embedded_url, printable_url, upgrade

    with friendly_errors():
        settings = load_settings()
        if settings.database_url:
            if tcp:
                raise Abort("DATABASE_URL is set: the server it names decides where it listens.", 2)
            out.print("DATABASE_URL is set, so there is no embedded server to start; the warehouse is at:")
            typer.echo(printable_url(_url(keep_running=True), settings))
            return
        url = embedded_url(settings.home, keep_running=True, tcp_port=port if tcp else None)
        _ensure_database(url)
        url = url.set(database=DATABASE_NAME)
        upgrade(url)
        where = f" and on 127.0.0.1:{port}" if tcp else ""
        out.print(f"The embedded warehouse is running in {settings.pgdata}{where}; connect with:", highlight=False)
        typer.echo(printable_url(_url(keep_running=True), settings))
        if tcp:
            out.print("For a BI tool: etl db url --role analyst", style="dim")


@db_app.command("stop")
def db_stop() -> None:
    """Stop the embedded PostgreSQL started by `etl db start` or `etl db url`.

    Example: etl db stop
    """
    from etl.config import load_settings
    from etl.database import stop_embedded

    settings = load_settings()
    if settings.database_url:
        err.print("DATABASE_URL is set: that server is not ours to stop.", style="yellow")
        raise typer.Exit(1)
    stopped = stop_embedded(settings.pgdata)
    out.print("Stopped the embedded warehouse." if stopped else "The embedded warehouse was not running.")


def _known_revision(revision: str) -> str:
    from etl.database import resolve_revision

    resolved = resolve_revision(revision)
    if resolved is None:
        raise Abort(f"There is no schema revision {revision!r}: use head, base, -1 or a revision id from "
                    "migrations/versions/.", 2)
    return resolved


@db_app.command("upgrade")
def db_upgrade(revision: str = typer.Argument("head", help="Target revision (default head).")) -> None:
    """Migrate the warehouse schema up (etl run does this by itself).

    Example: etl db upgrade head
    """
    from etl.database import current_revision, upgrade

    with friendly_errors():
        target = _known_revision(revision)
        url = _url()
        before = current_revision(url)
        upgrade(url, revision)
        after = current_revision(url)
        if after == before:
            where = "already at" if after == target else f"at {after}, past"
            out.print(f"Nothing to upgrade: the warehouse is {where} revision {target}.", highlight=False)
        else:
            out.print(f"Upgraded the warehouse from revision {before} to {after}.", highlight=False)


@db_app.command("downgrade")
def db_downgrade(
    revision: str = typer.Argument("-1", help="Target revision: -1 (one step, the default), a revision id, "
                                   "or base (drops every table and all data)."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask before `downgrade base` drops everything."),
) -> None:
    """Migrate the warehouse schema down.

    Example: etl db downgrade -1    (undo the latest migration)
    """
    from etl.database import current_revision, downgrade

    with friendly_errors():
        target = _known_revision(revision)
        url = _url()
        if target == "base" and not yes:
            if not sys.stdin.isatty():
                raise Abort("`etl db downgrade base` drops every table and all data; pass --yes to confirm.", 2)
            if not typer.confirm(f"Drop every table and all data of {url.database}?", default=False):
                raise Abort("Nothing was changed.", 1)
        before = current_revision(url)
        downgrade(url, revision)
        after = current_revision(url)
        if after == before:
            out.print(f"Nothing to downgrade: the warehouse is at revision {after}.", highlight=False)
        else:
            out.print(f"Downgraded the warehouse from revision {before} to {after}.", highlight=False)


# --------------------------------------------------------------------------- etl users …


@users_app.command("add")
def users_add(
    name: str = typer.Argument(..., help="Login name (lower-case letters, digits, _)."),
    region: list[str] = typer.Option(None, "--region", help="GB/T 2260 division code the login may see "
                                     "(repeatable; 430000 a province, 430400 a city). Default: all regions."),
) -> None:
    """Create a read-only analyst login with a new password (or reset an existing one's password and regions).

    Example: etl users add alice --region 430000

    The login reads the analytics views only; with --region, every view (rollups included) shows only
    agencies within those divisions. The password is printed once and kept in $ETL_HOME/logins.json
    (mode 0600) for `etl db url --role NAME`.
    """
    import psycopg

    from etl.config import load_settings
    from etl.database import libpq_url, login_url, upgrade
    from etl.users import UserError, add_user, remember

    with friendly_errors():
        settings = load_settings()
        url = _url()
        upgrade(url)  # the scope table arrives with revision 0006
        with psycopg.connect(libpq_url(url), autocommit=True) as conn:
            try:
                password = add_user(conn, name, region or [])
            except UserError as exc:
                raise Abort(str(exc), 2) from None
        remember(settings.home, name, password)
        scope = ", ".join(sorted(set(region))) if region else "all regions"
        out.print(f"Login {name} (read-only, {scope}); its URL:", highlight=False)
        typer.echo(libpq_url(login_url(url, name, password, settings)))


@users_app.command("list")
def users_list() -> None:
    """List the analyst logins and the regions each may see.

    Example: etl users list
    """
    import psycopg

    from etl.database import libpq_url
    from etl.users import scopes

    with friendly_errors():
        with psycopg.connect(libpq_url(_read_url())) as conn:
            logins = scopes(conn)
        table = Table("login", "regions", title="Analyst logins")
        for name, codes in logins.items():
            table.add_row(name, ", ".join(codes) or "all")
        out.print(table if logins else "No analyst logins yet: etl users add NAME.")


# --------------------------------------------------------------------------- etl export


@app.command("export")
def export_command(
    view: str = typer.Argument(..., help="A view (or table) of the analytics schema."),
    fmt: str = typer.Option("csv", "--format", "-f", help="csv or parquet."),
    output: Path = typer.Option(None, "--output", "-o", help="Output file (default VIEW.csv / VIEW.parquet; "
                                "- for standard output, csv only)."),
    excel: bool = typer.Option(False, "--excel", help="CSV for Excel: start with a UTF-8 byte-order mark so "
                               "Chinese text opens ungarbled."),
) -> None:
    """Export an analytics view to CSV or Parquet, typed from the view's declared column types.

    Example: etl export report_headline --format parquet -o headline.parquet

    Parquet columns keep one type whatever the rows (numeric without a declared scale becomes
    decimal128(38,10)); CSV writes booleans as true/false. Both stream, so large views use little
    memory. An unknown name lists the views you can export.
    """
    import psycopg

    from etl.database import libpq_url
    from etl.export import ViewError, view_columns, write_csv, write_parquet

    with friendly_errors():
        if fmt not in ("csv", "parquet"):
            raise Abort("--format must be csv or parquet.", 2)
        if excel and fmt != "csv":
            raise Abort("--excel applies to CSV only.", 2)
        if fmt == "parquet" and output == Path("-"):
            raise Abort("Parquet cannot go to standard output; give a file with -o.", 2)
        name = view.removeprefix("analytics.")
        url = _read_url()
        with psycopg.connect(libpq_url(url)) as conn:
            try:
                view_columns(conn, name)
            except ViewError as exc:
                raise Abort(str(exc).replace("you can read", "you can export"), 2) from None
            if fmt == "csv":
                target = None if output == Path("-") else (output or Path(f"{name}.csv"))
                handle = sys.stdout.buffer if target is None else target.open("wb")
                try:
                    write_csv(conn, name, handle, excel=excel)
                finally:
                    if target is not None:
                        handle.close()
            else:
                target = output or Path(f"{name}.parquet")
                write_parquet(conn, name, target)
            if target is not None:
                err.print(f"Wrote analytics.{name} to {target}.", highlight=False)


# --------------------------------------------------------------------------- etl cards


@app.command("cards")
def cards_command(
    output: Path = typer.Option(Path("cards"), "--output", "-o", help="Folder to write the site into (created; "
                                "its agency/ and region/ folders are replaced)."),
) -> None:
    """Build report cards: a static HTML site with one page per agency and per region, and a searchable index.

    Read from the analytics views only: trend charts, peers, check results, open parse issues and the
    provenance of every figure. The pages need no server and no internet (open index.html).

    Example: etl cards -o cards && xdg-open cards/index.html
    """
    import time

    import psycopg

    from etl.cards import build_site, fetch
    from etl.database import libpq_url, upgrade

    with friendly_errors():
        started = time.monotonic()
        url = _url()
        upgrade(url)
        with psycopg.connect(libpq_url(url)) as conn:
            data = fetch(conn, libpq_url(url))
        summary = build_site(data, output)
    out.print(f"Wrote {summary.files} page(s) to {output} ({summary.agencies} agencies, {summary.regions} regions) "
              f"in {time.monotonic() - started:.1f} s; open {output / 'index.html'}.", highlight=False)


# --------------------------------------------------------------------------- etl checks


@app.command("checks")
def checks_command(
    show: int = typer.Option(5, "--show", help="Offending rows to print per failing check."),
) -> None:
    """Run the data-quality checks of sql/checks/ against the warehouse.

    Each check is a query returning the rows that break a rule (Table 3 balance, one primary
    report per agency and year, coverage gaps …), marked fail or warn. The command exits with
    code 1 when a fail-severity check finds rows, so a nightly job can alert on it.

    Example: etl checks --show 10
    """
    from etl.views import format_outcomes, run_checks

    with friendly_errors():
        engine = ready_engine_for_cli()
        with engine.connect() as conn:
            outcomes = run_checks(conn)
        engine.dispose()
    typer.echo(format_outcomes(outcomes))
    for outcome in outcomes:
        if outcome.rows and show > 0:
            typer.echo(f"\n{outcome.name} ({outcome.severity}):")
            for row in outcome.rows[:show]:
                typer.echo("  " + ", ".join(f"{k}={v}" for k, v in row.items()))
    if any(o.severity == "fail" and o.rows for o in outcomes):
        raise typer.Exit(1)


def ready_engine_for_cli():
    """The configured warehouse as an engine, for reading: never migrated here (see _read_url)."""
    from etl.database import make_engine

    return make_engine(_read_url())


# --------------------------------------------------------------------------- etl score, devset, corpus


def _shared_folder(name: str) -> Path:
    beside_repo = Path(__file__).resolve().parent.parent.parent / "shared" / name
    return beside_repo if beside_repo.is_dir() else Path("../shared") / name


@app.command("score")
def score_command(
    folder: Path = typer.Argument(..., help="A labelled folder: the corpus (reports/ + gold/, e.g. tests/corpus), "
                                  "the development set (../shared/devset) or the seeds (../shared/seeds)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every miss with the expected and produced "
                                 "value."),
    json_out: Path = typer.Option(None, "--json", help="Also write every field's verdict as JSON to this file."),
) -> None:
    """Score the parser field by field against hand-checked labels. Needs no database.

    Each labelled report runs through the real pipeline. The table breaks accuracy down by field family
    (metadata, table_cells, prose_figures, measures), format (template / prose / not_report) and
    completeness (complete / partial page); false zeros (unstated stored as 0) and approximate-flag
    mismatches are counted apart. Accuracy = (correct + both blank) / fields scored.

    Example: etl score tests/corpus --verbose
    """
    from etl import score

    if not score.is_labelled_folder(folder):
        typer.echo(f"no labelled reports at {folder} (expected gold/*.json or expected/*.json)", err=True)
        raise typer.Exit(1)
    result = score.score_folder(folder)
    typer.echo(result.format_table(verbose=verbose))
    if json_out is not None:
        json_out.write_text(score.dump_json(result), encoding="utf-8")


@app.command("devset")
def devset_command(
    folder: Path = typer.Argument(None, help="The development set folder: reports/*.txt and gold/*.json "
                                  "(default: ../shared/devset beside the repository or the current folder)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every miss."),
) -> None:
    """Score the parser against the development set: `etl score` on ../shared/devset.

    Example: etl devset ../shared/devset
    """
    from etl import score

    folder = folder or _shared_folder("devset")
    if not (folder / "reports").is_dir():
        typer.echo(f"no devset at {folder} (expected reports/ and gold/)", err=True)
        raise typer.Exit(1)
    typer.echo(score.score_folder(folder).format_table(verbose=verbose))


@corpus_app.command("check")
def corpus_check_command(
    folder: Path = typer.Argument(Path("tests/corpus"), help="A corpus folder (reports/ + gold/)."),
    only: list[str] = typer.Option(None, "--only", help="Check only these item ids (repeatable)."),
) -> None:
    """Check the gold files of a labelled corpus: keys, every template cell, identities, numbers in the source.

    Then prints how the corpus spreads over years, formats, media, provinces, levels, damage and sources.

    Exit status 1 when any gold file has a problem; each problem names the item and what to re-read.

    Example: etl corpus check tests/corpus --only 2021_js_example
    """
    from etl.corpus import check_corpus, format_spread, spread

    problems = check_corpus(folder, only or None, _shared_folder("corpus-exclusions.txt"))
    for problem in problems:
        typer.echo(str(problem))
    if not only:
        typer.echo(format_spread(spread(folder)))
    typer.echo(f"{len(problems)} problem(s)")
    if problems:
        raise typer.Exit(1)


@app.command("version")
def version() -> None:
    """Print the package and parser versions.

    Example: etl version
    """
    from etl import __version__
    from etl.model import PARSER_VERSION

    typer.echo(f"etl {__version__} (parser {PARSER_VERSION})")
