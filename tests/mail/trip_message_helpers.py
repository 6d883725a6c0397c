"""Helpers of the trip-message tests: a facilitator logged in, a Chinese client with a knee trip."""

from __future__ import annotations

from dataclasses import dataclass

from planner.extensions import db
from planner.models import Trip
from tests.web import workspace_factories as factories

#: the client's address (and where the loopback server sees the message go)
ADDRESS = "li.na@example.com"


@dataclass(frozen=True)
class People:
    owner_id: int
    client_id: int
    trip_id: int


def chinese_client_trip(app, http, clock, *, contact: str = ADDRESS, log_in: bool = True) -> People:
    """A facilitator (logged in on ``http``), their client Li Na who reads Chinese, and her knee trip."""
    with app.app_context():
        user, browser = factories.create_facilitator()
        client = factories.create_client(
            user, "Li Na", contact=contact, language="zh_Hans", home_timezone="Asia/Shanghai"
        )
        scenario = {**factories.KNEE, "traveller": {"name": "Li Na", "home_timezone": "Asia/Shanghai"}}
        trip = factories.create_trip(user, client, scenario, now=clock.now)
        if log_in:
            factories.log_in(http, user, browser)
        return People(user.id, client.id, trip.id)


def trip_of(app, trip_id: int) -> Trip:
    with app.app_context():
        trip = db.session.get(Trip, trip_id)
        db.session.expunge(trip)
        return trip
