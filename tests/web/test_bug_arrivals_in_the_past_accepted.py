"""Bug: arrivals in 2020 were accepted as "This plan works".

The web plan forms (the patient's, a saved trip's, the facilitator's) refuse a landing before the
app's "now" (planner.clock), next to the landing date. A saved trip whose landing has passed can
still be edited without moving it. The CLI and the API keep taking any date: plans for past trips
are legitimate there (a scenario file of last year's trip).
"""

from __future__ import annotations

from datetime import date

import pytest

from planner.extensions import db
from planner.models import Trip
from tests.web.facilitator_helpers import add_client, add_trip, login, register, trip_form
from tests.web.planner_helpers import field_error, form

PAST = "This landing is in the past: enter the day of the flight to Seoul."


@pytest.mark.parametrize(("day", "time"), [("2020-03-01", "15:00"), ("2026-11-15", "23:00"), ("2026-11-16", "17:59")])
def test_the_patient_form_refuses_a_landing_before_now(client, day, time):
    # the clock starts on 16 Nov 2026 at 09:00 UTC, 18:00 in Seoul
    answer = client.post(
        "/plan", data=form(arrival_date=day, arrival_time=time, departure_date="2026-12-20"), follow_redirects=True
    )
    assert answer.status_code == 400
    assert field_error(answer.get_data(as_text=True), "arrival_date") == PAST
    assert "This plan works" not in answer.get_data(as_text=True)


def test_a_landing_later_today_is_fine(client):
    answer = client.post(
        "/plan", data=form(arrival_date="2026-11-16", arrival_time="18:30", departure_date="2027-01-20")
    )
    assert field_error(answer.get_data(as_text=True), "arrival_date") == ""


def test_the_past_moves_with_the_clock(client, clock):
    data = form(arrival_date="2027-03-01")
    assert (
        field_error(client.post("/plan", data=data, follow_redirects=True).get_data(as_text=True), "arrival_date") == ""
    )
    clock.advance(days=120)
    assert (
        field_error(client.post("/plan", data=data, follow_redirects=True).get_data(as_text=True), "arrival_date")
        == PAST
    )


def test_the_facilitator_form_refuses_it_too(app, client):
    register(client)
    answer = client.post(f"/clients/{add_client(client)}/trips/new", data=trip_form(arrival=date(2020, 3, 1)))
    assert answer.status_code == 200
    assert field_error(answer.get_data(as_text=True), "arrival_date") == PAST
    with app.app_context():
        assert db.session.query(Trip).count() == 0


def test_a_trip_under_way_is_edited_without_moving_its_landing(app, client, clock):
    register(client)
    trip_id = add_trip(client, add_client(client))
    clock.advance(days=110)  # 6 March 2027: the client landed on 28 February
    assert login(client).status_code == 302  # the first login has timed out
    same = client.post(f"/trips/{trip_id}/edit", data=trip_form(currency="USD"))
    assert same.status_code == 302 and same.location.endswith(f"/trips/{trip_id}"), same.get_data(as_text=True)
    earlier = client.post(f"/trips/{trip_id}/edit", data=trip_form(arrival=date(2027, 2, 20)))
    assert field_error(earlier.get_data(as_text=True), "arrival_date") == PAST


def test_the_api_still_plans_a_past_trip(client):
    scenario = {
        "traveller": {"home_timezone": "Europe/Lisbon"},
        "arrival": "2020-03-01T15:00",
        "departure": "2020-04-20T18:00",
        "treatments": [{"protocol": "acupuncture-chronic-pain"}],
    }
    assert client.post("/api/plan", json=scenario).status_code == 200
