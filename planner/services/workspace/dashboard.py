"""The facilitator's dashboard: the next 14 days, trips with problems, trips and appointments awaiting a clinic.

Everything comes from the stored plan summaries (planner/models/summary.py) through indexed
queries, a few rows each: the page costs the same however many trips the facilitator has.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from planner.extensions import db
from planner.i18n import ENGLISH, Words
from planner.models import Trip, TripAppointment
from planner.models.trip import SET_ASIDE
from planner.services.workspace.confirmations import Waiting, waiting_for_clinics
from planner.services.workspace.scope import trip_scope
from planner.wording.stored import stored_problem_text

HORIZON = timedelta(days=14)
#: rows shown per section; the rest is counted ("and 240 more")
SHOWN = 50


@dataclass(frozen=True)
class Visit:
    """One appointment as a list shows it (start and end in its own time zone)."""

    key: str
    title: str
    start: datetime
    end: datetime
    timezone: str
    pinned: bool


@dataclass(frozen=True)
class Upcoming:
    """An appointment in the next 14 days, with the trip (and client) it belongs to."""

    trip: Trip
    visit: Visit


@dataclass(frozen=True)
class Troubled:
    """A trip whose plan has problems."""

    trip: Trip
    problems: tuple[str, ...]


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard shows, each section cut at SHOWN rows with its full count."""

    upcoming: tuple[Upcoming, ...]
    upcoming_count: int
    troubled: tuple[Troubled, ...]
    troubled_count: int
    proposed: tuple[Trip, ...]
    proposed_count: int
    trips: int
    #: appointments asked of their clinic and not answered yet, longest waiting first
    waiting: tuple[Waiting, ...] = ()


def visit_of(row: TripAppointment) -> Visit:
    """A stored appointment with its times shown in its own time zone."""
    zone = ZoneInfo(row.timezone)
    return Visit(row.key, row.title, row.start.astimezone(zone), row.end.astimezone(zone), row.timezone, row.pinned)


def dashboard(owner_id: int, now: datetime, words: Words = ENGLISH, coordinator_id: int | None = None) -> Dashboard:
    """The dashboard of an agency's member at ``now``: a fixed number of indexed queries."""
    scope = trip_scope(owner_id, coordinator_id)
    window = (
        TripAppointment.owner_id == owner_id,
        TripAppointment.start >= now,
        TripAppointment.start < now + HORIZON,
        *scope[1:],
    )
    appointments = db.session.execute(
        select(TripAppointment, Trip)
        .join(Trip, Trip.id == TripAppointment.trip_id)
        .where(*window, Trip.status.not_in(SET_ASIDE))
        .options(selectinload(Trip.client))
        .order_by(TripAppointment.start, TripAppointment.trip_id, TripAppointment.key)
        .limit(SHOWN)
    ).all()
    troubled = _trips(scope, Trip.problem_count > 0, Trip.status.not_in(SET_ASIDE))
    proposed = _trips(scope, Trip.status == "proposed")
    counts = db.session.execute(
        select(
            select(func.count())
            .select_from(TripAppointment)
            .join(Trip, Trip.id == TripAppointment.trip_id)
            .where(*window, Trip.status.not_in(SET_ASIDE))
            .scalar_subquery(),
            _count(scope, Trip.problem_count > 0, Trip.status.not_in(SET_ASIDE)),
            _count(scope, Trip.status == "proposed"),
            _count(scope),
        )
    ).one()
    return Dashboard(
        upcoming=tuple(Upcoming(trip, visit_of(row)) for row, trip in appointments),
        upcoming_count=counts[0],
        troubled=tuple(
            Troubled(trip, tuple(stored_problem_text(p, words) for p in trip.problems or ())) for trip in troubled
        ),
        troubled_count=counts[1],
        proposed=tuple(proposed),
        proposed_count=counts[2],
        trips=counts[3],
        waiting=tuple(waiting_for_clinics(owner_id, now, coordinator_id)),
    )


def _trips(scope: tuple, *conditions) -> list[Trip]:
    query = select(Trip).where(*scope, *conditions).options(selectinload(Trip.client)).order_by(Trip.id).limit(SHOWN)
    return list(db.session.scalars(query))


def _count(scope: tuple, *conditions):
    return select(func.count()).select_from(Trip).where(*scope, *conditions).scalar_subquery()
