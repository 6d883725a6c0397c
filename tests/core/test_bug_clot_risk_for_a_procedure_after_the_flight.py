"""Bug (found by hypothesis): a checkup the clinic confirmed for the day after the flight home was
warned about as a clot risk ("the flight home is -1 days after the checkup"). The pin problem is the
one to tell; the confirmed time stays in the plan. (The scenario reader refuses such a pin from a
form or the API; the engine may still be given one, e.g. by a flight home moved after the pin.)"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from planner.core.catalog import load_catalog
from planner.core.model.trip import Pin
from planner.core.scenario import parse_scenario
from planner.core.schedule import plan

SEOUL = ZoneInfo("Asia/Seoul")


def test_a_confirmed_time_after_the_flight_home_is_a_pin_problem_not_a_clot_risk():
    catalog = load_catalog()
    request = parse_scenario(
        {
            "traveller": {"name": "Ana", "home_timezone": "Europe/Lisbon"},
            "arrival": "2025-01-01T00:00",
            "departure": "2025-01-02T18:00",
            "treatments": [{"protocol": "health-checkup"}],
        },
        catalog,
    )
    pinned = replace(request, pins=(Pin("health-checkup", "checkup", 1, datetime(2025, 1, 3, 9, 0, tzinfo=SEOUL)),))
    result = plan(pinned, catalog)
    assert not result.feasible
    assert "pin_conflict" in {problem.code for problem in result.problems}
    assert "clot_risk" not in {warning.code for warning in result.warnings}
    assert [a.start.date().isoformat() for a in result.appointments if a.pinned] == ["2025-01-03"]
