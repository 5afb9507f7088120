"""Damage is repaired locally: a stray NUL or a few bad bytes keep a UTF-8 report; a huge number is one issue."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from etl.extract import extract_bytes
from etl.extract.decode import decode_bytes
from etl.normalise import normalise
from etl.parse import parse
from etl.pipeline import process_file

LINES = ["示例市测试局2019年政府信息公开工作年度报告", "一、总体情况",
         "本机关全年共收到政府信息公开申请12件，办结12件。", "二、主动公开政府信息情况",
         "全年主动公开政府信息345条，其中规范性文件6件。"]
TEXT = "\n".join(LINES * 6) + "\n"
DATA = TEXT.encode("utf-8")


def test_one_nul_byte_keeps_a_utf8_report_and_is_removed_as_a_repair():
    at = DATA.index("主动".encode())
    raw = extract_bytes(DATA[:at] + b"\x00" + DATA[at:], "r.txt")
    assert (raw.encoding, raw.text is not None) == ("utf-8", True)
    clean = normalise(raw)
    assert "\x00" not in clean.text
    repair = next(r for r in clean.repairs if r.kind == "control_chars")
    assert repair.count == 1 and repair.positions == (len(DATA[:at].decode()),)


def test_many_nul_bytes_are_still_binary():
    decoded = decode_bytes(DATA[:200] + b"\x00" * 200 + DATA[200:])
    assert decoded.text is None and decoded.issues[-1].code == "not_text"


def test_a_few_invalid_bytes_stay_utf8_with_their_byte_offsets_recorded():
    at = DATA.index(b"345")
    damaged = DATA[:at] + b"\xff\xfe" + DATA[at:]
    decoded = decode_bytes(damaged)
    assert decoded.encoding == "utf-8"
    assert decoded.text == TEXT[:len(DATA[:at].decode())] + "\ufffd\ufffd" + TEXT[len(DATA[:at].decode()):]
    [issue] = decoded.issues
    assert issue.code == "invalid_bytes_replaced" and f"byte {at}, {at + 1}" in issue.message
    assert decoded.text[issue.start:issue.end] == "\ufffd\ufffd"


def test_a_gb18030_file_is_not_taken_for_damaged_utf8():
    decoded = decode_bytes(TEXT.encode("gb18030"))
    assert decoded.encoding == "gb18030" and decoded.text == TEXT


@pytest.mark.parametrize("seed", range(3))
def test_one_random_damaged_byte_never_loses_the_report(seed):
    rng = random.Random(seed)
    clean_facts = _facts(DATA)
    assert clean_facts
    for _ in range(30):
        damaged = bytearray(DATA)
        at = rng.randrange(len(damaged))
        kind = rng.choice(["flip", "nul", "insert"])
        if kind == "flip":
            damaged[at] ^= 1 << rng.randrange(8)
        elif kind == "nul":
            damaged[at] = 0
        else:
            damaged[at:at] = bytes(rng.randrange(256) for _ in range(8))
        raw = extract_bytes(bytes(damaged), "r.txt")
        assert raw.encoding == "utf-8" and raw.text is not None, (kind, at)
        # the text differs from the original on the damaged line(s) only (a damaged newline joins two)
        lost = Counter(TEXT.splitlines()) - Counter(raw.text.splitlines())
        assert sum(lost.values()) <= 2, (kind, at)


def _facts(data: bytes):
    raw = extract_bytes(data, "r.txt")
    return [f for r in parse(normalise(raw)).reports for f in r.facts]


def test_a_number_too_long_for_the_warehouse_is_an_issue_on_that_fact(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(TEXT.replace("12件", "99999999999999999999999999999件", 1), encoding="utf-8")
    doc = process_file(path)
    assert not [i for i in doc.issues if i.severity == "error"], doc.issues
    assert doc.reports and any(f.value > 10**28 for r in doc.reports for f in r.facts)


@pytest.mark.db
def test_the_loader_refuses_only_the_fact_it_cannot_hold(tmp_path, conninfo):
    import psycopg

    from etl import load

    path = tmp_path / "r.txt"
    path.write_text(TEXT.replace("12件", "99999999999999999999999999999件", 1), encoding="utf-8")
    doc = process_file(path)
    conn = load.connect(conninfo)
    loader = load.Loader(conn, load.start_run(conn, "test", "1.0"), "1.0")
    result = loader.load(doc, load.FileStat(str(path), doc.size, 1))
    conn.close()
    assert result.status == "loaded"
    with psycopg.connect(conninfo) as check:
        codes = [r[0] for r in check.execute("SELECT code FROM ingest.parse_issue WHERE severity <> 'info'")]
        values = [r[0] for r in check.execute("SELECT value FROM warehouse.requests")]
    assert "number_out_of_range" in codes
    assert values and max(values) < 10**15
