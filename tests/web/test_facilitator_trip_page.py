"""The facilitator's trip page shows the whole plan, applies its fixes to the saved trip, and edits the request."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from markupsafe import escape
from sqlalchemy import select

from planner.core.model.protocol import StepKind
from planner.extensions import db
from planner.models import EventRevision, Trip
from planner.services.planning.plans import plan_scenario
from tests.web.facilitator_helpers import add_client, add_trip, register, trip_form
from tests.web.planner_helpers import field_error, fix_buttons
from tests.web.workspace_factories import create_client, create_facilitator, create_trip, log_in


@pytest.fixture
def http(client):
    """A test client logged in as a facilitator."""
    register(client)
    return client


def _text(response) -> str:
    return response.get_data(as_text=True)


def _stored(app, trip_id: int) -> tuple[dict, str, dict[str, int]]:
    """The trip's request, title and the SEQUENCE of each live calendar event."""
    with app.app_context():
        trip = db.session.get(Trip, trip_id)
        rows = db.session.scalars(select(EventRevision).where(EventRevision.trip_id == trip_id)).all()
        return trip.scenario, trip.title, {r.event_key: r.sequence for r in rows if r.removed_at is None}


def test_the_page_shows_the_calendar_the_days_the_follow_ups_and_the_budget(app, client):
    with app.app_context():
        user, browser = create_facilitator()
        trip = create_trip(user, create_client(user))
        trip_id, scenario = trip.id, trip.scenario
        log_in(client, user, browser)
    page = client.get(f"/trips/{trip_id}")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    text = _text(page)
    # the knee trip lands on 1 March 2027 and leaves on 20 March: one month grid, every day listed
    assert text.count('<table class="month">') == 1 and "<caption>March 2027</caption>" in text
    assert '<li id="d-2027-03-01" class="day-entry kind-arrival">' in text
    assert '<li id="d-2027-03-20" class="day-entry kind-departure">' in text
    # a translated sentence escapes the name it is given, not its own apostrophe
    assert "Day by day" in text and "Ana Silva's stay at a glance" in text.replace("&#39;", "'")
    assert '<table class="budget">' in text and "exchange rates of" in text
    # the video follow-ups after the return are shown at the client's home clock in Lisbon
    assert "After Ana Silva is home" in text
    lisbon = ZoneInfo("Europe/Lisbon")
    with app.app_context():
        remote = [a for a in plan_scenario(scenario).plan.appointments if a.kind is StepKind.REMOTE]
    assert len(remote) == 4
    for appointment in remote:
        local = appointment.start.astimezone(lisbon)
        block = text.split(f'id="a-{appointment.key}"', 1)[1].split("</li>", 1)[0]
        assert f"<strong>{local:%H:%M}–" in block and "Lisbon time" in block
    # the facilitator's own controls are still there
    assert f'action="/trips/{trip_id}/status"' in text and f'action="/trips/{trip_id}/pins"' in text
    assert f'href="/trips/{trip_id}/edit"' in text


def test_a_fix_from_the_page_re_plans_the_saved_trip(app, http):
    trip_id = add_trip(http, add_client(http), days=5)
    before_scenario, _, before = _stored(app, trip_id)
    text = _text(http.get(f"/trips/{trip_id}"))
    assert "This plan does not work yet" in text
    # the fix posts to the facilitator's route for this trip, never to a private link
    assert f'action="/trips/{trip_id}/fix"' in text and 'action="/t/' not in text
    [(fields, label)] = fix_buttons(text)
    assert label.startswith("Stay until ") and set(fields) == {"fix_departure"}
    response = http.post(f"/trips/{trip_id}/fix", data=fields)
    assert response.status_code == 302 and response.location.endswith(f"/trips/{trip_id}")
    scenario, _, after = _stored(app, trip_id)
    assert datetime.fromisoformat(scenario["departure"]) == datetime.fromisoformat(fields["fix_departure"])
    assert datetime.fromisoformat(scenario["departure"]) > datetime.fromisoformat(before_scenario["departure"])
    assert "This plan works." in _text(http.get(f"/trips/{trip_id}"))
    # the sessions that did not fit are now in the plan, so the feed gains events; the "not working yet" note goes
    notes = {key for key in before if key.endswith("plan-status")}
    assert notes and not any(key.endswith("plan-status") for key in after)
    assert set(after) > set(before) - notes


def test_a_fix_that_cannot_be_made_changes_nothing(app, http):
    trip_id = add_trip(http, add_client(http))
    before = _stored(app, trip_id)
    response = http.post(f"/trips/{trip_id}/fix", data={"fix_departure": "not a date"}, follow_redirects=True)
    assert "That change could not be made" in _text(response)
    assert _stored(app, trip_id) == before


def test_the_edit_form_starts_from_the_stored_request(http):
    trip_id = add_trip(http, add_client(http), discreet="y")
    text = _text(http.get(f"/trips/{trip_id}/edit"))
    assert 'value="2027-02-28"' in text and 'value="2027-03-21"' in text
    assert re.search(r'<input [^>]*id="home_timezone"[^>]*value="Europe/Lisbon"', text)
    assert re.search(r'<option selected value="acupuncture-chronic-pain">', text)
    assert re.search(r'<input [^>]*id="treatments-0-count"[^>]*value="6"', text)
    assert re.search(r'<input [^>]*checked[^>]*id="discreet"', text)


def test_editing_re_plans_and_revises_the_calendar_events(app, http):
    trip_id = add_trip(http, add_client(http, "Ana Silva"))
    _, title, before = _stored(app, trip_id)
    assert title == "Acupuncture for chronic pain, Feb 2027"
    # a week later, seven sessions, and no name typed: the client's name is kept on the request
    data = trip_form(arrival=datetime(2027, 3, 7).date(), **{"treatments-0-count": "7", "name": ""})
    response = http.post(f"/trips/{trip_id}/edit", data=data)
    assert response.status_code == 302 and response.location.endswith(f"/trips/{trip_id}")
    scenario, title, after = _stored(app, trip_id)
    assert scenario["arrival"].startswith("2027-03-07T16:00")
    assert scenario["treatments"][0]["count"] == 7
    assert scenario["traveller"]["name"] == "Ana Silva"
    assert title == "Acupuncture for chronic pain, Mar 2027"
    # every event that stayed moved a week, so each one's SEQUENCE rose; the extra session is new
    assert all(after[key] == before[key] + 1 for key in before)
    assert len(after) == len(before) + 1 and all(after[key] == 0 for key in set(after) - set(before))
    text = _text(http.get(f"/trips/{trip_id}"))
    assert '<li id="d-2027-03-07" class="day-entry kind-arrival">' in text
    assert text.count('<article class="visit"') == 8  # the consultation and 7 sessions


def test_a_typed_title_is_kept_when_the_request_changes(app, http):
    trip_id = add_trip(http, add_client(http))
    with app.app_context():
        db.session.get(Trip, trip_id).title = "Ana's knee and back"
        db.session.commit()
    assert http.post(f"/trips/{trip_id}/edit", data=trip_form(currency="USD")).status_code == 302
    scenario, title, _ = _stored(app, trip_id)
    assert scenario["currency"] == "USD" and title == "Ana's knee and back"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"arrival_date": ""}, "arrival_date", "When does Ana Silva land in Seoul?"),
        ({"treatments-0-count": "14"}, "treatments-0-count", "Sessions: enter a number from 6 to 12."),
        ({"home_timezone": "Mars/Olympus"}, "home_timezone", "Choose a time zone from the list"),
        (
            {"outbound_date": "2027-03-01", "outbound_time": "10:00"},
            "outbound_date",
            "The flight must take off before it lands.",
        ),
    ],
)
def test_a_bad_edit_is_answered_next_to_its_field_and_saves_nothing(app, http, change, field, message):
    trip_id = add_trip(http, add_client(http))
    before = _stored(app, trip_id)
    response = http.post(f"/trips/{trip_id}/edit", data=trip_form(**change))
    assert response.status_code == 400
    text = _text(response)
    assert message in field_error(text, field)
    for name, typed in change.items():
        if typed:
            assert f'name="{name}"' in text and f'value="{escape(typed)}"' in text
    assert _stored(app, trip_id) == before


@pytest.mark.parametrize(
    ("method", "suffix", "data"),
    [
        ("GET", "/edit", {}),
        ("POST", "/edit", trip_form(currency="USD")),
        ("POST", "/fix", {"fix_departure": "2027-04-30T11:00:00+09:00"}),
    ],
)
def test_another_facilitators_trip_is_404(app, http, method, suffix, data):
    trip_id = add_trip(http, add_client(http))
    before = _stored(app, trip_id)
    other = app.test_client()
    register(other, "other@example.com")
    assert other.open(f"/trips/{trip_id}{suffix}", method=method, data=data).status_code == 404
    assert _stored(app, trip_id) == before
