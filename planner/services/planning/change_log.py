"""A trip's history of changes as its readers see it: newest first, split at the client's last look.

The entries are written by ``trip_changes.record_changes`` whenever a trip's plan moves; this
module only reads them. Times stay aware datetimes (UTC in the database): the pages write them
in the appointment's own zone, with the zone named.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from planner.models import Trip, TripChange

#: the most entries a page lists; older ones are summed up in a line
SHOWN = 200


@dataclass(frozen=True)
class History:
    """A trip's changes, newest first: those the client has not seen yet, then the earlier ones."""

    since_seen: list[TripChange]
    earlier: list[TripChange]
    #: when the client last looked (None: never); the split is made there
    seen_at: datetime | None
    #: entries beyond ``SHOWN`` that are not listed
    left_out: int = 0

    @property
    def entries(self) -> list[TripChange]:
        """Every listed entry, newest first."""
        return self.since_seen + self.earlier


def history_of(trip: Trip, since: datetime | None = None) -> History:
    """The trip's changes (from ``since`` on, if given) split at the client's last look.

    Every change is new if the client never looked. The client's page passes when the trip was
    first shared: what moved while the facilitator was still drafting was never theirs to see.
    """
    kept = [c for c in trip.changes if since is None or c.at >= since]
    newest = sorted(kept, key=lambda change: (change.at, change.id), reverse=True)
    listed, left_out = newest[:SHOWN], max(0, len(newest) - SHOWN)
    seen_at = trip.client_seen_at
    if seen_at is None:
        return History(listed, [], None, left_out)
    return History([c for c in listed if c.at > seen_at], [c for c in listed if c.at <= seen_at], seen_at, left_out)
