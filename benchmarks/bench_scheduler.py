"""Benchmarks of the scheduler alone: one plan of a 90-day trip with 3 treatments, and the shortest stay.

Targets (issue 2, section 7): plan p99 ≤ 2 ms, shortest stay p99 ≤ 20 ms. Nothing here asserts a
time; the figures, p99 included, go to docs/performance.md ("Scheduler"). Run with ``make bench``.
The first plan of a process loads the holiday calendars (tens of ms): the module fixture plans
once before timing, so that warm-up is left out of every figure.
"""

from __future__ import annotations

import pytest

from planner.core.catalog.load import load_catalog
from planner.core.scenario.parse import parse_scenario
from planner.core.schedule.run import plan

CATALOG = load_catalog()
ACUPUNCTURE = {"protocol": "acupuncture-chronic-pain", "count": 12, "clinic_tier": "local"}
TRIPS = {
    "svf": [ACUPUNCTURE, {"protocol": "stem-cell-knee-svf"}, {"protocol": "health-checkup"}],
    "dental-two-stage": [ACUPUNCTURE, {"protocol": "dental-implant-two-stage"}, {"protocol": "health-checkup"}],
    "knee-cultured": [ACUPUNCTURE, {"protocol": "stem-cell-knee-cultured"}, {"protocol": "health-checkup"}],
}


def _request(treatments: list[dict], departure: str | None):
    scenario = {
        "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
        "arrival": "2027-02-28T16:00",
        "treatments": treatments,
    }
    if departure is not None:
        scenario["departure"] = departure
    return parse_scenario(scenario, CATALOG)


@pytest.fixture(scope="module", autouse=True)
def warm_holiday_calendars():
    plan(_request(TRIPS["svf"], "2027-05-29T11:00"), CATALOG)


def _p99(benchmark) -> float:
    """The 99th percentile of the timed rounds, in milliseconds (pytest-benchmark does not print it)."""
    data = sorted(benchmark.stats.stats.data)
    value = data[max(0, -(-99 * len(data) // 100) - 1)] * 1000
    benchmark.extra_info["p99_ms"] = round(value, 3)
    return value


def _figures(benchmark) -> str:
    """Median and p99 of the timed rounds, for the table in docs/performance.md."""
    return f"median {benchmark.stats.stats.median * 1000:.2f} ms, p99 {_p99(benchmark):.2f} ms"


@pytest.mark.parametrize("trip", sorted(TRIPS))
def test_plan_of_a_90_day_trip(benchmark, trip):
    request = _request(TRIPS[trip], "2027-05-29T11:00")
    result = benchmark.pedantic(plan, (request, CATALOG), rounds=300, warmup_rounds=5)
    print(f"\nplan 90 days {trip}: {_figures(benchmark)}, feasible {result.feasible}")
    assert result.appointments or not result.feasible


@pytest.mark.parametrize("trip", sorted(TRIPS))
def test_shortest_stay(benchmark, trip):
    request = _request(TRIPS[trip], None)
    result = benchmark.pedantic(plan, (request, CATALOG), rounds=300, warmup_rounds=5)
    print(f"\nshortest stay {trip}: {_figures(benchmark)}, departure {result.departure}")
    assert result.feasible == (result.departure is not None)
