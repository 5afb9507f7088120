"""Invented reports in the shapes of docs/domain.md#flattened-tables, for examples, tests and the benchmark.

Nothing here is real report text: agencies are called 示例… and every number is made up. The
builders return plain strings; `write_corpus` writes N files of both eras and returns what each
file states, so a test or the benchmark can compare the warehouse with known values.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from etl import vocabulary

APPLICANT_COLUMNS = ("natural_person", "commercial_enterprise", "research_institution", "public_interest_org",
                     "legal_service_org", "other_org", "total")

#: Table 3 row labels (docs/domain.md#table3-rows), in order, with their keys; group labels carry no numbers.
TABLE3_ROWS: tuple[tuple[str | None, str, str], ...] = (
    (None, "一、本年新收政府信息公开申请数量", "new_received"),
    (None, "二、上年结转政府信息公开申请数量", "carried_over"),
    ("三、本年度办理结果", "（一）予以公开", "granted"),
    (None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partially_granted"),
    ("（三）不予公开", "1.属于国家秘密", "denied.state_secret"),
    (None, "2.其他法律行政法规禁止公开", "denied.prohibited_by_law"),
    (None, "3.危及“三安全一稳定”", "denied.security_stability"),
    (None, "4.保护第三方合法权益", "denied.third_party_rights"),
    (None, "5.属于三类内部事务信息", "denied.internal_affairs"),
    (None, "6.属于四类过程性信息", "denied.process_information"),
    (None, "7.属于行政执法案卷", "denied.enforcement_file"),
    (None, "8.属于行政查询事项", "denied.administrative_query"),
    ("（四）无法提供", "1.本机关不掌握相关政府信息", "unable.not_held"),
    (None, "2.没有现成信息需要另行制作", "unable.needs_creation"),
    (None, "3.补正后申请内容仍不明确", "unable.still_unclear"),
    ("（五）不予处理", "1.信访举报投诉类申请", "not_processed.petition_complaint"),
    (None, "2.重复申请", "not_processed.repeat"),
    (None, "3.要求提供公开出版物", "not_processed.publication"),
    (None, "4.无正当理由大量反复申请", "not_processed.mass_repetitive"),
    (None, "5.要求行政机关确认或重新出具已获取信息", "not_processed.confirm_or_reissue"),
    (None, "（六）其他处理", "other"),
    ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other.overdue_correction"),
    (None, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other.overdue_fee"),
    (None, "3.其他", "other.other"),
    (None, "（七）总计", "total_processed"),
    (None, "四、结转下年度继续办理", "carried_forward"),
)

TABLE2_2019 = (
    ("第二十条第（一）项", ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
     (("规章", "art20_1.regulations", ("made", "published", "public_total")),
      ("规范性文件", "art20_1.normative_docs", ("made", "published", "public_total")))),
    ("第二十条第（五）项", ("上一年项目数量", "本年增/减", "处理决定数量"),
     (("行政许可", "art20_5.licensing", ("prev_items", "change", "decisions")),
      ("其他对外管理服务事项", "art20_5.other_services", ("prev_items", "change", "decisions")))),
    ("第二十条第（六）项", ("上一年项目数量", "本年增/减", "处理决定数量"),
     (("行政处罚", "art20_6.penalty", ("prev_items", "change", "decisions")),
      ("行政强制", "art20_6.coercion", ("prev_items", "change", "decisions")))),
    ("第二十条第（八）项", ("上一年项目数量", "本年增/减"),
     (("行政事业性收费", "art20_8.admin_fees", ("prev_items", "change")),)),
    ("第二十条第（九）项", ("采购项目数量", "采购总金额"),
     (("政府集中采购", "art20_9.central_procurement", ("projects", "amount")),)),
)
TABLE2_2021 = (
    ("第二十条第（一）项", ("本年制发件数", "本年废止件数", "现行有效件数"),
     (("规章", "art20_1.regulations", ("issued", "repealed", "in_force")),
      ("行政规范性文件", "art20_1.normative_docs", ("issued", "repealed", "in_force")))),
    ("第二十条第（五）项", ("本年处理决定数量",), (("行政许可", "art20_5.licensing", ("decisions",)),)),
    ("第二十条第（六）项", ("本年处理决定数量",),
     (("行政处罚", "art20_6.penalty", ("decisions",)), ("行政强制", "art20_6.coercion", ("decisions",)))),
    ("第二十条第（八）项", ("本年收费金额（单位：万元）",),
     (("行政事业性收费", "art20_8.admin_fees", ("amount_wan_yuan",)),)),
)
TABLE4_GROUPS = ("review", "litigation_direct", "litigation_after_review")
TABLE4_OUTCOMES = ("upheld", "corrected", "other", "pending", "total")


@dataclass
class Expected:
    """What one synthetic report states: (table, key…) → value."""

    agency: str
    year: int
    format: str
    facts: dict[tuple[str, ...], int] = field(default_factory=dict)


def _pipe(cells: list[str], pad: int = 0) -> str:
    # P1 (docs/domain.md#flattened-tables): cells joined by " | ", a closing pipe, colspan padding as bare pipes
    return " | ".join(cells) + " |" + (" " + "|" * pad if pad else "")


def table3_values(rng: random.Random, version: str) -> dict[str, list[int]]:
    """A balanced Table 3: per column new + carried = total_processed + carried_forward."""
    items = vocabulary.REQUEST_ITEMS_2019 if version == "2019" else vocabulary.REQUEST_ITEMS_2021
    outcome_rows = [i for i in items if i not in ("new_received", "carried_over", "total_processed",
                                                  "carried_forward")]
    values = {i: [0] * 6 for i in items}
    for col in range(6):
        weight = 6 if col == 0 else 1 if col == 1 else 0
        new = rng.randint(0, 5 * weight) if weight else 0
        carried = rng.randint(0, 2) if weight else 0
        forward = rng.randint(0, min(2, new + carried))
        handled = new + carried - forward
        values["new_received"][col], values["carried_over"][col] = new, carried
        values["carried_forward"][col], values["total_processed"][col] = forward, handled
        for _ in range(handled):
            values[rng.choice(outcome_rows[:6] if rng.random() < 0.8 else outcome_rows)][col] += 1
    return {k: [*v, sum(v)] for k, v in values.items()}


def template_tables(rng: random.Random, version: str, expected: Expected) -> str:
    """Tables 2–4 of the 2019 or 2021 template in pipe-row form (P1), values recorded in `expected`."""
    lines = ["二、主动公开政府信息情况", ""]
    for caption, headers, rows in (TABLE2_2019 if version == "2019" else TABLE2_2021):
        lines.append(_pipe([caption], 3))
        lines.append(_pipe(["信息内容", *headers], 3 - len(headers)))
        for label, prefix, columns in rows:
            cells = []
            for column in columns:
                value = rng.randint(-3, 3) if column == "change" else rng.randint(0, 400)
                expected.facts[("disclosure_counts", f"{prefix}.{column}")] = value
                cells.append(f"{value:+d}" if column == "change" and value > 0 else str(value))
            lines.append(_pipe([label, *cells], 3 - len(columns)))
    lines += ["", "三、收到和处理政府信息公开申请情况", ""]
    lines.append(_pipe(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"], 6))
    lines.append(_pipe(["自然人", "法人或其他组织", "总计"], 4))
    lines.append(_pipe(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]))
    values = table3_values(rng, version)
    items = vocabulary.REQUEST_ITEMS_2019 if version == "2019" else vocabulary.REQUEST_ITEMS_2021
    for group, label, key in TABLE3_ROWS:
        if key not in items or (version == "2021" and key == "other" and group is None):
            continue
        cells = [c for c in (group, label) if c]
        lines.append(_pipe([*cells, *map(str, values[key])]))
        for applicant, value in zip(APPLICANT_COLUMNS, values[key], strict=True):
            expected.facts[("requests", key, applicant)] = value
    lines += ["", "四、政府信息公开行政复议、行政诉讼情况", ""]
    lines.append(_pipe(["行政复议", "行政诉讼"], 8))
    lines.append(_pipe(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"], 8))
    lines.append(_pipe(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2))
    row = []
    for group in TABLE4_GROUPS:
        parts = [rng.randint(0, 2) if group == "review" else rng.randint(0, 1) for _ in range(4)]
        for outcome, value in zip(TABLE4_OUTCOMES, [*parts, sum(parts)], strict=True):
            expected.facts[("appeals", group, outcome)] = value
            row.append(str(value))
    lines.append(_pipe(row))
    return "\n".join(lines)


def template_report(agency: str, year: int, version: str, rng: random.Random) -> tuple[str, Expected]:
    """A whole 2019- or 2021-template report for `agency` and `year`."""
    expected = Expected(agency, year, f"{version}-template")
    text = "\n".join([
        f"{agency}{year}年政府信息公开工作年度报告",
        "",
        f"本报告由{agency}根据《中华人民共和国政府信息公开条例》编制。本报告所列数据统计期限为{year}年1月1日至"
        f"{year}年12月31日。",
        "",
        "一、总体情况",
        f"{year}年，{agency}围绕年度政务公开工作要点，持续深化主动公开，规范依申请公开办理。",
        "",
        template_tables(rng, version, expected),
        "",
        "五、存在的主要问题及改进情况",
        "一是公开内容的深度有待提升；二是政策解读形式较为单一。下一步将加强业务培训，丰富解读形式。",
        "",
        "六、其他需要报告的事项",
        "本机关无其他需要报告的事项。",
        "",
        agency,
        f"{year + 1}年1月20日",
        "",
    ])
    return text, expected


def prose_report(agency: str, year: int, rng: random.Random) -> tuple[str, Expected]:
    """A pre-2019 prose report with an approximate total, a received count and an appeals zero statement."""
    expected = Expected(agency, year, "prose")
    total, portal = rng.randint(100, 2000), rng.randint(10, 90)
    received = rng.randint(0, 30)
    expected.facts[("disclosure_counts", "proactive.total")] = total
    expected.facts[("requests", "new_received", "total")] = received
    expected.facts[("appeals", "review", "total")] = 0
    expected.facts[("appeals", "litigation", "total")] = 0
    received_sentence = (f"全年共受理政府信息公开申请{received}件，均已按期答复。" if received
                         else "全年未收到政府信息公开申请。")
    text = "\n".join([
        f"{agency}{year}年政府信息公开工作年度报告",
        "",
        f"本报告所列数据统计期限为{year}年1月1日至{year}年12月31日。",
        "",
        "一、概述",
        f"{year}年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，推进政府信息公开工作。",
        "",
        "二、主动公开政府信息情况",
        f"全年共主动公开各类政府信息{total}余条，其中在门户网站公开信息近{portal}条。",
        "",
        "三、依申请公开政府信息情况",
        received_sentence,
        "",
        "四、政府信息公开的收费及减免情况",
        "我局未向申请人收取任何费用，也无减免情况。",
        "",
        "五、因政府信息公开申请行政复议、提起行政诉讼的情况",
        "本年度未发生因政府信息公开申请行政复议、提起行政诉讼的情况。",
        "",
        "六、政府信息公开工作存在的主要问题及改进措施",
        "1.加强业务培训，提高工作人员业务水平。",
        "2.完善审核机制，提高信息发布的及时性。",
        "",
        agency,
        f"{year + 1}年3月15日",
        "",
    ])
    return text, expected


AGENCY_KINDS = ("水务局", "农业农村局", "生态环境局", "交通运输局", "统计局", "审计局", "民政局", "财政局")


def iter_corpus(n: int, seed: int = 7):
    """Yield (relative path, text, Expected) for `n` reports: prose 2015–2018, 2019 template 2019–2020, 2021 after."""
    rng = random.Random(seed)
    for index in range(n):
        agency = f"示例{index // len(AGENCY_KINDS) + 1}市{AGENCY_KINDS[index % len(AGENCY_KINDS)]}"
        year = 2015 + index % 9
        if year <= 2018:
            text, exp = prose_report(agency, year, rng)
        else:
            text, exp = template_report(agency, year, "2019" if year <= 2020 else "2021", rng)
        yield f"{index // 1000:03d}/{index:06d}.txt", text, exp


def write_corpus(folder: Path, n: int, seed: int = 7) -> list[Expected]:
    """Write `n` reports (see iter_corpus) into `folder`, 1000 per subfolder, and return what each states."""
    folder.mkdir(parents=True, exist_ok=True)
    expected = []
    for relative, text, exp in iter_corpus(n, seed):
        target = folder / relative
        target.parent.mkdir(exist_ok=True)
        target.write_text(text, encoding="utf-8")
        expected.append(exp)
    return expected
