"""Bug: a flight number given without its take-off date was a 500 that lost everything typed.

On the facilitator's trip form and in the patient's "Download calendar". The forms check a flight
as a whole: a number alone is a flight; a take-off date without its time, or a landing before
the take-off, is answered next to the field, with every answer kept.
"""

from __future__ import annotations

import html

import icalendar
import pytest

from planner.extensions import db
from planner.models import Trip
from tests.web.facilitator_helpers import add_client, trip_form
from tests.web.form_values import form_values
from tests.web.planner_helpers import field_error, form, scenario_of

#: every field a browser sends, the flight fields left empty as a browser leaves them
EMPTY_FLIGHTS = {f"{way}_{part}": "" for way in ("outbound", "inbound") for part in ("number", "date", "time")}


def test_a_flight_number_alone_plans_the_facilitators_trip(app, client, facilitator):
    client_id = add_client(client)
    data = trip_form(**{**EMPTY_FLIGHTS, "outbound_number": "KE 912", "inbound_number": "KE 911"})
    response = client.post(f"/clients/{client_id}/trips/new", data=data)
    assert response.status_code == 302, response.text
    assert client.get(response.location).status_code == 200
    with app.app_context():
        trip = db.session.scalar(db.select(Trip))
        assert trip.scenario["flights"] == {"outbound": {"number": "KE 912"}, "inbound": {"number": "KE 911"}}
    edit = response.location + "/edit"
    assert client.get(edit).status_code == 200
    assert client.post(edit, data=data).status_code == 302


def test_a_flight_number_alone_downloads_the_patients_calendar(client):
    data = form(**{**EMPTY_FLIGHTS, "outbound_number": "KE 912", "inbound_number": "KE 911"})
    page = client.post("/plan", data=data, follow_redirects=True)
    assert page.status_code == 200
    scenario = page.text.split('name="scenario" value="', 1)[1].split('"', 1)[0]
    download = client.post("/plan/calendar.ics", data={"scenario": html.unescape(scenario)})
    assert download.status_code == 200
    text = " ".join(str(e.get("SUMMARY")) + str(e.get("DESCRIPTION", "")) for e in _events(download.data))
    assert "KE 912" in text and "KE 911" in text


def _events(data: bytes):
    return icalendar.Calendar.from_ical(data).walk("VEVENT")


@pytest.mark.parametrize(
    ("changes", "field_id", "words"),
    [
        ({"outbound_number": "KE 912", "outbound_date": "2027-02-28"}, "outbound_time", "take-off date and time"),
        ({"outbound_number": "KE 912", "outbound_time": "10:00"}, "outbound_time", "take-off date and time"),
        ({"inbound_date": "2027-04-21"}, "inbound_time", "landing date and time"),
        ({"outbound_date": "2027-03-02", "outbound_time": "10:00"}, "outbound_date", "take off before it lands"),
        ({"inbound_date": "2027-04-19", "inbound_time": "10:00"}, "inbound_date", "take off before it lands"),
    ],
)
@pytest.mark.parametrize("who", ["patient", "facilitator"])
def test_a_flight_that_cannot_be_is_answered_next_to_its_field(client, facilitator, who, changes, field_id, words):
    if who == "patient":
        data, path = form(**{**EMPTY_FLIGHTS, **changes}), "/plan"
    else:
        data = trip_form(**{**EMPTY_FLIGHTS, **changes, "departure_date": "2027-04-20", "departure_time": "18:00"})
        path = f"/clients/{add_client(client)}/trips/new"
    response = client.post(path, data=data)
    assert response.status_code in (200, 400)
    assert words in field_error(response.text, field_id)
    shown = form_values(response.text)
    assert {name: shown[name] for name in data} == data


def test_the_flight_home_is_checked_only_when_it_is_asked_for(client):
    # the shortest stay needs no flight home: its empty fields are not a half-given flight
    body = client.post(
        "/plan", data=form(shortest="y", departure_date="", departure_time="", **EMPTY_FLIGHTS), follow_redirects=True
    ).text
    assert "departure" not in scenario_of(body)
