"""The stored plan summary follows every change of a trip; the lists read it in constant queries."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from planner.extensions import db
from planner.models import Trip, TripAppointment
from planner.services.planning.revisions import planned_trip
from tests.web import workspace_factories as factories
from tests.web.facilitator_helpers import PASSWORD, add_client, add_trip, queries_on, register, trip_form
from tests.web.planner_helpers import fix_buttons

CONSULTATION = "acupuncture-chronic-pain-consultation-1"


@pytest.fixture
def http(client):
    """A test client logged in as a facilitator."""
    register(client)
    return client


def _stored(trip_id: int) -> tuple[list[tuple], list[str]]:
    rows = db.session.scalars(
        select(TripAppointment)
        .where(TripAppointment.trip_id == trip_id)
        .order_by(TripAppointment.start, TripAppointment.key)
    )
    trip = db.session.get(Trip, trip_id)
    appointments = [(r.key, r.title, r.start, r.end, r.timezone, r.pinned, r.owner_id, r.client_id) for r in rows]
    # each stored problem keeps its code and values, and its English sentence
    return appointments, [problem["message"] for problem in trip.problems]


def _assert_fresh(app, trip_id: int) -> tuple[list[tuple], list[str]]:
    """The stored summary is exactly what planning the trip now gives; returns it."""
    with app.app_context():
        trip = db.session.get(Trip, trip_id)
        planned = planned_trip(trip)
        expected = sorted(
            (
                a.key,
                a.title,
                a.start.astimezone(UTC),
                a.end.astimezone(UTC),
                a.timezone,
                a.pinned,
                trip.owner_id,
                trip.client_id,
            )
            for a in planned.plan.appointments
        )
        appointments, problems = _stored(trip_id)
        assert sorted(appointments) == expected
        assert problems == [p.message for p in planned.plan.problems]
        assert trip.problem_count == len(problems)
        return appointments, problems


def _row(appointments: list[tuple], key: str) -> tuple:
    return next(row for row in appointments if row[0] == key)


def test_the_summary_follows_pin_unpin_edit_fix_status_and_duplicate(app, http):
    client_id = add_client(http, "Ana Silva")
    trip_id = add_trip(http, client_id)
    appointments, problems = _assert_fresh(app, trip_id)
    assert len(appointments) == 1 + 6 and problems == []  # the consultation, then 6 sessions

    # pin: the consultation moves to the confirmed time (14:30 in Seoul is 05:30 UTC)
    confirmed = {"key": CONSULTATION, "date": "2027-03-04", "time": "14:30"}
    assert http.post(f"/trips/{trip_id}/pins", data=confirmed).status_code == 302
    appointments, _ = _assert_fresh(app, trip_id)
    pinned = _row(appointments, CONSULTATION)
    assert pinned[2] == datetime(2027, 3, 4, 5, 30, tzinfo=UTC) and pinned[5] is True

    # unpin: the planner chooses its time again
    with app.app_context():
        pin_id = db.session.get(Trip, trip_id).pins[0].id
    assert http.post(f"/trips/{trip_id}/pins/{pin_id}/delete").status_code == 302
    appointments, _ = _assert_fresh(app, trip_id)
    assert _row(appointments, CONSULTATION)[5] is False

    # edit: 12 sessions in a 4-day stay cannot fit, so the trip now has problems and keeps the part that fits
    edited = trip_form(days=4, **{"treatments-0-count": "12"})
    assert http.post(f"/trips/{trip_id}/edit", data=edited).status_code == 302
    appointments, problems = _assert_fresh(app, trip_id)
    assert problems and 0 < len(appointments) < 1 + 12

    # fix: the page's "stay until …" fix makes it fit again
    [(fields, _label)] = [
        button for button in fix_buttons(http.get(f"/trips/{trip_id}").text) if set(button[0]) == {"fix_departure"}
    ][:1]
    assert http.post(f"/trips/{trip_id}/fix", data=fields).status_code == 302
    appointments, problems = _assert_fresh(app, trip_id)
    assert len(appointments) == 1 + 12 and problems == []

    # status: the summary stays exact and the trip waits for the clinic
    assert http.post(f"/trips/{trip_id}/status", data={"status": "proposed"}).status_code == 302
    _assert_fresh(app, trip_id)

    # duplicate: the copy has its own summary, under the other client
    other = add_client(http, "Bora Kim")
    response = http.post(f"/trips/{trip_id}/duplicate", data={"client": str(other)})
    copy_id = int(response.location.rstrip("/").rsplit("/", 1)[1])
    appointments, _ = _assert_fresh(app, copy_id)
    assert {row[7] for row in appointments} == {other}


@pytest.mark.parametrize("how", ["erase", "delete"])
def test_erasing_or_deleting_a_client_removes_their_summaries(app, http, how):
    ana = add_client(http, "Ana Silva")
    bora = add_client(http, "Bora Kim")
    gone = add_trip(http, ana)
    kept = add_trip(http, bora)
    if how == "erase":
        assert (
            http.post(f"/clients/{ana}/erase", data={"confirm_name": "Ana Silva", "password": PASSWORD}).status_code
            == 302
        )
    else:
        assert http.post(f"/clients/{ana}/delete", data={"confirm": "yes"}).status_code == 302
    with app.app_context():
        left = db.session.scalars(select(TripAppointment.trip_id).distinct()).all()
    assert left == [kept] and gone not in left


def test_refresh_plans_rewrites_every_summary(app, http, runner):
    trip_id = add_trip(http, add_client(http))
    before, _ = _assert_fresh(app, trip_id)
    with app.app_context():
        db.session.execute(TripAppointment.__table__.delete())
        db.session.get(Trip, trip_id).problems = ["stale"]
        db.session.commit()
    result = runner.invoke(args=["refresh-plans"])
    assert result.exit_code == 0 and "1 trip" in result.output
    after, problems = _assert_fresh(app, trip_id)
    assert after == before and problems == []


def _scenario(arrival: datetime) -> dict:
    scenario = copy.deepcopy(factories.KNEE)
    scenario["arrival"] = arrival.strftime("%Y-%m-%dT%H:%M")
    scenario["departure"] = (arrival + timedelta(days=19)).strftime("%Y-%m-%dT%H:%M")
    return scenario


def _fill(app, owner, clients: int, trips: int) -> None:
    """Clients and trips arriving from tomorrow on (a few fall in the dashboard's 14 days)."""
    today = (
        app.config["PLANNER_CLOCK"]()
        .astimezone(ZoneInfo("Asia/Seoul"))
        .replace(hour=16, minute=0, second=0, microsecond=0)
    )
    tomorrow = today + timedelta(days=1)
    with app.app_context():
        made = [
            factories.create_client(owner, f"Client {db.session.scalar(select(func.count(Trip.id)))}-{n}")
            for n in range(clients)
        ]
        for n in range(trips):
            factories.create_trip(
                owner,
                made[n % clients],
                _scenario(tomorrow + timedelta(days=n % 30)),
                status=("draft", "proposed")[n % 2],
            )


@pytest.mark.parametrize("path", ["/dashboard", "/clients/", "/clients/?sort=next", "/clients/?sort=next&page=2"])
def test_the_lists_cost_the_same_queries_for_10_and_100_trips(app, client, path):
    with app.app_context():
        user, browser = factories.create_facilitator()
        factories.log_in(client, user, browser)
        owner = SimpleNamespace(id=user.id, agency_id=user.agency_id)
    _fill(app, owner, 10, 10)
    few = queries_on(app, client, path)
    _fill(app, owner, 90, 90)
    many = queries_on(app, client, path)
    assert many == few
    page = client.get(path).text
    if path == "/dashboard":
        assert "Knee" in page and "of 100 trips" not in page
    else:
        assert "Page " in page and "(100 clients)" in page
