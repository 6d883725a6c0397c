"""A facilitator's clients: list with search and sort, create, edit, delete."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select

from planner.clock import utcnow
from planner.extensions import db
from planner.models import Client, Trip, TripAppointment
from planner.models.client import fold
from planner.services.workspace.scope import client_scope

SORTS = ("name", "next")
#: the fields a client form edits, in form order
FIELDS = ("name", "contact", "home_timezone", "language", "nationality", "notes")
#: clients per page of the list
PAGE_SIZE = 50


@dataclass(frozen=True)
class ClientRow:
    """A client in the list, with the start of their next appointment (None if none is ahead)."""

    client: Client
    next_appointment: datetime | None
    trips: int


@dataclass(frozen=True)
class ClientPage:
    """One page of the client list and where it sits among the pages."""

    rows: list[ClientRow]
    page: int
    pages: int
    total: int


def owned(owner_id: int, coordinator_id: int | None = None) -> Select:
    """The query of an agency's clients (a coordinator's own, with ``coordinator_id``): every lookup starts here."""
    return select(Client).where(*client_scope(owner_id, coordinator_id))


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_conditions(owner_id: int, search: str, coordinator_id: int | None = None) -> list:
    """The conditions of the clients whose name or contact contains ``search``, ignoring case and accents."""
    conditions = list(client_scope(owner_id, coordinator_id))
    words = fold(search)
    if words:
        # the folded column: "nguyen" finds "Nguyễn" on SQLite and PostgreSQL alike (no collation needed)
        conditions.append(Client.search_text.like(f"%{_escape_like(words)}%", escape="\\"))
    return conditions


def list_clients(
    owner_id: int, search: str, sort: str, now: datetime, page: int = 1, coordinator_id: int | None = None
) -> ClientPage:
    """One page of the clients whose name or contact contains ``search``, by name or by next appointment.

    Reads the stored plan summaries: four queries whatever the number of clients and trips.
    """
    conditions = search_conditions(owner_id, search, coordinator_id)
    total = db.session.scalar(select(func.count()).select_from(Client).where(*conditions))
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(page, 1), pages)
    # the folded name leads the search column: "Émile" sorts among the e's
    by_name = (Client.search_text, Client.id)
    query = select(Client).where(*conditions)
    if sort == "next":
        # an index seek per client on (client_id, start); clients with nothing ahead go last, by name
        upcoming = (
            select(func.min(TripAppointment.start))
            .where(TripAppointment.client_id == Client.id, TripAppointment.start >= now)
            .scalar_subquery()
        )
        query = query.order_by(upcoming.is_(None), upcoming, *by_name)
    else:
        query = query.order_by(*by_name)
    clients = list(db.session.scalars(query.limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)))
    ids = [client.id for client in clients]
    upcoming_of = _next_appointments(ids, now)
    counted = select(Trip.client_id, func.count()).where(Trip.client_id.in_(ids)).group_by(Trip.client_id)
    trip_counts = {client_id: count for client_id, count in db.session.execute(counted)}
    rows = [ClientRow(c, upcoming_of.get(c.id), trip_counts.get(c.id, 0)) for c in clients]
    return ClientPage(rows, page, pages, total)


def _next_appointments(client_ids: list[int], now: datetime) -> dict[int, datetime]:
    """Client id → start of their next appointment, in that appointment's time zone (one query)."""
    ranked = (
        select(
            TripAppointment.client_id,
            TripAppointment.start,
            TripAppointment.timezone,
            func.row_number()
            .over(partition_by=TripAppointment.client_id, order_by=(TripAppointment.start, TripAppointment.id))
            .label("rank"),
        )
        .where(TripAppointment.client_id.in_(client_ids), TripAppointment.start >= now)
        .subquery()
    )
    rows = db.session.execute(select(ranked.c.client_id, ranked.c.start, ranked.c.timezone).where(ranked.c.rank == 1))
    return {client_id: start.astimezone(ZoneInfo(zone)) for client_id, start, zone in rows}


def likely_duplicates(owner_id: int, values: dict, coordinator_id: int | None = None) -> list[Client]:
    """The member's clients with the same name and contact, ignoring accents, case and spacing."""
    same = f"{fold(values['name'])}\n{fold(values['contact'])}"
    query = owned(owner_id, coordinator_id).where(Client.search_text == same)
    return list(db.session.scalars(query.order_by(Client.id)))


def _arrival_day(trip: Trip) -> date | None:
    try:
        return date.fromisoformat(str((trip.scenario or {}).get("arrival", ""))[:10])
    except ValueError:
        return None


def trips_by_date(client: Client) -> list[tuple[Trip, date | None]]:
    """The client's trips with their arrival day, earliest first (a trip with no readable arrival last)."""
    dated = [(trip, _arrival_day(trip)) for trip in client.trips]
    return sorted(dated, key=lambda pair: (pair[1] is None, pair[1] or date.min, pair[0].id))


def create_client(owner_id: int, values: dict, coordinator_id: int | None = None) -> Client:
    """Add a client to an agency's list, assigned to ``coordinator_id`` (the member who adds them)."""
    client = Client(owner_id=owner_id, coordinator_id=coordinator_id, **{name: values[name] for name in FIELDS})
    db.session.add(client)
    db.session.commit()
    return client


def update_client(client: Client, values: dict) -> Client:
    """Save edits to a client; a new language changes their trips' calendars (titles in that language)."""
    relabelled = values.get("language", client.language) != client.language
    for name in FIELDS:
        setattr(client, name, values[name])
    if relabelled:  # subscribed calendars fetch the feed again (a new Last-Modified and ETag)
        for trip in client.trips:
            trip.calendar_changed_at = utcnow()
    db.session.commit()
    return client


def delete_client(client: Client) -> None:
    """Delete a client and, with them, their trips, pins, links and feeds."""
    db.session.delete(client)
    db.session.commit()
