"""The facilitator's dashboard: the next 14 days, trips with problems, trips awaiting the clinic."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from planner.models import Trip
from planner.services.outlines import Visit, outline, owner_trips

HORIZON = timedelta(days=14)


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
    """Everything the dashboard shows."""

    upcoming: tuple[Upcoming, ...]
    troubled: tuple[Troubled, ...]
    proposed: tuple[Trip, ...]
    trips: int


def dashboard(owner_id: int, now: datetime) -> Dashboard:
    """The dashboard of a facilitator at ``now``: plans recomputed from trips loaded in three queries."""
    trips = owner_trips(owner_id)
    upcoming: list[Upcoming] = []
    troubled: list[Troubled] = []
    for trip in trips:
        brief = outline(trip)
        upcoming.extend(Upcoming(trip, v) for v in brief.appointments if now <= v.start < now + HORIZON)
        if brief.problems:
            troubled.append(Troubled(trip, brief.problems))
    upcoming.sort(key=lambda item: (item.visit.start, item.trip.id, item.visit.key))
    proposed = tuple(t for t in trips if t.status == "proposed")
    return Dashboard(tuple(upcoming), tuple(troubled), proposed, len(trips))
