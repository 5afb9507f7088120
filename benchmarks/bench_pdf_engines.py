"""pdfplumber against pypdfium2 on PDFs generated here with reportlab (a script, not a test).

    .venv/bin/python benchmarks/bench_pdf_engines.py [--docs 20] [--pages 3]

The corpus has no PDFs, so the PDFs are invented: per page a heading, prose paragraphs and a ruled
table (a two-row header with a merged cell, then rows of numbers), drawn with reportlab's CID font as
Chinese government PDFs are. For each engine it prints PDFs/s (per core: one process) and the table cells
recovered against the cells drawn:

- ``pdfplumber (etl)``: what `etl` runs today, `etl.extract.pdf.pdf_to_text` (lines, find_tables, grids);
- ``pdfplumber text only``: pdfplumber's text lines alone, without table finding (the floor of that engine);
- ``pypdfium2 text only``: PDFium's text layer alone;
- ``pypdfium2 + ruling grid``: PDFium's text with character boxes, placed into the grid of the page's
  thin path objects (ruling lines): a sketch of what a table reader on PDFium would need to do.

Cells recovered counts, per document, the drawn non-empty cells whose exact text comes back as one cell.
The text-only rows recover no cells by construction: they measure the price of the text layer alone.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、存在的主要问题及改进情况"]
PROSE = [
    "本年度共主动公开政府信息{n}条，其中规范性文件{m}件。",
    "全年共受理政府信息公开申请{n}件，均在法定期限内予以答复。",
    "进一步完善门户网站建设，及时更新政策法规、部门动态等栏目。",
]
#: invented column heads: the first two are merged over one header cell, as real table headers are
HEADS = ["申请人情况", "", "商业企业", "科研机构", "社会组织", "其他", "总计"]
SUBHEADS = ["自然人", "法人或其他组织", "甲", "乙", "丙", "丁", "合计"]


def make_pdf(path: Path, pages: int, rng: random.Random) -> Counter:
    """Write one PDF; return the multiset of its non-empty table cells."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10.5, leading=15)
    story: list = []
    cells: Counter = Counter()
    for page in range(pages):
        story.append(Paragraph(HEADINGS[page % len(HEADINGS)], style))
        for _ in range(4):
            story.append(Paragraph("".join(rng.choice(PROSE).format(n=rng.randint(1, 999), m=rng.randint(1, 99))
                                           for _ in range(3)), style))
        rows = [HEADS, SUBHEADS] + [[f"{rng.randint(0, 500)}" for _ in HEADS] for _ in range(12)]
        story.append(Table(rows, style=TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
                                                   ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                                                   ("SPAN", (0, 0), (1, 0))])))
        cells.update(text for row in rows for text in row if text)
        story.append(PageBreak())
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return cells


def plumber_etl(data: bytes) -> Counter:
    from etl.extract.pdf import pdf_to_text

    result = pdf_to_text(data, 500)
    return Counter(c.text for grid in result.tables for c in grid.cells if c.text)


def plumber_text(data: bytes) -> Counter:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text_lines(layout=False, strip=True, return_chars=False)
            page.flush_cache()
    return Counter()


def pdfium_text(data: bytes) -> Counter:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    for page in pdf:
        page.get_textpage().get_text_range()
    pdf.close()
    return Counter()


def _merged(values: list[float], tolerance: float = 1.5) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def pdfium_grid(data: bytes) -> Counter:
    """PDFium text placed into the grid of the page's ruling lines (thin path objects)."""
    import bisect

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    found: Counter = Counter()
    pdf = pdfium.PdfDocument(data)
    for page in pdf:
        xs, ys = [], []
        for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH]):
            left, bottom, right, top = obj.get_bounds()
            if right - left < 2 and top - bottom > 5:
                xs.append((left + right) / 2)
            elif top - bottom < 2 and right - left > 5:
                ys.append((top + bottom) / 2)
        xs, ys = _merged(xs), _merged(ys)
        if len(xs) < 2 or len(ys) < 2:
            continue
        # a vertical line that does not cross a row boundary means a merged cell: take each line's extent
        spans = _vertical_extents(page, raw)
        textpage = page.get_textpage()
        cells: dict[tuple[int, int], list[str]] = {}
        for i in range(textpage.count_chars()):
            left, bottom, right, top = textpage.get_charbox(i)
            x, y = (left + right) / 2, (bottom + top) / 2
            col, row = bisect.bisect(xs, x) - 1, bisect.bisect(ys, y) - 1
            if not (0 <= col < len(xs) - 1 and 0 <= row < len(ys) - 1):
                continue
            while col > 0 and not _has_vertical(spans, xs[col], y):
                col -= 1  # no ruling line on the left here: the cell is merged with its left neighbour
            cells.setdefault((row, col), []).append(textpage.get_text_range(i, 1))
        found.update(text for parts in cells.values() if (text := "".join(parts).strip()))
    pdf.close()
    return found


def _vertical_extents(page, raw) -> list[tuple[float, float, float]]:  # type: ignore[no-untyped-def]
    out = []
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH]):
        left, bottom, right, top = obj.get_bounds()
        if right - left < 2 and top - bottom > 5:
            out.append(((left + right) / 2, bottom, top))
    return out


def _has_vertical(spans: list[tuple[float, float, float]], x: float, y: float) -> bool:
    return any(abs(sx - x) <= 1.5 and bottom <= y <= top for sx, bottom, top in spans)


ENGINES = {
    "pdfplumber (etl)": plumber_etl,
    "pdfplumber text only": plumber_text,
    "pypdfium2 text only": pdfium_text,
    "pypdfium2 + ruling grid": pdfium_grid,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=20)
    parser.add_argument("--pages", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(13)
    with tempfile.TemporaryDirectory() as tmp:
        docs = []
        for n in range(args.docs):
            path = Path(tmp) / f"r{n}.pdf"
            expected = make_pdf(path, args.pages, rng)
            docs.append((path.read_bytes(), expected))
        drawn = sum(sum(e.values()) for _, e in docs)
        print(f"{args.docs} PDFs of {args.pages} pages, {drawn} drawn table cells, one process")
        print(f"{'engine':<26}{'PDFs/s':>9}{'ms/PDF':>9}{'cells recovered':>18}")
        for name, engine in ENGINES.items():
            engine(docs[0][0])  # imports and lazy tables out of the timing
            started = time.perf_counter()
            recovered = 0
            for data, expected in docs:
                recovered += sum((engine(data) & expected).values())
            seconds = time.perf_counter() - started
            print(f"{name:<26}{args.docs / seconds:>9.1f}{1000 * seconds / args.docs:>9.1f}"
                  f"{recovered:>10} ({100 * recovered / drawn:5.1f}%)")


if __name__ == "__main__":
    main()
