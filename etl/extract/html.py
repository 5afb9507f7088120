"""HTML → text with lxml: block elements become lines, tables become P1 rows.

Scripts, styles and other non-content elements are dropped. `<br>` breaks a line. Each
data `<table>` is placed by `tables.render_table` so rowspan/colspan land in the right
columns. Layout tables (one column, tables inside, or cells holding paragraphs of prose —
old government sites wrap whole reports in them) are walked like ordinary blocks instead,
so their paragraphs stay lines and the data tables inside them still become P1 rows.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from etl.extract.limits import TooComplex
from etl.extract.tables import MAX_SPAN, Cell, Grid, RenderedTable, clean_cell_text, line_offsets, render_table

DROP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "svg",
        "canvas",
        "select",
        "button",
        "input",
        "textarea",
        "map",
        "audio",
        "video",
        "head",
    }
)
BLOCK = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "hr",
        "form",
        "fieldset",
        "center",
        "address",
        "figure",
        "figcaption",
        "caption",
        "body",
        "html",
        "tr",
        "table",
        "tbody",
        "thead",
        "tfoot",
    }
)
#: Tags kept when a page nested too deeply is flattened (table structure, and what the walk drops whole).
FLATTEN = re.compile(
    r"<(?!/?(?:table|tr|td|th|tbody|thead|tfoot|caption|title|head|html|body|script|style|noscript|template)\b)"
    r"/?[a-zA-Z][a-zA-Z0-9]*\b[^>]*>")
LAYOUT_CELL_CHARS = 200  # a data cell holds a label or a number, not paragraphs
INLINE_SPACE = re.compile(r"[ \t\r\n\f]+")


def _tag(element: etree._Element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


class _Writer:
    """Collects lines; inline text accumulates until a block boundary."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []
        #: (index of the table's first line in `lines`, the table) for each data table written
        self.tables: list[tuple[int, RenderedTable]] = []

    def text(self, value: str | None) -> None:
        if value:
            self.current.append(INLINE_SPACE.sub(" ", value))

    def line_break(self) -> None:
        line = "".join(self.current).strip()
        if line:
            self.lines.append(line)
        self.current = []

    def table(self, rendered: RenderedTable) -> None:
        self.line_break()
        if rendered.lines:
            self.tables.append((len(self.lines), rendered))
            self.lines.extend(rendered.lines)

    def grids(self) -> list[Grid]:
        """The tables written, with offsets into the text `"\\n".join(lines)`."""
        offsets = line_offsets(self.lines)
        grids = []
        for first, rendered in self.tables:
            grid = rendered.to_grid_at(offsets[first:first + len(rendered.lines)])
            if grid is not None:
                grids.append(grid)
        return grids


def _cell_text(cell: etree._Element) -> str:
    """Text of a cell, including nested tables, on one line."""
    writer = _Writer()
    for child_text in _walk_inline(cell):
        writer.text(child_text)
    return clean_cell_text("".join(writer.current))


def _walk_inline(element: etree._Element):  # type: ignore[no-untyped-def]
    """Yield text of `element` in order, with a space at block boundaries and <br>.

    Iterative (a stack of (element, closing)): a page nested 100,000 deep must not exhaust Python's stack.
    """
    stack = [(element, False)]
    while stack:
        element, closing = stack.pop()
        tag = _tag(element)
        if closing:
            if tag in BLOCK or tag in ("td", "th"):
                yield " "
            if element.tail:
                yield element.tail
            continue
        if tag in DROP or not isinstance(element.tag, str):
            if element.tail:
                yield element.tail
            continue
        if tag in BLOCK or tag in ("br", "td", "th"):
            yield " "
        if element.text:
            yield element.text
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))


def _span(element: etree._Element, name: str) -> int:
    try:
        return int(str(element.get(name, "1")).strip() or 1)
    except ValueError:
        return 1


def _own_cells(table: etree._Element) -> list[list[etree._Element]]:
    rows = []
    for tr in table.iter("tr"):
        if next((a for a in tr.iterancestors("table")), None) is table:
            rows.append([cell for cell in tr if _tag(cell) in ("td", "th")])
    return rows


def is_layout_table(table: etree._Element) -> bool:
    """True for a table used to lay out a page rather than to hold data.

    Old government sites put the whole report inside layout tables; rendering those as P1
    rows would glue every paragraph of a cell into one line. A table is layout when it has a
    single column, holds another table, or has a cell with paragraphs of long text.
    """
    rows = _own_cells(table)
    if not rows or max(len(row) for row in rows) <= 1:
        return True
    for row in rows:
        for cell in row:
            if cell.find(".//table") is not None:
                return True
            has_blocks = any(_tag(child) in ("p", "div", "br", "ul", "ol", "h1", "h2", "h3") for child in cell.iter())
            if has_blocks and len(cell.text_content()) > LAYOUT_CELL_CHARS:
                return True
    return False


def render_html_table(table: etree._Element, max_cells: int | None = None) -> RenderedTable:
    """One `<table>` placed and rendered (rows of nested tables belong to their own table).

    Raises TooComplex when the spans would make a grid of more than `max_cells` positions.
    """
    rows = [
        [Cell(_cell_text(cell), _span(cell, "rowspan"), _span(cell, "colspan")) for cell in row]
        for row in _own_cells(table)
    ]
    if max_cells is not None:  # checked before building the grid, which is what costs the memory
        area = sum(min(max(c.rowspan, 1), MAX_SPAN) * min(max(c.colspan, 1), MAX_SPAN) for row in rows for c in row)
        if area > max_cells:
            raise TooComplex(f"a table's cells and spans cover {area:,} positions, more than {max_cells:,} "
                             "(ETL_MAX_TABLE_CELLS)")
    return render_table(rows)


def _walk(root: etree._Element, writer: _Writer, max_table_cells: int | None = None) -> None:
    # iterative, like _walk_inline: (element, closing) pairs on a stack instead of recursion
    stack = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = _tag(element)
        if closing:
            if tag in BLOCK:
                writer.line_break()
            writer.text(element.tail)
            continue
        if not isinstance(element.tag, str) or tag in DROP:  # comments, processing instructions, scripts
            writer.text(element.tail)
            continue
        if tag == "table" and not is_layout_table(element):
            writer.table(render_html_table(element, max_table_cells))
            writer.text(element.tail)
            continue
        if tag == "br":
            writer.line_break()
            writer.text(element.tail)
            continue
        if tag in BLOCK:
            writer.line_break()
        writer.text(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))


def html_to_text(markup: str, max_table_cells: int | None = None, notes: list[str] | None = None) -> str:
    """The text of an HTML document (title first, then the body), one block per line."""
    return html_to_document(markup, max_table_cells, notes)[0]


def html_to_document(markup: str, max_table_cells: int | None = None,
                     notes: list[str] | None = None) -> tuple[str, list[Grid]]:
    """The text of an HTML document and its data tables as grids (offsets into that text).

    Raises TooComplex when a table is past `max_table_cells` (see Limits). What had to be degraded to
    keep the text is appended to `notes` (the extract stage records it as an issue).
    """
    parser = lxml_html.HTMLParser(huge_tree=True)  # else libxml2 drops everything below 256 levels
    try:
        document = lxml_html.document_fromstring(markup, parser=parser)
        if any("Excessive depth" in str(e.message) for e in parser.error_log):
            # nested past libxml2's hard limit (2048 even with huge_tree): the rest of the page would be
            # lost; parse again with every tag but the table structure turned into a line break
            document = lxml_html.document_fromstring(FLATTEN.sub("<br>", markup),
                                                     parser=lxml_html.HTMLParser(huge_tree=True))
            if notes is not None:
                notes.append("the page is nested more than 2048 levels deep; its tags other than tables were "
                             "read as line breaks")
    except (etree.ParserError, ValueError):
        # lxml refuses str input with an XML encoding declaration, and empty documents
        try:
            document = lxml_html.document_fromstring(markup.encode("utf-8"), parser=_utf8_parser())
        except (etree.ParserError, ValueError):
            return "", []
    writer = _Writer()
    title = document.find(".//title")
    if title is not None and title.text and title.text.strip():
        writer.text(title.text)
        writer.line_break()
    body = document.find("body")
    _walk(body if body is not None else document, writer, max_table_cells)
    writer.line_break()
    return "\n".join(writer.lines) + ("\n" if writer.lines else ""), writer.grids()


def _utf8_parser() -> lxml_html.HTMLParser:
    return lxml_html.HTMLParser(encoding="utf-8", huge_tree=True)
