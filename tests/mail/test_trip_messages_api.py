"""POST /api/v1/trips/{id}/messages: 202 with the record, then the message arrives; the refusals name the field."""

from __future__ import annotations

import pytest
from openapi_spec_validator import validate

from planner.extensions import db
from planner.models import Client, Trip
from planner.services.accounts.users import find_account
from tests.api.helpers import bearer, facilitator_token
from tests.mail.conftest import PASSWORD, USER
from tests.mail.trip_message_helpers import ADDRESS
from tests.web import workspace_factories as factories


@pytest.fixture
def app_config(mail_config, smtp_server) -> dict:
    port, _ = smtp_server
    return {**mail_config, "PLANNER_SMTP_URL": f"smtp://{USER}:{PASSWORD}@127.0.0.1:{port}?timeout=5"}


def _trip(app, email: str = "first@example.com", contact: str = ADDRESS) -> int:
    with app.app_context():
        user = find_account(email)
        client = factories.create_client(user, "Li Na", contact=contact, language="zh_Hans")
        return factories.create_trip(user, client).id


def test_a_plan_message_is_accepted_then_arrives(app, client, smtp_server):
    _, inbox = smtp_server
    token = facilitator_token(app)
    trip_id = _trip(app)
    response = client.post(f"/api/v1/trips/{trip_id}/messages", json={"kind": "plan"}, headers=bearer(token))
    assert response.status_code == 202, response.text
    body = response.json
    assert body["kind"] == "plan" and body["to"] == ADDRESS and body["status"] == "sent"
    assert body["created_at"] and isinstance(body["id"], int)
    assert response.headers["Location"] == f"/api/v1/trips/{trip_id}/messages/{body['id']}"
    [(_, rcpt_tos, message)] = inbox.messages
    assert rcpt_tos == [ADDRESS] and "2027年3月" in message.get_body(preferencelist=("plain",)).get_content()
    shown = client.get(response.headers["Location"], headers=bearer(token))
    assert shown.status_code == 200 and shown.json["id"] == body["id"]
    listed = client.get(f"/api/v1/trips/{trip_id}/messages", headers=bearer(token))
    assert [item["id"] for item in listed.json["items"]] == [body["id"]]


def test_a_bad_kind_is_refused_naming_the_field(app, client, smtp_server):
    token = facilitator_token(app)
    trip_id = _trip(app)
    for bad in ({"kind": "poem"}, {}, {"kind": 3}):
        response = client.post(f"/api/v1/trips/{trip_id}/messages", json=bad, headers=bearer(token))
        assert response.status_code in (400, 422)
        assert "kind" in response.text
    assert smtp_server[1].messages == []


def test_no_email_address_is_refused_naming_the_contact(app, client, smtp_server):
    token = facilitator_token(app)
    trip_id = _trip(app, contact="+82 10 1234 5678")
    response = client.post(f"/api/v1/trips/{trip_id}/messages", json={"kind": "plan"}, headers=bearer(token))
    assert response.status_code == 422
    assert response.json["field"] == "client.contact" if "field" in response.json else "client.contact" in response.text
    assert smtp_server[1].messages == []


def test_changes_with_nothing_moved_is_a_conflict(app, client, smtp_server):
    token = facilitator_token(app)
    trip_id = _trip(app)
    with app.app_context():
        trip = db.session.get(Trip, trip_id)
        trip.client_seen_at = trip.calendar_changed_at
        db.session.commit()
    response = client.post(f"/api/v1/trips/{trip_id}/messages", json={"kind": "changes"}, headers=bearer(token))
    assert response.status_code == 409 and "kind" in response.text


def test_another_owners_trip_is_not_found_and_a_read_only_token_cannot_send(app, client, smtp_server):
    facilitator_token(app)
    trip_id = _trip(app)
    other = facilitator_token(app, "other@example.com")
    response = client.post(f"/api/v1/trips/{trip_id}/messages", json={"kind": "plan"}, headers=bearer(other))
    assert response.status_code == 404
    assert client.get(f"/api/v1/trips/{trip_id}/messages", headers=bearer(other)).status_code == 404
    reader = facilitator_token(app, read_only=True)
    response = client.post(f"/api/v1/trips/{trip_id}/messages", json={"kind": "plan"}, headers=bearer(reader))
    assert response.status_code == 403
    assert smtp_server[1].messages == []
    with app.app_context():
        assert db.session.query(Client).count() == 1


def test_the_spec_documents_the_messages(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    validate(spec)
    post = spec["paths"]["/api/v1/trips/{trip_id}/messages"]["post"]
    assert post["security"] == [{"bearerAuth": []}]
    assert {"202", "404", "409", "422"} <= set(post["responses"])
    assert "Location" in post["responses"]["202"]["headers"]
    assert "get" in spec["paths"]["/api/v1/trips/{trip_id}/messages/{message_id}"]
