"""The scheduler, one rule at a time: hand-checked times on a clinic open Mon–Fri 9–18 (lunch
13–14) and Saturday 9–13, in a quiet fortnight of September 2025 unless a holiday is the point."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

import pytest
from factories import harvest_protocol, make_catalog, make_clinic, make_request, seoul, session_protocol
from worded import plan

from planner.core.model.protocol import After, Count, Protocol, Step, StepKind


def one_step(minutes=60, kind=StepKind.CONSULTATION, **step) -> Protocol:
    """A protocol with a single step."""
    return Protocol("one", "One step", "any", "", (Step("visit", kind, "Visit", minutes, **step),))


def starts(result, step=None):
    return [a.start for a in result.appointments if step is None or a.step == step]


@pytest.mark.parametrize(
    ("case", "arrival", "minutes", "expected"),
    [
        ("three hours to reach the clinic", seoul(2025, 9, 15, 8), 60, seoul(2025, 9, 15, 11)),
        ("on the 30-minute grid", seoul(2025, 9, 15, 8, 10), 60, seoul(2025, 9, 15, 11, 30)),
        ("not across lunch", seoul(2025, 9, 15, 10), 60, seoul(2025, 9, 15, 14)),
        ("a long visit waits for the afternoon", seoul(2025, 9, 15, 8), 150, seoul(2025, 9, 15, 14)),
        ("arrival late in the day", seoul(2025, 9, 15, 16, 30), 60, seoul(2025, 9, 16, 9)),
        ("Saturday morning only", seoul(2025, 9, 19, 16), 60, seoul(2025, 9, 20, 9)),
        ("a four-hour visit takes the afternoon", seoul(2025, 9, 15, 8), 240, seoul(2025, 9, 15, 14)),
        ("Sunday closed", seoul(2025, 9, 20, 11), 60, seoul(2025, 9, 22, 9)),
        ("National Foundation Day", seoul(2025, 10, 2, 17), 60, seoul(2025, 10, 4, 9)),
        ("1 March, Sunday, alternative holiday", seoul(2025, 2, 28, 17), 60, seoul(2025, 3, 4, 9)),
    ],
)
def test_one_visit_lands_on_the_first_open_slot(case, arrival, minutes, expected):
    result = plan(make_request("one", arrival=arrival), make_catalog(one_step(minutes)))
    assert result.feasible, case
    assert starts(result) == [expected], case


@pytest.mark.parametrize(
    ("arrival", "moved_by"),
    [
        (seoul(2025, 10, 2, 17), "3 October is National Foundation Day"),
        (seoul(2025, 2, 28, 17), "1 March is Independence Movement Day"),
    ],
)
def test_a_holiday_move_is_explained(arrival, moved_by):
    result = plan(make_request("one", arrival=arrival), make_catalog(one_step()))
    assert result.appointments[0].moved_by == moved_by
    assert [w.code for w in result.warnings] == ["holiday_moved"]
    assert moved_by in result.warnings[0].message


def test_a_clinic_closure_moves_the_visit_too():
    clinic = make_clinic(closures=frozenset({seoul(2025, 9, 16).date()}))
    request = make_request("one", arrival=seoul(2025, 9, 15, 16, 30))
    result = plan(request, make_catalog(one_step(), clinics=(clinic,)))
    assert starts(result) == [seoul(2025, 9, 17, 9)]
    assert result.appointments[0].moved_by == "the clinic is closed on 16 September"


def test_an_extra_opening_on_a_sunday_is_used():
    clinic = make_clinic(openings={seoul(2025, 9, 21).date(): ((time(10), time(12)),)})
    result = plan(make_request("one", arrival=seoul(2025, 9, 20, 11)), make_catalog(one_step(), clinics=(clinic,)))
    assert starts(result) == [seoul(2025, 9, 21, 10)]


def test_sessions_twice_a_week_two_days_apart():
    result = plan(make_request("acu", arrival=seoul(2025, 9, 15, 8)), make_catalog(session_protocol()))
    # Mon 15 after the consultation, Wed 17; Fri 19 and Sat 20 would be a third in 7 days
    days = [a.start.day for a in result.appointments if a.step == "session"]
    assert days == [15, 17, 22, 24, 29, 1]
    assert starts(result, "session")[0] == seoul(2025, 9, 15, 12)
    assert [a.title for a in result.appointments][:2] == ["Consultation", "Acupuncture session (1 of 6)"]


def test_min_gap_zero_allows_the_same_day_without_overlap():
    step = Step("visit", StepKind.SESSION, "Visit", 60, count=Count(2, 2, 2), min_gap_days=0)
    result = plan(make_request("one"), make_catalog(replace(one_step(), steps=(step,))))
    # arrival Mon 3 March 2025 is the alternative holiday for 1 March: Tuesday, back to back
    assert starts(result) == [seoul(2025, 3, 4, 9), seoul(2025, 3, 4, 10)]


def test_harvest_processing_and_injection_share_a_day():
    result = plan(make_request("cells", arrival=seoul(2025, 9, 15, 8)), make_catalog(harvest_protocol()))
    by_step = {a.step: (a.start, a.end) for a in result.appointments}
    # Monday afternoon leaves no room for the injection before 18:00, so the harvest moves to Tuesday
    assert by_step["harvest"] == (seoul(2025, 9, 16, 9), seoul(2025, 9, 16, 11))
    assert by_step["processing"] == (seoul(2025, 9, 16, 11), seoul(2025, 9, 16, 12, 30))
    assert by_step["injection"] == (seoul(2025, 9, 16, 14), seoul(2025, 9, 16, 15))
    assert result.departure == seoul(2025, 9, 18, 18)  # fly two days after


def test_the_lab_step_does_not_block_the_patient():
    result = plan(make_request("cells", arrival=seoul(2025, 9, 15, 8)), make_catalog(harvest_protocol()))
    lab = next(a for a in result.appointments if a.kind is StepKind.LAB)
    assert not lab.in_person


def test_rest_days_keep_another_treatments_procedure_away():
    biopsy = Protocol(
        "biopsy", "Biopsy", "any", "", (Step("biopsy", StepKind.PROCEDURE, "Biopsy", 60, invasive=True, rest_days=1),)
    )
    request = make_request("cells", "biopsy", arrival=seoul(2025, 9, 15, 8))
    result = plan(request, make_catalog(harvest_protocol(), biopsy))
    # cells: harvest and injection Tue 16, rest 2 days after the harvest → biopsy Fri 19
    assert starts(result, "biopsy") == [seoul(2025, 9, 19, 9)]
    kinds = {d.date.day: d.kind for d in result.days}
    assert kinds[17] == "rest" and kinds[18] == "rest"


@pytest.mark.parametrize(
    ("home", "buffer", "day"),
    [
        ("Asia/Tokyo", 0, 15),  # same offset as Seoul
        ("Asia/Bangkok", 1, 16),  # 2 zones: one day
        ("Europe/Lisbon", 3, 18),  # 8 zones east: 8 × 1 × 0.5 = 4, at most 3 (jetlag_buffer_max_days)
        ("America/New_York", 3, 18),  # 11 zones west: ⌈11 × 0.67 × 0.5⌉ = 4, at most 3
        ("America/Los_Angeles", 3, 18),  # 8 zones west: ⌈8 × 0.67 × 0.5⌉
    ],
)
def test_jet_lag_delays_invasive_steps(home, buffer, day):
    protocol = one_step(kind=StepKind.PROCEDURE, invasive=True)
    result = plan(make_request("one", arrival=seoul(2025, 9, 15, 8), home=home), make_catalog(protocol))
    assert result.jetlag_buffer_days == buffer
    assert result.appointments[0].start.day == day
    assert ("jetlag_buffer" in {w.code for w in result.warnings}) == (buffer > 0)


@pytest.mark.parametrize(
    ("home", "buffer", "day"),
    [("Asia/Tokyo", 0, 15), ("Asia/Bangkok", 1, 16), ("Europe/Lisbon", 1, 16), ("America/New_York", 1, 16)],
)
def test_a_low_risk_step_waits_one_night_at_most(home, buffer, day):
    # a checkup under light sedation or an IV drip: low_risk_buffer_days, not the procedure's wait
    protocol = one_step(kind=StepKind.PROCEDURE, invasive=True, low_risk=True)
    result = plan(make_request("one", arrival=seoul(2025, 9, 15, 8), home=home), make_catalog(protocol))
    assert result.jetlag_buffer_days == buffer
    assert result.appointments[0].start.day == day


def test_jet_lag_does_not_delay_a_consultation():
    result = plan(make_request("one", arrival=seoul(2025, 9, 15, 8), home="Europe/Lisbon"), make_catalog(one_step()))
    assert starts(result) == [seoul(2025, 9, 15, 11)]


@pytest.mark.parametrize(("fly_after", "departure_day"), [(0, 15), (1, 16), (3, 18)])
def test_fly_after_sets_the_departure_date(fly_after, departure_day):
    protocol = one_step(kind=StepKind.PROCEDURE, fly_after_days=fly_after)
    result = plan(make_request("one", arrival=seoul(2025, 9, 15, 8)), make_catalog(protocol))
    assert result.departure == seoul(2025, 9, departure_day, 18)


def test_remote_follow_up_is_in_waking_hours_at_home():
    result = plan(
        make_request("cells", arrival=seoul(2025, 9, 15, 8), home="America/New_York"), make_catalog(harvest_protocol())
    )
    follow = next(a for a in result.appointments if a.step == "followup")
    injection = next(a for a in result.appointments if a.step == "injection")
    assert injection.start.date() == seoul(2025, 9, 18).date()  # jet lag: 3 days (the most)
    # 28 days later is Thu 16 Oct in Seoul; 09:00 there is 20:00 the evening before in New York
    assert follow.timezone == "America/New_York"
    assert follow.start == seoul(2025, 10, 16, 9)
    assert (follow.start.hour, follow.start.day, follow.start.tzname()) == (20, 15, "EDT")


@pytest.mark.parametrize(
    ("after", "expected"),
    [(After("a", 0, None), seoul(2025, 9, 15, 12)), (After("a", 2, None), seoul(2025, 9, 17, 9))],
)
def test_after_min_days(after, expected):
    steps = (
        Step("a", StepKind.CONSULTATION, "A", 60),
        Step("b", StepKind.CHECK, "B", 30, after=(after,)),
    )
    protocol = Protocol("one", "Two steps", "any", "", steps)
    result = plan(make_request("one", arrival=seoul(2025, 9, 15, 8)), make_catalog(protocol))
    assert starts(result, "b") == [expected]
