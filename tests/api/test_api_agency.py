"""The agency over the API: members read it, owners invite (the one-time link in the answer without a mail
server), change roles and remove; a finance token reads and writes money only, never a plan or a note."""

from __future__ import annotations

import re

from planner.clock import utcnow
from planner.services.accounts.api_tokens import create_api_token
from planner.services.accounts.users import find_account
from tests.api.helpers import KNEE, PASSWORD, bearer, facilitator_token


def _join(app, url: str, name: str) -> str:
    """Join from the link through the page; a read-write token of the new member."""
    token = re.search(r"/join/([A-Za-z0-9_-]{43})$", url).group(1)
    http = app.test_client()
    answer = http.post(f"/join/{token}", data={"display_name": name, "password": PASSWORD, "confirm": PASSWORD})
    assert answer.status_code == 302
    with app.app_context():
        user = find_account(re.sub(r"\W", "", name.lower()) + "@example.com")
        return create_api_token(user.id, "tests", read_only=False, now=utcnow())[1]


def test_an_owner_invites_a_finance_member_who_sees_money_and_no_plan(app):
    http, mine = app.test_client(), bearer(facilitator_token(app))
    assert http.get("/api/v1/agency", headers=mine).get_json()["members"][0]["role"] == "owner"
    invited = http.post(
        "/api/v1/agency/invitations", json={"email": "sora@example.com", "role": "finance"}, headers=mine
    )
    assert invited.status_code == 201 and invited.get_json()["role"] == "finance"
    finance = bearer(_join(app, invited.get_json()["url"], "Sora"))
    members = http.get("/api/v1/agency", headers=finance).get_json()["members"]
    assert [m["role"] for m in members] == ["owner", "finance"]

    client = http.post("/api/v1/clients", json={"name": "Ana Silva", "notes": "Allergic"}, headers=mine).get_json()
    trip = http.post(f"/api/v1/clients/{client['id']}/trips", json={"scenario": KNEE}, headers=mine).get_json()["id"]
    assert http.post(f"/api/v1/trips/{trip}/quotes", json={}, headers=finance).status_code == 201
    for path in (f"/api/v1/clients/{client['id']}", f"/api/v1/trips/{trip}", "/api/v1/clients"):
        refused = http.get(path, headers=finance)
        assert refused.status_code == 403 and "Allergic" not in refused.text, path
    assert http.get(f"/api/v1/trips/{trip}/quotes", headers=finance).status_code == 200
    assert (
        http.post(
            "/api/v1/agency/invitations", json={"email": "x@example.com", "role": "owner"}, headers=finance
        ).status_code
        == 403
    )

    # a role change, the last owner kept, a removal that stops the token at once
    sora = members[1]["id"]
    assert (
        http.patch(f"/api/v1/agency/members/{sora}", json={"role": "viewer"}, headers=mine).get_json()["role"]
        == "viewer"
    )
    assert http.post(f"/api/v1/trips/{trip}/quotes", json={}, headers=finance).status_code == 403  # a viewer now
    me = members[0]["id"]
    last = http.patch(f"/api/v1/agency/members/{me}", json={"role": "viewer"}, headers=mine)
    assert last.status_code == 409 and last.get_json()["field"] == "role"
    assert http.delete(f"/api/v1/agency/members/{me}", headers=mine).status_code == 409
    assert http.delete(f"/api/v1/agency/members/{sora}", headers=mine).status_code == 204
    assert http.get("/api/v1/agency", headers=finance).status_code == 401


def test_another_agency_gets_404_on_the_members_and_bad_input_names_the_field(app):
    http, mine = app.test_client(), bearer(facilitator_token(app))
    other = bearer(facilitator_token(app, "second@example.com"))
    me = http.get("/api/v1/agency", headers=mine).get_json()["members"][0]["id"]
    assert http.delete(f"/api/v1/agency/members/{me}", headers=other).status_code == 404
    assert http.patch(f"/api/v1/agency/members/{me}", json={"role": "viewer"}, headers=other).status_code == 404
    bad = http.post("/api/v1/agency/invitations", json={"email": "nope", "role": "boss"}, headers=mine)
    assert bad.status_code == 422
    taken = http.post(
        "/api/v1/agency/invitations", json={"email": "second@example.com", "role": "viewer"}, headers=mine
    )
    assert taken.status_code == 422 and taken.get_json()["field"] == "email"
