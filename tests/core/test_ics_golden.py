"""Fixed plans rendered byte for byte; regenerate with UPDATE_GOLDEN=1 after checking the diff.

UPDATE_GOLDEN=1 .venv/bin/pytest tests/core/test_ics_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from ics_checks import check_calendar, ical_js_events, icalendar_events, vobject_events
from ics_factories import make_catalog, scenarios

from planner.core.calendar.writer import render_calendar

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
SCENARIOS = scenarios()


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_golden_file(name):
    trips, options = SCENARIOS[name]
    data = render_calendar(trips, make_catalog(), options)
    path = GOLDEN / f"{name}.ics"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(data)
    assert path.exists(), f"{path.name} is missing: run with UPDATE_GOLDEN=1 and review it"
    assert data == path.read_bytes(), f"{path.name} differs: review the change, then UPDATE_GOLDEN=1"


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.ics")), ids=lambda p: p.stem)
def test_golden_file_follows_every_rule_and_reads_alike(path):
    data = path.read_bytes()
    check_calendar(data, feed=b"REFRESH-INTERVAL" in data)
    expected = icalendar_events(data)
    assert vobject_events(data) == expected
    assert ical_js_events(data) == expected


def test_every_golden_file_has_a_scenario():
    assert {path.stem for path in GOLDEN.glob("*.ics")} == set(SCENARIOS)
