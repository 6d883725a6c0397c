"""A JSON scenario planned and written as .ics, as ``flask plan --format ics`` does, without Flask."""

from __future__ import annotations

from datetime import UTC

from planner.core.calendar.writer import CalendarOptions, TripEvents, render_calendar
from planner.core.catalog import load_catalog
from planner.core.scenario import parse_scenario
from planner.core.schedule import plan

CATALOG = load_catalog()


def scenario_calendar(scenario: dict, *, discreet: bool = False) -> bytes:
    """The scenario's plan as .ics bytes (stamped at the arrival instant)."""
    request = parse_scenario(scenario, CATALOG)
    result = plan(request, CATALOG)
    options = CalendarOptions("plan-test", "Treatment trip", "planner.test", request.arrival.astimezone(UTC), discreet)
    return render_calendar([TripEvents(result, request, "plan-test")], CATALOG, options)
