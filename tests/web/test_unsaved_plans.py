"""Unsaved plans: planning and fixes redirect to a page kept in the browser; "Change my answers" refills the form."""

from __future__ import annotations

import json
import warnings

from planner.extensions import db
from planner.models import Trip
from planner.views.unsaved_plans import KEPT
from tests.web.form_values import form_values
from tests.web.planner_helpers import fix_buttons, form, scenario_of

#: every field of the form answered, the second treatment and both flights included
FULL = form(
    name="Ana Silva",
    **{"treatments-0-count": "8", "treatments-1-protocol": "health-checkup", "treatments-1-clinic": ""},
    outbound_number="TP 1234",
    outbound_date="2027-02-28",
    outbound_time="21:00",
    inbound_number="KE 911",
    inbound_date="2027-04-21",
    inbound_time="05:30",
    lodging="upscale",
    travellers="2",
    interpreter="y",
    discreet="y",
)


def _plan(client, data: dict):
    response = client.post("/plan", data=data)
    assert response.status_code == 303, response.get_data(as_text=True)
    assert response.location.startswith("/plan/unsaved/")
    return response.location


def test_planning_redirects_to_a_page_that_reloads_without_a_form(client):
    location = _plan(client, form())
    first = client.get(location)
    assert first.status_code == 200
    assert first.headers["Cache-Control"] == "no-store"
    assert "This plan works." in first.text
    # reload (and Back to it) is a GET: the same plan again, nothing resent
    again = client.get(location)
    assert again.status_code == 200
    assert scenario_of(again.text) == scenario_of(first.text)


def test_change_my_answers_gives_back_every_field(client):
    page = client.get(_plan(client, FULL)).text
    assert "Change my answers" in page
    answers = client.get(_plan(client, FULL) + "/answers")
    assert answers.status_code == 200
    shown = form_values(answers.text)
    for name, value in FULL.items():
        assert shown[name] == value, name
    assert shown["shortest"] == ""
    # sending the refilled form plans the same trip
    boxes = ("shortest", "interpreter", "discreet")
    again = client.get(_plan(client, {name: value for name, value in shown.items() if value or name not in boxes}))
    assert scenario_of(again.text) == scenario_of(page)


def test_change_my_answers_keeps_the_shortest_stay(client):
    data = form(shortest="y", departure_date="", departure_time="")
    shown = form_values(client.get(_plan(client, data) + "/answers").text)
    assert shown["shortest"] == "y"
    assert shown["home_timezone"] == "Europe/Lisbon"
    assert shown["departure_date"] == ""


def test_a_fix_redirects_and_back_still_shows_the_plan_before_it(client):
    before_location = _plan(client, form(departure_date="2027-03-10"))
    before = client.get(before_location).text
    [(fields, _label)] = fix_buttons(before)
    fixed = client.post("/plan/fix", data={"scenario": json.dumps(scenario_of(before)), **fields})
    assert fixed.status_code == 303
    assert fixed.location != before_location
    after = client.get(fixed.location).text
    assert "This plan works." in after
    assert scenario_of(after)["departure"] == fields["fix_departure"]
    # Back: the plan before the fix is still there, as it was
    assert scenario_of(client.get(before_location).text) == scenario_of(before)
    # and "Change my answers" after the fix shows the new departure
    assert form_values(client.get(fixed.location + "/answers").text)["departure_date"] == fields["fix_departure"][:10]


def test_an_unsaved_plan_is_kept_in_the_browser_only(app, client):
    location = _plan(client, form())
    # another browser (no cookie) cannot open it, and the database holds nothing
    stranger = app.test_client()
    gone = stranger.get(location)
    assert gone.status_code == 404
    assert "Please plan the trip again." in gone.text
    assert stranger.get(location + "/answers").status_code == 404
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Trip)) == 0


def test_many_plans_keep_the_latest_and_the_cookie_small(client):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # werkzeug warns about a cookie over 4 kB
        locations = [_plan(client, form(name="名前" * 40, **{"treatments-0-count": str(6 + n % 7)})) for n in range(10)]
    cookie = client.get_cookie("session")
    assert len(cookie.value) < 3000
    assert client.get(locations[-1]).status_code == 200
    assert client.get(locations[0]).status_code == 404
    assert len([loc for loc in locations if client.get(loc).status_code == 200]) <= KEPT


def test_a_hand_made_scenario_too_large_to_keep_is_shown_once(client):
    earlier = _plan(client, form())
    # only a scenario made by hand (the form's fields are short) outgrows the cookie
    scenario = {
        "traveller": {"name": "é" * 80, "home_timezone": "Europe/Lisbon"},
        "arrival": "2027-03-01T15:00",
        "departure": "2027-04-20T18:00",
        "treatments": [{"protocol": "acupuncture-chronic-pain"}],
        "flights": {"outbound": {"origin": "ü" * 200}, "inbound": {"origin": "ö" * 200}},
        "lodging": "mid",
        "currency": "EUR",
    }
    response = client.post("/plan/fix", data={"scenario": json.dumps(scenario), "fix_count": "8", "fix_treatment": "0"})
    assert response.status_code == 200, response.text
    assert "This plan works." in response.text
    assert "Change my answers" not in response.text
    # the plans kept before are still there
    assert client.get(earlier).status_code == 200
