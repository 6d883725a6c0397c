"""Demo data for newcomers and outside checks: two facilitators, their clients and trips in 2027."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select

from planner.extensions import db
from planner.models import Client, FeedToken, Pin, ShareLink, Trip, User
from planner.services.accounts.passwords import hash_password
from planner.services.accounts.tokens import new_token
from planner.services.planning.revisions import planned_trip
from planner.services.planning.trip_changes import trip_changed

#: (email, name, clients); a client: (name, contact, home zone, language, trips); a trip: (title, status, scenario)
FACILITATORS = (
    (
        "mina@demo.example",
        "Mina Park (demo)",
        (
            (
                "Ana Silva",
                "ana.silva@example.com",
                "Europe/Lisbon",
                "en",
                (
                    (
                        "Knee cells, March 2027",
                        "confirmed",
                        {
                            "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
                            "arrival": "2027-03-01T16:00",
                            "departure": "2027-03-21T11:00",
                            "treatments": [{"protocol": "stem-cell-knee-svf"}, {"protocol": "health-checkup"}],
                            "currency": "EUR",
                        },
                    ),
                ),
            ),
            (
                "James Carter",
                "+1 415 555 0142",
                "America/Los_Angeles",
                "en",
                (
                    (
                        "Back pain course, spring 2027",
                        "proposed",
                        {
                            "traveller": {"name": "James Carter", "home_timezone": "America/Los_Angeles"},
                            "arrival": "2027-04-05T17:30",
                            "departure": "2027-05-05T12:00",
                            "treatments": [{"protocol": "acupuncture-chronic-pain", "count": 8}],
                            "currency": "USD",
                        },
                    ),
                ),
            ),
            (
                "Aigerim Bekova",
                "aigerim@example.com",
                "Asia/Almaty",
                "ru",
                (
                    (
                        "Implants, two trips",
                        "draft",
                        {
                            "traveller": {"name": "Aigerim Bekova", "home_timezone": "Asia/Almaty"},
                            "arrival": "2027-05-10T09:00",
                            "treatments": [{"protocol": "dental-implant-two-stage"}],
                            "currency": "USD",
                        },
                    ),
                ),
            ),
            (
                "Jiwoo Kim",
                "jiwoo.kim@example.com",
                "America/Los_Angeles",
                "ko",
                (
                    (
                        "Health checkup, July 2027",
                        "proposed",
                        {
                            "traveller": {"name": "Jiwoo Kim", "home_timezone": "America/Los_Angeles"},
                            "arrival": "2027-07-05T16:00",
                            "departure": "2027-07-10T12:00",
                            "treatments": [{"protocol": "health-checkup"}],
                            "currency": "USD",
                        },
                    ),
                ),
            ),
            (
                "Wang Fang",
                "wang.fang@example.com",
                "Asia/Shanghai",
                "zh_Hans",
                (
                    (
                        "Neck pain, September 2027",
                        "confirmed",
                        {
                            "traveller": {"name": "Wang Fang", "home_timezone": "Asia/Shanghai"},
                            "arrival": "2027-09-06T10:00",
                            "departure": "2027-09-24T18:00",
                            "treatments": [{"protocol": "acupuncture-acute-pain"}],
                            "currency": "CNY",
                        },
                    ),
                ),
            ),
        ),
    ),
    (
        "tom@demo.example",
        "Tom Becker (demo)",
        (
            (
                "Sophie Martin",
                "sophie.martin@example.com",
                "Europe/Paris",
                "en",
                (
                    (
                        "Check-up, June 2027",
                        "confirmed",
                        {
                            "traveller": {"name": "Sophie Martin", "home_timezone": "Europe/Paris"},
                            "arrival": "2027-06-07T15:00",
                            "departure": "2027-06-13T13:00",
                            "treatments": [{"protocol": "health-checkup"}],
                            "currency": "EUR",
                        },
                    ),
                ),
            ),
            (
                "Liam O'Brien",
                "liam@example.com",
                "Australia/Sydney",
                "en",
                (
                    (
                        "Sleep and stress, autumn 2027",
                        "proposed",
                        {
                            "traveller": {"name": "Liam O'Brien", "home_timezone": "Australia/Sydney"},
                            "arrival": "2027-09-13T18:00",
                            "departure": "2027-10-08T10:00",
                            "treatments": [{"protocol": "acupuncture-stress-insomnia", "count": 6}],
                            "currency": "AUD",
                        },
                    ),
                ),
            ),
        ),
    ),
)

#: each demo client's nationality, so that the documents checklist names an entry permit (a K-ETA
#: for US and French nationals, the C-3-3 medical visa for the others on the planner's list)
NATIONALITIES = {
    "Ana Silva": "PT",
    "James Carter": "US",
    "Aigerim Bekova": "KZ",
    "Jiwoo Kim": "US",
    "Wang Fang": "CN",
    "Sophie Martin": "FR",
    "Liam O'Brien": "IE",
}


@dataclass(frozen=True)
class DemoFacilitator:
    """A facilitator made by the demo, with the password to log in (shown once)."""

    email: str
    password: str


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
        password = secrets.token_urlsafe(12)
        user = User(
            email=email,
            display_name=display_name,
            password_hash=hash_password(password),
            session_token=secrets.token_hex(32),
        )
        db.session.add(user)
        db.session.flush()
        facilitators.append(DemoFacilitator(email, password))
        for client_name, contact, zone, language, client_trips in clients:
            client = Client(
                owner_id=user.id,
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
                    owner_id=user.id,
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
