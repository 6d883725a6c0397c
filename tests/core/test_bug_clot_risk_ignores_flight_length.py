"""Bug: the clot-risk warning ignored the flight length given (every flight counted as long-haul).

The flight home's hours decide, else the flight out's (the same route); an unknown length still
warns, to be safe, and the message says the length it used.
"""

from __future__ import annotations

import pytest

from planner.core import plan_from_dict

BASE = {
    "traveller": {"name": "Ana", "home_timezone": "Asia/Tokyo"},
    "arrival": "2027-03-02T09:00",
    "departure": "2027-03-07T18:00",
    "treatments": [{"protocol": "stem-cell-knee-svf"}],
}


def _clot(flights: dict | None) -> list[str]:
    scenario = {**BASE, "flights": flights} if flights is not None else BASE
    plan = plan_from_dict(scenario)
    assert plan["feasible"], plan["problems"]
    return [w["message"] for w in plan["warnings"] if w["code"] == "clot_risk"]


@pytest.mark.parametrize(
    ("flights", "words"),
    [
        ({"inbound": {"hours": "2.5"}}, None),
        ({"outbound": {"hours": "2.5"}}, None),  # the route's length, from the flight out
        ({"inbound": {"hours": 4}}, None),  # over 4 hours doubles the risk; 4 is not over
        ({"inbound": {"hours": 11}}, "The 11-hour flight home"),
        ({"outbound": {"hours": "2"}, "inbound": {"hours": "12.5"}}, "The 12.5-hour flight home"),
        ({"inbound": {"number": "KE1"}}, "The flight home"),  # unknown: warn, to be safe
        (None, "The flight home"),
    ],
)
def test_clot_risk_uses_the_flight_length_given(flights, words):
    messages = _clot(flights)
    if words is None:
        assert messages == []
    else:
        assert len(messages) == 1 and messages[0].startswith(words) and "over 4 hours" in messages[0]
