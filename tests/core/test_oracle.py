"""The oracle itself: silent on a hand-checked valid plan, and naming the rule on each broken copy."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from rules_oracle import violations
from strategies import SEOUL, make_catalog, make_clinic

from planner.core.model.itinerary import Appointment, Day, Notice, Plan, Visit
from planner.core.model.protocol import After, Count, Protocol, Step, StepKind
from planner.core.model.trip import Pin, Traveller, TreatmentRequest, TripRequest

STEM = Protocol(
    "stem",
    "Stem cells",
    "stem-cell",
    "",
    (
        Step("consult", StepKind.CONSULTATION, "Consultation", 60),
        Step("harvest", StepKind.PROCEDURE, "Harvest", 60, after=(After("consult", 0, 2),), invasive=True,
             rest_days=1, fly_after_days=2),
        Step("inject", StepKind.PROCEDURE, "Injection", 60, after=(After("harvest", 0, 0),), invasive=True,
             rest_days=1),
        Step("check", StepKind.CHECK, "Check", 30, after=(After("inject", 1, 3),)),
        Step("followup", StepKind.REMOTE, "Video call", 30, after=(After("inject", 7, 14),)),
    ),
)  # fmt: skip
ACU = Protocol(
    "acu",
    "Acupuncture",
    "acupuncture",
    "",
    (
        Step("consult", StepKind.CONSULTATION, "Consultation", 30),
        Step("session", StepKind.SESSION, "Session", 30, count=Count(0, 4, 3), counted=True, per_week_max=2,
             after=(After("consult"),)),
    ),
    count=Count(2, 4, 3),
)  # fmt: skip
LASER = Protocol(
    "laser",
    "Laser",
    "acupuncture",
    "",
    (Step("zap", StepKind.PROCEDURE, "Zap", 30, invasive=True, fly_after_days=8),),
)
CATALOG = make_catalog([STEM, ACU, LASER], [make_clinic("c-a"), make_clinic("c-b", "specialized")])
#: Monday 9 March 2026 08:00 in Seoul; Shanghai is one hour behind, so the jet-lag buffer is 1 day
ARRIVAL = datetime(2026, 3, 9, 8, 0, tzinfo=SEOUL)
DEPARTURE = datetime(2026, 3, 20, 18, 0, tzinfo=SEOUL)
REQUEST = TripRequest(
    Traveller("Ana", "Asia/Shanghai"),
    ARRIVAL,
    (TreatmentRequest("stem", clinic="c-a"), TreatmentRequest("acu", clinic="c-b"), TreatmentRequest("laser")),
    DEPARTURE,
)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A time in March 2026, Seoul."""
    return datetime(2026, 3, day, hour, minute, tzinfo=SEOUL)


def appt(protocol: Protocol, step_id: str, n: int, start: datetime, clinic: str) -> Appointment:
    """The n-th occurrence of a step at a time."""
    step = protocol.step(step_id)
    end = start + timedelta(minutes=step.minutes)
    key = f"{protocol.id}-{step_id}-{n}"
    return Appointment(key, protocol.id, step_id, n, step.kind, step.title, start, end, clinic, invasive=step.invasive)


APPOINTMENTS = (
    appt(STEM, "consult", 1, at(9, 11), "c-a"),
    appt(ACU, "consult", 1, at(9, 14), "c-b"),
    appt(STEM, "harvest", 1, at(10, 9), "c-a"),
    appt(STEM, "inject", 1, at(10, 14), "c-a"),
    appt(ACU, "session", 1, at(11, 9), "c-b"),
    appt(STEM, "check", 1, at(12, 10), "c-a"),
    appt(LASER, "zap", 1, at(12, 15), "c-a"),
    appt(ACU, "session", 2, at(13, 9), "c-b"),
    appt(ACU, "session", 3, at(18, 9), "c-b"),
    appt(STEM, "followup", 1, at(24, 10), "c-a"),
)


def days_for(appointments, first: date = date(2026, 3, 9), last: date = date(2026, 3, 20)) -> tuple[Day, ...]:
    """One Day per date with the in-person appointments on it."""
    out = []
    for n in range((last - first).days + 1):
        day = first + timedelta(days=n)
        keys = tuple(a.key for a in appointments if a.in_person and a.start.astimezone(SEOUL).date() == day)
        out.append(Day(day, "appointments" if keys else "free", keys))
    return tuple(out)


def plan_of(appointments=APPOINTMENTS, **changes) -> Plan:
    """A plan of these appointments for REQUEST, with the clot-risk warning it deserves."""
    base = Plan(
        feasible=True,
        arrival=ARRIVAL,
        departure=DEPARTURE,
        earliest_departure=DEPARTURE,
        appointments=tuple(appointments),
        days=days_for(appointments),
        visits=(Visit(1, ARRIVAL, DEPARTURE),),
        warnings=(Notice("clot_risk", "Long flight within 14 days of a procedure."),),
        jetlag_buffer_days=1,
    )
    return replace(base, **changes)


def moved(key: str, start: datetime, appointments=APPOINTMENTS) -> tuple[Appointment, ...]:
    """The appointments with one of them moved to a new start (same duration)."""
    return tuple(replace(a, start=start, end=start + (a.end - a.start)) if a.key == key else a for a in appointments)


def rules_broken(plan: Plan, request: TripRequest = REQUEST) -> set[str]:
    """The rule names (the part before the colon) the oracle reports."""
    return {message.split(":")[0] for message in violations(plan, request, CATALOG)}


def test_the_hand_checked_plan_is_valid():
    assert violations(plan_of(), REQUEST, CATALOG) == []


BROKEN = [
    ("session in the lunch break", moved("acu-session-1", at(11, 13)), "1 clinic open"),
    ("session on a Sunday", moved("acu-session-3", at(15, 9)), "1 clinic open"),
    ("two consultations at once", moved("acu-consult-1", at(9, 11, 30)), "2 overlap"),
    ("under an hour between clinics", moved("acu-consult-1", at(9, 12, 30)), "2 overlap"),
    ("too soon after landing", moved("stem-consult-1", at(9, 10)), "3 arrival"),
    ("too close to the flight home", moved("acu-session-3", at(20, 14)), "3 departure"),
    ("a session missing", APPOINTMENTS[:-2] + APPOINTMENTS[-1:], "4 counts"),
    ("three sessions in seven days", moved("acu-session-3", at(16, 9)), "5 per week"),
    ("two sessions on one day", moved("acu-session-2", at(11, 15)), "6 gap"),
    ("check outside its window", moved("stem-check-1", at(16, 10)), "7 after"),
    ("injection before the harvest ends", moved("stem-harvest-1", at(10, 15)), "7 after"),
    ("two treatments invasive on one day", moved("laser-zap-1", at(10, 16)), "8 invasive"),
    ("invasive on a rest day", moved("laser-zap-1", at(11, 15)), "9 rest"),
    ("invasive inside the jet-lag buffer", moved("laser-zap-1", at(9, 16)), "10 jet lag"),
    ("flight home too soon after", moved("laser-zap-1", at(13, 15)), "11 fit to fly"),
    ("video call before flying home", moved("stem-followup-1", at(19, 10)), "12 remote"),
]


@pytest.mark.parametrize(("appointments", "rule"), [case[1:] for case in BROKEN], ids=[c[0] for c in BROKEN])
def test_each_broken_rule_is_named(appointments, rule):
    assert rule in rules_broken(plan_of(appointments))


def test_remote_call_at_night_at_home_is_named():
    request = replace(REQUEST, traveller=Traveller("Ana", "Europe/Lisbon"))
    assert "12 remote" in rules_broken(plan_of(), request)


def test_appointment_in_an_unknown_visit_is_named():
    appointments = tuple(replace(a, visit=2) if a.key == "acu-consult-1" else a for a in APPOINTMENTS)
    assert "13 visits" in rules_broken(plan_of(appointments))


PLAN_LEVEL = [
    ("a day missing", {"days": days_for(APPOINTMENTS)[1:]}, "15 days"),
    ("feasible with a problem", {"problems": (Notice("cannot_fit", "no"),)}, "15 feasible"),
    ("infeasible without a problem", {"feasible": False}, "15 feasible"),
    ("another departure", {"departure": DEPARTURE + timedelta(days=1)}, "14 departure"),
    ("no clot warning", {"warnings": ()}, "warning clot_risk"),
    ("visa warning on a short stay", {"warnings": plan_of().warnings + (Notice("visa_limit", "x"),)},
     "warning visa_limit"),
    ("holiday warning without a holiday", {"warnings": plan_of().warnings + (Notice("holiday_moved", "x"),)},
     "warning holiday_moved"),
    ("wrong jet-lag buffer", {"jetlag_buffer_days": 0}, "10 jet lag"),
]  # fmt: skip


@pytest.mark.parametrize(("changes", "rule"), [case[1:] for case in PLAN_LEVEL], ids=[c[0] for c in PLAN_LEVEL])
def test_each_broken_plan_rule_is_named(changes, rule):
    assert rule in rules_broken(plan_of(**changes))


def test_shortest_stay_must_report_its_own_departure_as_earliest():
    request = replace(REQUEST, departure=None)
    assert rules_broken(plan_of(), request) == set()
    assert "14 shortest stay" in rules_broken(plan_of(earliest_departure=DEPARTURE - timedelta(days=1)), request)


def test_pinned_appointment_may_break_a_rule_only_with_a_warning():
    in_lunch = at(9, 13)
    request = replace(REQUEST, pins=(Pin("acu", "consult", 1, in_lunch),))
    pinned = tuple(replace(a, pinned=True) for a in moved("acu-consult-1", in_lunch) if a.key == "acu-consult-1")
    appointments = pinned + tuple(a for a in APPOINTMENTS if a.key != "acu-consult-1")
    warned = Notice(
        "pin_outside_hours", "The clinic confirmed a time in its lunch break.", protocol="acu", step="consult"
    )
    assert violations(plan_of(appointments, warnings=plan_of().warnings + (warned,)), request, CATALOG) == []
    unwarned = violations(plan_of(appointments), request, CATALOG)
    assert any(m.startswith("1 clinic open") and "pinned" in m for m in unwarned)


def test_a_pin_the_plan_ignores_is_named():
    request = replace(REQUEST, pins=(Pin("acu", "consult", 1, at(9, 15)),))
    assert "pins" in rules_broken(plan_of(), request)


def test_a_long_stay_needs_the_visa_warning():
    leave = datetime.combine(date(2026, 6, 20), time(18), SEOUL)
    plan = plan_of(
        departure=leave, visits=(Visit(1, ARRIVAL, leave),), days=days_for(APPOINTMENTS, last=leave.date()), warnings=()
    )
    assert "warning visa_limit" in rules_broken(plan, replace(REQUEST, departure=leave))
