"""The per-process memos of the plan page: plans, page content and Babel's texts never go stale or leak."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from flask import template_rendered

from planner.extensions import db
from planner.models import Trip
from planner.services.planning.plans import plan_scenario
from planner.services.planning.trips import save_trip, update_trip
from planner.views.plan_format import clock, long_day, money
from planner.views.plan_sections import CSRF_MARK, TOKEN_MARK

SCENARIO = {
    "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-03-01T15:00",
    "departure": "2027-04-20T18:00",
    "treatments": [{"protocol": "acupuncture-chronic-pain", "clinic_tier": "local"}],
}


@pytest.fixture
def app_config() -> dict:
    return {"WTF_CSRF_ENABLED": True}


@pytest.fixture
def token(app) -> str:
    with app.app_context():
        return save_trip(SCENARIO, discreet=False)


def _csrf_tokens(body: str) -> set[str]:
    return set(re.findall(r'name="csrf_token" value="([^"]+)"', body))


def _rendered(app, client, path: str) -> tuple[str, list[str]]:
    """The page's body and the names of the templates rendered for it."""
    names: list[str] = []

    def record(sender, template, context, **extra):
        names.append(template.name)

    with template_rendered.connected_to(record, app):
        body = client.get(path).get_data(as_text=True)
    return body, names


def test_two_sessions_get_their_own_csrf_tokens_from_the_kept_content(app, token):
    first, second = app.test_client(), app.test_client()
    body_one, rendered_one = _rendered(app, first, f"/t/{token}")
    body_two, rendered_two = _rendered(app, second, f"/t/{token}")
    assert "planner/_page.html" in rendered_one
    assert "planner/_page.html" not in rendered_two  # the second view is served from the memo
    tokens_one, tokens_two = _csrf_tokens(body_one), _csrf_tokens(body_two)
    assert len(tokens_one) == 1 and len(tokens_two) == 1 and tokens_one != tokens_two
    for body in (body_one, body_two):
        assert CSRF_MARK not in body and TOKEN_MARK not in body
        assert f"/t/{token}/link/replace" in body
    # each token works in its own session only
    (theirs,) = tokens_two
    assert first.post(f"/t/{token}/link/replace", data={"csrf_token": theirs}).status_code == 400
    (mine,) = tokens_one
    assert first.post(f"/t/{token}/link/replace", data={"csrf_token": mine, "confirm": "yes"}).status_code == 302


def test_a_changed_trip_is_never_served_stale(app, client, token):
    path = f"/t/{token}"
    assert "flying home Tue 20 Apr 2027" in client.get(path).get_data(as_text=True)
    with app.app_context():
        update_trip(token, {**SCENARIO, "departure": "2027-04-27T18:00"}, discreet=False)
    body = client.get(path).get_data(as_text=True)
    assert "flying home Tue 27 Apr 2027" in body and "flying home Tue 20 Apr" not in body
    with app.app_context():
        db.session.scalar(db.select(Trip)).title = "Renamed trip"
        db.session.commit()
    assert "<h1>Renamed trip</h1>" in client.get(path).get_data(as_text=True)


def test_another_link_of_the_same_trip_shows_its_own_token(app, client, token):
    client.get(f"/t/{token}")
    fresh = client.post(
        f"/t/{token}/link/replace",
        data={"csrf_token": _csrf_tokens(client.get(f"/t/{token}").text).pop(), "confirm": "yes"},
    )
    new_path = fresh.headers["Location"]
    body = client.get(new_path).get_data(as_text=True)
    assert f"{new_path}/link/replace" in body and token not in body


def test_plans_are_kept_per_scenario_pins_and_catalog(app):
    with app.app_context():
        first = plan_scenario(SCENARIO)
        assert plan_scenario(dict(SCENARIO)) is first
        later = plan_scenario({**SCENARIO, "arrival": "2027-03-02T15:00"})
        assert later is not first and later.plan.arrival != first.plan.arrival


def test_plan_memo_can_be_turned_off(app):
    app.config["PLANNER_PLAN_CACHE_SIZE"] = 0
    with app.app_context():
        assert plan_scenario(SCENARIO) is not plan_scenario(SCENARIO)
        assert plan_scenario(SCENARIO).plan == plan_scenario(SCENARIO).plan


def test_kept_times_and_dates_follow_the_wall_clock_not_the_instant():
    instant = datetime(2027, 3, 1, 23, 30, tzinfo=UTC)
    seoul = instant.astimezone(ZoneInfo("Asia/Seoul"))  # the same instant: 2 March, 08:30
    assert clock(instant) == "23:30" and clock(seoul) == "08:30"
    assert long_day(instant) == "Monday 1 March 2027" and long_day(seoul) == "Tuesday 2 March 2027"
    assert long_day(date(2027, 3, 2)) == "Tuesday 2 March 2027"


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [("1.5", "USD", "$1.50"), ("1.50", "USD", "$1.50"), ("25000", "KRW", "₩25,000"), ("1252.125", "EUR", "€1,252.12")],
)
def test_kept_money_texts_match_babel(amount, currency, text):
    assert money(Decimal(amount), currency) == text
