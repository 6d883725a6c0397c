"""Factories for the facilitator's workspace tests: accounts, clients, trips, logged-in clients."""

from __future__ import annotations

import copy
import re
from datetime import UTC, datetime

from planner.extensions import db
from planner.models import Client, Trip
from planner.services.accounts.users import BROWSER_KEY, register
from planner.services.accounts.users import log_in as open_login
from planner.services.planning.trip_changes import trip_changed

#: a knee SVF trip in March 2027 (seed 003's protocol): 5 appointments in Seoul, 4 video follow-ups
KNEE = {
    "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-03-01T16:00",
    "departure": "2027-03-20T11:00",
    "treatments": [{"protocol": "stem-cell-knee-svf"}],
}
#: a fixed "now" before the trip, so that tests never depend on the clock
NOW = datetime(2027, 1, 10, 9, 0, tzinfo=UTC)
PASSWORD = "correct horse battery staple"
#: a client link's address as the sharing page shows it, once
SHARED_LINK = re.compile(r'value="https?://[^"]+/shared/([A-Za-z0-9_-]{43})"')
#: a feed's https address as its page shows it, once
FEED_LINK = re.compile(r'value="https?://[^"]+/feeds/([A-Za-z0-9_-]{43})\.ics"')


def make_link(http, trip_id: int, **form) -> str:
    """Make a client link as the page does (POST → redirect → GET; a draft needs "Share it anyway"): its token."""
    response = http.post(f"/trips/{trip_id}/sharing", data={"share_anyway": "y", **form})
    assert response.status_code == 303, response.text
    return SHARED_LINK.search(http.get(response.location).text).group(1)


def make_feed(http, path: str, **form) -> str:
    """Make a feed by posting to ``path`` (/feeds or /trips/N/feeds) and following to its page: its token."""
    response = http.post(path, data=form)
    assert response.status_code == 303, response.text
    return FEED_LINK.search(http.get(response.location).text).group(1)


def create_facilitator(email: str = "first@example.com"):
    """A registered facilitator and the browser token of its first session."""
    register(email, PASSWORD)
    return open_login(email, PASSWORD)


def log_in(http, user, browser_token: str) -> None:
    """Make the test client a logged-in browser of ``user`` (what /login leaves in the session)."""
    with http.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True
        session[BROWSER_KEY] = browser_token


def create_client(owner, name: str = "Ana Silva", **values) -> Client:
    """A client of ``owner``."""
    client = Client(owner_id=owner.agency_id, name=name, contact=values.pop("contact", "ana@example.com"), **values)
    db.session.add(client)
    db.session.commit()
    return client


def create_trip(owner, client, scenario: dict | None = None, *, now: datetime = NOW, **values) -> Trip:
    """A trip of ``owner`` for ``client`` with its first revisions recorded at ``now``."""
    trip = Trip(
        owner_id=owner.agency_id,
        client_id=client.id if client is not None else None,
        title=values.pop("title", "Knee, spring 2027"),
        scenario=copy.deepcopy(scenario or KNEE),
        calendar_changed_at=now,
        **values,
    )
    db.session.add(trip)
    db.session.flush()
    trip_changed(trip, None, now)
    db.session.commit()
    return trip
