"""Fixtures of the reminder tests: a facilitator's knee trip shared with its client, and the mail fixtures."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from planner.extensions import db
from planner.models import ReminderSubscription, SentReminder
from planner.services.workspace import sharing
from tests.mail.conftest import mail_config, smtp_server  # noqa: F401  (the loopback SMTP server)
from tests.web import workspace_factories as factories

#: the client's address
EMAIL = "ana.silva@example.com"


@dataclass(frozen=True)
class Shared:
    """A trip shared with its client: ids, and the client link's token."""

    owner_id: int
    client_id: int
    trip_id: int
    token: str


@pytest.fixture
def app_config(mail_config) -> dict:  # noqa: F811
    """Without SMTP: messages go to the test's outbox."""
    return mail_config


def share_trip(language: str = "en", name: str = "Ana Silva", email: str = "first@example.com") -> Shared:
    """A facilitator, a client reading ``language`` with the knee trip (March 2027), and a client link."""
    user, _ = factories.create_facilitator(email)
    client = factories.create_client(user, name, language=language)
    trip = factories.create_trip(user, client, status="confirmed")
    _link, token = sharing.create_client_link(user.id, trip.id, hide_costs=False, expires_at=None)
    return Shared(user.id, client.id, trip.id, token)


@pytest.fixture
def shared(app) -> Shared:
    """The knee trip of Ana Silva (English), shared."""
    with app.app_context():
        return share_trip()


def subscriptions(app) -> list[tuple[int, str, bool]]:
    """(trip id, email, stopped) of every subscription."""
    with app.app_context():
        rows = db.session.scalars(db.select(ReminderSubscription).order_by(ReminderSubscription.id))
        return [(row.trip_id, row.email, row.stopped_at is not None) for row in rows]


def claimed(app) -> list[tuple[int, str]]:
    """(subscription id, key) of every claimed reminder."""
    with app.app_context():
        rows = db.session.scalars(db.select(SentReminder).order_by(SentReminder.id))
        return [(row.subscription_id, row.key) for row in rows]
