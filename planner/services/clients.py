"""A facilitator's clients: list with search and sort, create, edit, delete."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, or_, select

from planner.extensions import db
from planner.models import Client
from planner.services.outlines import outline, owner_trips

SORTS = ("name", "next")
#: the fields a client form edits, in form order
FIELDS = ("name", "contact", "home_timezone", "language", "notes")


@dataclass(frozen=True)
class ClientRow:
    """A client in the list, with the start of their next appointment (None if none is ahead)."""

    client: Client
    next_appointment: datetime | None
    trips: int


def owned(owner_id: int) -> Select:
    """The query of a facilitator's clients: every lookup of a client starts here."""
    return select(Client).where(Client.owner_id == owner_id)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_clients(owner_id: int, search: str, sort: str, now: datetime) -> list[ClientRow]:
    """The clients whose name or contact contains ``search``, by name or by next appointment."""
    query = owned(owner_id)
    words = search.strip()
    if words:
        pattern = f"%{_escape_like(words.lower())}%"
        query = query.where(
            or_(
                func.lower(Client.name).like(pattern, escape="\\"),
                func.lower(Client.contact).like(pattern, escape="\\"),
            )
        )
    clients = list(db.session.scalars(query))
    upcoming: dict[int, datetime] = {}
    trip_counts: dict[int, int] = {}
    for trip in owner_trips(owner_id):
        if trip.client_id is None:
            continue
        trip_counts[trip.client_id] = trip_counts.get(trip.client_id, 0) + 1
        starts = [a.start for a in outline(trip).appointments if a.start >= now]
        if starts and (trip.client_id not in upcoming or min(starts) < upcoming[trip.client_id]):
            upcoming[trip.client_id] = min(starts)
    rows = [ClientRow(c, upcoming.get(c.id), trip_counts.get(c.id, 0)) for c in clients]
    by_name = sorted(rows, key=lambda row: (row.client.name.casefold(), row.client.id))
    if sort == "next":
        # clients with nothing ahead go last, still in name order
        return sorted(by_name, key=lambda row: (row.next_appointment is None, row.next_appointment or now))
    return by_name


def create_client(owner_id: int, values: dict) -> Client:
    """Add a client to a facilitator's list."""
    client = Client(owner_id=owner_id, **{name: values[name] for name in FIELDS})
    db.session.add(client)
    db.session.commit()
    return client


def update_client(client: Client, values: dict) -> Client:
    """Save edits to a client."""
    for name in FIELDS:
        setattr(client, name, values[name])
    db.session.commit()
    return client


def delete_client(client: Client) -> None:
    """Delete a client and, with them, their trips, pins, links and feeds."""
    db.session.delete(client)
    db.session.commit()
