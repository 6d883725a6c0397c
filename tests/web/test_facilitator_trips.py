"""Trips for a client: plan with the patient's form, statuses, pins, what changed, duplicates."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from markupsafe import escape
from sqlalchemy import select

from planner.extensions import db
from planner.models import Pin, Trip
from tests.web.facilitator_helpers import add_client, add_trip, register, trip_form

CONSULTATION = "acupuncture-chronic-pain-consultation-1"


@pytest.fixture
def http(client):
    """A test client logged in as a facilitator."""
    register(client)
    return client


def _text(response) -> str:
    return response.get_data(as_text=True)


def _trip(app, trip_id: int) -> Trip:
    with app.app_context():
        trip = db.session.get(Trip, trip_id)
        trip.pins, trip.revisions  # noqa: B018  (loaded while the session is open)
        return trip


def test_plan_a_trip_for_a_client(app, http):
    client_id = add_client(http, "Ana Silva")
    trip_id = add_trip(http, client_id)
    page = http.get(f"/trips/{trip_id}")
    assert page.headers["Cache-Control"] == "no-store"
    text = _text(page)
    assert "Acupuncture for chronic pain, Feb 2027" in text
    assert "First consultation" in text and "Draft" in text
    trip = _trip(app, trip_id)
    assert trip.client_id == client_id and trip.status == "draft"
    assert trip.scenario["traveller"] == {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"}
    assert trip.revisions, "the calendar events of a new trip are recorded"
    assert f"/trips/{trip_id}" in _text(http.get(f"/clients/{client_id}"))


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"arrival_date": ""}, "arrival_date", "When does Ana Silva land in Seoul?"),
        ({"treatments-0-count": "14"}, "treatments-0-count", "Sessions: enter a number from 6 to 12."),
        ({"treatments-0-protocol": "reiki"}, "treatments-0-protocol", "Not a valid choice"),
        ({"home_timezone": "Mars/Olympus"}, "home_timezone", "Choose a time zone from the list"),
    ],
)
def test_bad_trip_input_is_named_next_to_its_field(http, change, field, message):
    client_id = add_client(http)
    response = http.post(f"/clients/{client_id}/trips/new", data=trip_form(**change))
    assert response.status_code == 200
    text = _text(response)
    assert f'id="{field}-error"' in text
    assert str(escape(message)) in text


@pytest.mark.parametrize(
    ("path", "status", "allowed"),
    [
        (("proposed",), "proposed", True),
        (("confirmed",), "draft", False),
        (("proposed", "confirmed"), "confirmed", True),
        (("proposed", "draft"), "draft", True),
        (("proposed", "confirmed", "draft"), "draft", True),
        (("proposed", "proposed"), "proposed", False),
    ],
)
def test_status_moves_draft_proposed_confirmed(app, http, path, status, allowed):
    trip_id = add_trip(http, add_client(http))
    codes = [http.post(f"/trips/{trip_id}/status", data={"status": step}).status_code for step in path]
    assert codes[-1] == (302 if allowed else 400)
    assert _trip(app, trip_id).status == status


def test_pin_a_confirmed_time_and_replan_around_it(app, http):
    trip_id = add_trip(http, add_client(http))
    before = {r.event_key: r.sequence for r in _trip(app, trip_id).revisions}
    response = http.post(f"/trips/{trip_id}/pins", data={"key": CONSULTATION, "date": "2027-03-04", "time": "14:30"})
    assert response.status_code == 302
    trip = _trip(app, trip_id)
    [pin] = trip.pins
    assert (pin.protocol, pin.step, pin.occurrence) == ("acupuncture-chronic-pain", "consultation", 1)
    assert pin.start == datetime(2027, 3, 4, 5, 30, tzinfo=UTC)  # 14:30 in Seoul (UTC+9)
    text = _text(http.get(f"/trips/{trip_id}"))
    assert 'datetime="2027-03-04T14:30:00+09:00"' in text
    # the sessions after the consultation moved with it, and their calendar events rose in SEQUENCE
    after = {r.event_key: r.sequence for r in trip.revisions}
    assert any(after[key] > before[key] for key in before if key in after)
    unpin = http.post(f"/trips/{trip_id}/pins/{pin.id}/delete")
    assert unpin.status_code == 302
    assert _trip(app, trip_id).pins == []


def test_pin_errors_are_shown(app, http):
    trip_id = add_trip(http, add_client(http))
    data = {"key": "no-such-appointment", "date": "2027-03-04", "time": "10:00"}
    gone = http.post(f"/trips/{trip_id}/pins", data=data)
    assert gone.status_code == 400
    assert "not in the plan any more" in _text(gone)
    missing = http.post(f"/trips/{trip_id}/pins", data={"key": CONSULTATION, "date": "", "time": "10:00"})
    assert missing.status_code == 400 and "Which day did the clinic confirm?" in _text(missing)
    with app.app_context():
        assert db.session.scalar(select(Pin)) is None


def test_duplicate_for_another_client(app, http):
    first = add_client(http, "Ana Silva")
    second = add_client(http, "Bruno Costa", home_timezone="America/Sao_Paulo")
    trip_id = add_trip(http, first)
    http.post(f"/trips/{trip_id}/pins", data={"key": CONSULTATION, "date": "2027-03-04", "time": "14:30"})
    http.post(f"/trips/{trip_id}/status", data={"status": "proposed"})
    assert "Bruno Costa" in _text(http.get(f"/trips/{trip_id}"))
    response = http.post(f"/trips/{trip_id}/duplicate", data={"client": str(second)})
    assert response.status_code == 302
    copy_id = int(response.location.rsplit("/", 1)[1])
    copy = _trip(app, copy_id)
    assert copy.client_id == second and copy.status == "draft" and copy.pins == []
    assert copy.scenario["traveller"] == {"name": "Bruno Costa", "home_timezone": "America/Sao_Paulo"}
    assert copy.uuid != _trip(app, trip_id).uuid


def test_duplicate_for_someone_elses_client_is_404(app, http):
    trip_id = add_trip(http, add_client(http))
    other = app.test_client()
    register(other, "other@example.com")
    foreign = add_client(other, "Not yours")
    assert http.post(f"/trips/{trip_id}/duplicate", data={"client": str(foreign)}).status_code == 404
    assert http.post(f"/trips/{trip_id}/duplicate", data={"client": "abc"}).status_code == 400
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(Trip)) == 1
