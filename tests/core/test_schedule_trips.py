"""The scheduler as a whole: shortest stay, two trips, pins, problems and fixes, bad input,
determinism, and the real catalog's worked case."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import time

import pytest
from factories import harvest_protocol, implant_protocol, make_catalog, make_clinic, make_request, seoul
from factories import session_protocol as sessions
from worded import plan

from planner.core.catalog.load import load_catalog
from planner.core.model.protocol import After, Protocol, Step, StepKind
from planner.core.model.trip import Flight, Pin, TreatmentRequest
from planner.core.schedule.run import earliest_departure

CONSULT = Protocol("one", "One step", "any", "", (Step("visit", StepKind.CONSULTATION, "Visit", 60),))


@pytest.mark.parametrize(
    ("arrival", "departure"),
    [
        (seoul(2025, 9, 15, 8), seoul(2025, 9, 15, 18)),  # ends 12:00, +5 h fits before 18:00
        (seoul(2025, 9, 15, 10), seoul(2025, 9, 15, 20)),  # ends 15:00 after lunch: later that day
        (seoul(2025, 9, 15, 14), seoul(2025, 9, 15, 23)),  # ends 18:00
        (seoul(2025, 9, 15, 15), seoul(2025, 9, 16, 18)),  # no slot Monday: Tuesday at the default time
    ],
)
def test_shortest_stay_departure_time(arrival, departure):
    request = make_request("one", arrival=arrival)
    result = plan(request, make_catalog(CONSULT))
    assert (result.departure, result.earliest_departure) == (departure, departure)
    assert result.visits[0].proposed
    assert earliest_departure(request, make_catalog(CONSULT)) == departure


def test_a_given_departure_still_reports_the_earliest_one():
    request = make_request("one", arrival=seoul(2025, 9, 15, 8), departure=seoul(2025, 9, 20, 18))
    result = plan(request, make_catalog(CONSULT))
    assert result.departure == seoul(2025, 9, 20, 18)
    assert result.earliest_departure == seoul(2025, 9, 15, 18)
    assert not result.visits[0].proposed


def test_departure_morning_leaves_no_room_that_day():
    request = make_request("one", arrival=seoul(2025, 9, 15, 16, 30), departure=seoul(2025, 9, 16, 12))
    result = plan(request, make_catalog(CONSULT))
    # 09:00 Tuesday would end at 10:00, but the flight needs 5 hours: 07:00 at the latest
    assert not result.feasible
    assert [p.code for p in result.problems] == ["stay_too_short"]
    assert result.problems[0].fix == {"departure": seoul(2025, 9, 16, 18).isoformat()}
    # the fix says everything it changes: the date and the flight's time
    assert result.problems[0].message == (
        "The treatments need until Tuesday, 16 September 2025; it works with a stay until 16 September, "
        "with the flight home moved from 12:00 to 18:00 Seoul time."
    )


def test_fly_after_makes_a_short_stay_too_short():
    request = make_request("cells", arrival=seoul(2025, 9, 15, 8), departure=seoul(2025, 9, 17, 18))
    result = plan(request, make_catalog(harvest_protocol()))
    assert [p.code for p in result.problems] == ["stay_too_short"]
    assert result.problems[0].fix["departure"] == seoul(2025, 9, 18, 18).isoformat()


def test_window_missed_names_the_step_and_the_rule():
    fridays = make_clinic(hours=((),) * 4 + (((time(9), time(18)),), (), ()), lunch=None)
    steps = (
        Step("harvest", StepKind.PROCEDURE, "Harvest", 60, invasive=True),
        Step("injection", StepKind.PROCEDURE, "Injection", 60, after=(After("harvest", 1, 1),)),
    )
    protocol = Protocol("cells", "Cells", "any", "", steps)
    result = plan(make_request("cells", arrival=seoul(2025, 9, 15, 8)), make_catalog(protocol, clinics=(fridays,)))
    assert not result.feasible and result.earliest_departure is None
    problem = result.problems[0]
    assert (problem.code, problem.step) == ("window_missed", "injection")
    assert problem.message.startswith("A harvest on Friday leaves no open day within 1 day for the injection.")


def test_fewer_sessions_is_offered_when_nothing_else_fits():
    rules = replace(make_catalog().rules, max_stay_days=20)
    request = make_request(TreatmentRequest("acu", count=12), arrival=seoul(2025, 9, 15, 8))
    result = plan(request, make_catalog(sessions(), rules=rules))
    # twice a week from Mon 15 Sep: the 6th session is on Wed 1 Oct, day 16; a 7th would be day 21
    assert [p.code for p in result.problems] == ["cannot_fit"]
    assert result.problems[0].fix == {"count": "6", "treatment": "0"}


def test_two_trip_protocol_proposes_a_second_visit():
    result = plan(make_request("implant", arrival=seoul(2025, 9, 15, 8)), make_catalog(implant_protocol()))
    crown = next(a for a in result.appointments if a.step == "crown")
    # placement Mon 15 Sep after lunch, fly a day later; crown ≥ 90 days later: Sun 14 Dec → Mon 15 Dec
    assert result.departure == seoul(2025, 9, 16, 18)
    assert crown.visit == 2 and crown.start == seoul(2025, 12, 15, 9)
    second = result.visits[1]
    assert (second.number, second.proposed) == (2, True)
    assert (second.arrival, second.departure) == (seoul(2025, 12, 14, 8), seoul(2025, 12, 15, 18))
    assert {d.visit for d in result.days} == {1, 2}


def test_two_trip_protocol_keeps_one_trip_when_the_stay_covers_it():
    # a visitor from Tokyo (no time difference); a Seoul resident needs no visa
    request = make_request(
        "implant", arrival=seoul(2025, 9, 15, 8), departure=seoul(2025, 12, 20, 18), home="Asia/Tokyo"
    )
    result = plan(request, make_catalog(implant_protocol()))
    assert result.feasible and len(result.visits) == 1
    assert {a.visit for a in result.appointments} == {1}
    assert "visa_limit" in {w.code for w in result.warnings}


def test_pinned_session_is_a_fixed_point():
    pin = Pin("acu", "session", 3, seoul(2025, 9, 25, 10))
    request = make_request("acu", arrival=seoul(2025, 9, 15, 8), pins=(pin,))
    result = plan(request, make_catalog(sessions()))
    days = [(a.start.month, a.start.day) for a in result.appointments if a.step == "session"]
    # around Thu 25: Sat 27 keeps two in any 7 days; Mon 29–Wed 1 would make three; 3 Oct is a holiday
    assert days == [(9, 15), (9, 17), (9, 25), (9, 27), (10, 2), (10, 4)]
    pinned = next(a for a in result.appointments if a.pinned)
    assert (pinned.key, pinned.start) == ("acu-session-3", seoul(2025, 9, 25, 10))
    assert result.feasible and not result.warnings


def test_a_pin_on_a_closed_day_stays_with_a_warning():
    pin = Pin("one", "visit", 1, seoul(2025, 9, 21, 10))  # a Sunday
    request = make_request("one", arrival=seoul(2025, 9, 15, 8), pins=(pin,))
    result = plan(request, make_catalog(CONSULT))
    assert result.feasible
    assert result.appointments[0].start == seoul(2025, 9, 21, 10)
    assert [w.code for w in result.warnings] == ["pin_conflict"]
    assert "opening hours" in result.warnings[0].message


def test_a_pin_outside_the_stay_is_a_problem():
    pin = Pin("one", "visit", 1, seoul(2025, 9, 22, 10))
    request = make_request("one", arrival=seoul(2025, 9, 15, 8), departure=seoul(2025, 9, 19, 18), pins=(pin,))
    result = plan(request, make_catalog(CONSULT))
    assert not result.feasible
    assert [p.code for p in result.problems] == ["pin_conflict"]


@pytest.mark.parametrize(
    ("inbound", "days_after", "warned"),
    [(None, 2, True), (Flight(seoul(2025, 9, 17, 18), hours=2), 2, False), (Flight(seoul(2025, 9, 17, 18)), 2, True)],
)
def test_clot_risk_on_a_long_flight_after_a_procedure(inbound, days_after, warned):
    # a visitor from Tokyo (no time difference): a Seoul resident without a flight does not fly
    request = make_request("cells", arrival=seoul(2025, 9, 15, 8), inbound=inbound, home="Asia/Tokyo")
    catalog = make_catalog(harvest_protocol())
    result = plan(request, catalog)
    assert ("clot_risk" in {w.code for w in result.warnings}) == warned
    resident = plan(replace(request, traveller=replace(request.traveller, home_timezone="Asia/Seoul")), catalog)
    assert ("clot_risk" in {w.code for w in resident.warnings}) == (warned and inbound is not None)


def test_same_input_same_plan():
    request = make_request("acu", "cells", arrival=seoul(2025, 9, 15, 8), home="Europe/Lisbon")
    catalog = make_catalog()
    assert plan(request, catalog) == plan(request, catalog)


def test_the_same_protocol_twice_gets_a_suffixed_key():
    result = plan(make_request("one", "one", arrival=seoul(2025, 9, 15, 8)), make_catalog(CONSULT))
    assert [a.key for a in result.appointments] == ["one-visit-1", "one~2-visit-1"]
    assert result.appointments[1].start == seoul(2025, 9, 15, 12)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"treatments": (TreatmentRequest("nope"),)}, "treatments[0].protocol"),
        ({"treatments": (TreatmentRequest("acu", clinic="nope"),)}, "treatments[0].clinic"),
        ({"treatments": (TreatmentRequest("acu", count=99),)}, "treatments[0].count"),
        ({"treatments": (TreatmentRequest("acu", clinic_tier="university"),)}, "treatments[0].clinic_tier"),
        ({"treatments": ()}, "treatments"),
        ({"departure": seoul(2025, 9, 14, 8)}, "departure"),
        ({"pins": (Pin("acu", "nope", 1, seoul(2025, 9, 16, 9)),)}, "pins[0].step"),
        ({"pins": (Pin("acu", "session", 7, seoul(2025, 9, 16, 9)),)}, "pins[0].occurrence"),
    ],
)
def test_bad_input_names_the_field(change, field):
    request = replace(make_request("acu", arrival=seoul(2025, 9, 15, 8)), **change)
    with pytest.raises(ValueError, match="^" + re.escape(field) + ":"):
        plan(request, make_catalog())


def test_seed_worked_case_chronic_pain_twice_weekly_for_three_weeks():
    """Seed 000: chronic neck/shoulder pain, six sessions → twice a week for three weeks."""
    request = make_request(TreatmentRequest("acupuncture-chronic-pain", count=6), arrival=seoul(2025, 9, 15, 8))
    result = plan(request, load_catalog())
    sessions_ = [a.start.date() for a in result.appointments if a.step == "intensive"]
    assert len(sessions_) == 6
    weeks = [(d - sessions_[0]).days // 7 for d in sessions_]
    assert weeks == [0, 0, 1, 1, 2, 2]
    assert result.feasible and (result.departure.date() - result.arrival.date()).days < 21


@pytest.mark.parametrize("protocol", sorted(load_catalog().protocols))
def test_every_catalog_protocol_plans(protocol):
    result = plan(make_request(protocol, arrival=seoul(2025, 9, 15, 8), home="Europe/Lisbon"), load_catalog())
    assert result.feasible, result.problems
    assert result.departure == result.earliest_departure
