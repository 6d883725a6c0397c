"""Two app instances on one database (and one Redis) give the same answers: any instance may take any request.

The in-process part of `make bench-cluster` (which runs gunicorn, nginx, PostgreSQL and Redis and
measures load): two apps built by ``create_app`` with the same settings, as two machines would be.
Rate limits are not checked here: the limiter is one object per process, so two apps in one
process share its storage whatever it is; bench-cluster checks them across processes, and
tests/web/test_rate_limit_redis.py that the counters are in Redis.
"""

from __future__ import annotations

import re

import pytest

from planner import create_app
from planner.extensions import db
from planner.services.workspace.feeds import create_trip_feed
from tests.web import workspace_factories as factories

SCENARIO = {
    "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-02-28T16:00",
    "departure": "2027-03-21T11:00",
    "treatments": [{"protocol": "acupuncture-chronic-pain", "count": 6, "clinic_tier": "local"}],
}


@pytest.fixture
def app_config() -> dict:
    return {"WTF_CSRF_ENABLED": True}


@pytest.fixture
def second(app):
    """Instance B: another app with instance A's settings (``app``), on the same database."""
    other = create_app(
        {key: app.config[key] for key in ("TESTING", "SQLALCHEMY_DATABASE_URI", "PLANNER_CLOCK", "RATELIMIT_ENABLED")}
        | {"WTF_CSRF_ENABLED": True, "SECRET_KEY": app.config["SECRET_KEY"]}
    )
    yield other
    with other.app_context():
        db.session.remove()
        db.engine.dispose()


def _csrf(page: str) -> str:
    return re.search(r'name="csrf_token"[^>]*?value="([^"]+)"', page).group(1)


def _carry(response, browser) -> None:
    """What a browser does with the answer of one instance: keep its session cookie for the next request."""
    for header in response.headers.getlist("Set-Cookie"):
        name, value = header.split(";", 1)[0].split("=", 1)
        browser.set_cookie(name, value)


def test_a_login_and_a_csrf_token_from_one_instance_hold_on_the_other(app, second):
    with app.app_context():
        factories.create_facilitator("ana@example.com")
    a, b = app.test_client(), second.test_client()
    form = a.get("/login")
    _carry(form, b)
    answer = b.post(
        "/login", data={"csrf_token": _csrf(form.text), "email": "ana@example.com", "password": factories.PASSWORD}
    )
    assert answer.status_code == 302
    _carry(answer, a)
    page = a.get("/dashboard")
    assert page.status_code == 200 and "Log out" in page.text
    _carry(page, b)
    assert b.post("/logout", data={"csrf_token": _csrf(page.text)}).status_code == 302
    assert a.get("/dashboard").status_code == 302  # logged out on B: the session row is gone for A too


def test_a_feed_etag_from_one_instance_gives_304_on_the_other(app, second):
    with app.app_context():
        user, _ = factories.create_facilitator()
        trip = factories.create_trip(user, factories.create_client(user))
        _, token = create_trip_feed(user.id, trip.id, discreet=False)
    first = app.test_client().get(f"/feeds/{token}.ics")
    other = second.test_client().get(f"/feeds/{token}.ics")
    assert first.status_code == other.status_code == 200
    assert first.data == other.data and first.headers["ETag"] == other.headers["ETag"]
    again = second.test_client().get(f"/feeds/{token}.ics", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_the_same_scenario_plans_the_same_on_both_instances(app, second):
    answers = [instance.test_client().post("/api/plan", json=SCENARIO) for instance in (app, second, app, second)]
    assert [answer.status_code for answer in answers] == [200] * 4
    assert len({answer.data for answer in answers}) == 1  # first planned, then from each instance's own memo
