"""The labels of the 2019 and 2021 template tables and the canonical keys they map to.

This is data (docs/domain.md#table2, docs/domain.md#table3, docs/domain.md#table4): the Chinese
labels live here and nowhere else in the template parser. Labels are matched on a normalised key
(`label_key`, docs/domain.md#normalisation): whitespace removed, brackets/colons/commas/quotes
unified, the leading ordinal split off (``（一）``, ``1.``, ``一、``) and parenthetical annotations
dropped, so ``（二）部分公开（区分处理的，只计这一情形，不计其他情形）`` and ``(二) 部分公开`` have the
same key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

V2019 = "2019-template"
V2021 = "2021-template"

# ---------------------------------------------------------------- normalisation (docs/domain.md#normalisation)

_TRANSLATE = str.maketrans({
    "（": "(", "）": ")", "［": "(", "］": ")", "【": "(", "】": ")", "〔": "(", "〕": ")",
    "：": ":", "．": ".", "／": "/", "＋": "+", "－": "-",
    "０": "0", "１": "1", "２": "2", "３": "3", "４": "4", "５": "5", "６": "6", "７": "7", "８": "8", "９": "9",
})
_DROP_RE = re.compile(r"[\s\u3000\u00a0,，、;；\"“”'‘’「」『』]+")
_SPACE_RE = re.compile(r"[\s\u3000\u00a0]+")
_ORDINAL_RE = re.compile(r"^(?:\(([一二三四五六七八九十]+)\)|([一二三四五六七八九十]+)[、.]|(\d{1,2})[.、]?(?=\D))")
_PAREN_RE = re.compile(r"\([^()]*\)")
_OPEN_PAREN_RE = re.compile(r"\([^)]*$")
_UNIT_RE = re.compile(r"单位:?(万元|元|件|个|项)|\((万元|元|件|个|项)\)")


@lru_cache(maxsize=8192)
def squash(text: str) -> str:
    """Label text with whitespace, commas and quotes removed and brackets/colons unified."""
    return _DROP_RE.sub("", text.translate(_TRANSLATE))


@dataclass(frozen=True, slots=True)
class LabelKey:
    """A label reduced for matching: its ordinal (if any), body and annotation unit."""

    ordinal: str | None
    body: str
    unit: str | None = None


@lru_cache(maxsize=8192)
def label_key(text: str) -> LabelKey:
    """Normalise a label for matching (docs/domain.md#normalisation)."""
    s = _SPACE_RE.sub("", text.translate(_TRANSLATE))
    ordinal = None
    m = _ORDINAL_RE.match(s)
    if m:
        ordinal = next(g for g in m.groups() if g)
        s = s[m.end():]
    s = _DROP_RE.sub("", s)
    unit_match = _UNIT_RE.search(s)
    body = s
    while True:
        stripped = _PAREN_RE.sub("", body)
        if stripped == body:
            break
        body = stripped
    body = _OPEN_PAREN_RE.sub("", body)
    return LabelKey(ordinal, body, (unit_match.group(1) or unit_match.group(2)) if unit_match else None)


# ---------------------------------------------------------------- Table 3 (docs/domain.md#table3)

@dataclass(frozen=True, slots=True)
class RowLabel:
    """A Table 3 data row: its key, accepted label bodies, and which template versions have it."""

    key: str
    bodies: tuple[str, ...]
    versions: tuple[str, ...] = (V2019, V2021)
    #: the body alone is ambiguous (``总计`` is also a column header; ``其他`` a column)
    needs_ordinal: bool = False


T3_ROWS: tuple[RowLabel, ...] = (
    RowLabel("new_received", ("本年新收政府信息公开申请数量",)),
    RowLabel("carried_over", ("上年结转政府信息公开申请数量",)),
    RowLabel("granted", ("予以公开",)),
    RowLabel("partially_granted", ("部分公开",)),
    RowLabel("denied.state_secret", ("属于国家秘密",)),
    RowLabel("denied.prohibited_by_law", ("其他法律行政法规禁止公开",)),
    RowLabel("denied.security_stability", ("危及三安全一稳定",)),
    RowLabel("denied.third_party_rights", ("保护第三方合法权益",)),
    RowLabel("denied.internal_affairs", ("属于三类内部事务信息", "属于三类内容事务信息")),
    RowLabel("denied.process_information", ("属于四类过程性信息",)),
    RowLabel("denied.enforcement_file", ("属于行政执法案卷",)),
    RowLabel("denied.administrative_query", ("属于行政查询事项",)),
    RowLabel("unable.not_held", ("本机关不掌握相关政府信息",)),
    RowLabel("unable.needs_creation", ("没有现成信息需要另行制作",)),
    RowLabel("unable.still_unclear", ("补正后申请内容仍不明确",)),
    RowLabel("not_processed.petition_complaint", ("信访举报投诉类申请",)),
    RowLabel("not_processed.repeat", ("重复申请",)),
    RowLabel("not_processed.publication", ("要求提供公开出版物",)),
    RowLabel("not_processed.mass_repetitive", ("无正当理由大量反复申请",)),
    RowLabel("not_processed.confirm_or_reissue", ("要求行政机关确认或重新出具已获取信息",)),
    # 2019: （六）其他处理 is a data row; 2021: the same text is a group label (handled in template.py)
    RowLabel("other", ("其他处理",), versions=(V2019,)),
    RowLabel("other.overdue_correction", (
        "申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请",
        "申请人无正当理由逾期不补正",
    ), versions=(V2021,)),
    RowLabel("other.overdue_fee", (
        "申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请",
        "申请人逾期未缴费行政机关不再处理其政府信息公开申请",
        "申请人逾期未按收费通知要求缴纳费用",
        "申请人逾期未缴费",
    ), versions=(V2021,)),
    RowLabel("other.other", ("其他",), versions=(V2021,), needs_ordinal=True),
    RowLabel("total_processed", ("总计",), needs_ordinal=True),
    RowLabel("carried_forward", ("结转下年度继续办理",)),
)

#: rowspan group labels of Table 3: never data rows, skipped before reading values (docs/domain.md#locating-tables)
T3_GROUP_BODIES: frozenset[str] = frozenset({"本年度办理结果", "不予公开", "无法提供", "不予处理"})

#: the three 2021 rows that replace the 2019 `other` row (second template signal, docs/domain.md#table3-versions)
T3_2021_ONLY: frozenset[str] = frozenset(r.key for r in T3_ROWS if r.versions == (V2021,))

T3_ROW_ORDER: dict[str, tuple[str, ...]] = {
    version: tuple(r.key for r in T3_ROWS if version in r.versions) for version in (V2019, V2021)
}

#: Table 3 columns, in printed order (docs/domain.md#table3-columns); the last is the row total
T3_COLUMNS: tuple[str, ...] = (
    "natural_person", "commercial_enterprise", "research_institution",
    "public_interest_org", "legal_service_org", "other_org", "total",
)
T3_COLUMN_LABELS: dict[str, str] = dict(zip(T3_COLUMNS, (
    "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"), strict=True))

#: an extra subtotal column some agencies add for 法人或其他组织 (not in the template, docs/domain.md#table3-columns)
T3_SUBTOTAL_BODIES: frozenset[str] = frozenset({"小计", "合计"})

#: Table 3 row labels as printed in the template (used for fixtures and evidence)
T3_ROW_LABELS: dict[str, str] = {
    "new_received": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开",
    "partially_granted": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "denied.state_secret": "1.属于国家秘密",
    "denied.prohibited_by_law": "2.其他法律行政法规禁止公开",
    "denied.security_stability": "3.危及“三安全一稳定”",
    "denied.third_party_rights": "4.保护第三方合法权益",
    "denied.internal_affairs": "5.属于三类内部事务信息",
    "denied.process_information": "6.属于四类过程性信息",
    "denied.enforcement_file": "7.属于行政执法案卷",
    "denied.administrative_query": "8.属于行政查询事项",
    "unable.not_held": "1.本机关不掌握相关政府信息",
    "unable.needs_creation": "2.没有现成信息需要另行制作",
    "unable.still_unclear": "3.补正后申请内容仍不明确",
    "not_processed.petition_complaint": "1.信访举报投诉类申请",
    "not_processed.repeat": "2.重复申请",
    "not_processed.publication": "3.要求提供公开出版物",
    "not_processed.mass_repetitive": "4.无正当理由大量反复申请",
    "not_processed.confirm_or_reissue": "5.要求行政机关确认或重新出具已获取信息",
    "other": "（六）其他处理",
    "other.overdue_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other.overdue_fee": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other.other": "3.其他",
    "total_processed": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}
#: group label printed (rowspan) in front of the first row of each group
T3_GROUP_LABELS: dict[str, str] = {
    "granted": "三、本年度办理结果",
    "denied.state_secret": "（三）不予公开",
    "unable.not_held": "（四）无法提供",
    "not_processed.petition_complaint": "（五）不予处理",
    "other.overdue_correction": "（六）其他处理",
}

#: rows whose sum is （七）总计 (docs/domain.md#identities), per version
T3_OUTCOME_ROWS: dict[str, tuple[str, ...]] = {
    version: tuple(k for k in order if k not in ("new_received", "carried_over", "total_processed",
                                                   "carried_forward"))
    for version, order in T3_ROW_ORDER.items()
}

#: anchors that locate Table 3 (docs/domain.md#locating-tables)
T3_ANCHORS: tuple[str, ...] = ("申请人情况", "本年新收政府信息公开申请数量")

_T3_BY_BODY: dict[str, RowLabel] = {b: r for r in T3_ROWS for b in r.bodies}
_T3_PREFIX_MIN = 5
#: labels are matched with typos tolerated: at most one edit per this many characters of the label
TYPO_EVERY = 4
_FUZZY_MAX_LENGTH = 48


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of `a` and `b`, or `limit + 1` as soon as it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def closest_label(text: str, labels: tuple[str, ...]) -> str | None:
    """The one label `text` is a typo of (``本年废纸件数`` → ``本年废止件数``), or None.

    Tolerant matching instead of an entry per typo: a label within one edit per `TYPO_EVERY`
    characters (at least one), and strictly closer than every other label.
    """
    if not 3 <= len(text) <= _FUZZY_MAX_LENGTH:
        return None
    scored = []
    for label in labels:
        limit = max(1, len(label) // TYPO_EVERY)
        distance = edit_distance(text, label, limit)
        if distance <= limit:
            scored.append((distance, label))
    scored.sort()
    if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]


_T3_FUZZY_BODIES = tuple(b for r in T3_ROWS if not r.needs_ordinal for b in r.bodies)


@lru_cache(maxsize=8192)
def match_t3_row(text: str) -> str | None:
    """The Table 3 row key a label cell names, ``"group"`` for a group label, or None.

    Matching is on the text after the ordinal (``1.`` repeats across groups). A label wrapped
    over two lines matches by its first part when that is a prefix of exactly one label.
    """
    key = label_key(text)
    body = key.body
    if not body:
        return None
    if body in T3_GROUP_BODIES and key.ordinal is not None:
        return "group"
    row = _T3_BY_BODY.get(body)
    if row is not None:
        if row.needs_ordinal and key.ordinal is None:
            return None
        return row.key
    if len(body) >= _T3_PREFIX_MIN:
        hits = {r.key for b, r in _T3_BY_BODY.items() if not r.needs_ordinal and b.startswith(body)}
        if len(hits) == 1:
            return hits.pop()
        longest = None
        for b, r in _T3_BY_BODY.items():
            if not r.needs_ordinal and len(b) >= 4 and body.startswith(b) and (
                    longest is None or len(b) > len(longest[0])):
                longest = (b, r)
        if longest is not None:
            return longest[1].key
    typo = closest_label(body, _T3_FUZZY_BODIES)
    if typo is not None and not any(ch.isdigit() for ch in body):
        return _T3_BY_BODY[typo].key
    return None


# ---------------------------------------------------------------- Table 4 (docs/domain.md#table4)

T4_PROCEEDINGS: tuple[str, ...] = ("review", "litigation_direct", "litigation_after_review")
T4_OUTCOMES: tuple[str, ...] = ("upheld", "corrected", "other", "pending", "total")
T4_PROCEEDING_LABELS: dict[str, str] = {
    "review": "行政复议", "litigation_direct": "行政诉讼 未经复议直接起诉",
    "litigation_after_review": "行政诉讼 复议后起诉",
}
T4_OUTCOME_LABELS: dict[str, str] = {
    "upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结", "total": "总计",
}
#: anchors that locate Table 4 (docs/domain.md#locating-tables)
T4_ANCHORS: tuple[str, ...] = ("未经复议直接起诉", "复议后起诉")


# ---------------------------------------------------------------- Table 2 (docs/domain.md#table2)

_CAPTION_RE = re.compile(r"第二十条第?\(([一二三四五六七八九十]+)\)项")
#: a caption is a short cell; a sentence citing 第二十条第（一）项 is not one
_CAPTION_MAX = 24
_CN_NUMBER = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

#: the cell that opens the header row of every block
T2_HEADER_START = "信息内容"


@dataclass(frozen=True, slots=True)
class ColumnLabel:
    """A Table 2 header label: its column key, template version and default unit."""

    key: str
    version: str
    unit: str | None = None


T2_COLUMNS: dict[str, ColumnLabel] = {
    # 2021 (docs/domain.md#table2-2021)
    "本年制发件数": ColumnLabel("issued", V2021),
    "本年废止件数": ColumnLabel("repealed", V2021),
    "现行有效件数": ColumnLabel("in_force", V2021),
    "本年处理决定数量": ColumnLabel("decisions", V2021),
    "本年收费金额": ColumnLabel("amount_wan_yuan", V2021, unit="万元"),
    # 2019 (docs/domain.md#table2-2019)
    "本年新制作数量": ColumnLabel("made", V2019),
    "本年新公开数量": ColumnLabel("published", V2019),
    "对外公开总数量": ColumnLabel("public_total", V2019),
    "上一年项目数量": ColumnLabel("prev_items", V2019),
    "本年增/减": ColumnLabel("change", V2019),
    "本年增减": ColumnLabel("change", V2019),
    "处理决定数量": ColumnLabel("decisions", V2019),
    "采购项目数量": ColumnLabel("projects", V2019),
    "采购总金额": ColumnLabel("amount", V2019),
}

_T2_COLUMN_BODIES = tuple(T2_COLUMNS)

T2_ROWS: dict[str, str] = {
    "规章": "regulations",
    "规范性文件": "normative_docs",
    "行政规范性文件": "normative_docs",
    "行政许可": "licensing",
    "其他对外管理服务事项": "other_services",
    "行政处罚": "penalty",
    "行政强制": "coercion",
    "行政事业性收费": "admin_fees",
    "政府集中采购": "central_procurement",
}

#: Table 2 texts that name one template version by themselves (docs/domain.md#template-detection)
T2_SIGNALS: dict[str, str] = {
    "本年制发件数": V2021, "本年废止件数": V2021, "现行有效件数": V2021, "本年收费金额": V2021,
    "本年新制作数量": V2019, "对外公开总数量": V2019, "上一年项目数量": V2019, "采购项目数量": V2019,
}
#: the （九）项 caption exists only in 2019
T2_CAPTION_SIGNALS: dict[int, str] = {9: V2019}

#: the Table 2 anchor is the first caption (docs/domain.md#locating-tables)
T2_ANCHOR_ITEM = 1


@lru_cache(maxsize=8192)
def match_caption(text: str) -> int | None:
    """The Article 20 item number of a Table 2 block caption (``第二十条第（五）项`` → 5)."""
    squashed = squash(text)
    m = _CAPTION_RE.search(squashed) if len(squashed) <= _CAPTION_MAX else None
    if m is None:
        return None
    digits = m.group(1)
    if digits == "十":
        return 10
    return _CN_NUMBER.get(digits)


@lru_cache(maxsize=8192)
def match_t2_column(text: str) -> tuple[ColumnLabel, str | None] | None:
    """The header column a cell names, with the unit its annotation states (``（单位：万元）``)."""
    key = label_key(text)
    col = T2_COLUMNS.get(key.body)
    if col is None:
        typo = closest_label(key.body, _T2_COLUMN_BODIES)
        if typo is None:
            return None
        col = T2_COLUMNS[typo]
    return col, key.unit or col.unit


@lru_cache(maxsize=8192)
def match_t2_row(text: str) -> str | None:
    """The Table 2 row key a label cell names."""
    return T2_ROWS.get(label_key(text).body)


def is_t2_header_start(text: str) -> bool:
    """Whether a cell is the ``信息内容`` cell that opens a block's header row."""
    return label_key(text).body == T2_HEADER_START


@dataclass(frozen=True, slots=True)
class T2Block:
    """One block of Table 2 as the template prints it: caption item, header labels, row labels."""

    item: int
    headers: tuple[str, ...]
    rows: tuple[str, ...]


#: Table 2 as printed by each template version (docs/domain.md#table2-2019, docs/domain.md#table2-2021); the
#: parser reads any layout through the maps above, this is the reference layout (documentation and test fixtures).
T2_LAYOUT: dict[str, tuple[T2Block, ...]] = {
    V2021: (
        T2Block(1, ("本年制发件数", "本年废止件数", "现行有效件数"), ("规章", "行政规范性文件")),
        T2Block(5, ("本年处理决定数量",), ("行政许可",)),
        T2Block(6, ("本年处理决定数量",), ("行政处罚", "行政强制")),
        T2Block(8, ("本年收费金额（单位：万元）",), ("行政事业性收费",)),
    ),
    V2019: (
        T2Block(1, ("本年新制作数量", "本年新公开数量", "对外公开总数量"), ("规章", "规范性文件")),
        T2Block(5, ("上一年项目数量", "本年增/减", "处理决定数量"), ("行政许可", "其他对外管理服务事项")),
        T2Block(6, ("上一年项目数量", "本年增/减", "处理决定数量"), ("行政处罚", "行政强制")),
        T2Block(8, ("上一年项目数量", "本年增/减"), ("行政事业性收费",)),
        T2Block(9, ("采购项目数量", "采购总金额"), ("政府集中采购",)),
    ),
}
T2_CAPTION_TEMPLATE = "第二十条第（{}）项"
CN_ORDINALS: dict[int, str] = {v: k for k, v in _CN_NUMBER.items()}


def t2_item_key(item: int, row_label: str, header_label: str) -> str:
    """The disclosure_counts key of one Table 2 cell of the reference layout."""
    column = match_t2_column(header_label)
    row = match_t2_row(row_label)
    assert column is not None and row is not None
    return f"art20_{item}.{row}.{column[0].key}"
