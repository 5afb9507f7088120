"""Template parser speed: reports per second on one core.

Runs `parse_template` over invented reports in every flattened shape (and the real devset report
when ``../shared/devset`` is present) and prints reports/s. Usage:

    python benchmarks/bench_template.py [--seconds 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from etl.extract import extract_bytes  # noqa: E402
from etl.normalise import normalise  # noqa: E402
from etl.parse import grid  # noqa: E402
from etl.parse.template import parse_template  # noqa: E402
from etl.parse.template_labels import T3_ROW_LABELS, T3_ROW_ORDER  # noqa: E402
from tests.fixtures.template.render import SHAPES, V2019, V2021, Tables, consistent_t3, render, t2_keys, t4_from_parts  # noqa: E402
from tests.fixtures.template.structured import report_doc, to_html  # noqa: E402


def corpus() -> list[tuple[str, str, list]]:
    """(name, text, grids): both versions in every shape, padded with prose like a real report; the
    same tables as Word-style HTML (wide columns, padding cells) read through their grids; and
    Table 3 with its labels and digits run together."""
    prose = "本机关坚持以公开为常态、不公开为例外，持续推进政务公开标准化规范化建设。" * 40 + "\n"
    texts = []
    for version in (V2019, V2021):
        t2 = {k: str(i * 13 % 97) for i, k in enumerate(t2_keys(version))}
        outcomes = {"granted": [12, 3, 0, 1, 2, 0], "unable.not_held": [4, 1, 0, 0, 0, 0]}
        t3 = consistent_t3(version, outcomes, [2, 0, 0, 0, 0, 1], [1, 1, 0, 0, 0, 0])
        t4 = t4_from_parts([[3, 1, 0, 2], [1, 0, 0, 1], [0, 2, 0, 0]])
        for shape in SHAPES:
            tables = Tables(version, t2, t3, t4, heading_before="一、总体情况\n" + prose * 3)
            texts.append((f"{version}-{shape}", render(tables, shape), []))
        tables = Tables(version, t2, t3, t4)
        clean = normalise(extract_bytes(to_html(report_doc(tables, wide=(0, 1), pad=True)), "bench.html"))
        grids = grid.to_clean(clean.document.tables, clean.offset_map)
        texts.append((f"{version}-grid", clean.text, grids))
        glued = "\n".join(T3_ROW_LABELS[k] + "".join(v or "" for v in t3[k]) for k in T3_ROW_ORDER[version])
        texts.append((f"{version}-run-together", f"三、收到和处理政府信息公开申请情况\n{glued}\n", []))
    devset = ROOT.parent / "shared" / "devset" / "reports"
    if devset.is_dir():
        texts.extend((p.name, p.read_text(encoding="utf-8"), []) for p in sorted(devset.glob("*.txt")))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    texts = corpus()
    for name, text, grids in texts:  # warm up and show per-shape cost
        start = time.perf_counter()
        for _ in range(20):
            parse_template(text, [], grids)
        per = (time.perf_counter() - start) / 20
        print(f"{name:24} {len(text):7} chars  {per * 1000:7.2f} ms  {1 / per:8.0f} reports/s")
    count = 0
    start = time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        for _, text, grids in texts:
            parse_template(text, [], grids)
            count += 1
    elapsed = time.perf_counter() - start
    print(f"overall: {count / elapsed:.0f} reports/s on one core ({count} parses, {len(texts)} distinct reports)")


if __name__ == "__main__":
    main()
