"""The reminder rules (planner/services/reminders/rules.py): pure, over the real catalog and engine."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import assume, given

from planner.core.model import StepKind
from planner.core.scenario import ScenarioError, parse_scenario
from planner.core.schedule import plan as make_plan
from planner.services.reminders import rules
from tests.core.scenario_strategies import CATALOG, scenarios

TRIP = "4f1d2c3b-0000-4000-8000-000000000001"


def _reminders(scenario: dict, trip: str = TRIP):
    request = parse_scenario(scenario, CATALOG)
    plan = make_plan(request, CATALOG)
    return plan, request, rules.trip_reminders(plan, request, CATALOG, trip_key=trip)


def _planned(scenario: dict):
    try:
        return _reminders(scenario)
    except ScenarioError:
        assume(False)


def _local(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone))


@given(scenarios())
def test_every_reminder_is_due_before_what_it_reminds_of(scenario):
    plan, _request, found = _planned(scenario)
    for reminder in found:
        assert reminder.due_at.tzinfo is not None and reminder.due_at.utcoffset() == timedelta(0)
        assert reminder.due_at < reminder.event_at
        assert reminder.code in rules.CODES
        assert datetime.fromisoformat(reminder.params["start"]) == reminder.event_at
        if reminder.code in (rules.FASTING, rules.PREPARATION):
            # before the preparation must start, not only before the appointment
            assert reminder.due_at <= reminder.event_at - timedelta(hours=reminder.params["hours"])
    starts = {a.start.astimezone(UTC) for a in plan.appointments}
    assert all(r.event_at in starts for r in found if r.code != rules.VISA)


@given(scenarios())
def test_keys_are_unique_per_trip_and_name_the_trip(scenario):
    _plan, _request, found = _planned(scenario)
    keys = [r.key for r in found]
    assert len(keys) == len(set(keys))
    assert all(key.startswith(f"{TRIP}/") and len(key) <= 300 for key in keys)
    assert found == tuple(sorted(found, key=lambda r: (r.due_at, r.key)))


@given(scenarios())
def test_the_same_plan_gives_the_same_reminders_and_keys(scenario):
    _plan, _request, first = _planned(scenario)
    _plan, _request, again = _reminders(scenario)
    assert [(r.key, r.code, r.due_at, r.event_at, r.params) for r in first] == [
        (r.key, r.code, r.due_at, r.event_at, r.params) for r in again
    ]
    _plan, _request, other = _reminders(scenario, trip="another-trip")
    assert not {r.key for r in first} & {r.key for r in other}


@given(scenarios())
def test_reminders_arrive_at_a_sensible_local_hour(scenario):
    _plan, request, found = _planned(scenario)
    home = request.traveller.home_timezone
    for reminder in found:
        hours = {_local(reminder.due_at, zone).time() for zone in (home, "Asia/Seoul")}
        if reminder.code == rules.FASTING:
            deadline = reminder.event_at - timedelta(hours=reminder.params["hours"] + 1)
            assert rules.EVENING in hours or reminder.due_at == deadline
        else:
            assert rules.MORNING in hours


@given(scenarios())
def test_a_resident_gets_no_visa_reminder_and_a_visitor_one_per_trip(scenario):
    plan, request, found = _planned(scenario)
    visas = [r for r in found if r.code == rules.VISA]
    assert len(visas) == (0 if request.resident else len(plan.visits))


def _checkup(**more) -> dict:
    return {
        "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
        "arrival": "2027-03-01T16:00",
        "departure": "2027-03-05T11:00",
        "treatments": [{"protocol": "health-checkup"}],
    } | more


def test_a_checkup_fast_is_reminded_at_six_the_evening_before_in_seoul():
    plan, _request, found = _reminders(_checkup())
    [checkup] = [a for a in plan.appointments if a.kind == StepKind.PROCEDURE]
    [fast] = [r for r in found if r.code == rules.FASTING]
    local = _local(fast.due_at, "Asia/Seoul")
    assert (local.date(), local.hour) == (_local(checkup.start, "Asia/Seoul").date() - timedelta(days=1), 18)
    assert fast.event_at == checkup.start.astimezone(UTC)
    assert fast.params["hours"] == 12 and "Fast for 8 to 12 hours" in fast.params["text"]
    assert fast.key == f"{TRIP}/fasting/{checkup.key}-0/{_local(checkup.start, 'Asia/Seoul').date()}"


def test_a_checkup_visit_gets_its_visa_papers_four_weeks_ahead_at_nine_at_home():
    plan, request, found = _reminders(_checkup())
    [visa] = [r for r in found if r.code == rules.VISA]
    local = _local(visa.due_at, "Europe/Lisbon")
    arrival = _local(plan.visits[0].arrival, "Europe/Lisbon")
    assert (local.date(), local.hour) == ((arrival - timedelta(weeks=4)).date(), 9)
    assert visa.params["keta"] is request.needs_keta


def test_stem_cells_stop_painkillers_seven_days_before_and_video_follow_ups_the_day_before():
    scenario = _checkup(treatments=[{"protocol": "stem-cell-knee-svf"}], departure="2027-03-09T11:00")
    plan, _request, found = _reminders(scenario)
    [harvest] = [r for r in found if r.code == rules.PREPARATION]
    assert harvest.due_at <= harvest.event_at - timedelta(days=7)
    assert _local(harvest.due_at, "Europe/Lisbon").hour == 9  # a week before, still at home
    assert "painkillers" in harvest.params["text"]
    videos = [r for r in found if r.code == rules.VIDEO]
    remote = [a for a in plan.appointments if a.kind == StepKind.REMOTE and not a.in_person]
    assert remote and len(videos) == len(remote)
    for reminder, appointment in zip(videos, sorted(remote, key=lambda a: a.start), strict=True):
        local = _local(reminder.due_at, appointment.timezone)
        assert local.date() == _local(appointment.start, appointment.timezone).date() - timedelta(days=1)
        assert local.hour == 9


def test_an_interpreter_is_booked_seven_days_before_the_first_visit_only_when_asked():
    _plan, _request, without = _reminders(_checkup())
    assert not [r for r in without if r.code == rules.INTERPRETER]
    plan, _request, found = _reminders(_checkup(interpreter=True))
    [book] = [r for r in found if r.code == rules.INTERPRETER]
    first = min(a.start for a in plan.appointments if a.in_person)
    assert book.event_at == first.astimezone(UTC)
    assert timedelta(days=6) < book.event_at - book.due_at <= timedelta(days=8)


def test_a_resident_is_not_reminded_of_visas():
    scenario = _checkup(traveller={"name": "Min", "home_timezone": "Asia/Seoul"})
    _plan, _request, found = _reminders(scenario)
    assert not [r for r in found if r.code == rules.VISA]
    assert [r.code for r in found] == [rules.FASTING, rules.VIDEO]  # the results call
