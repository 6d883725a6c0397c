"""The plan form and the unsaved plan page: planning, bad input next to its field, one-click fixes."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from planner.services import current_catalog
from tests.web.planner_helpers import field_error, fix_buttons, form, scenario_of


def test_form_lists_treatments_with_what_they_involve(app, client):
    response = client.get("/plan?treatment=acupuncture-chronic-pain")
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    with app.app_context():
        protocols = current_catalog().protocols
    for protocol_id in protocols:
        assert f'<option value="{protocol_id}"' in body
        assert f'data-protocol="{protocol_id}"' in body
    assert '<option selected value="acupuncture-chronic-pain">' in body
    assert 'data-min="6" data-max="12"' in body  # the chronic course's session range, from its catalog file
    assert "What it involves" in body


def test_time_zones_carry_their_difference_to_seoul(client):
    body = client.get("/plan").get_data(as_text=True)
    # Seoul has no daylight saving time; Tokyo is on the same clock all year, Kolkata 3 h 30 min behind
    assert (
        '<option value="Tokyo, Japan" label="Asia/Tokyo · Same time as Seoul" data-zone="Asia/Tokyo"'
        ' data-difference="Same time as Seoul">' in body
    )
    assert 'label="Asia/Kolkata · Seoul is 3 h 30 min ahead"' in body
    assert 'data-zone="Etc/GMT+5"' not in body


def test_planning_shows_days_calendar_and_budget(client):
    response = client.post("/plan", data=form(), follow_redirects=True)
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "This plan works." in body
    # every date from 1 March to 20 April is a day of the list: 31 + 20 days
    assert body.count('class="day-entry') == 51
    assert "<caption>March 2027</caption>" in body and "<caption>April 2027</caption>" in body
    # 9 sessions (the usual count) and a first consultation
    assert body.count('class="visit"') == 10
    assert "Sample Korean Medicine Clinic (Gangnam)" in body
    assert "exchange rates of Thursday 1 October 2026" in body
    assert "€" in body


def test_flight_times_give_the_flight_length(client):
    # 20:00 in Lisbon (UTC+0 in winter) to 15:00 in Seoul (UTC+9) the next day is 10 hours
    data = form(
        outbound_number="tp 1234",
        outbound_date="2027-02-28",
        outbound_time="20:00",
        inbound_date="2027-04-21",
        inbound_time="05:30",
    )
    scenario = scenario_of(client.post("/plan", data=data, follow_redirects=True).get_data(as_text=True))
    assert scenario["flights"]["outbound"] == {"number": "TP 1234", "hours": "10.00"}
    # 18:00 in Seoul (09:00 UTC) to 05:30 next day in Lisbon (UTC+1 from 28 March, 04:30 UTC) is 19.5 hours
    assert scenario["flights"]["inbound"] == {"hours": "19.50"}


def test_shortest_stay_proposes_the_departure(client):
    body = client.post(
        "/plan", data=form(shortest="y", departure_date="", departure_time=""), follow_redirects=True
    ).get_data(as_text=True)
    scenario = scenario_of(body)
    assert "departure" not in scenario
    assert "This plan works." in body and "(the shortest stay)" in body


def test_bug_partial_plan_shows_nothing_the_page_shows_what_fits(client):
    body = client.post(
        "/plan", data=form(departure_date="2027-03-05", departure_time="11:00"), follow_redirects=True
    ).get_data(as_text=True)
    assert "This plan does not work yet" in body
    # the placed part is on the day list, the rest is listed with its reason
    assert 'id="a-acupuncture-chronic-pain-consultation-1"' in body
    assert "Not scheduled yet" in body
    assert "It does not fit before the flight home on 5 March." in body


def test_too_short_stay_offers_its_fix_in_one_click(client):
    body = client.post("/plan", data=form(departure_date="2027-03-10"), follow_redirects=True).get_data(as_text=True)
    assert "This plan does not work yet" in body
    [(fields, label)] = fix_buttons(body)
    proposed = datetime.fromisoformat(fields["fix_departure"])
    assert proposed.date() > date(2027, 3, 10)
    assert label == f"Stay until {proposed.day} {proposed:%B}"

    fixed = client.post("/plan/fix", data={"scenario": json.dumps(scenario_of(body)), **fields}, follow_redirects=True)
    fixed_body = fixed.get_data(as_text=True)
    assert fixed.status_code == 200
    assert "This plan works." in fixed_body
    assert datetime.fromisoformat(scenario_of(fixed_body)["departure"]) == proposed


@pytest.mark.parametrize(
    ("changes", "field_id", "words"),
    [
        ({"treatments-0-count": "13"}, "treatments-0-count", "Sessions: enter a number from 6 to 12."),
        ({"treatments-0-protocol": ""}, "treatments-0-protocol", "Choose a treatment"),
        ({"treatments-1-protocol": "acupuncture-chronic-pain"}, "treatments-1-protocol", "already chosen"),
        ({"treatments-0-clinic": "clinic:sample-dental-clinic"}, "treatments-0-clinic", "does not offer"),
        ({"home_timezone": "Mars/Olympus"}, "home_timezone", "Choose a time zone from the list"),
        ({"arrival_date": "1 March"}, "arrival_date", "Not a valid date"),
        ({"departure_date": ""}, "departure_date", "Find my shortest stay"),
        ({"departure_date": "2027-02-20"}, "departure_date", "is not after arrival"),
        ({"outbound_number": "a flight"}, "outbound_number", "airline code"),
        ({"outbound_date": "2027-03-02", "outbound_time": "10:00"}, "outbound_date", "take off before it lands"),
        ({"outbound_date": "2027-02-27"}, "outbound_time", "both the take-off date and time"),
        ({"travellers": "0"}, "travellers", "People travelling: enter a number from 1 to 10."),
        ({"currency": "ZZZ"}, "currency", "Not a valid choice"),
    ],
)
def test_bad_input_is_answered_next_to_its_field(client, changes, field_id, words):
    response = client.post("/plan", data=form(**changes), follow_redirects=True)
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    assert words in field_error(body, field_id)
    typed = next(iter(changes.values()))
    # what was typed is kept; a choice that is not in a list cannot be shown selected
    if typed and field_id == next(iter(changes)) and field_id != "currency":
        assert f'value="{typed}"' in body or f'<option selected value="{typed}"' in body


def test_bad_scenario_in_a_fix_is_a_friendly_400(client):
    response = client.post(
        "/plan/fix", data={"scenario": "[1, 2]", "fix_departure": "2027-04-01T10:00:00+09:00"}, follow_redirects=True
    )
    assert response.status_code == 400
    assert "could not be read" in response.get_data(as_text=True)
    response = client.post(
        "/plan/fix", data={"scenario": '{"arrival": "soon"}', "fix_count": "3"}, follow_redirects=True
    )
    assert response.status_code == 400
    assert "could not be made" in response.get_data(as_text=True)
