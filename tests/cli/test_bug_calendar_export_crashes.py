"""Bug: ``flask plan --format ics`` (exit 1) and the web "Download calendar" (500) crashed for a
culture-expanded knee plan (a 0-minute lab step) and for a flight given by its number alone."""

from __future__ import annotations

import json

import pytest

from tests.core.ics_checks import read_alike

BASE = {
    "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-02-28T16:00",
    "lodging": "mid",
    "currency": "EUR",
}
CASES = {
    "cultured-knee": {**BASE, "treatments": [{"protocol": "stem-cell-knee-cultured"}]},
    "flight-number-only": {
        **BASE,
        "treatments": [{"protocol": "health-checkup"}],
        "flights": {"outbound": {"number": "KE902"}},
    },
    "both": {
        **BASE,
        "departure": "2027-03-10T18:00",
        "treatments": [{"protocol": "stem-cell-knee-cultured"}],
        "flights": {"outbound": {"number": "KE902"}, "inbound": {"number": "KE901"}},
    },
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_calendar_export(runner, tmp_path, name):
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(CASES[name]))
    out = tmp_path / "plan.ics"
    result = runner.invoke(args=["plan", str(path), "--format", "ics", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert read_alike(out.read_bytes())


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("discreet", [False, True])
def test_web_download_calendar(client, name, discreet):
    data = {"scenario": json.dumps(CASES[name])} | ({"discreet": "y"} if discreet else {})
    response = client.post("/plan/calendar.ics", data=data)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert response.mimetype == "text/calendar"
    assert read_alike(response.data)
