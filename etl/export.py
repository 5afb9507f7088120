"""Typed, streamed reads of the analytics views: CSV and Parquet files (`etl export`) and Arrow batches
(the notebook API, etl.api).

The types come from the view's declared column types in the catalog, never from the rows, so two
exports of the same view have the same schema whatever the data (an all-NULL column keeps its type,
a count column is not ``decimal128(1,0)`` in one file and ``(2,0)`` in the next):

============================  ===============================================================
PostgreSQL                    Arrow / Parquet
============================  ===============================================================
smallint, integer, bigint     int16, int32, int64
numeric(p, s)                 decimal128(p, s) (decimal256 beyond 38 digits)
numeric (no declared scale)   decimal128(38, 10): rounded to 10 decimals by PostgreSQL (DEFAULT_NUMERIC)
real, double precision        float32, float64
boolean                       bool
text, varchar, char, name     string
date                          date32
timestamp / timestamptz       timestamp[us] / timestamp[us, UTC]
time                          time64[us]
arrays of the above           list<…>
anything else (json, uuid …)  string (PostgreSQL's text form)
============================  ===============================================================

CSV keeps PostgreSQL's text form of each type (COPY), except booleans, written ``true``/``false``
rather than ``t``/``f``; timestamps are in UTC. Both formats stream: COPY for CSV, a server-side cursor
read in batches of BATCH_ROWS for Parquet, so memory stays flat however large the view.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import psycopg
import pyarrow as pa
from psycopg import sql

ANALYTICS = "analytics"
#: Precision and scale given to numeric columns declared without them (most view columns: sums, rates).
DEFAULT_NUMERIC = (38, 10)
#: Rows per Arrow batch (and Parquet row group): memory holds one batch at a time.
BATCH_ROWS = 10_000
#: What Excel needs to read a CSV file as UTF-8 (without it Chinese text is garbled).
UTF8_BOM = b"\xef\xbb\xbf"

_SIMPLE: dict[str, pa.DataType] = {
    "int2": pa.int16(), "int4": pa.int32(), "int8": pa.int64(),
    "float4": pa.float32(), "float8": pa.float64(), "bool": pa.bool_(),
    "text": pa.string(), "varchar": pa.string(), "bpchar": pa.string(), "name": pa.string(),
    "date": pa.date32(), "timestamp": pa.timestamp("us"), "timestamptz": pa.timestamp("us", tz="UTC"),
    "time": pa.time64("us"),
}


class ViewError(ValueError):
    """The view (or a filter on it) does not exist; the message says what does."""


@dataclass(frozen=True)
class Column:
    """A column of a view as the catalog declares it."""

    name: str
    declared: str  # format_type(), e.g. numeric(12,4)
    base: str  # pg_type.typname, e.g. numeric, int4, _text (an array)
    typmod: int
    comment: str | None

    @property
    def numeric(self) -> tuple[int, int] | None:
        """(precision, scale) declared for a numeric column; None when undeclared or out of Arrow's range."""
        if self.base != "numeric" or self.typmod < 4:
            return None
        precision, scale = ((self.typmod - 4) >> 16) & 0xFFFF, (self.typmod - 4) & 0xFFFF
        return (precision, scale) if 0 <= scale <= precision <= 76 else None

    @property
    def arrow_type(self) -> pa.DataType:
        if self.base == "numeric":
            precision, scale = self.numeric or DEFAULT_NUMERIC
            return pa.decimal128(precision, scale) if precision <= 38 else pa.decimal256(precision, scale)
        if self.base in _SIMPLE:
            return _SIMPLE[self.base]
        if self.base.startswith("_") and self.base[1:] in _SIMPLE:
            return pa.list_(_SIMPLE[self.base[1:]])
        return pa.string()

    def select(self) -> sql.Composable:
        """The column as the Arrow reader selects it: cast where PostgreSQL must produce the Arrow type."""
        ident = sql.Identifier(self.name)
        if self.base == "numeric" and self.numeric is None:
            precision, scale = DEFAULT_NUMERIC
            return sql.SQL("{}::numeric({}, {}) AS {}").format(ident, sql.Literal(precision), sql.Literal(scale),
                                                              ident)
        if self.arrow_type == pa.string() and self.base not in _SIMPLE:
            return sql.SQL("{}::text AS {}").format(ident, ident)
        return ident

    def select_csv(self) -> sql.Composable:
        """The column as CSV writes it: PostgreSQL's text form, booleans spelled true/false (bool::text)."""
        ident = sql.Identifier(self.name)
        return sql.SQL("{}::text AS {}").format(ident, ident) if self.base == "bool" else ident


def analytics_relations(conn: psycopg.Connection) -> list[str]:
    """Names of the views and tables in the analytics schema."""
    return [r[0] for r in conn.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND c.relkind IN ('v', 'm', 'r', 'p', 'f') ORDER BY c.relname", (ANALYTICS,)
    ).fetchall()]


def view_columns(conn: psycopg.Connection, name: str) -> list[Column]:
    """The columns of analytics.`name` from the catalog (materialized views included); ViewError if none."""
    rows = conn.execute(
        """
        SELECT a.attname, format_type(a.atttypid, a.atttypmod), t.typname, a.atttypmod,
               col_description(a.attrelid, a.attnum)
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type ty ON ty.oid = a.atttypid
        JOIN pg_type t ON t.oid = CASE WHEN ty.typtype = 'd' THEN ty.typbasetype ELSE a.atttypid END
        WHERE n.nspname = %s AND c.relname = %s AND c.relkind IN ('v', 'm', 'r', 'p', 'f')
          AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum
        """,
        (ANALYTICS, name),
    ).fetchall()
    if not rows:
        names = analytics_relations(conn)
        listing = ", ".join(names) if names else "none yet (the views arrive with their migrations)"
        raise ViewError(f"There is no view {ANALYTICS}.{name}. Views you can read: {listing}.")
    return [Column(*row) for row in rows]


def arrow_schema(name: str, columns: Sequence[Column]) -> pa.Schema:
    """The Arrow schema of a view: declared types, with each column's comment and PostgreSQL type as metadata."""
    fields = [pa.field(c.name, c.arrow_type, nullable=True,
                       metadata={"pg_type": c.declared, **({"description": c.comment} if c.comment else {})})
              for c in columns]
    return pa.schema(fields, metadata={"source": f"{ANALYTICS}.{name}"})


@dataclass(frozen=True)
class Filter:
    """A WHERE clause over the view (the notebook API's year/agency/region filters)."""

    clause: sql.Composable
    params: tuple


def _query(name: str, selected: Sequence[sql.Composable], where: Filter | None) -> sql.Composed:
    query = sql.SQL("SELECT {} FROM {}.{}").format(sql.SQL(", ").join(selected), sql.Identifier(ANALYTICS),
                                                   sql.Identifier(name))
    return query + sql.SQL(" WHERE ") + where.clause if where else query


def _utc(conn: psycopg.Connection) -> None:
    # timestamps written in UTC and dates as ISO, whatever the login's settings
    conn.execute("SET LOCAL TIME ZONE 'UTC'")
    conn.execute("SET LOCAL DateStyle = 'ISO, YMD'")


def record_batches(conn: psycopg.Connection, name: str, where: Filter | None = None,
                   batch_rows: int = BATCH_ROWS) -> tuple[pa.Schema, Iterator[pa.RecordBatch]]:
    """The schema of analytics.`name` and an iterator over its rows in batches, read with a server-side
    cursor (only one batch is in memory). Consume the iterator before using `conn` for anything else."""
    columns = view_columns(conn, name)
    schema = arrow_schema(name, columns)
    query = _query(name, [c.select() for c in columns], where)

    def batches() -> Iterator[pa.RecordBatch]:
        with conn.transaction():
            _utc(conn)
            with conn.cursor(name="etl_export") as cur:
                cur.itersize = batch_rows
                cur.execute(query, where.params if where else None)
                while rows := cur.fetchmany(batch_rows):
                    arrays = [pa.array([row[i] for row in rows], type=field.type) for i, field in enumerate(schema)]
                    yield pa.RecordBatch.from_arrays(arrays, schema=schema)

    return schema, batches()


def write_parquet(conn: psycopg.Connection, name: str, target: Path, batch_rows: int = BATCH_ROWS) -> int:
    """Write analytics.`name` to a Parquet file, one row group per batch; return the number of rows."""
    import pyarrow.parquet as pq

    schema, batches = record_batches(conn, name, batch_rows=batch_rows)
    rows = 0
    with pq.ParquetWriter(target, schema) as writer:  # a view without rows still gets its schema
        for batch in batches:
            writer.write_batch(batch)
            rows += batch.num_rows
    return rows


def write_csv(conn: psycopg.Connection, name: str, handle: BinaryIO, excel: bool = False) -> None:
    """Stream analytics.`name` as CSV with a header (COPY); `excel` starts the file with a UTF-8 BOM."""
    columns = view_columns(conn, name)
    copy_sql = sql.SQL("COPY ({}) TO STDOUT WITH (FORMAT csv, HEADER)").format(
        _query(name, [c.select_csv() for c in columns], None))
    if excel:
        handle.write(UTF8_BOM)
    with conn.transaction():
        _utc(conn)
        with conn.cursor().copy(copy_sql) as copy:
            for chunk in copy:
                handle.write(chunk)
