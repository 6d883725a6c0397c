"""A trip's documents checklist: its items (from the plan and the client), worded, with their ticks.

``trip_checklist(trip, words)`` is what pages and documents show: each item's ``label`` in
``words``' language, whether it is ``done`` (ticked by the facilitator) and its ``source``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select

from planner.core.catalog import Catalog
from planner.extensions import db
from planner.i18n import Words
from planner.models import ChecklistTick, Trip
from planner.services.documents.data import entry_rules
from planner.services.documents.rules import ChecklistItem, TripFacts, checklist_items
from planner.services.documents.wording import item_label
from planner.services.planning.custom_catalog import catalog_for
from planner.services.planning.plans import PlannedTrip
from planner.services.planning.revisions import planned_trip

SEOUL = ZoneInfo("Asia/Seoul")


@dataclass(frozen=True)
class Item:
    """One checklist item as a reader sees it."""

    code: str
    label: str
    done: bool
    source: str


def _stay_days(planned: PlannedTrip) -> int | None:
    """The longest visit, arrival and departure days counted (as the visa notice counts them)."""
    days = [
        (visit.departure.astimezone(SEOUL).date() - visit.arrival.astimezone(SEOUL).date()).days + 1
        for visit in planned.plan.visits
        if visit.departure is not None
    ]
    return max(days) if days else None


def _scenario_protocols(scenario: dict) -> tuple[str, ...]:
    """The protocol ids of a stored request the planner cannot plan any more (read defensively)."""
    treatments = scenario.get("treatments") if isinstance(scenario, dict) else None
    if not isinstance(treatments, list):
        return ()
    return tuple(t["protocol"] for t in treatments if isinstance(t, dict) and isinstance(t.get("protocol"), str))


def trip_facts(trip: Trip, planned: PlannedTrip | None, catalog: Catalog) -> TripFacts:
    """What the checklist rules read of a trip: its treatments and stay (from the plan) and its client."""
    nationality = trip.client.nationality if trip.client is not None else None
    if planned is None:
        protocols = _scenario_protocols(trip.scenario)
        travellers = trip.scenario.get("travellers", 1) if isinstance(trip.scenario, dict) else 1
        stay, arrival, resident = None, None, False
        travellers = travellers if isinstance(travellers, int) else 1
    else:
        request = planned.request
        protocols = tuple(t.protocol for t in request.treatments)
        stay, arrival = _stay_days(planned), request.arrival.astimezone(SEOUL).date()
        resident, travellers = request.resident, request.travellers
    categories = tuple(catalog.protocols[p].category for p in protocols if p in catalog.protocols)
    return TripFacts(
        protocols=protocols,
        categories=categories,
        stay_days=stay,
        arrival=arrival,
        resident=resident,
        travellers=travellers,
        facilitated=trip.owner_id is not None,
        nationality=nationality or None,
    )


def trip_items(trip: Trip) -> tuple[ChecklistItem, ...]:
    """The trip's checklist as codes and values."""
    catalog = catalog_for(trip.owner_id)
    facts = trip_facts(trip, planned_trip(trip, catalog), catalog)
    return checklist_items(facts, entry_rules(catalog))


def ticked(trip: Trip) -> set[str]:
    """The codes of the items ticked off on the trip."""
    return set(db.session.scalars(select(ChecklistTick.item).where(ChecklistTick.trip_id == trip.id)))


def trip_checklist(trip: Trip, words: Words) -> list[Item]:
    """The trip's checklist in ``words``' language, each item with its state and source."""
    done = ticked(trip)
    return [Item(i.code, item_label(i, words), i.code in done, i.source) for i in trip_items(trip)]


def save_ticks(trip: Trip, codes: Iterable[str], now: datetime) -> None:
    """Store which items are ticked: the given codes of the trip's current items, the others unticked.

    A tick of an item the trip no longer has (its entry route changed) is kept until the next save.
    """
    current = {item.code for item in trip_items(trip)}
    wanted = current.intersection(codes)
    done = ticked(trip)
    db.session.execute(
        delete(ChecklistTick).where(ChecklistTick.trip_id == trip.id, ChecklistTick.item.in_(current - wanted))
    )
    for code in sorted(wanted - done):
        db.session.add(ChecklistTick(trip_id=trip.id, item=code, ticked_at=now))
    db.session.commit()
