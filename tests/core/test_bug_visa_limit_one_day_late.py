"""Bug: the 90-day visa limit was counted in nights, a day late: the arrival day counts.

4 January → 4 April is 91 days of stay (over a C-3-3 visa's 90); 4 January → 3 April is 90.
"""

from __future__ import annotations

import pytest

from planner.core import plan_from_dict

BASE = {
    "traveller": {"name": "Ana", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-01-04T09:00",
    "treatments": [{"protocol": "health-checkup"}],
}


@pytest.mark.parametrize(("departure", "days"), [("2027-04-04T18:00", 91), ("2027-04-03T18:00", None)])
def test_the_arrival_day_counts(departure, days):
    plan = plan_from_dict({**BASE, "departure": departure})
    visa = [w["message"] for w in plan["warnings"] if w["code"] == "visa_limit"]
    if days is None:
        assert visa == []
    else:
        assert len(visa) == 1 and f"of {days} days" in visa[0]


def test_a_resident_needs_no_visa():
    plan = plan_from_dict({**BASE, "traveller": {"home_timezone": "Asia/Seoul"}, "departure": "2027-05-04T18:00"})
    assert "visa_limit" not in {w["code"] for w in plan["warnings"]}
