"""Numbers stated in prose and in pre-2019 statistics tables (docs/domain.md#prose).

The text is read sentence by sentence (statistics-table blocks are masked out first, keeping
offsets). Each family of figures has its phrasings in `patterns`:

- proactive disclosure: totals (`共公开各类政府信息1365余条`), per-channel and per-category
  figures, cumulative figures (`累计`) kept apart as `proactive.cumulative`;
- requests received (`受理…申请813余件次`), "none received" statements, outcomes;
- fees charged and the negative statements that mean 0 yuan;
- reviews, lawsuits and complaints, positive counts and zero statements naming the measures;
- old statistics tables (docs/domain.md#old-statistics-tables): keyword-driven rows, `无` = 0, `—` = not applicable.

Unknown is not zero: nothing is emitted for a family the report does not mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from etl.model import CheckResult, Fact, Issue, Section
from etl.parse import patterns as P
from etl.parse.numbers import NUMBER, Quantity, read_quantity

_SENTENCE_RE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_CLAUSE_SPLIT_RE = re.compile(r"[，,；;：:]")
_QUANTITY_RE = re.compile(rf"(?P<n>{NUMBER})(?P<unit>{P.ITEM_UNITS})(?!次|[{P.CJK}]?(?:率|%))")
_FUTURE_RE = re.compile(r"力争|争取|确保不少于|计划(?:发布|公开)|目标")
_APPEAL_WORDS_RE = re.compile(r"复议|诉讼|申诉|申述|投诉|举报")
_REQUEST_CLAUSE_RE = re.compile(r"申请|受理|咨询|信访|投诉|举报")
_CATEGORY_UNITS = ("条", "件", "份", "篇", "项", "个")


@dataclass
class ProseResult:
    """Facts found in prose and old tables, with checks and issues."""

    facts: list[Fact] = field(default_factory=list)
    checks: list[CheckResult] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    #: statistics tables found (pipe, tab, one-cell-per-line or flattened), read or not
    tables_found: int = 0


@dataclass
class _Reader:
    text: str
    sections: list[Section]
    facts: list[Fact] = field(default_factory=list)
    weak_totals: list[tuple[Quantity, int, int, str]] = field(default_factory=list)
    #: totals derived from the only channel a sentence names (dropped when the report states a total)
    derived_totals: list[Fact] = field(default_factory=list)
    #: the report's statistical year, and where the sentence being read starts
    year: int | None = None
    sentence_start: int = 0

    def other_year(self, start: int) -> bool:
        """True when the sentence names a year other than the report's before the figure at `start`
        (`2015年主动公开政府信息300条` in a 2016 report; years in quoted titles do not count)."""
        if self.year is None:
            return False
        before = P.QUOTED_TITLE_RE.sub("", self.text[self.sentence_start:start])
        mentions = list(P.STATED_YEAR_RE.finditer(before))
        return bool(mentions) and mentions[-1].group("y") is not None and int(mentions[-1].group("y")) != self.year

    def kind_at(self, position: int) -> str | None:
        found = None
        for section in self.sections:
            if section.start <= position < section.end:
                found = section.kind
        return found

    def add(self, table: str, item: str, quantity: Quantity, start: int, end: int, *, unit: str | None = None,
            label: str | None = None, source: str = "prose", label_span: tuple[int, int] | None = None,
            evidence: str | None = None) -> None:
        if source == "prose" and self.other_year(quantity.start if quantity.end else start):
            return  # another year's figure (a comparison or last year's): not this report's
        applicant = "total" if table == "requests" else None
        proceeding = outcome = None
        if table == "appeals":
            proceeding, outcome = item, "total"
            item = f"{proceeding}.{outcome}"
        self.facts.append(Fact(
            table=table, item=item, value=quantity.value, start=start, end=end,
            evidence=evidence if evidence is not None else self.text[start:end], source=source,
            approximate=quantity.approximate, unit=unit, applicant=applicant, proceeding=proceeding,
            outcome=outcome, label=label,
            label_start=label_span[0] if label_span else None, label_end=label_span[1] if label_span else None,
        ))


ZERO = Quantity(Decimal(0), False)


def _quantity(match: re.Match[str]) -> Quantity | None:
    return read_quantity(match.group("n"), match.start("n"))


# --------------------------------------------------------------------------- proactive


def _channels(clause: str) -> list[str]:
    found: list[str] = []
    for keyword, key in P.CHANNEL_KEYWORDS:
        if keyword in clause:
            if key == "website":
                key = ("agency_website" if P.AGENCY_SITE_RE.search(clause) and not P.GOVERNMENT_SITE_RE.search(clause)
                       else "government_portal" if P.GOVERNMENT_SITE_RE.search(clause) or _place_site(clause)
                       else "agency_website")
            if key not in found:
                found.append(key)
    return found


def _place_site(clause: str) -> bool:
    """A website named after a place (`“中国平潭”网站`) is that place's government portal."""
    from etl.parse.gazetteer import gazetteer

    for match in P.PLACE_SITE_RE.finditer(clause):
        place = match.group("place")  # a division's full or short name (`平潭` for 平潭县)
        if place in gazetteer().index or gazetteer().resolve(place).consumed == len(place):
            return True
    for match in P.SITE_WORD_RE.finditer(clause):
        before = clause[max(0, match.start() - 8):match.start()]
        if any(before[-k:] in gazetteer().index for k in range(2, len(before) + 1)):
            return True
    return False


def _category(clause: str) -> str | None:
    tail = re.split(r"[、，,；;]", clause)[-1]
    if re.search(r"等(?:各类|各项)?(?:政府|政务)?信息", tail):
        return None  # `人事任免等政府信息`: the end of a list of kinds, the whole of them
    for keyword, key in P.CATEGORY_KEYWORDS:
        if keyword in tail:
            return key
    return None


def _clause_before(text: str, start: int, floor: int) -> tuple[str, int]:
    """The clause that ends at `start` (back to the last comma/semicolon, not before `floor`)."""
    segment = text[floor:start]
    cut = 0
    for match in _CLAUSE_SPLIT_RE.finditer(segment):
        cut = match.end()
    while cut < len(segment) and segment[cut] in "、 \t\n":
        cut += 1
    return segment[cut:], floor + cut


def _proactive(reader: _Reader, s_start: int, s_end: int) -> None:
    text = reader.text
    sentence = text[s_start:s_end]
    if _FUTURE_RE.search(sentence):
        return
    consumed: list[tuple[int, int]] = []
    for pattern in P.PRESS_CONFERENCE_RES:
        for match in pattern.finditer(text, s_start, s_end):
            quantity = _quantity(match)
            if quantity:
                reader.add("disclosure_counts", "proactive.channel.press_conference", quantity,
                           match.start(), match.end(), unit=match.group("unit"))
                consumed.append((match.start(), match.end()))
    in_context = "主动公开" in sentence
    found_here = 0
    first_fact = len(reader.facts)
    floor = s_start
    for match in _QUANTITY_RE.finditer(text, s_start, s_end):
        n_start = match.start("n")
        if any(a <= n_start < b for a, b in consumed):
            floor = match.end()
            continue
        quantity = _quantity(match)
        clause, c_start = _clause_before(text, n_start, floor)
        floor = match.end()
        if quantity is None or not clause.strip() or "率" in clause or _REQUEST_CLAUSE_RE.search(clause):
            continue
        unit = match.group("unit")
        end = match.end()
        label = clause.strip()
        verb = P.DISCLOSURE_VERB_RE.search(P.NOT_A_VERB_RE.sub("", clause))
        channels = _channels(clause)
        clause_total = P.TOTAL_RE.search(clause)
        if (not channels and verb and clause_total is not None and "主动公开" not in clause
                and not (clause_total.group("q") or clause_total.group("q2"))):
            # `微信公众号……，及时公开各类政府信息756条`: the sentence's one channel is the clause's subject
            prefix = text[s_start:c_start]
            # figures before it may count issues or events (推文57期), not information items
            if len(_channels(prefix)) == 1 and not any(m.group("unit") in _ITEM_UNITS
                                                       for m in _QUANTITY_RE.finditer(prefix)):
                channels = _channels(prefix)
        sentence_has_verb = P.DISCLOSURE_VERB_RE.search(P.NOT_A_VERB_RE.sub("", sentence))
        if P.CUMULATIVE_RE.search(clause) and not P.NEW_THIS_YEAR_RE.search(clause):
            if (verb or found_here) and unit in ("条", "件", "份", "篇"):
                reader.add("disclosure_counts", "proactive.cumulative", quantity, c_start, end, unit=unit)
                found_here += 1
            continue
        if P.SUBMISSION_RE.search(clause):
            if P.OGI_OFFICE_RE.search(clause):
                reader.add("disclosure_counts", "proactive.channel.other", quantity, c_start, end, unit=unit,
                           label=label)
                found_here += 1
            elif sentence_has_verb and re.search(r"信息|稿件|文章", clause):
                reader.add("disclosure_counts", "proactive.other", quantity, c_start, end, unit=unit, label=label)
            continue
        total = P.TOTAL_RE.search(clause) or P.PROACTIVE_VERB_ONLY_RE.search(clause)
        is_total = bool(total and (total.re is P.PROACTIVE_VERB_ONLY_RE or total.group("q") or total.group("m")
                                   or total.group("q2")))
        if unit == "期" and channels and channels != ["gazette"]:
            continue  # issues of a WeChat account or a paper (推文57期) are not information items
        if len(channels) == 1 and verb and unit not in ("场",):
            reader.add("disclosure_counts", f"proactive.channel.{channels[0]}", quantity, c_start, end, unit=unit)
            found_here += 1
            continue
        if len(channels) >= 2 and verb:
            if set(channels) <= {"weibo", "wechat", "new_media"}:  # 微博微信: the new-media channel together
                item, item_label = "proactive.channel.new_media", None
            elif is_total or "主动公开" in clause:
                item, item_label = "proactive.total", None
            else:
                item, item_label = "proactive.channel.other", label
            reader.add("disclosure_counts", item, quantity, c_start, end, unit=unit, label=item_label)
            found_here += 1
            continue
        response = next((key for keyword, key in P.RESPONSE_KEYWORDS if keyword in clause), None)
        if response and (verb or P.RESPONSE_VERB_RE.search(clause)):
            reader.add("disclosure_counts", response, quantity, c_start, end, unit=unit)
            continue
        category = _category(clause)
        if category and unit in _CATEGORY_UNITS and (in_context or found_here):
            reader.add("disclosure_counts", f"proactive.category.{category}", quantity, c_start, end, unit=unit,
                       label=label if category == "other" else None)
            continue
        if unit in ("条", "件", "份", "篇", "项") and total:
            if is_total:
                reader.add("disclosure_counts", "proactive.total", quantity, c_start, end, unit=unit)
                found_here += 1
            elif "各类" in clause:  # `公开各类政府信息N条`: a total only if no stronger one is stated
                reader.weak_totals.append((quantity, c_start, end, unit))
    _single_channel_total(reader, first_fact)


_ITEM_UNITS = ("条", "件", "份", "篇", "项")


def _single_channel_total(reader: _Reader, first_fact: int) -> None:
    """A sentence whose only figure is one website publishing "all kinds" of information states the total.

    (`市政府网站主动公开各类政府信息5500余条` in a city report; a sentence listing several
    channels of information items keeps them as channels only. Gazette issues (期) and press
    conferences (场) counted in the same sentence are not information items and do not compete.)
    """
    new = reader.facts[first_fact:]
    channels = [f for f in new if f.item.startswith("proactive.channel.") and f.unit in _ITEM_UNITS]
    if len(channels) != 1 or any(f.item in ("proactive.total", "proactive.cumulative") for f in new):
        return
    fact = channels[0]
    if fact.item.endswith(("government_portal", "agency_website")) and P.ALL_KINDS_RE.search(fact.evidence):
        reader.derived_totals.append(replace(fact, item="proactive.total"))


# --------------------------------------------------------------------------- requests, fees, appeals


def _requests(reader: _Reader, s_start: int, s_end: int) -> None:
    text = reader.text
    sentence = text[s_start:s_end]
    for pattern in P.REQUEST_RECEIVED_RES:
        match = pattern.search(text, s_start, s_end)
        if match and not _APPEAL_WORDS_RE.search(match.group(0)):
            quantity = _quantity(match)
            if quantity:
                reader.add("requests", "new_received", quantity, match.start(), match.end(), unit=match.group("unit"))
                break
    else:
        for clause_start, clause in _clauses(text, s_start, s_end):
            if _APPEAL_WORDS_RE.search(clause):
                continue
            for pattern in P.REQUEST_ZERO_RES:
                match = pattern.search(clause)
                if match:
                    reader.add("requests", "new_received", ZERO, clause_start + match.start(),
                               clause_start + match.end())
                    break
    if "申请" not in sentence and reader.kind_at(s_start) != "requests":
        return
    taken: list[tuple[int, int]] = []
    for pattern, key in (*P.REQUEST_CHANNEL_RES, *P.REQUEST_OUTCOME_RES):
        for match in pattern.finditer(text, s_start, s_end):
            if any(a <= match.start("n") < b for a, b in taken):
                continue
            quantity = _quantity(match)
            if quantity:
                reader.add("requests", key, quantity, match.start(), match.end(), unit=match.group("unit"))
                taken.append((match.start("n"), match.end("n")))


def _clauses(text: str, start: int, end: int) -> list[tuple[int, str]]:
    out = []
    position = start
    for piece in re.split(r"([，,；;。])", text[start:end]):
        if piece and piece not in "，,；;。":
            out.append((position, piece))
        position += len(piece)
    return out


def _fees(reader: _Reader, s_start: int, s_end: int) -> None:
    text = reader.text
    for pattern in P.FEES_CHARGED_RES:
        match = pattern.search(text, s_start, s_end)
        if match:
            quantity = _quantity(match)
            if quantity:
                if match.group("unit") == "万元":
                    quantity = Quantity(quantity.value * 10_000, quantity.approximate, quantity.start, quantity.end)
                reader.add("disclosure_counts", "fees.charged_yuan", quantity, match.start(), match.end(), unit="元")
                return
    for pattern in P.FEES_ZERO_RES:
        match = pattern.search(text, s_start, s_end)
        if match:
            context = text[max(s_start, match.start() - 40):s_end]
            if P.FEES_CONTEXT_RE.search(context) or reader.kind_at(s_start) == "fees":
                reader.add("disclosure_counts", "fees.charged_yuan", ZERO, match.start(), match.end(), unit="元")
                break
    match = P.FEES_WAIVED_ZERO_RE.search(text, s_start, s_end)
    if match:
        reader.add("disclosure_counts", "fees.waived_yuan", ZERO, match.start(), match.end(), unit="元")


def _appeals(reader: _Reader, s_start: int, s_end: int) -> None:
    text = reader.text
    sentence = text[s_start:s_end]
    in_section = reader.kind_at(s_start) == "appeals"
    if not in_section and not re.search(r"复议|诉讼", sentence):
        return
    positives: set[str] = set()
    for pattern, proceeding in P.APPEAL_POSITIVE_RES:
        for match in pattern.finditer(text, s_start, s_end):
            if proceeding == "complaint" and not (in_section or re.search(r"复议|诉讼", sentence)):
                continue
            quantity = _quantity(match)
            if quantity:
                reader.add("appeals", proceeding, quantity, match.start(), match.end(), unit=match.group("unit"))
                positives.add(proceeding)
    _appeal_outcomes(reader, s_start, s_end)
    if not (in_section or P.APPEAL_ZERO_CONTEXT_RE.search(sentence)):
        return
    for clause_start, clause in _clauses(text, s_start, s_end):
        negation = P.APPEAL_NEGATION_RE.search(clause)
        if not negation:
            continue
        after = clause[negation.start():]
        named: list[str] = []
        for word, proceeding in P.PROCEEDING_WORDS:
            if word in after and proceeding not in named and proceeding not in positives:
                named.append(proceeding)
        for proceeding in named:
            reader.add("appeals", proceeding, ZERO, clause_start + negation.start(), clause_start + len(clause))


def _appeal_outcomes(reader: _Reader, s_start: int, s_end: int) -> None:
    """`行政复议351件，其中结果维持72件…` → outcomes of the proceeding named last before them."""
    text = reader.text
    for pattern, outcome in P.APPEAL_OUTCOME_RES:
        for match in pattern.finditer(text, s_start, s_end):
            before = text[s_start:match.start()]
            named = [(before.rfind(word), proceeding) for word, proceeding in P.PROCEEDING_WORDS if word in before]
            if not named:
                continue
            proceeding = max(named)[1]
            quantity = _quantity(match)
            if quantity is None or reader.other_year(match.start()):
                continue
            reader.facts.append(Fact(
                table="appeals", item=f"{proceeding}.{outcome}", value=quantity.value, start=match.start(),
                end=match.end(), evidence=text[match.start():match.end()], approximate=quantity.approximate,
                unit=match.group("unit"), proceeding=proceeding, outcome=outcome,
            ))


# --------------------------------------------------------------------------- old statistics tables


@dataclass(frozen=True)
class _Cell:
    text: str
    start: int
    end: int


def _is_table_line(line: str) -> bool:
    return line.rstrip().endswith("|") or " | " in line or line.count("\t") >= 2


def find_old_tables(text: str) -> list[tuple[int, int]]:
    """Spans of statistics tables: pipe- or tab-delimited blocks (one cell or one row per line), and
    unseparated one-cell-per-line blocks (label, unit, value) after a `统计表`/`附表` caption."""
    spans: list[tuple[int, int]] = []
    block_start = None
    block_end = 0
    count = 0
    for match in re.finditer(r"[^\n]*\n?", text):
        line = match.group(0).rstrip("\n")
        if _is_table_line(line):
            if block_start is None:
                block_start, count = match.start(), 0
            block_end = match.start() + len(line)
            count += 1
        elif line.strip() and block_start is not None:
            if count >= 6:
                spans.append((block_start, block_end))
            block_start = None
    if block_start is not None and count >= 6:
        spans.append((block_start, block_end))
    if not spans:
        spans.extend(_line_tables(text))
    return spans


_CAPTION_RE = re.compile(r"^[^\n。]{0,40}(?:统计表|统计指标|附表)[^\n。]{0,30}$", re.M)


def _line_tables(text: str) -> list[tuple[int, int]]:
    """Unseparated one-cell-per-line tables: short lines after a caption, with unit cells among them."""
    spans = []
    for caption in _CAPTION_RE.finditer(text):
        start = caption.end() + 1
        end = start
        units = 0
        for line in re.finditer(r"[^\n]*", text[start:]):
            body = line.group(0).strip()
            if not body:
                continue
            if len(body) > 60 or (body.endswith("。") and len(body) > 30):
                break
            units += bool(_UNIT_CELL_RE.match(body))
            end = start + line.end()
        if units >= 3 and end > start:
            spans.append((start, end))
    return spans


def _cells(text: str, start: int, end: int) -> tuple[list[list[_Cell]], bool]:
    """Cells of a table block; (rows, True) for one-row-per-line, ([cells], False) for one cell per line."""
    rows: list[list[_Cell]] = []
    multi = False
    for match in re.finditer(r"[^\n]+", text[start:end]):
        line = match.group(0)
        base = start + match.start()
        if re.fullmatch(r"\s*\|{2,}\s*", line):
            continue  # colspan padding
        parts = []
        position = 0
        separator = "|" if "|" in line else "\t"
        for piece in line.split(separator):
            stripped = piece.strip()
            offset = piece.find(stripped) if stripped else 0
            parts.append(_Cell(stripped, base + position + offset, base + position + offset + len(stripped)))
            position += len(piece) + 1
        if line.rstrip().endswith("|"):
            parts = parts[:-1]
        if len([p for p in parts if p.text]) > 1:
            multi = True
        rows.append(parts)
    return rows, multi


_HEADER_RE = re.compile(r"指标|单位|统计数|数量|本期|本年|累计|项目|计量|备注")
_LABEL_MARK_RE = re.compile(rf"^\s*(?:{P.OPEN}{P.CN_ORDINAL}{P.CLOSE}|{P.CN_ORDINAL}、|\d+[、.．]|[①②③④⑤⑥⑦⑧⑨⑩?？])\s*")
_UNIT_CELL_RE = re.compile(r"^(?:条|件|次|个|篇|期|场|人|人次|元|万元|项|份|家|宗|是/否|有|—|——)$")


def _triples(cells: list[_Cell]) -> list[list[_Cell]]:
    """Rows of an unseparated table: a label, its unit cell, then its value (header first)."""
    rows = [[_Cell("统计指标", 0, 0), _Cell("单位", 0, 0), _Cell("统计数", 0, 0)]]
    index = 0
    while index + 2 < len(cells):
        if _UNIT_CELL_RE.match(cells[index + 1].text) and not _UNIT_CELL_RE.match(cells[index].text):
            rows.append(cells[index:index + 3])
            index += 3
        else:
            index += 1
    return rows


def _table_rows(text: str, span: tuple[int, int]) -> list[list[_Cell]]:
    rows, multi = _cells(text, *span)
    block = text[span[0]:span[1]]
    if "|" not in block and "\t" not in block:
        return _triples([r[0] for r in rows if r and r[0].text])
    if multi:
        return [r for r in rows if any(c.text for c in r)]
    cells = [r[0] if r else None for r in rows]
    cells = [c for c in cells if c is not None]
    header = 0
    while header < len(cells) and header < 6 and _HEADER_RE.search(cells[header].text) and len(cells[header].text) <= 8:
        header += 1
    width = header if header >= 2 else 3
    return [cells[i:i + width] for i in range(0, len(cells), width)]


def _read_cell(cell: str) -> Quantity | None:
    text = cell.strip()
    if not text or text in P.TABLE_DASH_CELLS:
        return None
    if text in P.TABLE_ZERO_CELLS:
        return ZERO
    match = re.fullmatch(rf"(?P<n>{NUMBER})\s*(?:{P.ITEM_UNITS}|元|万元|人次)?", text)
    return read_quantity(match.group("n")) if match else None


def _old_tables(reader: _Reader, spans: list[tuple[int, int]]) -> int:
    unmapped = 0
    for span in spans:
        block = reader.text[span[0]:span[1]]
        if re.search(r"本年新收政府信息公开申请|第二十条第|未经复议直接起诉", block):
            continue  # a 2019/2021 template table: template.py reads those
        rows = _table_rows(reader.text, span)
        if not rows:
            continue
        value_index = len(rows[0]) - 1
        for index, cell in enumerate(rows[0]):
            if (any(h in cell.text for h in P.TABLE_VALUE_HEADERS)
                    and not any(h in cell.text for h in P.TABLE_CUMULATIVE_HEADERS)):
                value_index = index
                break
        for row in rows[1:]:
            if len(row) <= value_index or not row[0].text:
                continue
            label_cell = row[0]
            label = _LABEL_MARK_RE.sub("", label_cell.text)
            value_cell = row[value_index]
            quantity = _read_cell(value_cell.text)
            if quantity is None:
                continue
            key = next(((table, item) for keyword, table, item in P.TABLE_ROW_KEYWORDS if keyword in label), None)
            if key is None:
                unmapped += 1
                continue
            unit = row[1].text if len(row) > 2 and _UNIT_CELL_RE.match(row[1].text) else None
            evidence = " | ".join(c.text for c in row)
            reader.add(key[0], key[1], Quantity(quantity.value, quantity.approximate), value_cell.start,
                       value_cell.end, unit=unit, label=label_cell.text, source="table",
                       label_span=(label_cell.start, label_cell.end), evidence=evidence)
    return unmapped


def find_run_tables(text: str) -> list[list[re.Match[str]]]:
    """Statistics tables flattened into running text: runs of `label unit value` rows separated only by
    spaces (a page whose table cells were joined into one line)."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for match in P.RUN_TABLE_ROW_RE.finditer(text):
        if current and not P.RUN_TABLE_GAP_RE.match(text[current[-1].end():match.start()]):
            if len(current) >= P.RUN_TABLE_MIN_ROWS:
                runs.append(current)
            current = []
        current.append(match)
    if len(current) >= P.RUN_TABLE_MIN_ROWS:
        runs.append(current)
    return runs


def _glued(row: re.Match[str], two_columns: bool) -> bool:
    """A value glued to its unit (`条00`, `条740`) that may hold two columns."""
    if row.group("gap") or row.group("second"):
        return False
    value = row.group("value")
    return two_columns or (len(value) > 1 and value.startswith("0"))


def _splits(value: str) -> list[tuple[str, str]]:
    """The ways two glued integer cells can make `value` (no cell but `0` starts with 0)."""
    if not value.isdigit():
        return []
    return [(value[:i], value[i:]) for i in range(1, len(value))
            if (value[0] != "0" or i == 1) and (value[i] != "0" or i == len(value) - 1)]


def _split_glued(value: str, stated: set[Decimal], confirmed: dict[str, int]) -> str | None:
    """The first (this year's) cell of two glued cells, when only one reading is possible.

    A leading 0 can only be a cell of its own (`00` → 0 | 0, `012` → 0 | 12); otherwise the reading whose
    first cell the prose states for the same row (`在公开的74条信息中` for `条740`) wins, and a row glued the
    same way as a row read so (`740` twice) is read alike. Anything else is ambiguous and left out.
    """
    splits = _splits(value)
    if value.startswith("0") and splits:
        return splits[0][0]
    if value in confirmed:
        return value[:confirmed[value]]
    matching = [first for first, _ in splits if Decimal(first) in stated]
    if len(matching) == 1:
        confirmed[value] = len(matching[0])
        return matching[0]
    return None


def _run_table_facts(reader: _Reader, runs: list[list[re.Match[str]]]) -> int:
    unmapped = 0
    stated: dict[tuple[str, str], set[Decimal]] = {}
    for fact in reader.facts:
        stated.setdefault((fact.table, fact.item), set()).add(fact.value)
    for run in runs:
        header = reader.text[max(0, run[0].start() - 60):run[0].start()]
        # two value columns glued together show themselves as `00` somewhere in the run
        two_columns = bool(P.RUN_TABLE_TWO_COLUMNS_RE.search(header)) or any(
            not row.group("gap") and len(row.group("value")) > 1 and row.group("value").startswith("0")
            for row in run)
        cumulative = bool(P.RUN_TABLE_CUMULATIVE_RE.search(header))
        rows = [(row, _row_key(row)) for row in run]
        confirmed: dict[str, int] = {}
        # rows the prose confirms first, so that rows glued the same way can follow them
        order = sorted(rows, key=lambda r: r[1] is None or r[1] not in stated)
        values: dict[int, tuple[str, str | None]] = {}
        for row, key in order:
            value, second = row.group("value"), row.group("second")
            if _glued(row, two_columns):
                first = _split_glued(value, stated.get(key, set()) if key else set(), confirmed)
                if first is None:
                    continue
                value, second = first, value[len(first):]
            values[row.start()] = (value, second.strip() if second else None)
        for row, key in rows:
            if row.start() not in values:
                continue
            value, second = values[row.start()]
            quantity = _read_cell(value)
            if quantity is None:
                continue
            if key is None:
                unmapped += 1
                continue
            start = row.start("value")
            reader.add(key[0], key[1], Quantity(quantity.value, quantity.approximate), start,
                       start + len(value), unit=row.group("unit"), label=row.group("label"), source="table",
                       label_span=(row.start("label"), row.end("label")), evidence=row.group(0))
            total = _read_cell(second) if second and cumulative else None
            if key == ("disclosure_counts", "proactive.total") and total is not None:
                # the second column under a 累计 header: the running total, kept apart from the year's figure
                reader.add(key[0], "proactive.cumulative", total, row.end() - len(second), row.end(),
                           unit=row.group("unit"), label=row.group("label"), source="table",
                           label_span=(row.start("label"), row.end("label")), evidence=row.group(0))
    return unmapped


def _row_key(row: re.Match[str]) -> tuple[str, str] | None:
    label = _LABEL_MARK_RE.sub("", row.group("label"))
    return next(((table, item) for keyword, table, item in P.TABLE_ROW_KEYWORDS if keyword in label), None)


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]
    return text


def _compare(facts: list[Fact]) -> list[CheckResult]:
    """Prose vs table: an info check per key stated both ways with different values (both kept)."""
    checks = []
    by_key: dict[tuple[str, str], dict[str, set[Decimal]]] = {}
    for fact in facts:
        by_key.setdefault((fact.table, fact.item), {}).setdefault(fact.source, set()).add(fact.value)
    for (table, item), sources in sorted(by_key.items()):
        if "prose" in sources and "table" in sources:
            prose, tab = max(sources["prose"]), max(sources["table"])
            status = "pass" if sources["prose"] & sources["table"] else "fail"
            checks.append(CheckResult("prose_vs_table", f"{table}.{item}", status, "info", prose, tab,
                                      "prose and table agree" if status == "pass"
                                      else "prose and table state different values; both are kept as printed"))
    return checks


_WRAP_STOP = "。！？!?：:；;|"
_ITEM_START_RE = re.compile(rf"^\s*(?:{P.CN_ORDINAL}[、.．是]|{P.OPEN}|\d+[、.．]|第|[\u3220-\u3229①-⑩])")
_FOOTER_RE = re.compile(r"^\s*-\s*\d+\s*-\s*$|^\f")
_SPACE_BETWEEN_RE = re.compile(rf"(?<=[{P.CJK}\d%.,，。、“”（）()])[ \t\u3000]+(?=[{P.CJK}\d“”（）()])")


def compact(text: str, heading_starts: set[int] | frozenset[int] = frozenset()) -> tuple[str, list[int]]:
    """Text with PDF line wraps, page footers and spaces inside CJK runs removed, and an offset map.

    `positions[i]` is the offset in `text` of character i of the compact text (plus one final
    entry for the end), so spans found in the compact text map back to the original.
    """
    drop = bytearray(len(text))
    for match in _SPACE_BETWEEN_RE.finditer(text):
        drop[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    lines = list(re.finditer(r"(?m)^[^\n]*$", text))
    for line in lines:
        if _FOOTER_RE.match(line.group(0)):
            drop[line.start():line.end()] = b"\x01" * (line.end() - line.start())
    previous = None
    for line in lines:
        body = line.group(0)
        if not body.strip() or _FOOTER_RE.match(body):
            if not body.strip():
                previous = None
            continue
        if previous is not None:
            prev_body = previous.group(0).rstrip()
            if (len(prev_body.strip()) >= 15 and prev_body[-1] not in _WRAP_STOP and "|" not in body
                    and previous.start() not in heading_starts and not _ITEM_START_RE.match(body)):
                gap_start = previous.start() + len(prev_body)
                drop[gap_start:line.start()] = b"\x01" * (line.start() - gap_start)
        previous = line
    kept = [i for i in range(len(text)) if not drop[i]]
    return "".join(text[i] for i in kept), [*kept, len(text)]


def parse_prose(text: str, sections: list[Section], template_format: str | None = None,
                year: int | None = None) -> ProseResult:
    """Facts stated in the prose of `text` (and in its pre-2019 statistics tables).

    `year` is the report's statistical year: figures whose sentence names another year are left out.
    """
    table_spans = [] if template_format else find_old_tables(text)
    runs = [] if template_format or table_spans else find_run_tables(text)
    masked = _mask(text, table_spans + [(run[0].start(), run[-1].end()) for run in runs])
    compacted, positions = compact(masked, {s.start for s in sections})
    mapped_sections = _map_sections(sections, positions)
    reader = _Reader(compacted, mapped_sections, year=year)
    for match in _SENTENCE_RE.finditer(compacted):
        s_start, s_end = match.start(), match.end()
        reader.sentence_start = s_start
        if not match.group(0).strip() or reader.kind_at(s_start) == "problems_and_improvements":
            continue
        _proactive(reader, s_start, s_end)
        _requests(reader, s_start, s_end)
        _fees(reader, s_start, s_end)
        _appeals(reader, s_start, s_end)
    if len(reader.derived_totals) == 1 and not any(f.item == "proactive.total" for f in reader.facts):
        # one website publishing everything is the total; several such sentences are channels, not totals
        reader.facts.append(reader.derived_totals[0])
    if reader.weak_totals and not any(f.item == "proactive.total" for f in reader.facts):
        quantity, start, end, unit = reader.weak_totals[0]
        reader.add("disclosure_counts", "proactive.total", quantity, start, end, unit=unit)
    prose_facts = [_remap(f, positions, text) for f in reader.facts]
    reader.text, reader.facts = text, prose_facts
    unmapped = _old_tables(reader, table_spans) + _run_table_facts(reader, runs)
    facts = _dedupe(reader.facts)
    issues = []
    if unmapped:
        issues.append(Issue("info", "unmapped_table_rows",
                            f"{unmapped} row(s) of the statistics table carry values with no canonical key; "
                            "they were not loaded."))
    return ProseResult(facts, _compare(facts), issues, len(table_spans) + len(runs))


def _map_sections(sections: list[Section], positions: list[int]) -> list[Section]:
    """Sections with offsets in the compact text."""
    import bisect
    from dataclasses import replace

    return [replace(s, start=bisect.bisect_left(positions, s.start), end=bisect.bisect_left(positions, s.end))
            for s in sections]


def _remap(fact: Fact, positions: list[int], text: str) -> Fact:
    from dataclasses import replace

    start = positions[fact.start]
    end = positions[fact.end - 1] + 1 if fact.end > fact.start else start
    return replace(fact, start=start, end=end, evidence=text[start:end])


def _dedupe(facts: list[Fact]) -> list[Fact]:
    seen: set[tuple] = set()
    out = []
    for fact in facts:
        key = (fact.table, fact.item, fact.applicant, fact.source, fact.start, fact.end)
        if key not in seen:
            seen.add(key)
            out.append(fact)
    return out
