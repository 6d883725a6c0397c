"""A JSON scenario planned and written as .ics, as ``flask plan --format ics`` does, without Flask."""

from __future__ import annotations

from datetime import UTC

from worded import plan

from planner.core.calendar.writer import CalendarOptions, TripEvents, render_calendar
from planner.core.catalog import load_catalog
from planner.core.model import Plan, TripRequest
from planner.core.render import plan_to_dict
from planner.core.scenario import parse_scenario
from planner.wording.budget import compute_budget

CATALOG = load_catalog()


def scenario_calendar(scenario: dict, *, discreet: bool = False) -> bytes:
    """The scenario's plan as .ics bytes (stamped at the arrival instant)."""
    request = parse_scenario(scenario, CATALOG)
    return plan_calendar(plan(request, CATALOG), request, discreet=discreet)


def plan_calendar(result: Plan, request: TripRequest, *, discreet: bool = False) -> bytes:
    """A plan already made as .ics bytes."""
    options = CalendarOptions("plan-test", "Treatment trip", "planner.test", request.arrival.astimezone(UTC), discreet)
    return render_calendar([TripEvents(result, request, "plan-test")], CATALOG, options)


def every_output(scenario: dict) -> tuple[dict, bytes, bytes]:
    """One planning run's JSON document, .ics and discreet .ics (ScenarioError on bad input)."""
    request = parse_scenario(scenario, CATALOG)
    result = plan(request, CATALOG)
    document = plan_to_dict(result, compute_budget(result, request, CATALOG), CATALOG, request)
    return document, plan_calendar(result, request), plan_calendar(result, request, discreet=True)
