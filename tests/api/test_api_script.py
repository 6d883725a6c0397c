"""Done-when: a script holding only a token creates a client, plans a trip and reads its feed URL;
another facilitator's token gets 404 on every one of those objects."""

from __future__ import annotations

import pytest

from tests.api.helpers import KNEE, bearer, facilitator_token


@pytest.fixture
def http(app):
    """A client that never holds a session: every request carries the Authorization header only."""
    return app.test_client(use_cookies=False)


def test_a_token_script_plans_a_trip_and_reads_its_feed_and_no_one_else_can(app, http):
    mine = bearer(facilitator_token(app))
    theirs = bearer(facilitator_token(app, "second@example.com"))

    made = http.post(
        "/api/v1/clients", json={"name": "Ana Silva", "home_timezone": "Europe/Lisbon", "language": "ru"}, headers=mine
    )
    assert made.status_code == 201
    client = made.get_json()
    assert client["name"] == "Ana Silva" and client["language"] == "ru"

    planned = http.post(
        f"/api/v1/clients/{client['id']}/trips", json={"title": "Knee, spring", "scenario": KNEE}, headers=mine
    )
    assert planned.status_code == 201, planned.get_json()
    trip = planned.get_json()
    assert trip["title"] == "Knee, spring" and trip["status"] == "draft"

    read = http.get(f"/api/v1/trips/{trip['id']}", headers=mine)
    assert read.status_code == 200
    plan = read.get_json()["plan"]
    assert plan["feasible"] is True
    assert len(plan["appointments"]) >= 5

    listed = http.get("/api/v1/trips", headers=mine).get_json()
    assert [t["id"] for t in listed["items"]] == [trip["id"]] and listed["next"] is None

    # the appointments are named in the feed only when not discreet (a discreet UID carries no treatment)
    feed = http.post(f"/api/v1/trips/{trip['id']}/feeds", json={"discreet": False}, headers=mine)
    assert feed.status_code == 201
    url = feed.get_json()["url"]
    base = app.config["PLANNER_BASE_URL"].rstrip("/")
    assert url.startswith(f"{base}/feeds/") and url.endswith(".ics")
    calendar = http.get(url.removeprefix(base))
    assert calendar.status_code == 200
    uids = calendar.data.decode().replace("\r\n ", "")
    assert all(f"{a['key']}@" in uids for a in plan["appointments"])

    for path in (
        f"/api/v1/clients/{client['id']}",
        f"/api/v1/clients/{client['id']}/trips",
        f"/api/v1/trips/{trip['id']}",
        f"/api/v1/trips/{trip['id']}/feeds",
        f"/api/v1/trips/{trip['id']}/links",
    ):
        refused = http.get(path, headers=theirs)
        assert refused.status_code == 404, path
        assert refused.content_type == "application/problem+json"
    assert http.delete(f"/api/v1/trips/{trip['id']}", headers=theirs).status_code == 404
    assert http.patch(f"/api/v1/clients/{client['id']}", json={"name": "X"}, headers=theirs).status_code == 404
    assert http.get("/api/v1/trips", headers=theirs).get_json() == {"items": [], "next": None}
    # and the owner's objects are untouched by the attempts
    assert http.get(f"/api/v1/clients/{client['id']}", headers=mine).get_json()["name"] == "Ana Silva"
