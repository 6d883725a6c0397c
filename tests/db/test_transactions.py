"""On SQLite, requests that only read begin deferred; anything that may write begins immediate."""

from __future__ import annotations

import pytest
from sqlalchemy import event

import planner.models  # noqa: F401  (registers every table)
from planner import create_app
from planner.extensions import db


@pytest.fixture
def app(tmp_path, monkeypatch):
    """The planner on SQLite only: transaction kinds are an SQLite setting."""
    monkeypatch.setenv("SECRET_KEY", "test-secret-key")
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def begins(app):
    """The BEGIN statements the app's engine sends, in order."""
    seen: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        if statement.startswith("BEGIN"):
            seen.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def test_a_get_that_reads_begins_deferred(client, begins):
    assert client.get("/t/not-a-real-token").status_code == 404
    assert begins and set(begins) == {"BEGIN"}


def test_a_post_begins_immediate(client, begins):
    client.post("/login", data={"email": "nobody@example.com", "password": "wrong password"})
    assert begins and set(begins) == {"BEGIN IMMEDIATE"}


def test_opening_a_client_link_only_reads_and_begins_deferred(client, begins):
    assert client.get("/shared/not-a-real-token").status_code == 404
    assert begins and set(begins) == {"BEGIN"}


def test_the_beacon_that_records_what_the_client_saw_begins_immediate(client, begins):
    assert client.post("/shared/not-a-real-token/seen", data={"version": "0" * 32}).status_code == 404
    assert begins and set(begins) == {"BEGIN IMMEDIATE"}


def test_outside_a_request_transactions_begin_immediate(app, begins):
    with app.app_context():
        db.session.execute(db.text("SELECT 1"))
        db.session.rollback()
    assert begins == ["BEGIN IMMEDIATE"]
