"""Render, change, re-render: the feed keeps its UIDs, raises SEQUENCE and DTSTAMP for what moved, drops removals."""

from __future__ import annotations

import copy
import re
from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from planner.extensions import db
from planner.models import EventRevision, Pin, Trip
from planner.services.planning.revisions import record_revisions
from planner.services.workspace.feeds import create_trip_feed
from tests.web.workspace_factories import NOW, create_client, create_facilitator, create_trip

ACUPUNCTURE = {
    "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-03-01T16:00",
    "departure": "2027-03-31T11:00",
    "treatments": [{"protocol": "acupuncture-chronic-pain", "count": 7}],
}
LATER = NOW + timedelta(days=3)
LATEST = NOW + timedelta(days=7)
#: what makes SEQUENCE rise (CALENDAR.md rule 17): time, date, place, status, title
WATCHED = ("DTSTART", "DTEND", "LOCATION", "STATUS", "SUMMARY")


@pytest.fixture
def feed(app):
    """(trip id, feed token) of an acupuncture trip whose revisions were first recorded at NOW."""
    with app.app_context():
        user, _ = create_facilitator()
        trip = create_trip(user, create_client(user), ACUPUNCTURE)
        _, token = create_trip_feed(user.id, trip.id, discreet=False)
        return trip.id, token


def events(client, token: str) -> dict[str, dict]:
    """UID → the watched values, SEQUENCE and DTSTAMP of each event in the feed."""
    response = client.get(f"/feeds/{token}.ics")
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.data)
    found = {}
    for event in calendar.walk("VEVENT"):
        found[str(event["UID"])] = {
            "watched": tuple(event.get(name).to_ical() if name in event else b"" for name in WATCHED),
            "sequence": int(event["SEQUENCE"]),
            "stamp": event.decoded("DTSTAMP"),
        }
    return found


def edit(app, trip_id: int, now: datetime, change) -> bool:
    with app.app_context():
        trip = db.session.get(Trip, trip_id)
        change(trip)
        changed = record_revisions(trip, None, now)
        db.session.commit()
        return changed


def set_count(count: int):
    def change(trip: Trip) -> None:
        scenario = copy.deepcopy(trip.scenario)
        scenario["treatments"][0]["count"] = count
        trip.scenario = scenario

    return change


def pin_third_session(trip: Trip) -> None:
    # the clinic confirmed session 3 on Wednesday 10 March at 14:00 Seoul time (planned: Tuesday 9 at 09:00)
    trip.pins.append(
        Pin(
            protocol="acupuncture-chronic-pain",
            step="intensive",
            occurrence=3,
            start=datetime(2027, 3, 10, 5, 0, tzinfo=UTC),
        )
    )


def test_first_render_has_sequence_zero_and_the_recording_time(client, feed):
    first = events(client, feed[1])
    assert len(first) >= 8
    assert {e["sequence"] for e in first.values()} == {0}
    assert {e["stamp"] for e in first.values()} == {NOW}


def test_a_moved_appointment_gets_a_higher_sequence_and_a_new_stamp(app, client, feed):
    before = events(client, feed[1])
    assert edit(app, feed[0], LATER, pin_third_session)
    after = events(client, feed[1])
    assert set(after) == set(before)  # same UIDs: calendars update in place
    moved = [uid for uid in after if after[uid]["watched"] != before[uid]["watched"]]
    assert any("intensive-3@" in uid for uid in moved)
    for uid, event in after.items():
        if uid in moved:
            assert (event["sequence"], event["stamp"]) == (before[uid]["sequence"] + 1, LATER)
        else:
            assert (event["sequence"], event["stamp"]) == (before[uid]["sequence"], before[uid]["stamp"])
    third = next(uid for uid in after if "intensive-3@" in uid)
    assert b"CONFIRMED" in after[third]["watched"]


def test_a_removed_appointment_is_gone_and_last_modified_moves(app, client, feed):
    before = events(client, feed[1])
    assert edit(app, feed[0], LATER, set_count(6))
    response = client.get(f"/feeds/{feed[1]}.ics")
    after = events(client, feed[1])
    gone = set(before) - set(after)
    assert len(gone) == 1 and "maintenance-1@" in gone.pop()
    assert b"CANCELLED" not in response.data
    assert response.last_modified == LATER
    with app.app_context():
        row = db.session.scalar(db.select(EventRevision).where(EventRevision.event_key.endswith("maintenance-1")))
        assert row.removed_at == LATER


def test_a_returning_appointment_continues_its_sequence(app, client, feed):
    edit(app, feed[0], LATER, set_count(6))
    edit(app, feed[0], LATEST, set_count(7))
    back = events(client, feed[1])
    seventh = next(event for uid, event in back.items() if "maintenance-1@" in uid)
    assert (seventh["sequence"], seventh["stamp"]) == (1, LATEST)


def test_an_edit_that_changes_no_event_changes_nothing(app, client, feed):
    before = client.get(f"/feeds/{feed[1]}.ics")

    def retitle(trip: Trip) -> None:
        trip.title = "Back pain, March"

    assert not edit(app, feed[0], LATER, retitle)
    after = client.get(f"/feeds/{feed[1]}.ics")
    assert after.last_modified == before.last_modified == NOW
    assert re.findall(rb"SEQUENCE:(\d+)", after.data) == re.findall(rb"SEQUENCE:(\d+)", before.data)


def test_a_feed_get_writes_nothing(app, client, feed):
    with app.app_context():
        rows = [(r.event_key, r.sequence, r.stamp) for r in db.session.scalars(db.select(EventRevision))]
        changed_at = db.session.get(Trip, feed[0]).calendar_changed_at
    client.get(f"/feeds/{feed[1]}.ics")
    with app.app_context():
        assert [(r.event_key, r.sequence, r.stamp) for r in db.session.scalars(db.select(EventRevision))] == rows
        assert db.session.get(Trip, feed[0]).calendar_changed_at == changed_at
