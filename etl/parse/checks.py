"""Consistency checks on the template tables (docs/domain.md#checks).

Checks read the facts the template parser produced and report, per column or group, whether
the identities of docs/domain.md#identities hold. They never change a number. A side of an identity is
"fully stated" when every one of its cells is a fact; blanks make a check not assessable,
unless the stated cells already exceed the other, fully stated side (all cells are counts ≥ 0).
Approximate values never take part in an error-level identity.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from etl.model import CheckResult, Fact
from etl.parse.template_labels import (
    T3_COLUMNS,
    T3_OUTCOME_ROWS,
    T4_OUTCOMES,
    T4_PROCEEDINGS,
    V2019,
    V2021,
)

Cell = tuple[str, str]  # (row or proceeding key, column or outcome key)


def _index(facts: Iterable[Fact]) -> tuple[dict[Cell, Fact], dict[Cell, Fact]]:
    requests: dict[Cell, Fact] = {}
    appeals: dict[Cell, Fact] = {}
    for f in facts:
        if f.source != "table":
            continue
        if f.table == "requests":
            requests.setdefault((f.item, f.applicant or "total"), f)
        elif f.table == "appeals" and f.proceeding and f.outcome:
            appeals.setdefault((f.proceeding, f.outcome), f)
    return requests, appeals


def _side(cells: Sequence[Cell], known: dict[Cell, Fact]) -> tuple[Decimal, bool, bool]:
    """(sum of the stated cells, all stated?, any approximate?)"""
    total = Decimal(0)
    complete = True
    approximate = False
    for cell in cells:
        fact = known.get(cell)
        if fact is None:
            complete = False
            continue
        total += fact.value
        approximate = approximate or fact.approximate
    return total, complete, approximate


def identity(check: str, subject: str, severity: str, left: Sequence[Cell], right: Sequence[Cell],
             known: dict[Cell, Fact], describe: str) -> CheckResult:
    """Evaluate ``Σ left = Σ right`` over the stated cells."""
    lsum, lfull, lapprox = _side(left, known)
    rsum, rfull, rapprox = _side(right, known)
    if (lapprox or rapprox) and severity == "error":
        severity = "warning"
    if lfull and rfull:
        if lsum == rsum:
            return CheckResult(check, subject, "pass", severity, lsum, rsum, f"{describe}: {lsum} = {rsum}")
        return CheckResult(check, subject, "fail", severity, lsum, rsum,
                           f"{describe}: {lsum} ≠ {rsum} (difference {lsum - rsum}); stored as printed")
    if (lfull and rsum > lsum) or (rfull and lsum > rsum):
        return CheckResult(check, subject, "fail", severity, lsum, rsum,
                           f"{describe}: the stated cells already differ ({lsum} vs {rsum}, blanks count ≥ 0)")
    return CheckResult(check, subject, "not_assessable", severity, lsum if lfull else None,
                       rsum if rfull else None, f"{describe}: not assessable, some cells are blank")


def run_checks(facts: Iterable[Fact], version: str | None) -> list[CheckResult]:
    """T3 balance, T3 results sum and row sums, T4 group sums, for the facts of one report."""
    requests, appeals = _index(facts)
    results: list[CheckResult] = []
    if requests:
        outcome_rows = T3_OUTCOME_ROWS[version] if version in (V2019, V2021) else _present_outcomes(requests)
        for col in T3_COLUMNS:
            r = identity("t3_balance", col, "error",
                         [("new_received", col), ("carried_over", col)],
                         [("total_processed", col), ("carried_forward", col)], requests,
                         f"Table 3 column {col}: new + carried over vs processed + carried forward")
            if r:
                results.append(r)
        for col in T3_COLUMNS:
            r = identity("t3_results_sum", col, "warning", [("total_processed", col)],
                         [(row, col) for row in outcome_rows], requests,
                         f"Table 3 column {col}: total processed vs the sum of the outcome rows")
            if r:
                results.append(r)
        rows = dict.fromkeys(row for row, _ in requests)
        for row in rows:
            r = identity("t3_row_sum", row, "warning", [(row, "total")],
                         [(row, col) for col in T3_COLUMNS[:-1]], requests,
                         f"Table 3 row {row}: total vs the six applicant columns")
            if r:
                results.append(r)
    for proceeding in T4_PROCEEDINGS if appeals else ():
        r = identity("t4_group_sum", proceeding, "warning", [(proceeding, "total")],
                     [(proceeding, o) for o in T4_OUTCOMES[:-1]], appeals,
                     f"Table 4 {proceeding}: total vs upheld + corrected + other + pending")
        if r:
            results.append(r)
    return results


def unread_checks(table3: bool, table4: bool) -> list[CheckResult]:
    """The identity checks of a table that was found but could not be read, as `not_assessable`
    (an absent check would look like a table that has none)."""
    results: list[CheckResult] = []
    why = "not assessable: the table was found but could not be read"
    if table3:
        for check, severity in (("t3_balance", "error"), ("t3_results_sum", "warning")):
            results.extend(CheckResult(check, col, "not_assessable", severity, message=f"Table 3 column {col}: {why}")
                           for col in T3_COLUMNS)
    if table4:
        results.extend(CheckResult("t4_group_sum", p, "not_assessable", "warning", message=f"Table 4 {p}: {why}")
                       for p in T4_PROCEEDINGS)
    return results


def _present_outcomes(requests: dict[Cell, Fact]) -> tuple[str, ...]:
    present = {row for row, _ in requests}
    order = T3_OUTCOME_ROWS[V2021] if any(r.startswith("other.") for r in present) else T3_OUTCOME_ROWS[V2019]
    return order


def signals_check(table2: str | None, table3: str | None) -> CheckResult:
    """Whether the Table 2 and Table 3 detectors (docs/domain.md#template-detection) name the same template version."""
    if table2 is None or table3 is None:
        return CheckResult("template_signals", "table2_vs_table3", "not_assessable", "warning", None, None,
                           f"Template version from Table 2: {table2 or 'unknown'}; from Table 3: "
                           f"{table3 or 'unknown'}")
    status = "pass" if table2 == table3 else "fail"
    return CheckResult("template_signals", "table2_vs_table3", status, "warning", None, None,
                       f"Template version from Table 2: {table2}; from Table 3: {table3}")
