"""What the workspace lists need of a trip's plan: its appointments and problems, memoized.

The plan is recomputed from the trip, never stored; but the dashboard and the client list
look at every trip of a facilitator, so the small outline of each plan is memoized per
process, keyed by everything the plan depends on (scenario, pins, catalog). A changed trip
has a new key, so an outline is never stale.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from planner.core.catalog import Catalog
from planner.core.scenario import ScenarioError
from planner.extensions import db
from planner.models import Trip
from planner.services import current_catalog
from planner.services.planning import plan_scenario

_KEY = "planner.outlines"
#: outlines kept per app: about 2 KB each, so the memo stays within a few tens of MB
MEMO_SIZE = 20_000


@dataclass(frozen=True)
class Visit:
    """One appointment as a list shows it."""

    key: str
    title: str
    start: datetime
    end: datetime
    timezone: str
    pinned: bool


@dataclass(frozen=True)
class _PinEntry:
    """A pin as plan_scenario reads it (the same attribute names as a Pin row)."""

    protocol: str
    step: str
    occurrence: int
    start: datetime


@dataclass(frozen=True)
class Outline:
    """A trip's plan in brief: its appointments, and its problems (or why it cannot be planned)."""

    appointments: tuple[Visit, ...]
    problems: tuple[str, ...]


def owner_trips(owner_id: int) -> list[Trip]:
    """Every trip of a facilitator with its client and pins: three queries, whatever the count."""
    query = (
        select(Trip)
        .where(Trip.owner_id == owner_id)
        .options(selectinload(Trip.pins), selectinload(Trip.client))
        .order_by(Trip.id)
    )
    return list(db.session.scalars(query))


def _pins_of(trip: Trip) -> tuple[tuple[str, str, int, str], ...]:
    return tuple((p.protocol, p.step, p.occurrence, p.start.isoformat()) for p in trip.pins)


def outline(trip: Trip) -> Outline:
    """The outline of a trip's plan (from the memo when nothing it depends on changed)."""
    key = json.dumps([trip.scenario, _pins_of(trip)], sort_keys=True, separators=(",", ":"), default=str)
    return _memo()(key)


def _memo():
    """The app's memo of outlines; each app has its own catalog, so each has its own memo."""
    memo = current_app.extensions.get(_KEY)
    if memo is None:
        catalog = current_catalog()
        memo = current_app.extensions[_KEY] = lru_cache(maxsize=MEMO_SIZE)(lambda key: _compute(key, catalog))
    return memo


def _compute(key: str, catalog: Catalog) -> Outline:
    scenario, pins = json.loads(key)
    entries = [_PinEntry(protocol, step, number, datetime.fromisoformat(at)) for protocol, step, number, at in pins]
    try:
        planned = plan_scenario(scenario, entries, catalog)
    except ScenarioError as error:
        return Outline((), (f"The trip cannot be planned: {error}",))
    plan = planned.plan
    visits = tuple(Visit(a.key, a.title, a.start, a.end, a.timezone, a.pinned) for a in plan.appointments)
    return Outline(visits, tuple(n.message for n in plan.problems))
