"""Fixtures of the job tests: a changed catalog, trips to re-plan, and what a re-plan leaves in the database."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from planner import create_app
from planner.extensions import db
from planner.models import EventRevision, Trip, TripAppointment
from tests.web import workspace_factories as factories

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "planner" / "catalog"
#: the knee trip's consultation, whose length the changed catalog moves from 90 to 120 minutes
CONSULTATION = "stem-cell-knee-svf-consultation-1"


@pytest.fixture
def changed_catalog(tmp_path) -> Path:
    """A copy of the catalog in which the knee protocol's consultation takes 120 minutes, not 90."""
    folder = tmp_path / "catalog"
    shutil.copytree(CATALOG, folder)
    protocols = folder / "protocols" / "stem-cell.toml"
    text = protocols.read_text(encoding="utf-8")
    assert 'id = "consultation"\nkind = "consultation"\ntitle = "Consultation and tests"\nminutes = 90' in text
    protocols.write_text(
        text.replace(
            'title = "Consultation and tests"\nminutes = 90', 'title = "Consultation and tests"\nminutes = 120', 1
        )
    )
    return folder


@pytest.fixture
def app_like(app):
    """Make other apps on the same database and clock as ``app`` (a restarted instance, a worker)."""
    made = []

    def make(**config):
        made.append(_app_like(app, **config))
        return made[-1]

    yield make
    for other in made:
        close_redis(other)
        with other.app_context():
            db.session.remove()
            db.engine.dispose()


def close_redis(app) -> None:
    """Close the Redis clients an app kept (the queue's), so no socket outlives the test."""
    client = app.extensions.pop("planner.redis", None)
    if client is not None:
        client.close()


def _app_like(app, **config):
    settings = {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "PLANNER_CLOCK": app.config["PLANNER_CLOCK"],
        "PLANNER_REDIS_URL": app.config.get("PLANNER_REDIS_URL"),
        "PLANNER_JOB_QUEUE": app.config.get("PLANNER_JOB_QUEUE", "planner"),
        "PLANNER_JOB_RETRY_INTERVALS": app.config.get("PLANNER_JOB_RETRY_INTERVALS", (30, 120, 600)),
        **config,
    }
    return create_app(settings)


@pytest.fixture
def trips(app) -> list[int]:
    """Five knee trips of one facilitator, their summaries and revisions stored."""
    with app.app_context():
        user, _ = factories.create_facilitator()
        client = factories.create_client(user)
        return [factories.create_trip(user, client, title=f"Knee {n}").id for n in range(5)]


@pytest.fixture
def client_id(app) -> int:
    """A facilitator's client, Ana Silva."""
    with app.app_context():
        user, _ = factories.create_facilitator()
        return factories.create_client(user, "Ana Silva").id


def state(app) -> dict:
    """Everything a re-plan may write: summaries (with row ids), revisions, and the trips' stamps."""
    with app.app_context():
        appointments = sorted(
            (r.id, r.trip_id, r.key, r.start, r.end) for r in db.session.scalars(select(TripAppointment))
        )
        revisions = sorted(
            (r.trip_id, r.event_key, r.sequence, r.stamp, r.removed_at)
            for r in db.session.scalars(select(EventRevision))
        )
        stamps = sorted(
            (t.id, t.updated_at, t.calendar_changed_at, tuple(t.problems)) for t in db.session.scalars(select(Trip))
        )
    return {"appointments": appointments, "revisions": revisions, "trips": stamps}


def consultation(app, trip_id: int) -> tuple:
    """The stored (start, end) of a trip's consultation and its event's (SEQUENCE, DTSTAMP)."""
    with app.app_context():
        row = db.session.scalar(
            select(TripAppointment).where(TripAppointment.trip_id == trip_id, TripAppointment.key == CONSULTATION)
        )
        revision = db.session.scalar(
            select(EventRevision).where(EventRevision.trip_id == trip_id, EventRevision.event_key == CONSULTATION)
        )
        return (row.end - row.start), revision.sequence, revision.stamp
