"""Calendar event revisions: SEQUENCE and DTSTAMP move when a trip's events change, not on a feed GET.

The services that edit a trip (its request, pins or status) call ``record_revisions`` after the
edit, before their commit. Feeds then only read the stored revisions, so a GET never writes and
the same database state always renders the same bytes.
"""

from __future__ import annotations

from datetime import datetime

from planner.core.calendar import Revision, TripEvents, event_fingerprints
from planner.core.catalog import Catalog
from planner.core.model import Plan
from planner.core.scenario import ScenarioError
from planner.extensions import db
from planner.i18n import ENGLISH, Words
from planner.models import EventRevision, Trip
from planner.services.planning.custom_catalog import catalog_for
from planner.services.planning.plans import PlannedTrip, plan_scenario


def planned_trip(trip: Trip, catalog: Catalog | None = None, *, words: Words | None = None) -> PlannedTrip | None:
    """The trip's plan from its scenario and pins, or None when the scenario no longer fits the catalog.

    Without ``catalog``, the trip's owner's (their own protocols and clinics included) is loaded;
    a caller that plans many trips of one owner passes it once. Its texts are in ``words``' language
    (default: the request's, English outside a request).
    """
    try:
        return plan_scenario(trip.scenario, trip.pins, catalog or catalog_for(trip.owner_id), words=words)
    except ScenarioError:
        return None


def uid_prefix(trip: Trip) -> str:
    """The prefix of every event UID of the trip: built from its database uuid, so it never changes."""
    return f"trip-{trip.uuid}"


def stored_revisions(trip: Trip) -> dict[str, Revision]:
    """Event key → revision of the trip's events that are still in its plan."""
    return {row.event_key: Revision(row.sequence, row.stamp) for row in trip.revisions if row.removed_at is None}


def record_revisions(trip: Trip, plan: Plan | None, now: datetime) -> bool:
    """Compare the trip's events with the stored revisions and move SEQUENCE/DTSTAMP; True if any changed.

    Call it after an edit of the trip, with the new plan (or None to recompute it). Flushes,
    never commits. A changed event gets SEQUENCE+1 and DTSTAMP=now, a new one SEQUENCE 0, a
    removed one ``removed_at``; any of these moves ``trip.calendar_changed_at`` to ``now``.
    """
    current: dict[str, str] = {}
    # fingerprinted in English: a calendar read in another language is the same revision
    planned = planned_trip(trip, words=ENGLISH)
    if planned is not None:
        events = TripEvents(plan or planned.plan, planned.request, uid_prefix(trip))
        # fingerprinted with the full titles: the discreet ones say less, so they change less
        current = event_fingerprints(events, planned.catalog)
    changed = False
    rows = {row.event_key: row for row in trip.revisions}
    for key, fingerprint in current.items():
        row = rows.get(key)
        if row is None:
            trip.revisions.append(EventRevision(event_key=key, fingerprint=fingerprint, sequence=0, stamp=now))
            changed = True
        elif row.removed_at is not None or row.fingerprint != fingerprint:
            # a revived event continues its old SEQUENCE: calendars may still hold the old copy
            row.sequence += 1
            row.fingerprint = fingerprint
            row.stamp = now
            row.removed_at = None
            changed = True
    for key, row in rows.items():
        if key not in current and row.removed_at is None:
            row.removed_at = now
            changed = True
    if changed:
        trip.calendar_changed_at = now
    db.session.flush()
    return changed
