"""Demo data for newcomers and outside checks: two agencies, their members, clients and trips in 2027."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select

from planner.extensions import db
from planner.models import Client, FeedToken, Pin, ShareLink, Trip, User
from planner.services.accounts.agencies import new_agency
from planner.services.accounts.passwords import hash_password
from planner.services.accounts.tokens import new_token
from planner.services.planning.revisions import planned_trip
from planner.services.planning.trip_changes import trip_changed
from planner.services.workspace.demo_data import AGENCIES, FACILITATORS, NATIONALITIES


@dataclass(frozen=True)
class DemoFacilitator:
    """A member made by the demo, with the password to log in (shown once), their role and agency."""

    email: str
    password: str
    role: str
    agency: str


@dataclass(frozen=True)
class DemoTrip:
    """A trip made by the demo, with the tokens of its client link and its calendar feed."""

    owner: str
    label: str
    link_token: str
    feed_token: str


@dataclass(frozen=True)
class Demo:
    """What ``seed_demo`` made."""

    facilitators: tuple[DemoFacilitator, ...]
    trips: tuple[DemoTrip, ...]


def database_is_empty() -> bool:
    """Whether no table of the planner holds a row."""
    return all(db.session.scalar(select(func.count()).select_from(table)) == 0 for table in db.metadata.sorted_tables)


def seed_demo(now: datetime) -> Demo:
    """Fill the database with the demo facilitators, clients and trips; the first trip of each is pinned."""
    facilitators, trips = [], []
    for email, display_name, clients in FACILITATORS:
        agency_name, others = AGENCIES[email]
        agency = new_agency(agency_name, now)
        user = _member(facilitators, agency, email, display_name, "owner", now)
        assigned = {}
        for other_email, other_name, role, names in others:
            other = _member(facilitators, agency, other_email, other_name, role, now)
            assigned.update(dict.fromkeys(names, other.id))
        for client_name, contact, zone, language, client_trips in clients:
            client = Client(
                owner_id=agency.id,
                coordinator_id=assigned.get(client_name, user.id),
                name=client_name,
                contact=contact,
                home_timezone=zone,
                language=language,
                nationality=NATIONALITIES.get(client_name),
            )
            db.session.add(client)
            db.session.flush()
            for title, status, scenario in client_trips:
                trip = Trip(
                    owner_id=agency.id,
                    client_id=client.id,
                    title=title,
                    status=status,
                    scenario=scenario,
                    calendar_changed_at=now,
                )
                db.session.add(trip)
                db.session.flush()
                if status == "confirmed":
                    _pin_first_appointment(trip)
                trip_changed(trip, None, now)
                link_token, link_hash = new_token()
                feed_token, feed_hash = new_token()
                db.session.add(ShareLink(trip_id=trip.id, kind="client", token_hash=link_hash))
                db.session.add(FeedToken(trip_id=trip.id, token_hash=feed_hash, discreet=False))
                trips.append(DemoTrip(email, f"{client_name} — {title}", link_token, feed_token))
    db.session.commit()
    return Demo(tuple(facilitators), tuple(trips))


def _member(made: list, agency, email: str, display_name: str, role: str, now: datetime) -> User:
    """A demo member of ``agency`` with a fresh password (kept in ``made`` to be printed once)."""
    password = secrets.token_urlsafe(12)
    user = User(
        email=email,
        display_name=display_name,
        password_hash=hash_password(password),
        session_token=secrets.token_hex(32),
        agency_id=agency.id,
        role=role,
        created_at=now,
    )
    db.session.add(user)
    db.session.flush()
    made.append(DemoFacilitator(email, password, role, agency.name))
    return user


def _pin_first_appointment(trip: Trip) -> None:
    """The clinic confirmed the first appointment at the planned time, as a facilitator would record it."""
    planned = planned_trip(trip)
    if planned is None or not planned.plan.appointments:
        return
    first = planned.plan.appointments[0]
    trip.pins.append(
        Pin(protocol=first.protocol, step=first.step, occurrence=first.occurrence, start=first.start.astimezone(UTC))
    )
    db.session.flush()
