"""The shipped catalog plans sensible shortest stays for patients from Lisbon, New York, Sydney and Seoul.

A stay far past a protocol's typical stay means a figure or clinic hours left a step no room:
a Lisbon patient in winter was kept 44 days for a 2–3 day checkup, because the checkup centre
closed at 17:00 Seoul time, 08:00 in Lisbon, and the results call fitted no waking hour at home.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from planner.core import _default_catalog, plan_from_dict

HOMES = ("Europe/Lisbon", "America/New_York", "Australia/Sydney", "Asia/Seoul")
#: Seollal (6–9 Feb 2027), the week before 1 March, Chuseok (14–16 Sep), Christmas, a Saturday evening
ARRIVALS = ("2027-02-05T16:00", "2027-02-26T19:00", "2027-09-13T10:00", "2027-12-23T15:00", "2027-05-15T19:30")
#: the longest run of days a Korean clinic is shut in these dates (Seollal: Sat 6 to Tue 9 February)
CLOSED_RUN = 4


def _day(moment: str) -> date:
    return datetime.fromisoformat(moment).date()


def _trips(plan: dict) -> list[tuple[date, date]]:
    visits = plan["visits"] or [{"arrival": plan["arrival"], "departure": plan["departure"]}]
    return [(_day(v["arrival"]), _day(v["departure"])) for v in visits]


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("protocol_id", sorted(_default_catalog().protocols))
def test_shortest_stay_is_near_the_typical_stay(protocol_id, home):
    protocol = _default_catalog().protocols[protocol_id]
    for arrival in ARRIVALS:
        plan = plan_from_dict(
            {"traveller": {"home_timezone": home}, "arrival": arrival, "treatments": [{"protocol": protocol_id}]}
        )
        assert plan["feasible"], (arrival, plan["problems"])
        longest = protocol.typical_stay[1] + plan["jetlag_buffer_days"] + CLOSED_RUN
        for first, last in _trips(plan):
            assert (last - first).days + 1 <= longest, (arrival, first, last)


def test_checkup_results_call_from_lisbon_in_winter_is_a_waking_hour_at_home():
    plan = plan_from_dict(
        {
            "traveller": {"home_timezone": "Europe/Lisbon"},
            "arrival": "2027-02-05T16:00",
            "treatments": [{"protocol": "health-checkup"}],
        }
    )
    results = next(a for a in plan["appointments"] if a["step"] == "results")
    start = datetime.fromisoformat(results["start"])
    assert start.utcoffset().total_seconds() == 0  # shown in Lisbon winter time
    assert 8 <= start.hour < 21
    # Seollal shuts the clinic 6–9 February, the jet-lag buffer is 5 days: checkup on the 10th, home the 11th
    assert plan["departure"].startswith("2027-02-11")
