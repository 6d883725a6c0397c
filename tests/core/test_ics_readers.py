"""Every scenario passes every file rule and reads the same in icalendar, vobject and ical.js."""

from __future__ import annotations

import pytest
from ics_checks import check_calendar, ical_js_events, icalendar_events, vobject_events
from ics_factories import make_catalog, scenarios

from planner.core.calendar.writer import render_calendar

SCENARIOS = scenarios()


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_scenario_follows_every_file_rule(name):
    trips, options = SCENARIOS[name]
    check_calendar(render_calendar(trips, make_catalog(), options), feed=options.refresh is not None)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_three_readers_agree(name):
    trips, options = SCENARIOS[name]
    data = render_calendar(trips, make_catalog(), options)
    expected = icalendar_events(data)
    assert len(expected) == sum(len(t.plan.appointments) for t in trips) + _extra_events(trips)
    assert vobject_events(data) == expected
    assert ical_js_events(data) == expected


def _extra_events(trips) -> int:
    """Flights, rest periods (one per invasive step with rest days) and proposed second trips."""
    count = 0
    for trip in trips:
        count += (trip.request.outbound is not None) + (trip.request.inbound is not None)
        count += sum(1 for a in trip.plan.appointments if a.invasive and a.step == "harvest")
        count += sum(1 for v in trip.plan.visits if v.proposed and v.number > 1)
    return count
