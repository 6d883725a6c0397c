"""Login sessions end on the server: idle timeout, absolute lifetime, and the CSRF token with them.

The cookie's own age is never trusted: every request checks the LoginSession row against the
app's clock, which the tests move (``clock.advance``).
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from itsdangerous.timed import TimestampSigner
from sqlalchemy import select

from planner import create_app
from planner.extensions import db
from planner.models import LoginSession
from tests.web.facilitator_helpers import PASSWORD, register


def _csrf(page: str) -> str:
    return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)


def test_a_session_ends_after_30_idle_minutes(client, clock):
    register(client)
    clock.advance(minutes=29)
    assert client.get("/dashboard").status_code == 200
    clock.advance(minutes=29)  # 58 minutes after login, 29 after the last request: still active
    assert client.get("/dashboard").status_code == 200
    clock.advance(minutes=31)
    response = client.get("/dashboard")
    assert response.status_code == 302 and response.location.startswith("/login")
    with client.session_transaction() as session:
        assert "login_session" not in session and "_user_id" not in session


def test_a_copied_cookie_dies_with_the_session(app, client, clock):
    register(client)
    with client.session_transaction() as session:
        stolen = dict(session)
    clock.advance(days=400)
    replay = app.test_client()
    with replay.session_transaction() as session:
        session.update(stolen)
    assert replay.get("/dashboard").status_code == 302


def test_a_busy_session_still_ends_after_12_hours(client, clock):
    register(client)
    for _ in range(35):  # a request every 20 minutes for 11 h 40
        clock.advance(minutes=20)
        assert client.get("/dashboard").status_code == 200
    clock.advance(minutes=21)
    assert client.get("/dashboard").status_code == 302


def test_a_write_request_counts_as_activity(client, clock):
    register(client)
    clock.advance(minutes=20)
    assert client.post("/clients/new", data={"name": ""}).status_code in (200, 422)  # refused, but active
    clock.advance(minutes=20)
    assert client.get("/dashboard").status_code == 200


def test_last_seen_is_written_once_a_minute_at_most(app, client, clock):
    register(client)
    with app.app_context():
        first = db.session.scalar(select(LoginSession.last_seen_at))
    client.get("/dashboard")
    with app.app_context():
        assert db.session.scalar(select(LoginSession.last_seen_at)) == first
    clock.advance(minutes=2)
    client.get("/dashboard")
    with app.app_context():
        assert db.session.scalar(select(LoginSession.last_seen_at)) >= first + timedelta(minutes=2)


@pytest.mark.parametrize(
    "app_config",
    [{"SESSION_IDLE_TIMEOUT": timedelta(minutes=5), "SESSION_ABSOLUTE_LIFETIME": timedelta(minutes=8)}],
)
def test_the_timeouts_are_configurable(client, clock):
    register(client)
    clock.advance(minutes=4)
    assert client.get("/dashboard").status_code == 200
    clock.advance(minutes=6)
    assert client.get("/dashboard").status_code == 302
    register(client, "second@example.com")
    for _ in range(3):
        clock.advance(minutes=3)
    assert client.get("/dashboard").status_code == 302  # 9 minutes old, never idle 5


def test_ended_sessions_are_cleared_at_the_next_login(app, client, clock):
    register(client)
    clock.advance(hours=13)
    client.post("/login", data={"email": "fac@example.com", "password": PASSWORD})
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(LoginSession)) == 1


def test_the_timeouts_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "test-secret-key")
    monkeypatch.setenv("PLANNER_SESSION_IDLE_MINUTES", "15")
    monkeypatch.setenv("PLANNER_SESSION_MAX_MINUTES", "240")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.sqlite3'}")
    config = create_app().config
    assert config["SESSION_IDLE_TIMEOUT"] == timedelta(minutes=15)
    assert config["SESSION_ABSOLUTE_LIFETIME"] == config["PERMANENT_SESSION_LIFETIME"] == timedelta(hours=4)
    assert config["WTF_CSRF_TIME_LIMIT"] == 4 * 3600
    for wrong in ("0", "-5", "half an hour", ""):
        monkeypatch.setenv("PLANNER_SESSION_IDLE_MINUTES", wrong)
        with pytest.raises(RuntimeError, match="PLANNER_SESSION_IDLE_MINUTES must be a whole number of minutes"):
            create_app()


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_a_form_opened_before_the_session_ended_cannot_be_sent_after(client, clock):
    token = _csrf(client.get("/register").text)
    data = {"email": "fac@example.com", "password": PASSWORD, "confirm": PASSWORD, "csrf_token": token}
    client.post("/register", data=data)
    client.post("/login", data={"email": "fac@example.com", "password": PASSWORD, "csrf_token": token})
    token = _csrf(client.get("/clients/new").text)
    clock.advance(minutes=31)
    assert client.get("/dashboard").status_code == 302  # the session ended
    refused = client.post("/clients/new", data={"name": "Ana Silva", "csrf_token": token})
    assert refused.status_code == 400


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
@pytest.mark.parametrize(("hours", "status"), [(11, 200), (13, 400)])
def test_a_csrf_token_lasts_the_session_lifetime_at_most(client, monkeypatch, hours, status):
    token = _csrf(client.get("/login").text)
    signed_at = TimestampSigner.get_timestamp
    # every signature (cookie and token) is checked as if ``hours`` had passed since it was made
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: signed_at(self) + hours * 3600)
    response = client.post(
        "/login", data={"email": "nobody@example.com", "password": "whatever it is", "csrf_token": token}
    )
    assert response.status_code == status
