"""Properties of the scheduler on random trips: every feasible plan keeps every rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from hypothesis import given, settings
from rules_oracle import violations
from strategies import examples, real_trips, trips
from worded import plan

from planner.core.catalog.load import load_catalog

PROBLEM_CODES = {"stay_too_short", "window_missed", "pin_conflict", "cannot_fit"}


def _explained(result, request, catalog) -> None:
    """An infeasible plan names known problems, its placed part keeps every rule, a stay_too_short fix works."""
    assert violations(result, request, catalog) == []
    codes = {p.code for p in result.problems}
    assert codes, "infeasible without a problem"
    assert codes <= PROBLEM_CODES, f"unknown problem codes {codes - PROBLEM_CODES}"
    for problem in result.problems:
        if problem.code == "stay_too_short" and "departure" in problem.fix:
            fixed = replace(request, departure=datetime.fromisoformat(problem.fix["departure"]))
            again = plan(fixed, catalog)
            assert again.feasible, f"applying the fix {problem.fix} still fails: {again.problems}"
            assert violations(again, fixed, catalog) == []


@settings(max_examples=examples(60), deadline=None)
@given(trips())
def test_feasible_plans_keep_every_rule_and_infeasible_ones_explain(trip):
    request, catalog = trip
    result = plan(request, catalog)
    if result.feasible:
        assert violations(result, request, catalog) == []
    else:
        _explained(result, request, catalog)


@settings(max_examples=examples(30), deadline=None)
@given(trips())
def test_the_same_request_gives_the_same_plan(trip):
    request, catalog = trip
    assert plan(request, catalog) == plan(request, catalog)


@settings(max_examples=examples(40), deadline=None)
@given(trips(pins=False))
def test_the_shortest_stay_works_when_asked_for_and_a_day_less_does_not(trip):
    request, catalog = trip
    shortest = plan(replace(request, departure=None), catalog)
    if not shortest.feasible:
        return
    leave = shortest.departure
    asked = replace(request, departure=leave)
    given_plan = plan(asked, catalog)
    assert given_plan.feasible, f"departure {leave} was proposed but fails: {given_plan.problems}"
    assert violations(given_plan, asked, catalog) == []
    day_before = leave - timedelta(days=1)
    if len(shortest.visits) == 1 and day_before > request.arrival:
        earlier = replace(request, departure=day_before)
        assert not plan(earlier, catalog).feasible, f"a day earlier ({day_before}) is feasible too"


CATALOG = load_catalog()


@settings(max_examples=examples(60), deadline=None)
@given(real_trips(CATALOG))
def test_plans_over_the_shipped_catalog_keep_every_rule(request):
    result = plan(request, CATALOG)
    if result.feasible:
        assert violations(result, request, CATALOG) == []
    else:
        _explained(result, request, CATALOG)
    assert plan(request, CATALOG) == result
