"""The calendar events of stored trips, planned with their owner's catalog and worded in a language."""

from __future__ import annotations

from planner.core.calendar import TripEvents
from planner.core.catalog import Catalog
from planner.i18n import ENGLISH, Words
from planner.models import Trip
from planner.services.planning.revisions import planned_trip, stored_revisions, uid_prefix


def trip_events(trips: list[Trip], catalog: Catalog, label_of=None, words: Words = ENGLISH) -> list[TripEvents]:
    """The calendar events of one owner's stored trips, planned with that owner's ``catalog``, worded in
    ``words`` (a calendar app's request says nothing of whose calendar it is: the caller chooses).

    Trips that no longer plan are left out; events carry their stored revisions.
    """
    events = []
    for trip in trips:
        planned = planned_trip(trip, catalog, words=words)
        if planned is None:
            continue
        label = label_of(trip) if label_of else ""
        events.append(TripEvents(planned.plan, planned.request, uid_prefix(trip), stored_revisions(trip), label=label))
    return events


def label(trip: Trip) -> str:
    """ "Ana S." for Ana Silva: enough for the facilitator to tell clients apart in one calendar."""
    words = (trip.client.name if trip.client is not None else trip.title).split()
    if not words:
        return "Client"
    return words[0] if len(words) == 1 else f"{words[0]} {words[-1][0]}."
