"""Bug: a long stay with a knee injection and its follow-up at 1 month was called impossible.

A follow-up held only from home must fall after the flight home and within 35 days of the
injection, so the injection has to wait until late in the stay. The placer walked every earlier
slot of the harvest, processing and injection to learn that, ran out of its search budget and
answered ``window_missed`` although a plan existed. It now skips anchor days that leave such a
follow-up's window (directly, or through the windows between) ending before the departure date.

The shipped follow-ups may be held in person (``in_person_if_present``, issue 8 item 4): in a
long stay they are visits, and the injection is as early as the rules allow. The search for a
follow-up that must wait for the flight home is checked on the same protocols without the flag.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from factories import from_home_only
from rules_oracle import violations
from worded import plan

from planner.core.catalog.load import load_catalog
from planner.core.model.trip import Traveller, TreatmentRequest, TripRequest

SEOUL = ZoneInfo("Asia/Seoul")
CATALOG = load_catalog()
#: the same catalog with every follow-up held from home only (a facilitator's protocol without the flag)
FROM_HOME = from_home_only(CATALOG)
CASES = [
    ("stem-cell-knee-bmac", "specialized", "America/New_York", (2027, 3, 6, 4), (2027, 6, 4, 13)),
    ("stem-cell-knee-cultured", None, "Europe/Lisbon", (2027, 5, 3, 5, 30), (2027, 8, 31, 9, 30)),
]


def _request(protocol, tier, home, arrival, departure) -> TripRequest:
    return TripRequest(
        Traveller("Ana", home),
        datetime(*arrival, tzinfo=SEOUL),
        (TreatmentRequest(protocol, clinic_tier=tier),),
        datetime(*departure, tzinfo=SEOUL),
    )


@pytest.mark.parametrize(("protocol", "tier", "home", "arrival", "departure"), CASES)
def test_a_long_stay_holds_the_follow_up_in_person_and_the_injection_early(protocol, tier, home, arrival, departure):
    request = _request(protocol, tier, home, arrival, departure)
    result = plan(request, CATALOG)
    assert result.feasible, result.problems
    assert violations(result, request, CATALOG) == []
    by_step = {a.step: a for a in result.appointments}
    follow_up, injection = by_step["follow-up-1m"], by_step["injection"]
    assert follow_up.in_person and follow_up.title == "Follow-up at 1 month (in person)"
    assert follow_up.timezone == "Asia/Seoul" and follow_up.end < request.departure
    assert 28 <= (follow_up.start.date() - injection.start.date()).days <= 35
    # as early as a short stay puts it: a long stay never pushes the injection later
    short = plan(replace(request, departure=None), CATALOG)
    assert injection.start == next(a.start for a in short.appointments if a.step == "injection")


@pytest.mark.parametrize(("protocol", "tier", "home", "arrival", "departure"), CASES)
def test_a_long_stay_places_the_injection_late_enough_for_a_follow_up_from_home(
    protocol, tier, home, arrival, departure
):
    request = _request(protocol, tier, home, arrival, departure)
    result = plan(request, FROM_HOME)
    assert result.feasible, result.problems
    assert violations(result, request, FROM_HOME) == []
    by_step = {a.step: a for a in result.appointments}
    # the 1-month follow-up is after the flight home and at most 35 days after the injection
    follow_up = by_step["follow-up-1m"].start.astimezone(SEOUL).date()
    assert follow_up > request.departure.date()
    gap = follow_up - by_step["injection"].start.date()
    assert 28 <= gap.days <= 35
