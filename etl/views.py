"""The analyst layer: view definitions, data-quality checks and the data dictionary.

- ``sql/views/<name>.sql`` is the current definition of ``analytics.<name>`` (CREATE VIEW plus its
  COMMENT ON statements). Migrations embed a frozen copy of the text they apply; this module reads the
  files (for tests, for embedding into a new revision, and to order views by their dependencies).
- ``sql/checks/<name>.sql`` is a data-quality check: a SELECT returning the offending rows, with
  ``-- severity: fail|warn`` and ``-- description: …`` header lines.
- ``data_dictionary(connection)`` renders docs/data-dictionary.md from the comments of a migrated
  database.

Command line (the database is the configured warehouse, migrated to head first)::

    python -m etl.views dictionary > docs/data-dictionary.md
    python -m etl.views checks
    python -m etl.views revision "report_headline adds fees" report_headline   # writes a new revision
    python -m etl.views embed report_headline        # just the frozen text, as Python
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import sqlalchemy as sa

REPO_ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = REPO_ROOT / "sql"
VIEWS_DIR = SQL_DIR / "views"
CHECKS_DIR = SQL_DIR / "checks"
EXAMPLES_DIR = SQL_DIR / "examples"
ANALYTICS = "analytics"
ANALYST_ROLE = "ogi_analyst"
#: Owner of every analytics view (revision 0006): not a superuser, so row-level security scopes analysts.
VIEW_OWNER = "ogi_views"
DICTIONARY_SCHEMAS = ("ingest", "warehouse", "analytics")
SEVERITIES = ("fail", "warn")

# --------------------------------------------------------------------------- views


def view_sql(name: str) -> str:
    """The text of sql/views/<name>.sql: the current definition of analytics.<name>."""
    return (VIEWS_DIR / f"{name}.sql").read_text(encoding="utf-8")


def view_dependencies(name: str, known: Iterable[str] | None = None) -> set[str]:
    """Other analytics views that the definition of `name` reads (``analytics.<other>`` references)."""
    known = set(known if known is not None else _view_files())
    referenced = set(re.findall(rf"\b{ANALYTICS}\.(\w+)", _strip_comments(view_sql(name))))
    return (referenced & known) - {name}


def _strip_comments(sql: str) -> str:
    """The SQL without ``--`` comment lines and COMMENT ON statements (they name the view itself)."""
    kept = [line for line in sql.splitlines() if not line.lstrip().startswith(("--", "COMMENT ON"))]
    return "\n".join(kept)


def _view_files() -> list[str]:
    return sorted(p.stem for p in VIEWS_DIR.glob("*.sql"))


@cache
def view_names() -> tuple[str, ...]:
    """All views in sql/views/, dependencies first (ties in alphabetical order)."""
    names = _view_files()
    deps = {n: view_dependencies(n, names) for n in names}
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [n for n in names if n not in ordered and deps[n] <= set(ordered)]
        if not ready:
            cycle = sorted(set(names) - set(ordered))
            raise ValueError(f"sql/views has a dependency cycle among {cycle}")
        ordered.extend(ready[:1])
    return tuple(ordered)


def apply_views(connection: sa.Connection, names: Sequence[str] | None = None) -> None:
    """Run the definition files of `names` (default: all, in dependency order) on `connection`."""
    for name in names or view_names():
        connection.execute(sa.text(view_sql(name)))


def drop_views(connection: sa.Connection, names: Sequence[str] | None = None) -> None:
    """Drop `names` (default: every view in sql/views/), dependants first."""
    for name in reversed(names or view_names()):
        connection.execute(sa.text(f"DROP VIEW IF EXISTS {ANALYTICS}.{name}"))


def view_signature(connection: sa.Connection, schema: str = ANALYTICS) -> dict[str, dict[str, object]]:
    """What defines each view of `schema` in the database: query text, columns, types and comments.

    Two databases whose signatures are equal have the same views, whatever way they were created.
    """
    rows = connection.execute(
        sa.text(
            """
            SELECT c.relname, pg_get_viewdef(c.oid, true), obj_description(c.oid, 'pg_class'),
                   a.attname, format_type(a.atttypid, a.atttypmod), col_description(c.oid, a.attnum)
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE n.nspname = :schema AND c.relkind = 'v'
            ORDER BY c.relname, a.attnum
            """
        ),
        {"schema": schema},
    )
    signature: dict[str, dict[str, object]] = {}
    for view, definition, comment, column, type_, column_comment in rows:
        entry = signature.setdefault(view, {"definition": definition, "comment": comment, "columns": []})
        entry["columns"].append((column, type_, column_comment))  # type: ignore[union-attr]
    return signature


def dependants(names: Iterable[str]) -> set[str]:
    """The views that read any of `names`, directly or through other views (names excluded)."""
    found: set[str] = set()
    frontier = set(names)
    while frontier:
        frontier = {v for v in view_names() if view_dependencies(v) & frontier} - found - set(names)
        found |= frontier
    return found


TRIPLE_QUOTE = "'" * 3


def _literal(pairs: Sequence[tuple[str, str]], variable: str, comment: str) -> str:
    """``VARIABLE = [(name, r'''text'''), …]`` as Python source, each text kept byte for byte."""
    lines = [f"# {comment}", f"{variable} = ["]
    for name, text in pairs:
        if TRIPLE_QUOTE in text or "\\" in text:
            raise ValueError(f"{name}: the text contains {TRIPLE_QUOTE} or a backslash; it cannot be embedded verbatim")
        lines.append(f"    ({name!r}, r{TRIPLE_QUOTE}{text}{TRIPLE_QUOTE}),")
    lines.append("]")
    return "\n".join(lines) + "\n"


def embed(names: Sequence[str]) -> str:
    """Python source freezing the current text of the given views (dependency order) as ``VIEWS``."""
    order = [n for n in view_names() if n in set(names)]
    missing = set(names) - set(order)
    if missing:
        raise ValueError(f"no such view file in sql/views: {sorted(missing)}")
    return _literal(
        [(n, view_sql(n)) for n in order], "VIEWS",
        "Frozen copies of sql/views/<name>.sql at this revision, in dependency order.",
    )


def embedded_views(script_location: Path | None = None) -> dict[str, str]:
    """The text of each view as the migrations apply it at head (the latest revision embedding it wins)."""
    from alembic.script import ScriptDirectory

    from etl.database import MIGRATIONS_DIR

    script = ScriptDirectory(str(script_location or MIGRATIONS_DIR))
    texts: dict[str, str] = {}
    for revision in reversed(list(script.walk_revisions())):  # base first
        for name, text in getattr(revision.module, "VIEWS", []):
            texts[name] = text
    return texts


REVISION_TEMPLATE = '''"""{message}

Re-applies views whose definition changed in sql/views/ (and the views that read them), with the
text frozen below. Generated by `python -m etl.views revision`; never edit after it has landed.

Revision ID: {revision}
Revises: {down_revision}
Create Date: {created}
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = {revision!r}
down_revision: str | None = {down_revision!r}
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ANALYST_ROLE = {role!r}
VIEW_OWNER = {owner!r}

{views}
{previous}

def _drop(names: list[str]) -> None:
    for name in reversed(names):
        op.execute(f"DROP VIEW IF EXISTS analytics.{{name}}")


def _create(views: list[tuple[str, str]]) -> None:
    for name, sql in views:
        op.execute(sa.text(sql))
        # views run with their owner's rights: a superuser owner would bypass the region scoping (0006)
        op.execute(f"""DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{{VIEW_OWNER}}') THEN
            ALTER VIEW analytics.{{name}} OWNER TO {{VIEW_OWNER}}; END IF; END $$""")
    op.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO {{ANALYST_ROLE}}")


def upgrade() -> None:
    _drop([name for name, _ in VIEWS])
    _create(VIEWS)


def downgrade() -> None:
    _drop([name for name, _ in VIEWS])
    _create(PREVIOUS_VIEWS)
'''


def new_revision(message: str, names: Sequence[str], script_location: Path | None = None) -> Path:
    """Write a revision re-applying `names` (and their dependants) from sql/views/; return its path.

    The previous text of each view (for the downgrade) is the one the existing revisions apply.
    """
    import datetime as dt

    from alembic.script import ScriptDirectory

    from etl.database import MIGRATIONS_DIR

    location = script_location or MIGRATIONS_DIR
    head = ScriptDirectory(str(location)).get_current_head()
    revision = f"{int(head or 0) + 1:04d}"
    affected = set(names) | dependants(names)
    order = [n for n in view_names() if n in affected]
    unknown = set(names) - set(order)
    if unknown:
        raise ValueError(f"no such view file in sql/views: {sorted(unknown)}")
    previous = embedded_views(location)
    now = dt.datetime.now(dt.UTC)
    slug = re.sub(r"[^a-z0-9]+", "_", message.lower()).strip("_")[:40] or "views"
    text = REVISION_TEMPLATE.format(
        message=message,
        revision=revision,
        down_revision=head,
        created=now.strftime("%Y-%m-%d %H:%M:%S"),
        role=ANALYST_ROLE,
        owner=VIEW_OWNER,
        views=embed(order),
        previous=_literal(
            [(n, previous[n]) for n in order if n in previous], "PREVIOUS_VIEWS",
            "The text the earlier revisions applied, restored by the downgrade (views new here have none).",
        ),
    )
    path = location / "versions" / f"{now:%Y_%m_%d}_{revision}_{slug}.py"
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- checks


@dataclass(frozen=True)
class Check:
    """A data-quality check: a SELECT that returns the offending rows."""

    name: str
    severity: str
    description: str
    sql: str


@dataclass
class CheckOutcome:
    """What a check found: no rows means it passed."""

    check: Check
    rows: list[dict[str, object]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.rows

    @property
    def name(self) -> str:
        return self.check.name

    @property
    def severity(self) -> str:
        return self.check.severity


def _header(sql: str, key: str) -> str | None:
    match = re.search(rf"^--\s*{key}:\s*(.+)$", sql, flags=re.MULTILINE)
    return match.group(1).strip() if match else None


def load_checks(directory: Path = CHECKS_DIR) -> list[Check]:
    """The checks in sql/checks/, by name; each must declare ``-- severity: fail|warn``."""
    checks = []
    for path in sorted(directory.glob("*.sql")):
        sql = path.read_text(encoding="utf-8")
        severity = _header(sql, "severity")
        if severity not in SEVERITIES:
            raise ValueError(f"{path.name}: header must declare '-- severity: fail' or '-- severity: warn'")
        checks.append(Check(path.stem, severity, _header(sql, "description") or "", sql))
    return checks


def run_checks(connection: sa.Connection, checks: Sequence[Check] | None = None) -> list[CheckOutcome]:
    """Run every check (default: all of sql/checks/) and return what each found."""
    outcomes = []
    for check in checks if checks is not None else load_checks():
        result = connection.execute(sa.text(check.sql))
        outcomes.append(CheckOutcome(check, [dict(row) for row in result.mappings()]))
    return outcomes


def format_outcomes(outcomes: Sequence[CheckOutcome]) -> str:
    """A short plain-text summary, one line per check."""
    lines = []
    for outcome in outcomes:
        state = "ok" if outcome.passed else ("FAIL" if outcome.severity == "fail" else "warn")
        lines.append(f"{state:4}  {outcome.name:28}  {len(outcome.rows):6} rows  {outcome.check.description}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- data dictionary


def _cell(text: str | None) -> str:
    return (text or "").replace("\r", " ").replace("\n", " ").replace("|", "\\|").strip()


def data_dictionary(connection: sa.Connection, schemas: Sequence[str] = DICTIONARY_SCHEMAS) -> str:
    """docs/data-dictionary.md: every table and view of `schemas` with its columns, types and comments."""
    relations = connection.execute(
        sa.text(
            """
            SELECT n.nspname, c.relname, c.relkind, obj_description(c.oid, 'pg_class'), c.oid
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY(:schemas) AND c.relkind IN ('r', 'v', 'p')
            ORDER BY array_position(:schemas, n.nspname::text), c.relkind = 'v', c.relname COLLATE "C"
            """
        ),
        {"schemas": list(schemas)},
    ).all()
    columns = connection.execute(
        sa.text(
            """
            SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   col_description(a.attrelid, a.attnum)
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY(:schemas) AND c.relkind IN ('r', 'v', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attrelid, a.attnum
            """
        ),
        {"schemas": list(schemas)},
    ).all()
    by_relation: dict[int, list[tuple]] = {}
    for oid, name, type_, not_null, comment in columns:
        by_relation.setdefault(oid, []).append((name, type_, not_null, comment))

    out = [
        "# Data dictionary",
        "",
        "Generated from the table, view and column comments of a database migrated to head — do not edit by hand.",
        "Regenerate with `python -m etl.views dictionary > docs/data-dictionary.md`.",
        "",
        "Schemas: `ingest` (input files and bookkeeping), `warehouse` (the normalised model), "
        "`analytics` (the views analysts and BI tools query; see docs/views.md).",
        "",
        "## Contents",
        "",
    ]
    for schema, name, kind, comment, _ in relations:
        kind_word = "view" if kind == "v" else "table"
        out.append(f"- [`{schema}.{name}`](#{schema}{name}) ({kind_word}): {_cell(comment)}")
    current_schema = None
    for schema, name, kind, comment, oid in relations:
        if schema != current_schema:
            out += ["", f"## Schema `{schema}`"]
            current_schema = schema
        kind_word = "view" if kind == "v" else "table"
        out += ["", f"### `{schema}.{name}`", "", f"*{kind_word}* — {_cell(comment)}", ""]
        if kind == "v":
            out += ["| column | type | description |", "|---|---|---|"]
            out += [f"| `{c}` | {t} | {_cell(d)} |" for c, t, _, d in by_relation.get(oid, [])]
        else:
            out += ["| column | type | null | description |", "|---|---|---|---|"]
            out += [
                f"| `{c}` | {t} | {'no' if nn else 'yes'} | {_cell(d)} |" for c, t, nn, d in by_relation.get(oid, [])
            ]
    return "\n".join(out + _metrics_section(connection)) + "\n"


def _metrics_section(connection: sa.Connection) -> list[str]:
    """The metric dictionary as the migrations loaded it (warehouse.metric_definition), one entry per metric."""
    if connection.execute(sa.text("SELECT to_regclass('warehouse.metric_definition')")).scalar() is None:
        return []
    metrics = connection.execute(sa.text(
        "SELECT key, name_zh, name_en, formula, unit, aggregates, when_undefined, caveats, version, published_in "
        "FROM warehouse.metric_definition ORDER BY key COLLATE \"C\"")).all()
    out = ["", "## Metrics", "",
           "Every derived metric the views publish, as defined in `etl/metrics.py` and loaded into "
           "`warehouse.metric_definition` (also `analytics.metric_definitions`). tests/test_metrics.py fails when a "
           "view computes a metric that is not here or computes it differently."]
    for key, zh, en, formula, unit, aggregates, undefined, caveats, version, published in metrics:
        out += ["", f"### `{key}` — {en} ({zh}), version {version}", "",
                f"- **Formula:** {_cell(formula)}", f"- **Unit:** {_cell(unit)}",
                f"- **Aggregates:** {'yes' if aggregates else 'no (recompute from summed parts)'}",
                f"- **When it cannot be computed:** {_cell(undefined)}", f"- **Caveats:** {_cell(caveats)}",
                "- **Published in:** " + ", ".join(f"`analytics.{p}`" for p in published)]
    return out


# --------------------------------------------------------------------------- command line


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m etl.views dictionary|checks|embed VIEW…|revision MESSAGE VIEW…``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in ("dictionary", "checks", "embed", "revision"):
        print(__doc__, file=sys.stderr)
        return 2
    command, rest = args[0], args[1:]
    if command == "embed":
        sys.stdout.write(embed(rest or view_names()))
        return 0
    if command == "revision":
        if len(rest) < 2:
            print("usage: python -m etl.views revision MESSAGE VIEW [VIEW…]", file=sys.stderr)
            return 2
        print(new_revision(rest[0], rest[1:]))
        return 0
    from etl.database import ready_engine

    engine = ready_engine()
    with engine.connect() as connection:
        if command == "dictionary":
            sys.stdout.write(data_dictionary(connection))
            return 0
        outcomes = run_checks(connection)
    print(format_outcomes(outcomes))
    return 1 if any(not o.passed and o.severity == "fail" for o in outcomes) else 0


if __name__ == "__main__":
    raise SystemExit(main())
