"""Bug: a consultation pinned 2 h 59 min after landing was called "outside your stay".

The pin is inside the stay but earlier than the patient can reach the clinic (landing +
``arrival_to_clinic_hours``). The plan said "outside your stay" and offered a later departure
(``stay_too_short``), which cannot help: applying it still failed on the same pin. The pin is now
a ``pin_conflict`` problem naming the real rule, its fix is an earlier arrival only when that
works, and no other fix is offered while the pin is stuck.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from factories import harvest_protocol, make_catalog, make_request, seoul
from rules_oracle import violations
from worded import plan

from planner.core.model.protocol import Protocol, Step, StepKind
from planner.core.model.trip import Pin

CONSULT = Protocol("one", "One step", "any", "", (Step("visit", StepKind.CONSULTATION, "Consultation", 30),))


def _applied(request, fix: dict[str, str]):
    changes = {name: datetime.fromisoformat(value) for name, value in fix.items() if name in ("arrival", "departure")}
    return replace(request, **changes)


def test_the_shrunk_example_names_the_rule_and_offers_no_useless_departure():
    # 1 January 2025 is a public holiday; the stay is a day, too short for the harvest's fly-after days
    pin = Pin("one", "visit", 1, seoul(2025, 1, 1, 9))
    request = make_request(
        "one", "cells", arrival=seoul(2025, 1, 1, 6, 1), departure=seoul(2025, 1, 2, 6, 1), pins=(pin,)
    )
    catalog = make_catalog(CONSULT, harvest_protocol())
    result = plan(request, catalog)
    assert not result.feasible
    stuck = [p for p in result.problems if p.code == "pin_conflict"]
    assert len(stuck) == 1
    assert "outside your stay" not in stuck[0].message
    assert "confirmed the Consultation at 09:00 on 1 January" in stuck[0].message
    assert "the flight lands at 06:01 and the clinic can be reached from 09:01" in stuck[0].message
    for problem in result.problems:
        assert "departure" not in problem.fix or "arrival" in problem.fix, problem
        if problem.fix:
            again = plan(_applied(request, problem.fix), catalog)
            assert again.feasible, (problem.fix, again.problems)


def test_an_earlier_arrival_is_offered_when_it_works():
    pin = Pin("one", "visit", 1, seoul(2025, 9, 15, 10))  # a Monday; landing at 08:00 reaches the clinic at 11:00
    request = make_request("one", arrival=seoul(2025, 9, 15, 8), pins=(pin,))
    catalog = make_catalog(CONSULT)
    result = plan(request, catalog)
    assert not result.feasible
    assert [(p.code, p.fix) for p in result.problems] == [("pin_conflict", {"arrival": "2025-09-15T07:00:00+09:00"})]
    fixed = _applied(request, result.problems[0].fix)
    again = plan(fixed, catalog)
    assert again.feasible and violations(again, fixed, catalog) == []
    assert again.appointments[0].start == seoul(2025, 9, 15, 10)


def test_a_pin_that_lands_on_another_pin_is_stuck_whatever_the_departure():
    pins = (Pin("one", "visit", 1, seoul(2025, 9, 16, 10)), Pin("one~2", "visit", 1, seoul(2025, 9, 16, 10)))
    request = make_request("one", "one", arrival=seoul(2025, 9, 15, 8), departure=seoul(2025, 9, 15, 20), pins=pins)
    result = plan(request, make_catalog(CONSULT))
    assert not result.feasible
    assert any(p.code == "pin_conflict" and "overlaps" in p.message for p in result.problems)
    assert all(not p.fix for p in result.problems)
