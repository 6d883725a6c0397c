"""The facilitator workspace end to end: own protocols everywhere, navigation, the client's page, statuses."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape

import pytest

from planner.core.catalog.load import protocol_to_dict
from planner.extensions import db
from planner.models import Trip
from planner.services import current_catalog
from planner.services.planning.custom_catalog import catalog_for, stored
from planner.services.planning.revisions import planned_trip
from tests.web.custom_helpers import protocol_post
from tests.web.facilitator_helpers import add_client, register, trip_form
from tests.web.workspace_factories import make_feed, make_link

BASE = "acupuncture-chronic-pain"
OWN = f"{BASE}-own"
OWN_NAME = "My chronic pain course"
BACK_TO_DRAFT = "back to draft"


@pytest.fixture
def facilitator(client):
    """A facilitator registered (and so logged in) through the form, with one client; the client's id."""
    assert register(client).status_code == 302
    return add_client(client)


def _save_own_protocol(app, client) -> None:
    with app.app_context():
        document = stored(protocol_to_dict(current_catalog().protocols[BASE]))
    document = {**document, "id": OWN, "name": OWN_NAME}
    response = client.post(f"/own/protocols/new?from={BASE}", data=protocol_post(document))
    assert response.status_code == 302, response.get_data(as_text=True)


def _plan(client, client_id: int, **form) -> int:
    response = client.post(f"/clients/{client_id}/trips/new", data=trip_form(**form))
    assert response.status_code == 302, response.get_data(as_text=True)
    client.get(response.location)
    return int(response.location.rsplit("/", 1)[1])


def _status(app, trip_id: int) -> str:
    with app.app_context():
        return db.session.get(Trip, trip_id).status


def test_a_trip_with_the_facilitators_own_protocol_plans_on_every_page(app, client, facilitator, clock):
    _save_own_protocol(app, client)
    assert f'value="{OWN}"' in client.get(f"/clients/{facilitator}/trips/new").text
    arrival = clock.now.date() + timedelta(days=2)
    trip_id = _plan(client, facilitator, arrival=arrival, **{"treatments-0-protocol": OWN})
    with app.app_context():
        trip = db.session.get(Trip, trip_id)
        planned = planned_trip(trip)
        owner = trip.owner_id
    assert planned is not None and planned.request.treatments[0].protocol == OWN
    appointments = planned.plan.appointments
    soon = [a for a in appointments if a.start.date() < arrival + timedelta(days=10)]
    assert soon

    page = client.get(f"/trips/{trip_id}").text
    assert "no longer fits" not in page
    assert OWN_NAME in page and f'id="a-{appointments[0].key}"' in page

    token = make_link(client, trip_id)
    shared = app.test_client().get(f"/shared/{token}").text
    assert OWN_NAME in shared and f'id="a-{appointments[0].key}"' in shared
    assert app.test_client().get(f"/shared/{token}/trip.ics").data.count(b"BEGIN:VEVENT") >= len(appointments)

    trip_feed = make_feed(client, f"/trips/{trip_id}/feeds")
    owner_feed = make_feed(client, "/feeds")
    for token in (trip_feed, owner_feed):
        body = app.test_client().get(f"/feeds/{token}.ics").data
        assert body.count(b"BEGIN:VEVENT") >= len(appointments), token

    board = unescape(client.get("/dashboard").text)
    assert "cannot be planned" not in board and "no longer fits" not in board
    assert soon[0].title in board
    with app.app_context():
        assert OWN not in current_catalog().protocols and OWN in catalog_for(owner).protocols


def test_the_anonymous_planner_stays_on_the_base_catalog(app, client, facilitator):
    _save_own_protocol(app, client)
    assert f'value="{OWN}"' not in app.test_client().get("/plan").text


def test_navigation_reaches_sharing_feeds_export_and_erase(client, facilitator):
    trip_id = _plan(client, facilitator)
    trip_page = client.get(f"/trips/{trip_id}").text
    assert f'href="/trips/{trip_id}/sharing"' in trip_page
    assert f'href="/trips/{trip_id}/sharing#feeds"' in trip_page
    assert 'href="/feeds"' in trip_page
    client_page = client.get(f"/clients/{facilitator}").text
    assert f'href="/clients/{facilitator}/export.json"' in client_page
    assert f'href="/clients/{facilitator}/erase"' in client_page


def test_the_feeds_link_is_only_for_facilitators(app):
    assert 'href="/feeds"' not in app.test_client().get("/plan").text


def _shared_page(app, client, trip_id: int, **options) -> str:
    token = make_link(client, trip_id, **options)
    response = app.test_client().get(f"/shared/{token}")
    assert response.status_code == 200
    return response.text


def _plan_part(page: str) -> str:
    """The shared page without the client's own forms at its end (reminders by email, accepting a quote)."""
    assert page.count('id="reminders"') == 1
    return page.split('id="reminders"')[0].split('id="quote-heading"')[0]


def test_the_shared_page_shows_the_plan_sections_read_only(app, client, facilitator):
    trip_id = _plan(client, facilitator)
    page = _shared_page(app, client, trip_id)
    for section in ("at a glance", "Day by day", "Budget", "Estimated costs"):
        assert section in page
    assert 'class="month"' in page
    plan = _plan_part(page)
    assert "<form" not in plan and "<button" not in plan


def test_the_shared_page_hides_costs_when_the_link_says_so(app, client, facilitator):
    trip_id = _plan(client, facilitator)
    page = _shared_page(app, client, trip_id, hide_costs="y")
    assert "Day by day" in page
    assert "Budget" not in page and "Estimated costs" not in page and "EUR" not in page


def test_the_shared_page_explains_problems_without_fix_buttons(app, client, facilitator):
    trip_id = _plan(client, facilitator, days=4)
    assert "Stay until" in client.get(f"/trips/{trip_id}").text  # the facilitator is offered the fix
    page = _shared_page(app, client, trip_id)
    assert 'class="notice problem"' in page
    assert "Stay until" not in page and "<form" not in _plan_part(page)


def _propose(client, trip_id: int, *statuses: str) -> None:
    for status in statuses:
        assert client.post(f"/trips/{trip_id}/status", data={"status": status}).status_code == 302


@pytest.mark.parametrize("status", [("proposed",), ("proposed", "confirmed")])
def test_editing_appointment_times_sends_the_trip_back_to_draft(app, client, facilitator, status):
    trip_id = _plan(client, facilitator)
    _propose(client, trip_id, *status)
    moved = trip_form(arrival=date(2027, 3, 7))
    response = client.post(f"/trips/{trip_id}/edit", data=moved, follow_redirects=True)
    assert response.status_code == 200
    assert _status(app, trip_id) == "draft"
    assert "the clinic must confirm the new times" in unescape(response.text)


def test_editing_without_moving_times_keeps_the_status(app, client, facilitator):
    trip_id = _plan(client, facilitator)
    _propose(client, trip_id, "proposed", "confirmed")
    with app.app_context():
        before = [a.start for a in planned_trip(db.session.get(Trip, trip_id)).plan.appointments]
    response = client.post(f"/trips/{trip_id}/edit", data=trip_form(currency="USD"), follow_redirects=True)
    with app.app_context():
        after = [a.start for a in planned_trip(db.session.get(Trip, trip_id)).plan.appointments]
    assert after == before
    assert _status(app, trip_id) == "confirmed"
    assert BACK_TO_DRAFT not in response.text


def test_a_fix_that_moves_times_sends_a_proposed_trip_back_to_draft(app, client, facilitator):
    trip_id = _plan(client, facilitator, days=4)
    _propose(client, trip_id, "proposed")
    page = client.get(f"/trips/{trip_id}").text
    departure = re.search(r'name="fix_departure" value="([^"]+)"', page).group(1)
    response = client.post(f"/trips/{trip_id}/fix", data={"fix_departure": departure}, follow_redirects=True)
    assert _status(app, trip_id) == "draft"
    assert BACK_TO_DRAFT in response.text


@pytest.mark.parametrize("body", [{}, {"arrival_date": "not a date"}, trip_form()])
def test_editing_through_an_unknown_private_link_is_404_whatever_the_body(client, body):
    assert client.post(f"/t/{'x' * 43}/edit", data=body).status_code == 404


@pytest.mark.parametrize(
    "app_config",
    [{"RATELIMIT_ENABLED": True, "LOGIN_RATE_LIMIT": "2 per hour", "RATELIMIT_STORAGE_URI": "memory://"}],
)
def test_over_the_login_limit_the_form_comes_back_with_the_reason(client):
    attempt = {"email": "fac@example.com", "password": "wrong password"}
    for _ in range(2):
        assert client.post("/login", data=attempt).status_code == 200
    response = client.post("/login", data=attempt)
    assert response.status_code == 429
    assert 'id="login-throttled"' in response.text and "Too many login attempts" in response.text
    assert 'name="password"' in response.text
    assert 'value="fac@example.com"' in response.text  # what they typed is kept
