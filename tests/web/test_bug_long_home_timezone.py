"""A home_timezone of 256+ characters was a 500 (``OSError: File name too long``): zone names were
opened as files. Every route now looks the name up in the known set and answers by field."""

from __future__ import annotations

import json

import pytest

from planner.extensions import db
from planner.models import Client, Trip
from planner.services.planning.trips import save_trip
from tests.web.facilitator_helpers import add_client, trip_form
from tests.web.planner_helpers import form
from tests.web.workspace_factories import KNEE

ZONE = "Europe/" + "L" * 300


def _scenario(zone: str = ZONE) -> dict:
    return {**KNEE, "traveller": {"name": "Ana", "home_timezone": zone}}


def test_the_json_api(client):
    response = client.post("/api/plan", json=_scenario())
    assert response.status_code == 400
    assert "traveller.home_timezone" in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/plan/save", "/plan/calendar.ics", "/plan/fix"])
def test_the_unsaved_plan_forms(app, client, path):
    response = client.post(path, data={"scenario": json.dumps(_scenario()), "fix_count": "6"})
    assert response.status_code in (200, 400, 422)
    assert "traveller.home_timezone" in response.get_data(as_text=True) or "could not" in response.get_data(
        as_text=True
    )
    with app.app_context():
        assert db.session.query(Trip).count() == 0


def test_the_plan_form(client):
    response = client.post("/plan", data=form(home_timezone=ZONE))
    assert response.status_code == 400
    assert "Choose a time zone from the list" in response.get_data(as_text=True)


def test_a_private_trip_edit(app, client):
    with app.app_context():
        token = save_trip(dict(KNEE), discreet=False)
    response = client.post(f"/t/{token}/edit", data=form(home_timezone=ZONE))
    assert response.status_code == 400
    assert "Choose a time zone from the list" in response.get_data(as_text=True)


def test_the_client_forms(app, client, facilitator):
    values = {"name": "Ana", "contact": "", "home_timezone": ZONE, "language": "en", "notes": ""}
    response = client.post("/clients/new", data=values)
    assert response.status_code == 200
    assert "Choose a time zone from the list" in response.get_data(as_text=True)
    client_id = add_client(client, "Ana Silva")
    response = client.post(f"/clients/{client_id}/edit", data=values)
    assert response.status_code == 200
    with app.app_context():
        assert db.session.get(Client, client_id).home_timezone == "Europe/Lisbon"


def test_a_facilitator_trip(client, facilitator):
    client_id = add_client(client, "Ana Silva")
    response = client.post(f"/clients/{client_id}/trips/new", data=trip_form(home_timezone=ZONE))
    assert response.status_code == 200
    assert "Choose a time zone from the list" in response.get_data(as_text=True)
