"""Cultured knee cells: the injection comes about 21 days after the harvest, not 26–28.

The visit gap used to be 21 days from trip 1's departure, so with 2 days to fly after the harvest
and the jet-lag buffer after trip 2's arrival the injection landed 26–28 days after the harvest.
The injection's window (21–35 days after the harvest) now decides; the shorter gap only lets
trip 2 arrive early enough.
"""

from __future__ import annotations

from datetime import date

import pytest

from planner.core import plan_from_dict


@pytest.mark.parametrize("home", ["Europe/Lisbon", "America/New_York"])
@pytest.mark.parametrize("arrival", ["2027-02-28T16:00", "2027-03-03T09:00", "2027-05-10T22:30", "2026-09-21T07:00"])
def test_the_injection_lands_21_to_23_days_after_the_harvest(home, arrival):
    result = plan_from_dict(
        {
            "traveller": {"name": "Ana Silva", "home_timezone": home},
            "arrival": arrival,
            "treatments": [{"protocol": "stem-cell-knee-cultured"}],
        }
    )
    assert result["feasible"], result["problems"]
    by_step = {a["step"]: a for a in result["appointments"]}
    harvest = date.fromisoformat(by_step["harvest"]["start"][:10])
    injection = date.fromisoformat(by_step["injection"]["start"][:10])
    assert 21 <= (injection - harvest).days <= 23
    first, second = result["visits"]
    # trip 2 still waits the jet-lag buffer before the injection and leaves the first trip's gap
    assert (injection - date.fromisoformat(second["arrival"][:10])).days >= result["jetlag_buffer_days"]
    assert (date.fromisoformat(second["arrival"][:10]) - date.fromisoformat(first["departure"][:10])).days >= 14
