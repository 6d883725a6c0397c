"""Quotes and payments over the API: versions (from the budget or edited), status moves, payments with
the balance; money as exact decimal strings; owner only, writes need a read-write token."""

from __future__ import annotations

from planner.clock import utcnow
from planner.models import User
from planner.services.accounts.users import find_account
from planner.services.workspace import quotes
from planner.services.workspace.sharing import create_client_link
from tests.api.helpers import KNEE, bearer, facilitator_token

EDIT = {
    "lines": [{"label": "Knee treatment", "amount": "4000.50"}, {"label": "Hotel", "amount": "1900"}],
    "currency": "USD",
    "fee": "1234.5678",
    "markup_percent": "12.3456",
    "discount": "0.0001",
    "valid_until": "2026-12-31",
}


def _trip(http, headers) -> int:
    client = http.post("/api/v1/clients", json={"name": "Ana Silva"}, headers=headers).get_json()
    return http.post(f"/api/v1/clients/{client['id']}/trips", json={"scenario": KNEE}, headers=headers).get_json()["id"]


def _accept(app, trip: int, version: int) -> None:
    """The client accepts the version on the shared page (through the service the page calls)."""
    with app.app_context():
        owner_id = find_account("first@example.com").id
        _, token = create_client_link(owner_id, trip, hide_costs=False, expires_at=None)
        assert quotes.accept(token, version, utcnow().date(), utcnow()) == "accepted"


def test_a_quote_from_the_budget_edited_sent_accepted_and_paid_with_exact_decimals(app):
    http, mine = app.test_client(), bearer(facilitator_token(app))
    trip = _trip(http, mine)
    assert http.get(f"/api/v1/trips/{trip}/quotes/current", headers=mine).status_code == 404
    made = http.post(f"/api/v1/trips/{trip}/quotes", json={}, headers=mine)
    assert made.status_code == 201
    first = made.get_json()
    assert first["version"] == 1 and first["status"] == "estimate" and first["lines"]
    assert all(isinstance(line["amount"], str) for line in first["lines"])
    edited = http.post(f"/api/v1/trips/{trip}/quotes", json=EDIT, headers=mine).get_json()
    assert (edited["version"], edited["fee"], edited["markup_percent"]) == (2, "1234.5678", "12.3456")
    assert [line["amount"] for line in edited["lines"]] == ["4000.5000", "1900.0000"]
    # 5900.50 + 1234.57 fee + 728.45 markup (12.3456 % of the lines) − 0.00 discount (rounded to cents)
    assert edited["totals"]["total"] == "7863.52" and edited["valid_until"] == "2026-12-31"
    kept = http.post(f"/api/v1/trips/{trip}/quotes", json={"tax_percent": "10"}, headers=mine).get_json()
    assert kept["version"] == 3 and kept["fee"] == "1234.5678" and len(kept["lines"]) == 2
    refused = http.post(f"/api/v1/trips/{trip}/quotes/current/status", json={"status": "accepted"}, headers=mine)
    assert refused.status_code == 409 and refused.get_json()["field"] == "status"
    sent = http.post(f"/api/v1/trips/{trip}/quotes/current/status", json={"status": "quoted"}, headers=mine)
    assert sent.status_code == 200 and sent.get_json()["status"] == "quoted"
    early = {"amount": "100", "paid_on": "2026-11-17", "method": "cash"}
    assert http.post(f"/api/v1/trips/{trip}/payments", json=early, headers=mine).status_code == 409
    _accept(app, trip, 3)
    payment = {"amount": "1234.5678", "paid_on": "2026-11-17", "method": "transfer", "reference": "BANK-1"}
    paid = http.post(f"/api/v1/trips/{trip}/payments", json=payment, headers=mine)
    assert paid.status_code == 201
    body = paid.get_json()
    assert body["items"][0]["amount"] == "1234.5678" and body["items"][0]["currency"] == "USD"
    assert body["status"] == "deposit_paid" and body["total"] == "8649.87" and body["balance"] == "7415.30"
    assert http.get(f"/api/v1/trips/{trip}/payments", headers=mine).get_json() == body
    listed = http.get(f"/api/v1/trips/{trip}/quotes", headers=mine).get_json()
    assert [q["version"] for q in listed["items"]] == [3, 2, 1]
    assert listed["items"][0]["payments"][0]["amount"] == "1234.5678"
    with app.app_context():
        me = find_account("first@example.com").id
    history = [(c["code"], c["version"], c["status"], c["user_id"], c["by"]) for c in listed["changes"]]
    assert history == [
        ("payment_recorded", 3, "deposit_paid", me, "facilitator"),
        ("client_accepted", 3, "accepted", None, "client"),
        ("status_moved", 3, "quoted", me, "facilitator"),
        ("version_made", 3, "estimate", me, "facilitator"),
        ("version_made", 2, "estimate", me, "facilitator"),
        ("version_made", 1, "estimate", me, "facilitator"),
    ]
    assert listed["changes"][0]["amount"] == "1234.5678" and listed["changes"][1]["amount"] is None
    current = http.get(f"/api/v1/trips/{trip}/quotes/current", headers=mine).get_json()
    assert current["version"] == 3 and current["changes"] == listed["changes"]
    locked = http.post(f"/api/v1/trips/{trip}/quotes", json={}, headers=mine)
    assert locked.status_code == 409 and locked.get_json()["field"] == "status"


def test_refused_values_are_422_problems_naming_the_field(app):
    http, mine = app.test_client(), bearer(facilitator_token(app))
    trip = _trip(http, mine)
    first = http.post(f"/api/v1/trips/{trip}/quotes", json={"lines": [{"label": "Knee", "amount": "1"}]}, headers=mine)
    assert first.status_code == 422 and first.get_json()["field"] == "currency"
    for body, field in [
        ({**EDIT, "currency": "ZZZ"}, "currency"),
        ({**EDIT, "discount": "99999"}, "discount"),
        ({**EDIT, "markup_percent": "101"}, "markup_percent"),
        ({**EDIT, "fee": 12.5}, "fee"),
        ({**EDIT, "fee": "1e3"}, "fee"),
        ({**EDIT, "lines": [{"label": "Knee", "amount": "-1"}]}, "lines[0].amount"),
    ]:
        answer = http.post(f"/api/v1/trips/{trip}/quotes", json=body, headers=mine)
        assert answer.status_code == 422, body
        assert answer.content_type == "application/problem+json" and answer.get_json()["field"] == field, body
    assert http.get(f"/api/v1/trips/{trip}/quotes", headers=mine).get_json()["items"] == []
    http.post(f"/api/v1/trips/{trip}/quotes", json=EDIT, headers=mine)
    unknown = http.post(f"/api/v1/trips/{trip}/quotes/current/status", json={"status": "gone"}, headers=mine)
    assert unknown.status_code == 422 and unknown.get_json()["field"] == "status"
    float_money = {"amount": 100.5, "paid_on": "2026-11-17", "method": "cash"}
    answer = http.post(f"/api/v1/trips/{trip}/payments", json=float_money, headers=mine)
    assert answer.status_code == 422 and answer.get_json()["field"] == "amount"


def test_another_facilitator_gets_404_and_a_read_only_token_403(app):
    http, mine = app.test_client(), bearer(facilitator_token(app))
    trip = _trip(http, mine)
    http.post(f"/api/v1/trips/{trip}/quotes", json={}, headers=mine)
    theirs = bearer(facilitator_token(app, "second@example.com"))
    reader = bearer(facilitator_token(app, read_only=True))
    payment = {"amount": "10", "paid_on": "2026-11-17", "method": "cash"}
    writes = [("quotes", {}), ("quotes/current/status", {"status": "quoted"}), ("payments", payment)]
    for path in ("quotes", "quotes/current", "payments"):
        assert http.get(f"/api/v1/trips/{trip}/{path}", headers=theirs).status_code == 404
        assert http.get(f"/api/v1/trips/{trip}/{path}", headers=reader).status_code == 200
    for path, body in writes:
        assert http.post(f"/api/v1/trips/{trip}/{path}", json=body, headers=theirs).status_code == 404
        assert http.post(f"/api/v1/trips/{trip}/{path}", json=body, headers=reader).status_code == 403
    with app.app_context():
        assert [q.version for q in quotes.quote_versions(trip)] == [1]
        assert quotes.current_quote(trip).status == "estimate"
        assert User.query.count() == 2


def test_the_spec_lists_the_quote_operations_with_money_as_strings(app):
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    paths = spec["paths"]
    assert {"get", "post"} <= set(paths["/api/v1/trips/{trip_id}/quotes"])
    assert "get" in paths["/api/v1/trips/{trip_id}/quotes/current"]
    assert "post" in paths["/api/v1/trips/{trip_id}/quotes/current/status"]
    assert {"get", "post"} <= set(paths["/api/v1/trips/{trip_id}/payments"])
    amount = spec["components"]["schemas"]["PaymentIn"]["properties"]["amount"]
    assert amount["type"] == "string" and "pattern" in amount
