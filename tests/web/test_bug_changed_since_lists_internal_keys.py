"""Bug: "Changed since the client last looked" listed internal keys and UTC times, vanished once the
client opened their link, and the client was never told what moved.

The trip now keeps a history of changes (what moved, from when to when, each time in its zone and
naming it, by whom, when in Seoul time): the facilitator sees all of it on the trip page, the client
sees "What changed since you last looked" on the shared page, and neither loses it after a look.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from planner.extensions import db
from planner.models import TripAppointment, TripChange, User
from tests.web.facilitator_helpers import add_client, add_trip, register
from tests.web.workspace_factories import make_link

CONSULTATION = "acupuncture-chronic-pain-consultation-1"
ISO = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


@pytest.fixture
def http(client):
    register(client)
    return client


def _text(response) -> str:
    return response.get_data(as_text=True)


def _plain(html: str) -> str:
    """The page's text without its tags (attributes such as datetime= may hold ISO times)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _shared(http, trip_id: int) -> str:
    return make_link(http, trip_id)


def _look(app, token: str) -> str:
    """Open the client's page and interact with it, as a person does (the beacon records the look)."""
    visitor = app.test_client()
    page = _text(visitor.get(f"/shared/{token}"))
    version = re.search(r'data-seen-version="([0-9a-f]{32})"', page).group(1)
    assert visitor.post(f"/shared/{token}/seen", data={"version": version}).status_code == 204
    return page


def _move_the_consultation(http, trip_id: int) -> None:
    moved = http.post(f"/trips/{trip_id}/pins", data={"key": CONSULTATION, "date": "2027-03-04", "time": "14:30"})
    assert moved.status_code == 302


def test_a_new_trip_has_no_changes_yet(app, http):
    trip_id = add_trip(http, add_client(http, "Maria Santos"))
    assert "No appointment has moved since the trip was planned." in _text(http.get(f"/trips/{trip_id}"))
    with app.app_context():
        assert db.session.scalar(select(TripChange)) is None


def test_the_facilitator_reads_what_moved_in_words_and_keeps_it_after_the_client_looks(app, http, clock):
    trip_id = add_trip(http, add_client(http, "Maria Santos"))
    token = _shared(http, trip_id)
    _look(app, token)
    clock.advance(minutes=20)
    _move_the_consultation(http, trip_id)
    page = _plain(_text(http.get(f"/trips/{trip_id}")))
    assert "First consultation moved from" in page
    assert "to Thu 4 Mar 2027, 14:30 Seoul time · by you, on Mon 16 Nov 2026, 18:20 Seoul time" in page
    assert "not seen yet" in page and "Maria Santos last looked on Mon 16 Nov 2026, 18:00 Seoul time" in page
    assert CONSULTATION not in page and not ISO.search(page) and "UTC" not in page
    _look(app, token)
    after = _plain(_text(http.get(f"/trips/{trip_id}")))
    assert "First consultation moved from" in after, "the history stays once the client has looked"
    assert "not seen yet" not in after


def test_the_client_is_told_what_changed_since_they_last_looked(app, http, clock):
    trip_id = add_trip(http, add_client(http, "Maria Santos"))
    token = _shared(http, trip_id)
    first = _look(app, token)
    assert "What changed since you last looked" not in first
    clock.advance(minutes=20)
    _move_the_consultation(http, trip_id)
    page = _plain(_look(app, token))
    assert "What changed since you last looked" in page
    assert "You last looked on Mon 16 Nov 2026, 18:00 Seoul time." in page
    assert "First consultation moved from" in page and "to Thu 4 Mar 2027, 14:30 Seoul time" in page
    assert "by your coordinator" in page and CONSULTATION not in page and not ISO.search(page)
    again = _plain(_text(app.test_client().get(f"/shared/{token}")))
    assert "What changed since you last looked" not in again, "a change is new only until it is seen"
    assert "Earlier changes (" in again and "First consultation moved from" in again


def test_a_change_names_the_facilitator_to_the_client(app, http, clock):
    trip_id = add_trip(http, add_client(http, "Maria Santos"))
    with app.app_context():
        db.session.scalar(select(User)).display_name = "Jin Park"
        db.session.commit()
    token = _shared(http, trip_id)
    _look(app, token)
    clock.advance(minutes=20)
    _move_the_consultation(http, trip_id)
    with app.app_context():
        change = db.session.scalar(select(TripChange).where(TripChange.kind == "moved"))
        assert change.key == CONSULTATION and change.cause == "edit" and change.by_user_id is not None
        assert change.before != change.after and change.timezone == "Asia/Seoul"
    assert "· by Jin Park, on" in _plain(_text(app.test_client().get(f"/shared/{token}")))


def test_a_catalog_update_is_its_own_cause(app, http, runner, clock):
    trip_id = add_trip(http, add_client(http, "Maria Santos"))
    with app.app_context():
        # as if the catalog had placed the consultation elsewhere before: re-planning moves it back
        row = db.session.scalar(select(TripAppointment).where(TripAppointment.key == CONSULTATION))
        row.start = row.start.replace(year=2027, month=3, day=10)
        db.session.commit()
    assert runner.invoke(args=["refresh-plans"]).exit_code == 0
    with app.app_context():
        change = db.session.scalar(select(TripChange))
        assert change.cause == "catalog" and change.by_user_id is None and change.kind == "moved"
    page = _plain(_text(http.get(f"/trips/{trip_id}")))
    assert "after an update of the clinics' hours or the treatment rules" in page


def test_what_moved_before_the_trip_was_shared_is_not_the_clients(app, http, clock):
    trip_id = add_trip(http, add_client(http, "Maria Santos"))
    _move_the_consultation(http, trip_id)
    clock.advance(minutes=5)
    token = _shared(http, trip_id)
    page = _plain(_text(app.test_client().get(f"/shared/{token}")))
    assert "moved from" not in page and "Changes to this plan" not in page
    assert "First consultation moved from" in _plain(_text(http.get(f"/trips/{trip_id}"))), "the facilitator keeps it"
