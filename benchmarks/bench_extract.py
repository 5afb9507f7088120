"""Throughput of extract + normalise (a script, not a test).

    /work/venv/bin/python benchmarks/bench_extract.py [--docs 2000] [--seeds ../shared/seeds]

Measures MB/s (input bytes) and reports/s on the real seeds (if present) and on a synthetic
set it generates in a temporary directory: plain UTF-8 text, GBK-encoded text, traditional
(Big5) text with Taiwan vocabulary and pinyin glosses, and GB2312 HTML pages with spanning
tables and page chrome. The synthetic text is invented, not taken from real reports.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from etl.extract import extract
from etl.normalise import normalise

SIMPLIFIED = [
    "本年度共主动公开政府信息{n}条，其中规范性文件{m}件。",
    "全年共受理政府信息公开申请{n}件，均在法定期限内予以答复。",
    "未发生因政府信息公开引起的行政复议、行政诉讼案件。",
    "进一步完善门户网站建设，及时更新政策法规、部门动态等栏目。",
    "（{o}）加强组织领导，明确专人负责信息公开日常工作。",
]
TRADITIONAL = [
    "本年度通過入口網站主動公開政府資訊{n}條，規範性檔案{m}件。",
    "委領(lǐng)導(dǎo)高度重視，修訂完善了公開的方式和程式。",
    "有計畫、分步驟地推進數位化建設，全年未收到政府資訊公開申請。",
]
ORDINALS = "一二三四五六七八九十"
CHROME = ["【打印此页】 【关闭窗口】", "字号：[大 中 小]", "分享到：", "扫一扫在手机打开当前页"]


def paragraph(rng: random.Random, templates: list[str]) -> str:
    return rng.choice(templates).format(n=rng.randint(0, 5000), m=rng.randint(0, 50), o=rng.choice(ORDINALS))


def body(rng: random.Random, templates: list[str], lines: int) -> list[str]:
    return [paragraph(rng, templates) for _ in range(lines)]


def html_page(rng: random.Random) -> str:
    rows = "".join(
        f"<tr><td>{label}</td><td>{rng.randint(0, 99)}</td><td>&nbsp;</td><td>{rng.randint(0, 99)}</td></tr>"
        for label in ("规章", "规范性文件", "行政许可", "行政处罚")
    )
    table = (
        '<table><tr><td rowspan="2">信息内容</td><td colspan="3">数量</td></tr>'
        "<tr><td>本年新制作</td><td>本年新公开</td><td>对外公开总数</td></tr>" + rows + "</table>"
    )
    paras = "".join(f"<p>{line}</p>" for line in body(rng, SIMPLIFIED, 30))
    chrome = "".join(f"<div>{c}</div>" for c in CHROME)
    return (
        '<html><head><meta charset="gb2312"><title>年报</title><script>var x=1;</script></head><body>'
        f"{chrome}{paras}{table}</body></html>"
    )


def shifted(text: str) -> str:
    """`text` as GBK bytes decoded one byte late (the damage the normalise stage repairs)."""
    return "?" + text.encode("gbk")[1:].decode("gbk", errors="replace").replace("\ufffd", "?")


def make_corpus(directory: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        kind = index % 4
        if kind == 0:
            path, data = directory / f"{index}.txt", "\n".join(body(rng, SIMPLIFIED, 40)).encode("utf-8")
        elif kind == 1:  # GBK bytes, with a heading damaged one byte off as on real pages
            lines = body(rng, SIMPLIFIED, 40)
            lines[5] = shifted(f"　（{rng.choice(ORDINALS)}）加强组织领导")
            path, data = directory / f"{index}.txt", "\n".join(lines).encode("gb18030")
        elif kind == 2:
            text = "\n".join(body(rng, TRADITIONAL, 40))
            if index % 8 == 2:  # traditional with pinyin glosses, UTF-8
                data = text.encode("utf-8")
            else:  # traditional in Big5 (Big5 has no tone-marked letters, so no glosses)
                data = text.replace("(lǐng)", "").replace("(dǎo)", "").encode("big5")
            path = directory / f"{index}.txt"
        else:
            path, data = directory / f"{index}.html", html_page(rng).encode("gb18030")
        path.write_bytes(data)
        paths.append(path)
    return paths


def run(paths: list[Path], label: str) -> None:
    size = sum(p.stat().st_size for p in paths)
    start = time.perf_counter()
    cpu_start = time.process_time()
    extract_time = 0.0
    for path in paths:
        t0 = time.perf_counter()
        raw = extract(path)
        extract_time += time.perf_counter() - t0
        normalise(raw)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start  # CPU time: steadier than wall time on a shared machine
    print(
        f"{label:<26} {len(paths):>5} docs {size / 1e6:>6.2f} MB  wall {elapsed:>6.2f} s "
        f"{size / 1e6 / elapsed:>6.2f} MB/s {len(paths) / elapsed:>7.1f} reports/s  |  cpu {cpu:>6.2f} s "
        f"{size / 1e6 / cpu:>6.2f} MB/s {len(paths) / cpu:>7.1f} reports/s  (extract {extract_time / elapsed:.0%})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    default_seeds = Path(__file__).resolve().parent.parent / ".." / "shared" / "seeds"
    parser.add_argument("--seeds", type=Path, default=default_seeds)
    args = parser.parse_args()
    normalise(extract(Path(__file__)))  # warm up: OpenCC dictionaries, character tables
    seeds = sorted(args.seeds.glob("*.txt")) if args.seeds.is_dir() else []
    if seeds:
        run(seeds * 20, "seeds (x20)")
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(Path(tmp), args.docs)
        run(paths, "synthetic (mixed)")
        for name, predicate in (
            ("  utf-8 text", lambda p: int(p.stem) % 4 == 0),
            ("  gbk text", lambda p: int(p.stem) % 4 == 1),
            ("  traditional text", lambda p: int(p.stem) % 4 == 2),
            ("  gb2312 html + tables", lambda p: int(p.stem) % 4 == 3),
        ):
            run([p for p in paths if predicate(p)], name)


if __name__ == "__main__":
    main()
