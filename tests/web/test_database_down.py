"""When the database fails under a write, the answer is 503 "not saved, try again" with the input kept.

Each test injects the real exception types (SQLAlchemy's OperationalError around the driver's
own error) where the services commit or query, as a full disk or a stopped PostgreSQL raises
them. The 500 and 503 pages render from static context: no query, no current_user.
"""

from __future__ import annotations

import html
import sqlite3

import psycopg
import pytest
from markupsafe import escape
from sqlalchemy import event, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from planner.errors import NOT_SAVED
from planner.extensions import db
from planner.models import Client, Trip
from planner.security import HEADERS
from tests.web.facilitator_helpers import trip_form

FAILURES = {
    "disk full": lambda: OperationalError("INSERT …", {}, sqlite3.OperationalError("database or disk is full")),
    "database down": lambda: OperationalError("SELECT …", {}, psycopg.OperationalError("connection refused")),
}
NOTES = "on anticoagulants since March; allergic to latex"


def _fail(monkeypatch, method: str, failure: str) -> None:
    """Make ``Session.<method>`` raise the failure; "query" is every way a session reads."""

    def broken(self, *args, **kwargs):
        raise FAILURES[failure]()

    for name in ("execute", "scalar", "scalars", "get") if method == "query" else (method,):
        monkeypatch.setattr(Session, name, broken)


def _assert_not_saved(response) -> str:
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    for name, value in HEADERS.items():
        assert response.headers[name] == value
    page = response.text
    assert "Not saved: please try again" in page and str(NOT_SAVED) in page
    assert "Traceback" not in page and "INSERT" not in page
    return page


@pytest.mark.parametrize("failure", FAILURES)
@pytest.mark.parametrize("method", ["commit", "flush"])
def test_a_new_client_not_saved_keeps_what_was_typed(app, facilitator, client, monkeypatch, failure, method):
    data = {"name": "Ana Silva", "contact": "ana@example.com", "home_timezone": "Europe/Lisbon", "language": "en"}
    with monkeypatch.context() as patch:
        _fail(patch, method, failure)
        response = client.post("/clients/new", data={**data, "notes": NOTES})
    page = _assert_not_saved(response)
    assert '<form method="post" action="/clients/new">' in page
    for name, value in {**data, "notes": NOTES}.items():
        assert f'name="{name}" value="{value}"' in page
    with app.app_context():
        assert db.session.scalar(select(Client.id)) is None
    # the retry form posts the same fields: once the database is back, the client is saved
    assert client.post("/clients/new", data={**data, "notes": NOTES}).status_code == 302


@pytest.mark.parametrize("failure", FAILURES)
def test_an_anonymous_save_not_saved_keeps_the_scenario(app, client, monkeypatch, failure):
    body = client.post("/plan", data=trip_form(), follow_redirects=True).text
    scenario = html.unescape(body.split('name="scenario" value="', 1)[1].split('"', 1)[0])
    with monkeypatch.context() as patch:
        _fail(patch, "commit", failure)
        response = client.post("/plan/save", data={"scenario": scenario, "csrf_token": "kept-too"})
    page = _assert_not_saved(response)
    assert f'name="scenario" value="{escape(scenario)}"' in page
    assert 'name="csrf_token" value="kept-too"' in page
    with app.app_context():
        assert db.session.scalar(select(Trip.id)) is None


def test_a_password_is_never_written_back(client, monkeypatch):
    with monkeypatch.context() as patch:
        _fail(patch, "commit", "disk full")
        data = {"email": "fac@example.com", "password": "a long secret phrase", "confirm": "a long secret phrase"}
        response = client.post("/register", data=data)
    page = _assert_not_saved(response)
    assert 'name="email" value="fac@example.com"' in page
    assert "a long secret phrase" not in page


@pytest.mark.parametrize("failure", FAILURES)
def test_pages_of_a_logged_in_facilitator_answer_503_when_every_query_fails(facilitator, client, monkeypatch, failure):
    """The login check itself cannot reach the database: the 503 page needs neither it nor current_user."""
    with monkeypatch.context() as patch:
        _fail(patch, "query", failure)
        response = client.get("/dashboard")
        page = _assert_not_saved(response)
    assert '<a class="button" href="/dashboard">Try again</a>' in page


def test_the_api_answers_503_as_json(app, client, monkeypatch):
    @app.get("/api/test/count")
    def count():
        return {"clients": db.session.scalar(select(db.func.count()).select_from(Client))}

    with monkeypatch.context() as patch:
        _fail(patch, "query", "database down")
        response = client.get("/api/test/count")
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"
    assert response.get_json() == {"error": "Service Unavailable", "message": str(NOT_SAVED), "status": 503}
    assert client.get("/api/test/count").get_json() == {"clients": 0}


def test_the_500_page_runs_no_query(app, client):
    @app.get("/test/boom")
    def boom():
        raise RuntimeError("a detail that must not leak")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    statements = []

    def record(_connection, _cursor, statement, *args):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        response = client.get("/test/boom")
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert response.status_code == 500 and statements == []
    assert "Something went wrong on our side" in response.text and "a detail" not in response.text
    for name, value in HEADERS.items():
        assert response.headers[name] == value
