"""A trip whose protocol left the catalog (its scenario names an unknown id): every page answers, none 500s."""

from __future__ import annotations

import pytest

from planner.extensions import db
from planner.models import Trip
from planner.services.planning.trip_changes import trip_changed
from planner.services.workspace.feeds import create_owner_feed, create_trip_feed
from planner.services.workspace.sharing import create_client_link
from tests.web.workspace_factories import NOW, create_client, create_facilitator, create_trip, log_in


@pytest.fixture
def gone(app, client):
    """A logged-in facilitator's trip edited in the database to name a protocol no catalog has."""
    with app.app_context():
        user, browser = create_facilitator()
        patient = create_client(user, notes="Allergic to penicillin")
        trip = create_trip(user, patient)
        trip.scenario = {**trip.scenario, "treatments": [{"protocol": "no-such-protocol"}]}
        db.session.commit()
        share = create_client_link(user.id, trip.id, hide_costs=False, expires_at=None)[1]
        feed = create_trip_feed(user.id, trip.id, discreet=False)[1]
        owner_feed = create_owner_feed(user.agency_id, created_by=user.id)[1]
        log_in(client, user, browser)
        return {"trip": trip.id, "client": patient.id, "share": share, "feed": feed, "owner_feed": owner_feed}


def test_every_page_of_the_trip_answers_with_a_message(client, gone):
    for path in ["/dashboard", "/clients/", f"/clients/{gone['client']}", f"/trips/{gone['trip']}"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "no-store", path
    assert "no longer fits the treatment catalog" in client.get(f"/trips/{gone['trip']}").get_data(as_text=True)
    assert client.get(f"/trips/{gone['trip']}/edit").status_code == 200
    export = client.get(f"/clients/{gone['client']}/export.json")
    assert export.status_code == 200 and export.headers["Cache-Control"] == "no-store"
    assert export.get_json()["trips"][0]["scenario"]["treatments"] == [{"protocol": "no-such-protocol"}]


def test_the_client_link_and_the_feeds_answer_without_the_plan(app, client, gone):
    client.post("/logout")
    shared = client.get(f"/shared/{gone['share']}")
    assert shared.status_code == 200 and shared.headers["Cache-Control"] == "no-store"
    assert "cannot be shown right now" in shared.get_data(as_text=True)
    for path in [f"/shared/{gone['share']}/trip.ics", f"/feeds/{gone['feed']}.ics", f"/feeds/{gone['owner_feed']}.ics"]:
        response = client.get(path)
        assert response.status_code == 200, path
        body = response.get_data(as_text=True)
        assert body.startswith("BEGIN:VCALENDAR") and "penicillin" not in body


def test_refreshing_the_summary_names_the_problem(app, client, gone):
    with app.app_context():
        trip = db.session.get(Trip, gone["trip"])
        trip_changed(trip, None, NOW)
        db.session.commit()
    page = client.get("/dashboard").get_data(as_text=True)
    assert "no longer fits the catalog" in page
