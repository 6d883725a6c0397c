"""A patient in UTC−3 could not book any stem-cell treatment: no clinic hour is also 08:00–21:00 at home.

A remote follow-up never vetoes a trip: it takes the clinic slot nearest the waking hours, with a
``remote_hour`` warning that says the hour and what to do.
"""

from __future__ import annotations

from datetime import time

import pytest
from rules_oracle import violations
from worded import plan

from planner.core.catalog import load_catalog
from planner.core.scenario import parse_scenario

CATALOG = load_catalog()
STEM_CELLS = sorted(p for p in CATALOG.protocols if p.startswith("stem-cell"))


def _request(home: str, protocol: str):
    scenario = {
        "traveller": {"name": "Ana", "home_timezone": home},
        "arrival": "2027-03-02T08:00",
        "treatments": [{"protocol": protocol}],
    }
    return parse_scenario(scenario, CATALOG)


@pytest.mark.parametrize("home", ["America/Sao_Paulo", "America/Argentina/Buenos_Aires"])
@pytest.mark.parametrize("protocol", STEM_CELLS)
def test_every_stem_cell_treatment_can_be_booked_from_utc_minus_3(home, protocol):
    request = _request(home, protocol)
    result = plan(request, CATALOG)
    assert result.feasible, result.problems
    assert violations(result, request, CATALOG) == []
    calls = [a for a in result.appointments if a.kind.value == "remote"]
    warned = {w.step for w in result.warnings if w.code == "remote_hour"}
    for call in calls:
        start = call.start  # in the home zone
        if not time(8) <= start.time() <= time(20, 30):
            assert call.step in warned
    if calls:
        # 09:00 in Seoul is 21:00 at home: the nearest slot to waking hours, 30 minutes past them
        assert all(c.start.strftime("%H:%M") == "21:00" for c in calls)
        message = next(w.message for w in result.warnings if w.code == "remote_hour")
        assert "21:00 home time" in message and "ask the clinic for an earlier or later slot" in message


def test_a_home_with_an_awake_clinic_hour_gets_no_warning():
    request = _request("Europe/Lisbon", "stem-cell-knee-svf")
    result = plan(request, CATALOG)
    assert result.feasible
    assert not [w for w in result.warnings if w.code == "remote_hour"]
    assert violations(result, request, CATALOG) == []
