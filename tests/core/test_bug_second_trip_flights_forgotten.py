"""Bug: the budget forgot the second trip's flights.

A later trip's two flights are estimated from trip 1's fares and marked to confirm; without any
fare the budget says that flights are not counted.
"""

from __future__ import annotations

from decimal import Decimal

from planner.core import plan_from_dict

KNEE = {
    "traveller": {"name": "Ana", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-03-02T09:00",
    "departure": "2027-03-10T18:00",
    "treatments": [{"protocol": "stem-cell-knee-cultured"}],
    "currency": "EUR",
}
FARES = {
    "outbound": {"number": "KE902", "price": 700, "currency": "EUR"},
    "inbound": {"number": "KE901", "price": "650", "currency": "EUR"},
}


def _flights(plan: dict) -> list[dict]:
    return [line for line in plan["budget"]["lines"] if line["code"] == "flights"]


def test_the_second_trip_flights_are_estimated_from_the_first():
    plan = plan_from_dict({**KNEE, "travellers": 2, "flights": FARES})
    assert len(plan["visits"]) == 2
    lines = _flights(plan)
    assert [line["label"] for line in lines] == [
        "Flight to Korea, trip 1 KE902 × 2 people",
        "Flight home, trip 1 KE901 × 2 people",
        "Flight to Korea, trip 2 (estimate) × 2 people",
        "Flight home, trip 2 (estimate) × 2 people",
    ]
    assert [Decimal(line["typical"]) for line in lines] == [1400, 1300, 1400, 1300]
    assert [line["to_confirm"] for line in lines] == [False, False, True, True]
    assert "Estimated from trip 1's fare" in lines[2]["note"]


def test_one_fare_prices_both_flights_of_the_second_trip():
    plan = plan_from_dict({**KNEE, "flights": {"outbound": FARES["outbound"]}})
    lines = _flights(plan)
    assert [Decimal(line["typical"]) for line in lines] == [700, 700, 700]
    assert plan["budget"]["notes"] == ["The flight home has no price and is not counted."]


def test_without_fares_the_budget_says_flights_are_not_counted():
    plan = plan_from_dict(KNEE)
    assert _flights(plan) == []
    assert any("any trip's flights are not counted" in note for note in plan["budget"]["notes"])
