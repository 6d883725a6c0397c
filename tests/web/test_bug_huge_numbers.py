"""Bug: huge numbers (``hours: 1e8``, ``travellers: 1e26``, a price of 1e25) gave tracebacks and 500s.

Every number has a sane bound (flight hours ≤ 30, travellers ≤ 10, prices ≤ 10^9); a value out
of range is refused naming the field: exit 2 with one line in the CLI, a 400 from ``/api/plan``,
an error next to the field in the form.
"""

from __future__ import annotations

import json

import pytest
from planner_helpers import field_error, form

SCENARIO = {
    "traveller": {"name": "Ana", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-03-01T16:00",
    "departure": "2027-03-08T18:00",
    "treatments": [{"protocol": "stem-cell-knee-svf"}],
}
HUGE = [
    ({"flights": {"outbound": {"hours": 1e8}}}, "flights.outbound.hours", "enter a number from 0 to 30"),
    ({"flights": {"inbound": {"hours": 30.5}}}, "flights.inbound.hours", "enter a number from 0 to 30"),
    ({"flights": {"outbound": {"hours": 0}}}, "flights.outbound.hours", "more than 0"),
    ({"travellers": 10**26}, "travellers", "enter a number from 1 to 10"),
    ({"travellers": 1e26}, "travellers", "whole number"),
    ({"travellers": 11}, "travellers", "enter a number from 1 to 10"),
    (
        {"flights": {"outbound": {"price": 1e25, "currency": "EUR"}}},
        "flights.outbound.price",
        "enter a number from 0 to 1,000,000,000",
    ),
    (
        {"flights": {"inbound": {"price": "1000000001", "currency": "KRW"}}},
        "flights.inbound.price",
        "enter a number from 0 to",
    ),
    (
        {"flights": {"outbound": {"price": "1" * 5000, "currency": "KRW"}}},
        "flights.outbound.price",
        "enter a number from 0 to",
    ),
]


@pytest.mark.parametrize(("changes", "field", "words"), HUGE)
def test_api_refuses_a_huge_number_naming_the_field(client, changes, field, words):
    response = client.post("/api/plan", json={**SCENARIO, **changes})
    assert response.status_code == 400, response.get_data(as_text=True)[:300]
    error = response.get_json()["error"]
    assert error["field"] == field and words in error["reason"]
    assert len(error["reason"]) < 120  # a 5,000-digit number is not echoed back


@pytest.mark.parametrize(("changes", "field", "words"), HUGE)
def test_cli_refuses_a_huge_number_in_one_line(runner, tmp_path, changes, field, words):
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps({**SCENARIO, **changes}))
    for output in ("text", "json", "ics"):
        result = runner.invoke(args=["plan", str(path), "--format", output])
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(f"error: {field}: ") and words in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_the_bounds_themselves_plan(client):
    flights = {
        "outbound": {"hours": 30, "price": 10**9, "currency": "KRW"},
        "inbound": {"hours": "0.5", "price": "1000000000", "currency": "KRW"},
    }
    response = client.post("/api/plan", json={**SCENARIO, "travellers": 10, "flights": flights})
    assert response.status_code == 200, response.get_data(as_text=True)[:300]


@pytest.mark.parametrize(
    ("changes", "field_id", "words"),
    [
        (
            {"travellers": "100000000000000000000000000"},
            "travellers",
            "People travelling: enter a number from 1 to 10.",
        ),
        ({"travellers": "1e26"}, "travellers", "Not a valid integer"),
        ({"outbound_date": "2027-02-27", "outbound_time": "20:00"}, "outbound_date", "over 30 hours"),
    ],
)
def test_form_refuses_a_huge_number_next_to_its_field(client, changes, field_id, words):
    response = client.post("/plan", data=form(**changes))
    assert response.status_code == 400
    assert words in field_error(response.get_data(as_text=True), field_id)
