"""Tests for the extract stage: sniffing, decoding, HTML/PDF/DOCX text with table cells, bad input."""

from __future__ import annotations

import codecs
import hashlib
import io
import zipfile
from pathlib import Path

import pytest

from etl.extract import Limits, extract, extract_bytes
from etl.extract.decode import decode_bytes
from etl.extract.html import html_to_text
from etl.extract.tables import Cell, render_table

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
REPORT = "一、总体情况\n本年度共受理政府信息公开申请3件，均已按时答复。\n二、主动公开政府信息情况\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- decoding ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (REPORT.encode("utf-8"), "utf-8"),
        (REPORT.encode("utf-8-sig"), "utf-8"),
        (REPORT.encode("gbk"), "gb18030"),
        (REPORT.encode("gb18030"), "gb18030"),
        (REPORT.encode("utf-16"), "utf-16"),
        (REPORT.encode("utf-16-le"), "utf-16"),
    ],
)
def test_text_is_decoded_in_common_encodings(tmp_path: Path, data: bytes, encoding: str) -> None:
    raw = extract(write(tmp_path, "r.txt", data))
    assert raw.text == REPORT
    assert raw.encoding == encoding
    assert raw.media_type == "text/plain"
    assert raw.sha256 == hashlib.sha256(data).hexdigest()
    assert raw.size == len(data)


def test_big5_text_is_decoded_as_big5() -> None:
    text = "遼寧省人口和計畫生育委員會政府資訊公開工作報告，本年度未收到申請。"
    decoded = decode_bytes(text.encode("big5"))
    assert decoded.text == text
    assert decoded.encoding in ("cp950", "big5hkscs")


def test_gbk_characters_outside_gb2312_decode_through_gb18030() -> None:
    text = "堃琇镕及全角符号、计划生育信息"
    assert decode_bytes(text.encode("gbk")).text == text


def test_html_meta_charset_is_honoured_and_gb2312_read_as_gb18030(tmp_path: Path) -> None:
    body = '<html><head><meta charset="gb2312"><title>年报</title></head><body><p>镕基本情况</p></body></html>'
    raw = extract(write(tmp_path, "r.html", body.encode("gb18030")))
    assert raw.encoding == "gb18030"
    assert "镕基本情况" in (raw.text or "")


# --- HTML ---------------------------------------------------------------------------------


SPANNED_TABLE = """
<html><body>
<script>document.write("<p>不应出现</p>")</script><style>p { color: red }</style>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1">
  <tr><td rowspan="2" colspan="2">本列数据的勾稽关系</td><td colspan="3">申请人情况</td></tr>
  <tr><td>自然人</td><td>法人</td><td>总计</td></tr>
  <tr><td colspan="2">一、本年新收政府信息公开申请数量</td><td>4</td><td>&nbsp;</td><td>4</td></tr>
  <tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>1</td><td>0</td><td>1</td></tr>
  <tr><td>（二）部分公开</td><td>2</td><td></td><td>2</td></tr>
</table>
<div>四、行政复议<br>行政诉讼</div>
</body></html>
"""


def test_html_table_spans_are_resolved_into_a_p1_grid() -> None:
    lines = html_to_text(SPANNED_TABLE).splitlines()
    assert lines[0] == "三、收到和处理政府信息公开申请情况"
    assert lines[1:6] == [
        "本列数据的勾稽关系 |  | 申请人情况 |  |  |",
        " |  | 自然人 | 法人 | 总计 |",
        "一、本年新收政府信息公开申请数量 |  | 4 |  | 4 |",
        "三、本年度办理结果 | （一）予以公开 | 1 | 0 | 1 |",
        " | （二）部分公开 | 2 |  | 2 |",
    ]
    assert lines[6:] == ["四、行政复议", "行政诉讼"]


def test_html_scripts_and_styles_are_dropped() -> None:
    text = html_to_text(SPANNED_TABLE)
    assert "不应出现" not in text
    assert "color" not in text


def test_every_p1_row_has_the_same_number_of_cells() -> None:
    rows = [line for line in html_to_text(SPANNED_TABLE).splitlines() if line.endswith(" |")]
    assert {row.count("|") for row in rows} == {5}


def test_layout_table_around_a_report_keeps_paragraphs_and_inner_data_table() -> None:
    paragraph = "本年度共主动公开政府信息123条，" * 20
    page = (
        "<table><tr><td><img src='logo.png'></td></tr><tr><td>"
        f"<p>一、总体情况</p><p>{paragraph}</p>"
        "<table><tr><td>规章</td><td>0</td></tr><tr><td>规范性文件</td><td>3</td></tr></table>"
        "<p>二、主动公开政府信息情况</p></td></tr></table>"
    )
    assert html_to_text(page).splitlines() == [
        "一、总体情况",
        paragraph,
        "规章 | 0 |",
        "规范性文件 | 3 |",
        "二、主动公开政府信息情况",
    ]


def test_short_paragraphs_inside_data_cells_stay_one_cell() -> None:
    text = html_to_text("<table><tr><td><p>本年新</p><p>制作数量</p></td><td><p>0</p></td></tr></table>")
    assert text == "本年新 制作数量 | 0 |\n"


def test_grid_places_a_cell_after_a_rowspan_from_above() -> None:
    table = render_table([[Cell("A", rowspan=3), Cell("B")], [Cell("C")], [Cell("D")]])
    assert table.lines == ["A | B |", " | C |", " | D |"]


def test_truncated_html_still_gives_its_text(tmp_path: Path) -> None:
    raw = extract(write(tmp_path, "cut.html", "<html><body><p>一、总体情况</p><table><tr><td>申请</td><td>3".encode()))
    assert raw.media_type == "text/html"
    assert raw.text is not None
    assert "一、总体情况" in raw.text
    assert "申请 | 3 |" in raw.text


def test_html_with_wrong_extension_is_sniffed_from_content(tmp_path: Path) -> None:
    raw = extract(write(tmp_path, "report.txt", "<!DOCTYPE html><html><body><p>年报正文</p></body></html>".encode()))
    assert raw.media_type == "text/html"
    assert raw.text == "年报正文\n"
    assert any(i.code == "extension_mismatch" for i in raw.issues)


def test_html_without_visible_text_is_an_issue(tmp_path: Path) -> None:
    raw = extract(write(tmp_path, "blank.html", b"<html><body><script>x=1</script></body></html>"))
    assert raw.text is None
    assert raw.issues[-1].code == "empty_html"


# --- PDF -------------------------------------------------------------------------------------


def make_pdf(path: Path, *, with_text: bool = True, encrypt: str | None = None) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=11, leading=16)
    doc = SimpleDocTemplate(str(path), pagesize=A4, encrypt=encrypt)
    story: list = []
    if with_text:
        story.append(Paragraph("四、政府信息公开行政复议、行政诉讼情况", style))
        table = Table(
            [["行政复议", "", "行政诉讼"], ["结果维持", "结果纠正", "总计"], ["1", "0", "1"]],
            style=TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
                    ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                    ("SPAN", (0, 0), (1, 0)),
                ]
            ),
        )
        story.append(table)
        story.append(Paragraph("五、存在的主要问题及改进情况", style))
    else:
        from reportlab.platypus import Spacer

        story.append(Spacer(10, 10))
    doc.build(story)


def test_pdf_text_and_table_cells_come_back(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    make_pdf(path)
    raw = extract(path)
    assert raw.media_type == "application/pdf"
    assert raw.text is not None, raw.issues
    lines = raw.text.splitlines()
    assert lines[0] == "四、政府信息公开行政复议、行政诉讼情况"
    assert "行政复议 |  | 行政诉讼 |" in lines
    assert "结果维持 | 结果纠正 | 总计 |" in lines
    assert "1 | 0 | 1 |" in lines
    assert lines[-1] == "五、存在的主要问题及改进情况"


def test_pdf_without_text_layer_is_an_actionable_error(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    make_pdf(path, with_text=False)
    raw = extract(path)
    assert raw.text is None
    assert raw.issues[-1].code == "no_text_layer"
    assert "OCR" in raw.issues[-1].message


def test_encrypted_pdf_is_an_actionable_error(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = tmp_path / "locked.pdf"
    make_pdf(path, encrypt=StandardEncryption("secret", ownerPassword="owner", canPrint=0))
    raw = extract(path)
    assert raw.text is None
    assert raw.issues[-1].code == "encrypted_pdf"
    assert raw.issues[-1].severity == "error"


def test_truncated_pdf_is_an_issue_not_an_exception(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    make_pdf(path)
    cut = write(tmp_path, "cut.pdf", path.read_bytes()[:300])
    raw = extract(cut)
    assert raw.media_type == "application/pdf"
    assert raw.text is None
    assert raw.issues[-1].severity == "error"


# --- DOCX -----------------------------------------------------------------------------------


def make_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "申请人情况"
    table.cell(0, 2).text = "总计"
    table.cell(1, 0).text = "一、本年新收政府信息公开申请数量"
    table.cell(1, 1).text = "4"
    table.cell(1, 2).text = "4"
    merged = table.cell(1, 0).merge(table.cell(2, 0))
    merged.text = "一、本年新收政府信息公开申请数量"
    table.cell(2, 1).text = "0"
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    document.save(str(path))


def test_docx_paragraphs_and_table_cells_come_back_in_order(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    make_docx(path)
    raw = extract(path)
    assert raw.media_type.endswith("wordprocessingml.document")
    assert raw.text is not None, raw.issues
    assert raw.text.splitlines() == [
        "三、收到和处理政府信息公开申请情况",
        "申请人情况 |  | 总计 |",
        "一、本年新收政府信息公开申请数量 | 4 | 4 |",
        " | 0 |  |",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]


def test_docx_zip_bomb_is_refused_before_reading(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (8 * 1024 * 1024) + b"</w:document>")
    raw = extract_bytes(buffer.getvalue(), "bomb.docx", Limits(max_unzipped_bytes=4 * 1024 * 1024))
    assert raw.text is None
    assert raw.issues[-1].code == "docx_too_large"


def test_zip_that_is_not_a_word_document_is_unsupported(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "x")
    raw = extract(write(tmp_path, "r.docx", buffer.getvalue()))
    assert raw.media_type == "application/zip"
    assert raw.issues[-1].code == "unsupported_archive"


# --- bad input -----------------------------------------------------------------------------


def test_legacy_doc_is_unsupported_with_a_conversion_hint(tmp_path: Path) -> None:
    raw = extract(write(tmp_path, "r.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600))
    assert raw.text is None
    assert raw.media_type == "application/msword"
    assert raw.issues[-1].code == "unsupported_doc"
    assert ".docx" in raw.issues[-1].message


def test_empty_file_is_an_issue(tmp_path: Path) -> None:
    raw = extract(write(tmp_path, "empty.txt", b""))
    assert raw.text is None
    assert raw.issues[-1].code == "empty_file"
    assert raw.sha256 == hashlib.sha256(b"").hexdigest()


def test_binary_junk_is_not_text(tmp_path: Path) -> None:
    junk = bytes(range(256)) * 40
    raw = extract(write(tmp_path, "junk.txt", junk))
    assert raw.text is None
    assert raw.issues[-1].code == "not_text"


def test_control_characters_without_nuls_are_not_text() -> None:
    decoded = decode_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 100)
    assert decoded.text is None
    assert decoded.issues[-1].code == "not_text"


def test_image_is_not_text(tmp_path: Path) -> None:
    raw = extract(write(tmp_path, "scan.html", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100))
    assert raw.text is None
    assert raw.issues[-1].code == "not_text"


def test_pdf_with_wrong_extension_is_read_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    make_pdf(path)
    raw = extract(write(tmp_path, "report.html", path.read_bytes()))
    assert raw.media_type == "application/pdf"
    assert raw.text is not None
    assert any(i.code == "extension_mismatch" for i in raw.issues)


def test_file_over_the_size_limit_is_hashed_but_not_read(tmp_path: Path) -> None:
    data = REPORT.encode() * 100
    raw = extract(write(tmp_path, "big.txt", data), Limits(max_file_bytes=1000))
    assert raw.text is None
    assert raw.issues[-1].code == "file_too_large"
    assert raw.sha256 == hashlib.sha256(data).hexdigest()
    assert raw.size == len(data)


def test_missing_file_is_an_issue(tmp_path: Path) -> None:
    raw = extract(tmp_path / "nope.txt")
    assert raw.text is None
    assert raw.issues[-1].code == "unreadable_file"


def test_mixed_encoding_is_decoded_with_replacements_and_a_warning() -> None:
    data = REPORT.encode("utf-8") + b"\xff\xfe\xfd" + REPORT.encode("gbk") + b"\x80"
    decoded = decode_bytes(data)
    assert decoded.text is not None
    assert decoded.encoding == "gb18030"
    assert any(i.code == "decoded_with_replacements" for i in decoded.issues)
    assert REPORT in decoded.text


@pytest.mark.parametrize(
    ("name", "encoding", "expected"),
    [
        (
            "gb2312_table.html",
            "gb18030",
            ["（一）主动公开情况", "信息内容 | 本年新制作数量 | 本年新公开数量 |", "规章 | 0 | 0 |"],
        ),
        ("big5_report.txt", "cp950", ["遼寧省某某局政府資訊公開工作報告", "未收到政府資訊公開申請"]),
        ("utf16le_report.txt", "utf-16", ["一、总体情况", "共受理申请3件"]),
    ],
)
def test_fixture_files_extract_with_their_encoding_and_cells(name: str, encoding: str, expected: list[str]) -> None:
    raw = extract(FIXTURES / name)
    assert raw.encoding == encoding
    assert raw.text is not None
    for piece in expected:
        assert piece in raw.text
    assert not [i for i in raw.issues if i.severity == "error"]


def test_junk_behind_a_utf16_bom_is_not_text():
    import random

    rng = random.Random(7)
    junk = codecs.BOM_UTF16_LE + bytes(rng.randrange(256) for _ in range(4000))
    decoded = decode_bytes(junk)
    assert decoded.text is None
    assert [i.code for i in decoded.issues] == ["not_text"]
