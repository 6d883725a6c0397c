"""Pins are refused at entry, naming the field and the reason, when they could only trap the trip.

Regressions: ``test_bug_second_pin_for_one_occurrence_lost_the_first`` and
``test_bug_processing_pinned_before_the_harvest_was_feasible``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import examples

from planner.core.catalog import load_catalog
from planner.core.model import Pin
from planner.core.scenario import ScenarioError, parse_scenario, pin_errors
from planner.core.schedule import plan

CATALOG = load_catalog()
KNEE = {
    "traveller": {"name": "Ana", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-03-02T08:00",
    "departure": "2027-03-20T18:00",
    "treatments": [{"protocol": "stem-cell-knee-svf"}],
}
ACUPUNCTURE = {
    "traveller": {"name": "Ana", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-02-28T16:00",
    "departure": "2027-03-21T11:00",
    "treatments": [{"protocol": "acupuncture-chronic-pain", "count": 6, "clinic_tier": "local"}],
}


def _pin(step: str, start: str, occurrence: int = 1, protocol: str = "stem-cell-knee-svf") -> dict:
    return {"protocol": protocol, "step": step, "occurrence": occurrence, "start": start}


def _refused(scenario: dict, *pins: dict) -> ScenarioError:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(scenario | {"pins": list(pins)}, CATALOG)
    return caught.value


@pytest.mark.parametrize(
    ("pins", "field", "words"),
    [
        ([_pin("consultation", "2027-03-01T10:00")], "pins[0].start", "is before your arrival"),
        ([_pin("wound-check", "2027-03-21T10:00")], "pins[0].start", "is after your flight home"),
        ([_pin("harvest", "2027-03-07T10:00")], "pins[0].start", "the clinic is closed on Sunday 7 March"),
        ([_pin("harvest", "2027-03-08T12:30")], "pins[0].start", "is outside the clinic's hours that day"),
        ([_pin("harvest", "2027-03-08T21:00")], "pins[0].start", "is outside the clinic's hours"),
        (
            [_pin("consultation", "2027-03-02T14:00"), _pin("consultation", "2027-03-03T14:00")],
            "pins[1].occurrence",
            "is already confirmed (pins[0])",
        ),
        (
            [_pin("harvest", "2027-03-08T09:00"), _pin("processing", "2027-03-08T08:00")],
            "pins[1].start",
            "must come after the fat harvest",
        ),
        (
            [_pin("injection", "2027-03-08T15:00"), _pin("harvest", "2027-03-09T09:00")],
            "pins[1].start",
            "the knee injection must come after the fat harvest",
        ),
        (
            [_pin("harvest", "2027-03-08T09:00"), _pin("consultation", "2027-03-08T09:30")],
            "pins[1].start",
            "overlaps",
        ),
    ],
)
def test_a_pin_that_would_trap_the_trip_is_refused_naming_the_field(pins, field, words):
    error = _refused(KNEE, *pins)
    assert error.field == field
    assert words in error.reason


def test_bug_second_pin_for_one_occurrence_lost_the_first():
    error = _refused(
        ACUPUNCTURE,
        _pin("intensive", "2027-03-03T10:00", 1, "acupuncture-chronic-pain"),
        _pin("intensive", "2027-03-04T10:00", 1, "acupuncture-chronic-pain"),
    )
    assert error.field == "pins[1].occurrence"


def test_bug_processing_pinned_before_the_harvest_was_feasible():
    error = _refused(KNEE, _pin("processing", "2027-03-08T08:00"), _pin("harvest", "2027-03-08T10:00"))
    assert (error.field, "must come after") == ("pins[1].start", "must come after")
    assert "cell processing" in error.reason.lower()


def test_later_sessions_cannot_be_pinned_before_earlier_ones():
    error = _refused(
        ACUPUNCTURE,
        _pin("intensive", "2027-03-05T10:00", 2, "acupuncture-chronic-pain"),
        _pin("intensive", "2027-03-04T10:00", 3, "acupuncture-chronic-pain"),
    )
    assert error.field == "pins[1].start"


def test_pins_the_clinic_could_confirm_are_accepted_and_kept():
    pins = [_pin("harvest", "2027-03-08T09:00"), _pin("injection", "2027-03-08T12:00")]
    request = parse_scenario(KNEE | {"pins": pins}, CATALOG)
    assert pin_errors(request, CATALOG) == ()
    result = plan(request, CATALOG)
    assert result.feasible
    assert {a.step for a in result.appointments if a.pinned} == {"harvest", "injection"}


def test_errors_carry_a_code_and_the_values_behind_them():
    request = parse_scenario(KNEE, CATALOG)
    start = datetime.fromisoformat("2027-03-07T10:00+09:00")
    errors = pin_errors(replace(request, pins=(Pin("stem-cell-knee-svf", "harvest", 1, start),)), CATALOG)
    assert [(e.field, e.code) for e in errors] == [("pins[0].start", "clinic_closed")]
    assert errors[0].values["closed"] == "Sundays closed"


@settings(max_examples=examples(40), deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["consultation", "harvest", "processing", "injection", "wound-check"]),
            st.integers(0, 20),
            st.sampled_from([8, 9, 10, 12, 13, 14, 16, 17, 19]),
        ),
        max_size=3,
    )
)
def test_accepted_pins_never_break_the_hours_order_or_stay(chosen):
    arrival = datetime.fromisoformat("2027-03-02T08:00+09:00")
    pins = [_pin(step, (arrival.replace(hour=hour) + timedelta(days=day)).isoformat()) for step, day, hour in chosen]
    try:
        request = parse_scenario(KNEE | {"pins": pins}, CATALOG)
    except ScenarioError as error:
        assert error.field.startswith("pins[")
        return
    result = plan(request, CATALOG)
    notices = [n.message for n in result.problems + result.warnings if n.code == "pin_conflict"]
    assert not any("opening hours" in m or "outside your stay" in m or "overlaps" in m for m in notices)
    assert not any("rule: after" in m and " -" in m for m in notices)  # never a negative gap
