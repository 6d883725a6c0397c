"""API v1's contract: problem details naming the field, limit/cursor paging, ETags, owner scoping of
pins, links and feeds, the valid 3.1 spec and its docs page, and the deprecated /api/plan."""

from __future__ import annotations

import logging

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from tests.api.helpers import KNEE, bearer, facilitator_token


@pytest.fixture
def http(app):
    return app.test_client(use_cookies=False)


@pytest.fixture
def mine(app) -> dict:
    return bearer(facilitator_token(app))


def _trip(http, mine) -> dict:
    client = http.post("/api/v1/clients", json={"name": "Ana Silva"}, headers=mine).get_json()
    made = http.post(f"/api/v1/clients/{client['id']}/trips", json={"scenario": KNEE}, headers=mine)
    assert made.status_code == 201
    return made.get_json()


def test_the_spec_is_valid_openapi_3_1_and_names_every_route_of_the_issue(http):
    spec = http.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"] == "3.1.0"
    validate(spec)  # raises on an invalid document
    broken = {**spec, "paths": {"/x": {"get": {"responses": {"200": {"content": 1}}}}}}
    with pytest.raises(OpenAPIValidationError):
        validate(broken)  # the validator does refuse a broken one
    operations = {f"{m.upper()} {p}" for p, item in spec["paths"].items() for m in item}
    assert {
        "POST /api/v1/plans",
        "GET /api/v1/protocols",
        "GET /api/v1/protocols/{protocol_id}",
        "GET /api/v1/clinics",
        "GET /api/v1/clients",
        "POST /api/v1/clients",
        "PATCH /api/v1/clients/{client_id}",
        "DELETE /api/v1/clients/{client_id}",
        "POST /api/v1/clients/{client_id}/trips",
        "GET /api/v1/trips",
        "GET /api/v1/trips/{trip_id}",
        "POST /api/v1/trips/{trip_id}/status",
        "POST /api/v1/trips/{trip_id}/pins",
        "DELETE /api/v1/trips/{trip_id}/pins/{pin_id}",
        "POST /api/v1/trips/{trip_id}/links",
        "DELETE /api/v1/trips/{trip_id}/feeds/{feed_id}",
    } <= operations
    assert spec["paths"]["/api/v1/clients"]["post"]["security"] == [{"bearerAuth": []}]
    assert "security" not in spec["paths"]["/api/v1/plans"]["post"]
    assert spec["paths"]["/api/plan"]["post"]["deprecated"] is True


def test_the_docs_page_lists_every_operation_under_the_strict_csp(http):
    page = http.get("/api/v1/docs")
    assert page.status_code == 200
    assert "script-src" not in page.headers["Content-Security-Policy"]  # default-src 'self' only
    text = page.get_data(as_text=True)
    assert "<script" not in text.split("</head>")[1] and " style=" not in text
    assert "POST /api/v1/clients/{client_id}/trips" in text and 'id="schema-ClientIn"' in text


def test_the_plans_endpoint_answers_what_the_old_one_does_and_the_old_one_says_it_is_deprecated(http):
    new = http.post("/api/v1/plans", json=KNEE)
    old = http.post("/api/plan", json=KNEE)
    assert new.status_code == old.status_code == 200
    assert new.get_json() == old.get_json()
    assert old.headers["Deprecation"].startswith("@") and "/api/v1/plans" in old.headers["Link"]
    assert "Deprecation" not in new.headers


@pytest.mark.parametrize(
    ("body", "status", "field", "words"),
    [
        ({**KNEE, "arrival": "soon"}, 422, "arrival", "is not a date and time"),
        ({**KNEE, "treatments": [{"protocol": "stem-cell-knee-svf", "count": 99}]}, 422, "treatments[0].count", ""),
        ("[1,", 400, "body", "not valid JSON"),
    ],
)
def test_a_bad_plan_is_a_problem_naming_the_field(http, body, status, field, words):
    sent = (
        http.post("/api/v1/plans", json=body)
        if isinstance(body, dict)
        else http.post("/api/v1/plans", data=body, content_type="application/json")
    )
    assert sent.status_code == status
    assert sent.content_type == "application/problem+json"
    problem = sent.get_json()
    assert problem["status"] == status and problem["field"] == field and words in problem["detail"]


def test_a_bad_client_is_a_422_problem_naming_each_field(http, mine):
    sent = http.post("/api/v1/clients", json={"home_timezone": "Mars/Olympus", "language": "xx"}, headers=mine)
    assert sent.status_code == 422
    fields = {entry["field"] for entry in sent.get_json()["errors"]}
    assert fields == {"name", "home_timezone", "language"}
    nul = http.post("/api/v1/clients", json={"name": "A\x00"}, headers=mine).get_json()
    assert nul["field"] == "name" and "control characters" in nul["detail"]
    blank = http.post("/api/v1/clients", json={"name": "   "}, headers=mine).get_json()
    assert blank["field"] == "name" and "must not be empty" in blank["detail"]
    trimmed = http.post("/api/v1/clients", json={"name": "  Ana  "}, headers=mine).get_json()
    assert trimmed["name"] == "Ana"
    renamed = http.patch(f"/api/v1/clients/{trimmed['id']}", json={"name": " "}, headers=mine)
    assert renamed.status_code == 422 and renamed.get_json()["field"] == "name"


def test_a_bad_scenario_for_a_trip_names_its_field_inside_the_scenario(http, mine):
    client = http.post("/api/v1/clients", json={"name": "Ana"}, headers=mine).get_json()
    bad = {**KNEE, "treatments": [{"protocol": "no-such-protocol"}]}
    sent = http.post(f"/api/v1/clients/{client['id']}/trips", json={"scenario": bad}, headers=mine)
    assert sent.status_code == 422 and sent.get_json()["field"] == "scenario.treatments[0].protocol"


def test_clients_page_with_limit_and_cursor_and_search(http, mine):
    for name in ("Ana", "Bruno", "Carla", "Ana Maria"):
        http.post("/api/v1/clients", json={"name": name}, headers=mine)
    first = http.get("/api/v1/clients?limit=3", headers=mine).get_json()
    assert [c["name"] for c in first["items"]] == ["Ana", "Bruno", "Carla"] and first["next"]
    rest = http.get(f"/api/v1/clients?limit=3&cursor={first['next']}", headers=mine).get_json()
    assert [c["name"] for c in rest["items"]] == ["Ana Maria"] and rest["next"] is None
    found = http.get("/api/v1/clients?q=ana", headers=mine).get_json()
    assert [c["name"] for c in found["items"]] == ["Ana", "Ana Maria"]
    bad = http.get("/api/v1/clients?limit=500&cursor=x", headers=mine)
    assert bad.status_code == 422 and {e["field"] for e in bad.get_json()["errors"]} == {"limit", "cursor"}


def test_reads_carry_an_etag_and_answer_304_until_the_object_changes(http, mine):
    trip = _trip(http, mine)
    path = f"/api/v1/trips/{trip['id']}"
    first = http.get(path, headers=mine)
    etag = first.headers["ETag"]
    again = http.get(path, headers={**mine, "If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert http.patch(path, json={"title": "Knee, renamed"}, headers=mine).status_code == 200
    changed = http.get(path, headers={**mine, "If-None-Match": etag})
    assert changed.status_code == 200 and changed.get_json()["title"] == "Knee, renamed"


def test_status_moves_along_the_workflow_and_refuses_a_jump(http, mine):
    trip = _trip(http, mine)
    jump = http.post(f"/api/v1/trips/{trip['id']}/status", json={"status": "confirmed"}, headers=mine)
    assert jump.status_code == 409 and jump.get_json()["field"] == "status"
    moved = http.post(f"/api/v1/trips/{trip['id']}/status", json={"status": "proposed"}, headers=mine)
    assert moved.status_code == 200 and moved.get_json()["status"] == "proposed"


def test_pins_links_and_feeds_are_made_listed_and_removed_by_their_owner_only(app, http, mine):
    trip = _trip(http, mine)
    theirs = bearer(facilitator_token(app, "second@example.com"))
    base = f"/api/v1/trips/{trip['id']}"
    key = trip["plan"]["appointments"][0]["key"]
    pinned = http.post(f"{base}/pins", json={"key": key, "start": "2027-03-03T10:00:00+09:00"}, headers=mine)
    assert pinned.status_code == 201, pinned.get_json()
    pin = pinned.get_json()["pins"][0]
    assert http.delete(f"{base}/pins/{pin['id']}", headers=theirs).status_code == 404
    assert http.delete(f"{base}/pins/{pin['id']}", headers=mine).status_code == 204
    assert http.get(base, headers=mine).get_json()["pins"] == []

    link = http.post(f"{base}/links", json={"hide_costs": True}, headers=mine).get_json()
    page = link["url"].removeprefix(app.config["PLANNER_BASE_URL"].rstrip("/"))
    assert page.startswith("/shared/") and http.get(page).status_code == 200
    listed = http.get(f"{base}/links", headers=mine).get_json()["items"]
    assert [item["id"] for item in listed] == [link["id"]] and "url" not in listed[0]
    assert http.delete(f"{base}/links/{link['id']}", headers=theirs).status_code == 404
    assert http.delete(f"{base}/links/{link['id']}", headers=mine).status_code == 204
    assert http.get(page).status_code == 404

    # a feed is discreet unless asked otherwise, as on the sharing page
    assert http.post(f"{base}/feeds", json={}, headers=mine).get_json()["discreet"] is True
    assert http.post(f"{base}/feeds", json={"discreet": False}, headers=mine).get_json()["discreet"] is False
    feed = http.post(f"{base}/feeds", json={"discreet": True}, headers=mine).get_json()
    assert feed["webcal"].startswith("webcal://") and "calendar.google.com" in feed["google"]
    assert http.delete(f"{base}/feeds/{feed['id']}", headers=theirs).status_code == 404
    assert http.delete(f"{base}/feeds/{feed['id']}", headers=mine).status_code == 204
    revoked = [item for item in http.get(f"{base}/feeds", headers=mine).get_json()["items"] if item["id"] == feed["id"]]
    assert revoked[0]["revoked_at"] is not None


def test_deleting_a_client_deletes_their_trips(http, mine):
    trip = _trip(http, mine)
    assert http.delete(f"/api/v1/clients/{trip['client_id']}", headers=mine).status_code == 204
    assert http.get(f"/api/v1/trips/{trip['id']}", headers=mine).status_code == 404


def test_no_token_or_secret_address_reaches_the_logs(app, http, caplog):
    token = facilitator_token(app)
    with caplog.at_level(logging.DEBUG):
        trip = _trip(http, bearer(token))
        feed = http.post(f"/api/v1/trips/{trip['id']}/feeds", json={}, headers=bearer(token)).get_json()
        http.get("/api/v1/trips", headers=bearer("x" * 43))
        logging.getLogger("werkzeug").info("headers: Authorization: Bearer %s", token)
        app.logger.warning("made %s", feed["url"])
    secret = feed["url"].rsplit("/", 1)[1].removesuffix(".ics")
    assert caplog.records and token not in caplog.text and secret not in caplog.text
    assert "Authorization: Bearer …" in caplog.text


def test_a_list_leaves_the_notes_out_and_reading_them_goes_in_the_audit_log(app, http, mine):
    made = http.post("/api/v1/clients", json={"name": "Ana", "notes": "diabetic"}, headers=mine).get_json()
    assert "notes" not in http.get("/api/v1/clients", headers=mine).get_json()["items"][0]
    assert http.get(f"/api/v1/clients/{made['id']}", headers=mine).get_json()["notes"] == "diabetic"
    with app.app_context():
        from planner.extensions import db
        from planner.models import AuditEntry

        entries = db.session.scalars(db.select(AuditEntry).where(AuditEntry.action != "api_token_created")).all()
    assert [(e.action, e.client_id) for e in entries] == [("notes_viewed", made["id"])]
