"""Bug: editing one's own protocol or clinic left the trips using it stale (dashboard, feeds) until refresh-plans."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import icalendar
import pytest

from planner.extensions import db
from planner.models import CustomClinic, CustomProtocol, Trip
from planner.services.planning.custom_catalog import blank_clinic, catalog_for
from planner.services.planning.revisions import planned_trip
from planner.services.workspace.feeds import create_trip_feed
from tests.web.custom_helpers import clinic_post, protocol_post
from tests.web.facilitator_helpers import add_client, add_trip, register
from tests.web.test_custom import _copy

OWN = "acupuncture-chronic-pain-own"


@pytest.fixture
def http(client):
    """A test client logged in as a facilitator."""
    register(client)
    return client


def _upcoming_times(http) -> list[str]:
    page = http.get("/dashboard").get_data(as_text=True)
    section = page[page.index('id="next-heading"') : page.index("</section>")]
    return re.findall(r'<time datetime="([^"]+)"', section)


def _feed_events(http, token: str) -> dict[str, tuple[datetime, int]]:
    calendar = icalendar.Calendar.from_ical(http.get(f"/feeds/{token}.ics").data)
    return {str(e["UID"]): (e.decoded("DTSTART"), int(e["SEQUENCE"])) for e in calendar.walk("VEVENT")}


def _planned_starts(app, trip_id: int) -> list[str]:
    with app.app_context():
        trip = db.session.get(Trip, trip_id)
        planned = planned_trip(trip, catalog_for(trip.owner_id))
        return sorted(a.start.isoformat() for a in planned.plan.appointments)


def test_a_protocol_edit_moves_the_dashboard_and_the_feed_at_once(app, http, clock):
    response = http.post("/own/protocols/new?from=acupuncture-chronic-pain", data=protocol_post(_copy(app), id=OWN))
    assert response.status_code == 302
    row_id = int(response.location.rsplit("/", 1)[1])
    soon = clock.now.date() + timedelta(days=2)
    trip_id = add_trip(http, add_client(http), arrival=soon, **{"treatments-0-protocol": OWN})
    with app.app_context():
        owner_id = db.session.get(Trip, trip_id).owner_id
        token = create_trip_feed(owner_id, trip_id, discreet=False)[1]
    before_times, before_feed = _upcoming_times(http), _feed_events(http, token)
    assert before_times and {seq for _, seq in before_feed.values()} == {0}

    # sessions at least 3 days apart instead of 2: the later sessions move
    with app.app_context():
        document = {**db.session.get(CustomProtocol, row_id).document, "name": "My chronic pain course"}
    response = http.post(f"/own/protocols/{row_id}", data=protocol_post(document, **{"steps-1-min_gap_days": "3"}))
    assert response.status_code == 302

    after_times, after_feed = _upcoming_times(http), _feed_events(http, token)
    planned = _planned_starts(app, trip_id)
    assert after_times != before_times
    # the dashboard's window: the next 14 days from now
    assert sorted(after_times) == [t for t in planned if datetime.fromisoformat(t) < clock.now + timedelta(days=14)]
    moved = {uid for uid, (start, _) in after_feed.items() if uid in before_feed and before_feed[uid][0] != start}
    assert moved
    for uid, (_, sequence) in after_feed.items():
        assert sequence == (1 if uid in moved else 0), uid
    assert sorted(start.isoformat() for start, _ in after_feed.values()) == planned


def _feed_places(http, token: str) -> dict[str, tuple[str, int]]:
    calendar = icalendar.Calendar.from_ical(http.get(f"/feeds/{token}.ics").data)
    return {str(e["UID"]): (str(e.get("LOCATION", "")), int(e["SEQUENCE"])) for e in calendar.walk("VEVENT")}


def test_a_clinic_a_tier_picks_moves_that_tiers_trips_when_added_and_deleted(app, http):
    trip_id = add_trip(http, add_client(http))
    with app.app_context():
        token = create_trip_feed(db.session.get(Trip, trip_id).owner_id, trip_id, discreet=False)[1]
    before = _feed_places(http, token)
    in_seoul = {uid for uid, (place, _) in before.items() if place}
    assert in_seoul and not any("Teheran" in place for place, _ in before.values())
    # an id that sorts before the catalog's clinics, local tier, offering acupuncture: the tier now picks it
    clinic = {**blank_clinic(), "id": "aaa-clinic", "name": "Hana Clinic", "address": "5 Teheran-ro, Seoul"}
    assert http.post("/own/clinics/new", data=clinic_post({**clinic, "categories": ["acupuncture"]})).status_code == 302
    added = _feed_places(http, token)
    assert {uid for uid, (place, _) in added.items() if "5 Teheran-ro" in place} == in_seoul
    assert all(added[uid][1] >= 1 for uid in in_seoul)
    with app.app_context():
        row_id = db.session.scalar(db.select(CustomClinic.id).where(CustomClinic.clinic_id == "aaa-clinic"))
    # deleting it sends the tier's trips back to the catalog's clinic, at once
    assert http.post(f"/own/clinics/{row_id}/delete").status_code == 302
    deleted = _feed_places(http, token)
    assert {uid: place for uid, (place, _) in deleted.items()} == {uid: place for uid, (place, _) in before.items()}
    assert all(deleted[uid][1] > added[uid][1] for uid in in_seoul if uid in deleted)
