"""For notebooks: any analytics view as a pandas DataFrame in which an unknown stays <NA>.

    from etl.api import read_view
    headline = read_view("report_headline", year=2021, region="430000")

Columns get pandas' nullable dtypes from the view's declared types (etl.export): integers ``Int64``,
numerics ``Float64``, booleans ``boolean``, text ``string``, dates and timestamps ``datetime64``
(NaT when unknown). A figure the report does not state is <NA>: never NaN that a later
``fillna(0)`` or sum would quietly turn into 0 by accident of dtype. Nothing here writes or
migrates, so an analyst's read-only login can use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd
import pyarrow as pa
from psycopg import sql
from sqlalchemy.engine import URL

from etl.export import Filter, ViewError, record_batches, view_columns

__all__ = ["ViewError", "list_views", "read_view"]

#: Columns naming where an agency is, tried in order for a region given by name.
REGION_NAME_COLUMNS = ("province", "city", "county")
ADCODE = re.compile(r"^[0-9]{6}$")


def _conninfo(url: str | URL | None) -> str:
    """A libpq connection string: `url`, or the configured warehouse (DATABASE_URL or the embedded one)."""
    from etl.database import DatabaseUnavailable, database_url, libpq_url, revision_behind, warehouse_missing

    if url is not None:
        return libpq_url(url) if isinstance(url, URL) else url.replace("postgresql+psycopg://", "postgresql://", 1)
    missing = warehouse_missing()
    if missing:
        raise DatabaseUnavailable(missing)
    configured = database_url()
    behind = revision_behind(configured)
    if behind:
        raise DatabaseUnavailable(behind)
    return libpq_url(configured)


def _values(value: object) -> list:
    if isinstance(value, str | int):
        return [value]
    if isinstance(value, Iterable):
        return list(value)
    return [value]


def _division_prefix(adcode: str) -> str:
    """430000 → 43, 430400 → 4304, 430405 → 430405: agency adcodes starting with it lie within the division
    (the rule region-scoped logins follow, warehouse.analyst_scope.prefix)."""
    if adcode.endswith("0000"):
        return adcode[:2]
    return adcode[:4] if adcode.endswith("00") else adcode


def _filters(name: str, columns: set[str], year, agency, region) -> Filter | None:
    clauses: list[sql.Composable] = []
    params: list[object] = []

    def need(column: str, what: str) -> None:
        if column not in columns:
            raise ViewError(f"analytics.{name} has no {column} column, so it cannot be filtered by {what}.")

    if year is not None:
        need("year", "year")
        clauses.append(sql.SQL("year = ANY(%s)"))
        params.append([int(y) for y in _values(year)])
    if agency is not None:
        agencies = _values(agency)
        ids = [a for a in agencies if isinstance(a, int)]
        names = [str(a) for a in agencies if not isinstance(a, int)]
        alternatives: list[sql.Composable] = []
        if ids:
            need("agency_id", "agency id")
            alternatives.append(sql.SQL("agency_id = ANY(%s)"))
            params.append(ids)
        if names:
            need("agency_name", "agency name")
            for column in ("agency_name", "agency_name_as_printed"):
                if column in columns:
                    alternatives.append(sql.SQL("{} = ANY(%s)").format(sql.Identifier(column)))
                    params.append(names)
        clauses.append(sql.SQL("({})").format(sql.SQL(" OR ").join(alternatives)))
    if region is not None:
        alternatives = []
        for one in _values(region):
            one = str(one)
            if ADCODE.match(one):
                need("adcode", "division code (give the region by name instead)")
                alternatives.append(sql.SQL("adcode LIKE %s"))
                params.append(_division_prefix(one) + "%")
                continue
            named = [c for c in REGION_NAME_COLUMNS if c in columns]
            if not named:
                raise ViewError(f"analytics.{name} has no province, city or county column to filter a region on.")
            for column in named:
                alternatives.append(sql.SQL("{} = %s").format(sql.Identifier(column)))
                params.append(one)
        clauses.append(sql.SQL("({})").format(sql.SQL(" OR ").join(alternatives)))
    if not clauses:
        return None
    return Filter(sql.SQL(" AND ").join(clauses), tuple(params))


def _nullable(schema: pa.Schema) -> tuple[pa.Schema, dict[pa.DataType, object]]:
    """The Arrow schema to cast to before pandas, and the pandas dtype of each resulting Arrow type."""
    fields = []
    for field in schema:
        t = field.type
        if pa.types.is_integer(t):
            t = pa.int64()
        elif pa.types.is_decimal(t) or pa.types.is_floating(t):
            t = pa.float64()
        fields.append(field.with_type(t))
    mapping = {pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype(), pa.bool_(): pd.BooleanDtype(),
               pa.string(): pd.StringDtype()}
    return pa.schema(fields, metadata=schema.metadata), mapping


def read_view(name: str, year: int | Iterable[int] | None = None, agency: int | str | Iterable | None = None,
              region: str | Iterable[str] | None = None, url: str | URL | None = None) -> pd.DataFrame:
    """Rows of analytics.`name` as a DataFrame with nullable dtypes.

    - `year`: a year or several (the view's ``year`` column).
    - `agency`: an agency id (int) or name (matched against ``agency_name`` and, where the view has it,
      ``agency_name_as_printed``), or several.
    - `region`: a GB/T 2260 division code (430000 a province, 430400 a city: agencies whose ``adcode``
      lies within it) or a province, city or county name, or several.
    - `url`: the database (e.g. the URL `etl db url --role analyst` printed); default DATABASE_URL or the
      embedded warehouse in ETL_HOME.

    Filters combine with AND; several values of one filter with OR. A filter the view has no column for,
    or an unknown view, raises ViewError saying so.
    """
    import psycopg

    name = name.removeprefix("analytics.")
    with psycopg.connect(_conninfo(url)) as conn:
        columns = {c.name for c in view_columns(conn, name)}
        where = _filters(name, columns, year, agency, region)
        schema, batches = record_batches(conn, name, where)
        table = pa.Table.from_batches(list(batches), schema=schema)
    target, dtypes = _nullable(schema)
    return table.cast(target).to_pandas(types_mapper=dtypes.get, date_as_object=False)


def list_views(url: str | URL | None = None) -> list[str]:
    """The names read_view accepts: the views (and tables) of the analytics schema."""
    import psycopg

    from etl.export import analytics_relations

    with psycopg.connect(_conninfo(url)) as conn:
        return analytics_relations(conn)
