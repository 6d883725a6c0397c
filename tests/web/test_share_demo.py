"""``flask seed-demo``: fills an empty database, prints working logins, links and feeds; refuses otherwise."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from planner.extensions import db
from planner.models import Client, Trip, User
from planner.services.accounts.users import log_in
from planner.services.planning.revisions import planned_trip
from tests.web.workspace_factories import create_facilitator

BASE = "https://planner.example.org"
TRIP_LINE = re.compile(
    rf"^trip {re.escape(BASE)}/shared/([A-Za-z0-9_-]{{43}}) "
    rf"{re.escape(BASE)}/feeds/([A-Za-z0-9_-]{{43}})\.ics \S+@\S+: .+$"
)


@pytest.fixture
def app_config() -> dict:
    return {"PLANNER_BASE_URL": BASE + "/"}


def test_seed_demo_prints_logins_links_and_feeds_that_work(app, runner):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    logins = [line.split(maxsplit=4) for line in lines if line.startswith("facilitator ")]
    trips = [TRIP_LINE.match(line) for line in lines if line.startswith("trip ")]
    assert len(lines) == len(logins) + len(trips)
    # facilitator EMAIL PASSWORD ROLE AGENCY: two agencies, one with an owner, a coordinator and a finance member
    assert all(len(words) == 5 for words in logins)
    agencies = {}
    for _, _email, _, role, agency in logins:
        agencies.setdefault(agency, []).append(role)
    assert len(agencies) == 2 and sorted(max(agencies.values(), key=len)) == ["coordinator", "finance", "owner"]
    assert len(trips) >= 4 and all(trips)
    with app.app_context():
        for _, email, password, role, _ in logins:
            user, _ = log_in(email, password)
            assert user.role == role
            if role == "owner":
                assert db.session.scalar(select(func.count(Client.id)).where(Client.owner_id == user.agency_id)) >= 2
            if role == "coordinator":  # the demo assigns them clients of their own
                assert db.session.scalar(select(func.count(Client.id)).where(Client.coordinator_id == user.id)) >= 1
        for trip in db.session.scalars(select(Trip)):
            planned = planned_trip(trip)
            assert planned is not None and planned.plan.feasible, trip.title
            assert planned.plan.arrival.year == 2027
    http = app.test_client()
    for match in trips:
        assert http.get(f"/shared/{match.group(1)}").status_code == 200
        feed = http.get(f"/feeds/{match.group(2)}.ics")
        assert feed.status_code == 200 and feed.data.count(b"BEGIN:VEVENT") >= 2


def test_seed_demo_refuses_a_database_that_is_not_empty(app, runner):
    with app.app_context():
        create_facilitator("someone@example.com")
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert "not empty" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(User.id))) == 1
        assert db.session.scalar(select(func.count(Trip.id))) == 0


def test_seed_demo_twice_refuses_the_second_time(app, runner):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    with app.app_context():
        trips = db.session.scalar(select(func.count(Trip.id)))
    assert runner.invoke(args=["seed-demo"]).exit_code == 2
    with app.app_context():
        assert db.session.scalar(select(func.count(Trip.id))) == trips


def test_seed_demo_gives_a_korean_and_a_chinese_client_with_entry_papers(app, runner):
    from planner.i18n import words_for
    from planner.services.documents.checklist import trip_checklist

    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    with app.app_context():
        clients = db.session.scalars(select(Client)).all()
        by_language = {c.language: c for c in clients}
        assert {"ko", "zh_Hans"} <= set(by_language)
        for language in ("ko", "zh_Hans"):
            client = by_language[language]
            assert client.contact.endswith("@example.com") and client.nationality
            [trip, *_] = client.trips
            codes = {item.code for item in trip_checklist(trip, words_for(language))}
            # a nationality known: the checklist names the permit, it does not ask to check which one
            assert codes & {"keta", "visa_c33", "visa_g110"} and "entry_check" not in codes
