"""The parse contract's JSON shape, on a hand-built document."""

from decimal import Decimal

from etl.model import Agency, Fact, ParsedDocument, Report


def test_contract_shape_keeps_keys_and_numbers():
    fact = Fact("requests", "new_received", Decimal(3), 10, 11, "3", source="table", applicant="total")
    appeal = Fact("appeals", "review.total", Decimal(0), 20, 21, "0", proceeding="review", outcome="total")
    report = Report(text="x" * 30, title="t", agency=Agency("某局"), year=2020, format="2019-template",
                    facts=[fact, appeal])
    doc = ParsedDocument("a.txt", "0" * 64, 30, "text/plain", "utf-8", reports=[report])
    out = doc.to_contract()
    facts = out["reports"][0]["facts"]
    assert facts[0] == {"table": "requests", "item": "new_received", "applicant": "total", "value": 3,
                        "approximate": False, "unit": None, "source": "table", "start": 10, "end": 11,
                        "evidence": "3"}
    assert facts[1]["proceeding"] == "review" and facts[1]["outcome"] == "total"
    assert "item" not in facts[1]
    assert out["reports"][0]["agency"]["name"] == "某局"
