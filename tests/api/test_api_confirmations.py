"""Clinic confirmations over the API: list, record an answer (a confirmed time is pinned), owner only."""

from __future__ import annotations

from tests.api.helpers import KNEE, bearer, facilitator_token

PATH = "/api/v1/trips/{id}/confirmations/stem-cell-knee-svf/consultation/1"


def _trip(http, headers) -> int:
    client = http.post("/api/v1/clients", json={"name": "Ana Silva"}, headers=headers).get_json()
    return http.post(f"/api/v1/clients/{client['id']}/trips", json={"scenario": KNEE}, headers=headers).get_json()["id"]


def test_ask_then_confirm_pins_the_time_and_the_list_shows_it(app):
    http, mine = app.test_client(), bearer(facilitator_token(app))
    trip = _trip(http, mine)
    listed = http.get(f"/api/v1/trips/{trip}/confirmations", headers=mine).get_json()["items"]
    assert [row["step"] for row in listed] == ["consultation", "harvest", "injection", "wound-check"]
    assert {row["state"] for row in listed} == {"not_asked"}
    early = http.put(
        PATH.format(id=trip), json={"state": "confirmed", "confirmed_start": "2027-03-02T10:00:00+09:00"}, headers=mine
    )
    assert early.status_code == 409
    missing = http.put(PATH.format(id=trip), json={"state": "asked"}, headers=mine)
    assert missing.status_code == 422 and "asked_to" in missing.get_data(as_text=True)
    asked = http.put(PATH.format(id=trip), json={"state": "asked", "asked_to": "Dr Kim"}, headers=mine)
    assert asked.status_code == 200
    outside = {"state": "confirmed", "confirmed_start": "2027-04-30T10:00:00+09:00"}
    refused = http.put(PATH.format(id=trip), json=outside, headers=mine)
    assert refused.status_code == 422 and "confirmed_start" in refused.get_data(as_text=True)
    good = {"state": "confirmed", "confirmed_start": "2027-03-02T10:00:00+09:00", "reference": "R-9"}
    done = http.put(PATH.format(id=trip), json=good, headers=mine).get_json()["items"][0]
    assert (done["state"], done["reference"]) == ("confirmed", "R-9")
    assert done["confirmed_start"].startswith("2027-03-02T01:00:00")
    assert [(c["from_state"], c["to_state"]) for c in done["changes"]] == [
        ("not_asked", "asked"),
        ("asked", "confirmed"),
    ]
    pins = http.get(f"/api/v1/trips/{trip}", headers=mine).get_json()["pins"]
    assert [p["step"] for p in pins] == ["consultation"]


def test_another_facilitator_gets_404_and_a_read_only_token_cannot_write(app):
    http, mine = app.test_client(), bearer(facilitator_token(app))
    trip = _trip(http, mine)
    theirs = bearer(facilitator_token(app, "second@example.com"))
    assert http.get(f"/api/v1/trips/{trip}/confirmations", headers=theirs).status_code == 404
    answer = {"state": "asked", "asked_to": "Dr Kim"}
    assert http.put(PATH.format(id=trip), json=answer, headers=theirs).status_code == 404
    reader = bearer(facilitator_token(app, read_only=True))
    assert http.put(PATH.format(id=trip), json=answer, headers=reader).status_code == 403
    gone = http.put(f"/api/v1/trips/{trip}/confirmations/stem-cell-knee-svf/no-such-step/1", json=answer, headers=mine)
    assert gone.status_code == 404


def test_the_spec_lists_the_confirmation_operations(app):
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    assert "get" in spec["paths"]["/api/v1/trips/{trip_id}/confirmations"]
    assert "put" in spec["paths"]["/api/v1/trips/{trip_id}/confirmations/{protocol}/{step}/{occurrence}"]
