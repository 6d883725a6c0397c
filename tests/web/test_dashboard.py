"""Dashboard: the next 14 days across clients, trips with problems, trips awaiting the clinic."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.web.facilitator_helpers import add_client, add_trip, queries_on, register


@pytest.fixture
def http(client):
    """A test client logged in as a facilitator."""
    register(client)
    return client


def _text(response) -> str:
    return response.get_data(as_text=True)


def _section(page: str, heading_id: str) -> str:
    start = page.index(f'id="{heading_id}"')
    end = page.find("</section>", start)
    return page[start:end]


def test_next_14_days_across_clients(http, clock):
    today = clock.now.date()
    soon = add_client(http, "Soon Client")
    later = add_client(http, "Later Client")
    add_trip(http, soon, arrival=today + timedelta(days=2))
    add_trip(http, later, arrival=today + timedelta(days=40))
    response = http.get("/dashboard")
    assert response.headers["Cache-Control"] == "no-store"
    upcoming = _section(_text(response), "next-heading")
    assert "Soon Client" in upcoming
    assert "First consultation" in upcoming
    assert "Later Client" not in upcoming


def test_appointments_are_in_time_order(http, clock):
    today = clock.now.date()
    add_trip(http, add_client(http, "Second"), arrival=today + timedelta(days=6))
    add_trip(http, add_client(http, "First"), arrival=today + timedelta(days=1))
    upcoming = _section(_text(http.get("/dashboard")), "next-heading")
    times = [chunk.split('"', 1)[0] for chunk in upcoming.split('<time datetime="')[1:]]
    assert times == sorted(times, key=datetime.fromisoformat) and len(times) > 2
    assert upcoming.index("First") < upcoming.index("Second")


def test_trips_with_problems_and_trips_proposed(http):
    client_id = add_client(http, "Ana Silva")
    # 12 sessions cannot fit in a 4-day stay: a problem with its reason
    troubled = add_trip(http, client_id, days=4, **{"treatments-0-count": "12"})
    fine = add_trip(http, client_id)
    http.post(f"/trips/{fine}/status", data={"status": "proposed"})
    page = _text(http.get("/dashboard"))
    problems = _section(page, "problems-heading")
    assert f"/trips/{troubled}" in problems and f"/trips/{fine}" not in problems
    proposed = _section(page, "proposed-heading")
    assert f"/trips/{fine}" in proposed and f"/trips/{troubled}" not in proposed


def test_empty_dashboard_invites_to_add_a_client(http):
    page = _text(http.get("/dashboard"))
    assert "No appointments in the next 14 days." in page
    assert "adding a client" in page


@pytest.mark.parametrize("path", ["/dashboard", "/clients/?sort=next"])
def test_a_constant_number_of_queries_whatever_the_number_of_trips(app, http, path, clock):
    today = clock.now.date()
    add_trip(http, add_client(http, "One"), arrival=today + timedelta(days=3))
    few = queries_on(app, http, path)
    for number in range(5):
        client_id = add_client(http, f"Client {number}")
        add_trip(http, client_id, arrival=today + timedelta(days=number + 1))
        add_trip(http, client_id, arrival=today + timedelta(days=number + 20))
    assert queries_on(app, http, path) == few


def test_a_trips_problems_are_listed_in_the_readers_language(app, http):
    """The stored problems keep codes and values: a Korean reader reads them in Korean."""
    from planner.extensions import db
    from planner.i18n import words_for
    from planner.models import Trip
    from planner.wording.stored import stored_problem_text

    troubled = add_trip(http, add_client(http, "Ana Silva"), days=4, **{"treatments-0-count": "12"})
    with app.app_context():
        stored = db.session.get(Trip, troubled).problems
    assert stored and all(problem["code"] for problem in stored)
    korean = _section(_text(http.get("/dashboard?lang=ko")), "problems-heading")
    for problem in stored:
        assert stored_problem_text(problem, words_for("ko")) in korean
        assert problem["message"] not in korean
    english = _section(_text(http.get("/dashboard?lang=en")), "problems-heading")
    assert all(problem["message"] in english for problem in stored)
