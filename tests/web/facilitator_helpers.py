"""Helpers for the facilitator workspace tests: accounts, clients and trips made through the pages."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import event

from planner.extensions import db

PASSWORD = "correct horse battery staple"


def register(client, email: str = "fac@example.com", password: str = PASSWORD):
    """Register a facilitator through the form, then log in with it; returns the login's answer."""
    answer = client.post("/register", data={"email": email, "password": password, "confirm": password})
    if answer.status_code != 302:
        return answer
    return client.post("/login", data={"email": email, "password": password})


def login(client, email: str = "fac@example.com", password: str = PASSWORD):
    """Log in through the form."""
    return client.post("/login", data={"email": email, "password": password})


def add_client(client, name: str = "Ana Silva", **fields) -> int:
    """Add a client through the form; returns its id."""
    data = {
        "name": name,
        "contact": "ana@example.com",
        "home_timezone": "Europe/Lisbon",
        "language": "en",
        "notes": "",
        **fields,
    }
    response = client.post("/clients/new", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    client.get(response.location)  # shows (and so clears) the flashed message
    return int(response.location.rstrip("/").rsplit("/", 1)[1])


def trip_form(arrival: date = date(2027, 2, 28), days: int = 21, **changes) -> dict:
    """The plan form for a 6-session acupuncture course at a local clinic."""
    departure = arrival + timedelta(days=days)
    return {
        "treatments-0-protocol": "acupuncture-chronic-pain",
        "treatments-0-count": "6",
        "treatments-0-clinic": "tier:local",
        "treatments-1-protocol": "",
        "treatments-1-clinic": "",
        "home_timezone": "Europe/Lisbon",
        "arrival_date": arrival.isoformat(),
        "arrival_time": "16:00",
        "departure_date": departure.isoformat(),
        "departure_time": "11:00",
        "lodging": "mid",
        "currency": "EUR",
        "travellers": "1",
        "insurance": "visitor",
        **changes,
    }


def add_trip(client, client_id: int, **form) -> int:
    """Plan a trip for a client through the form; returns the trip id."""
    response = client.post(f"/clients/{client_id}/trips/new", data=trip_form(**form))
    assert response.status_code == 302, response.get_data(as_text=True)
    client.get(response.location)  # shows (and so clears) the flashed message
    return int(response.location.rstrip("/").rsplit("/", 1)[1])


def queries_on(app, http, path: str) -> int:
    """How many SQL statements opening the page runs (it must answer 200)."""
    count = 0

    def counter(*args):
        nonlocal count
        count += 1

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", counter)
    try:
        assert http.get(path).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", counter)
    return count
