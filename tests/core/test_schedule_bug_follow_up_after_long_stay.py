"""Bug: a long stay with a knee injection and its follow-up at 1 month was called impossible.

The follow-up must fall after the flight home and within 35 days of the injection, so the
injection has to wait until late in the stay. The placer walked every earlier slot of the harvest,
processing and injection to learn that, ran out of its search budget and answered
``window_missed`` although a plan existed. It now skips anchor days that leave a remote
follow-up's window (directly, or through the windows between) ending before the departure date.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from rules_oracle import violations

from planner.core.catalog.load import load_catalog
from planner.core.model.trip import Traveller, TreatmentRequest, TripRequest
from planner.core.schedule.run import plan

SEOUL = ZoneInfo("Asia/Seoul")
CATALOG = load_catalog()


@pytest.mark.parametrize(
    ("protocol", "tier", "home", "arrival", "departure"),
    [
        ("stem-cell-knee-bmac", "specialized", "America/New_York", (2027, 3, 6, 4), (2027, 6, 4, 13)),
        ("stem-cell-knee-cultured", None, "Europe/Lisbon", (2027, 5, 3, 5, 30), (2027, 8, 31, 9, 30)),
    ],
)
def test_a_long_stay_places_the_injection_late_enough_for_the_follow_up(protocol, tier, home, arrival, departure):
    request = TripRequest(
        Traveller("Ana", home),
        datetime(*arrival, tzinfo=SEOUL),
        (TreatmentRequest(protocol, clinic_tier=tier),),
        datetime(*departure, tzinfo=SEOUL),
    )
    result = plan(request, CATALOG)
    assert result.feasible, result.problems
    assert violations(result, request, CATALOG) == []
    by_step = {a.step: a for a in result.appointments}
    # the 1-month follow-up is after the flight home and at most 35 days after the injection
    follow_up = by_step["follow-up-1m"].start.astimezone(SEOUL).date()
    assert follow_up > request.departure.date()
    gap = follow_up - by_step["injection"].start.date()
    assert 28 <= gap.days <= 35
