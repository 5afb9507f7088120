"""`etl export`: files typed from the view's declared columns (a stable Parquet schema whatever the rows),
booleans as true/false, a BOM for Excel, and reads streamed in batches."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import psycopg
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from etl.cli import app
from etl.export import DEFAULT_NUMERIC, UTF8_BOM, record_batches, write_parquet

runner = CliRunner()
pytestmark = pytest.mark.db

SOURCE = """
CREATE TABLE public.export_src (
    id integer, big bigint, figure numeric, fixed numeric(6, 2), flag boolean, label text, code varchar(6),
    day date, at timestamptz, tags text[], meta jsonb, ratio double precision
);
CREATE VIEW analytics.export_sample AS
    SELECT id, big, figure, figure / 3 AS third, fixed, flag, label, code, day, at, tags, meta, ratio
    FROM public.export_src;
COMMENT ON COLUMN analytics.export_sample.figure IS 'A figure; NULL when not stated.';
"""

FULL = [
    (1, 10, Decimal("5"), Decimal("1.50"), True, "示例局", "430100", dt.date(2021, 1, 31),
     dt.datetime(2022, 3, 1, 8, 30, tzinfo=dt.UTC), ["a", "b"], '{"k": 1}', 0.25),
    (2, 20, Decimal("12"), Decimal("-3.25"), False, "另一局", "430400", dt.date(2020, 12, 1),
     dt.datetime(2022, 3, 2, 9, 0, tzinfo=dt.UTC), [], '{}', 1.0),
]
# the second dataset: other magnitudes, and every column but id all-NULL
SPARSE = [(3, None, None, None, None, None, None, None, None, None, None, None),
          (4, None, None, None, None, None, None, None, None, None, None, None)]


def load(conninfo: str, rows: list[tuple]) -> None:
    with psycopg.connect(conninfo) as conn:
        conn.execute("DROP VIEW IF EXISTS analytics.export_sample")
        conn.execute("DROP TABLE IF EXISTS public.export_src")
        conn.execute(SOURCE)
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO public.export_src VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                            rows)


@pytest.fixture
def env(conninfo, tmp_path) -> dict:
    return {"DATABASE_URL": conninfo, "ETL_HOME": str(tmp_path / "home")}


def export(env: dict, *args: str) -> None:
    result = runner.invoke(app, ["export", "export_sample", *args], env=env)
    assert result.exit_code == 0, result.output


def test_parquet_types_come_from_the_view_not_the_rows(env, conninfo, tmp_path):
    files = []
    for i, rows in enumerate((FULL, SPARSE)):
        load(conninfo, rows)
        files.append(tmp_path / f"{i}.parquet")
        export(env, "--format", "parquet", "-o", str(files[-1]))
    full, sparse = (pq.read_schema(f) for f in files)
    assert full == sparse and full.metadata == sparse.metadata
    types = {f.name: f.type for f in full}
    assert types == {
        "id": pa.int32(), "big": pa.int64(), "figure": pa.decimal128(*DEFAULT_NUMERIC),
        "third": pa.decimal128(*DEFAULT_NUMERIC), "fixed": pa.decimal128(6, 2), "flag": pa.bool_(),
        "label": pa.string(), "code": pa.string(), "day": pa.date32(), "at": pa.timestamp("us", tz="UTC"),
        "tags": pa.list_(pa.string()), "meta": pa.string(), "ratio": pa.float64(),
    }
    assert full.field("figure").metadata[b"description"] == b"A figure; NULL when not stated."
    assert full.field("fixed").metadata[b"pg_type"] == b"numeric(6,2)"

    first = pq.read_table(files[0]).to_pylist()
    assert [r["figure"] for r in first] == [Decimal("5"), Decimal("12")]
    assert first[0]["third"] == Decimal("1.6666666667")  # rounded by PostgreSQL to the default scale
    assert first[1]["fixed"] == Decimal("-3.25") and first[0]["flag"] is True and first[1]["flag"] is False
    assert first[0]["label"] == "示例局" and first[0]["day"] == dt.date(2021, 1, 31)
    assert first[0]["at"] == dt.datetime(2022, 3, 1, 8, 30, tzinfo=dt.UTC)
    assert first[0]["tags"] == ["a", "b"] and first[1]["tags"] == [] and first[0]["meta"] == '{"k": 1}'
    second = pq.read_table(files[1]).to_pylist()
    assert [r["id"] for r in second] == [3, 4]
    assert all(v is None for r in second for k, v in r.items() if k != "id")  # unknown stays NULL, not 0


def test_an_empty_view_still_has_its_schema(env, conninfo, tmp_path):
    load(conninfo, [])
    target = tmp_path / "empty.parquet"
    export(env, "--format", "parquet", "-o", str(target))
    table = pq.read_table(target)
    assert table.num_rows == 0 and table.schema.field("fixed").type == pa.decimal128(6, 2)


def test_csv_booleans_nulls_and_the_excel_bom(env, conninfo, tmp_path):
    load(conninfo, FULL + SPARSE)
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    export(env, "-o", str(plain))
    export(env, "--excel", "-o", str(excel))
    raw = plain.read_bytes()
    assert not raw.startswith(UTF8_BOM)
    assert excel.read_bytes() == UTF8_BOM + raw
    lines = raw.decode("utf-8").splitlines()
    assert lines[0] == "id,big,figure,third,fixed,flag,label,code,day,at,tags,meta,ratio"
    first, second, sparse = (line.split(",") for line in lines[1:4])
    assert first[5] == "true" and second[5] == "false"
    assert first[6] == "示例局" and first[8] == "2021-01-31" and first[9] == "2022-03-01 08:30:00+00"
    assert first[4] == "1.50"
    assert sparse == ["3"] + [""] * 12  # NULL is an empty field, never 0 or f


def test_csv_to_standard_output_with_excel(env, conninfo):
    load(conninfo, FULL)
    result = runner.invoke(app, ["export", "export_sample", "--excel", "-o", "-"], env=env)
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(UTF8_BOM + b"id,big,")


def test_wrong_format_combinations_are_one_sentence(env, conninfo, tmp_path):
    load(conninfo, FULL)
    bad = runner.invoke(app, ["export", "export_sample", "--format", "parquet", "--excel"], env=env)
    assert bad.exit_code == 2 and "CSV only" in bad.output
    unknown = runner.invoke(app, ["export", "nope"], env=env)
    assert unknown.exit_code == 2 and "Views you can export" in unknown.output and "export_sample" in unknown.output


def test_reads_are_streamed_in_batches(conninfo, tmp_path):
    with psycopg.connect(conninfo) as conn:
        conn.execute("CREATE VIEW analytics.export_many AS SELECT g AS n, g % 2 = 0 AS even, g::numeric / 7 AS "
                     "seventh FROM generate_series(1, 2500) g")
        conn.commit()
        schema, batches = record_batches(conn, "export_many", batch_rows=1000)
        sizes = [b.num_rows for b in batches]
        assert sizes == [1000, 1000, 500]
        assert schema.field("seventh").type == pa.decimal128(*DEFAULT_NUMERIC)
        target = tmp_path / "many.parquet"
        assert write_parquet(conn, "export_many", target, batch_rows=1000) == 2500
    meta = pq.ParquetFile(target).metadata
    assert meta.num_row_groups == 3 and meta.num_rows == 2500
