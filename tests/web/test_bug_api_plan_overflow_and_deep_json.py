"""Bug: /api/plan (and flask plan) answered 500 to dates near year 9999 and to deeply nested JSON."""

from __future__ import annotations

import json

import pytest

SCENARIO = {
    "traveller": {"name": "Ana", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-03-01T16:00",
    "treatments": [{"protocol": "stem-cell-knee-cultured"}],
}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"arrival": "9999-12-31T23:59"}, "arrival"),
        ({"arrival": "0001-01-01T00:00"}, "arrival"),
        ({"arrival": "0001-01-01T00:00+14:00"}, "arrival"),
        ({"departure": "9999-12-31T10:00"}, "departure"),
        ({"pins": [{"protocol": "stem-cell-knee-cultured", "step": "harvest", "start": "9999-12-31T10:00"}]}, None),
    ],
)
def test_dates_outside_the_years_plans_reach_are_a_400_naming_the_field(client, changes, field):
    response = client.post("/api/plan", json={**SCENARIO, **changes})
    assert response.status_code == 400
    error = response.get_json()["error"]
    if field is not None:
        assert error["field"] == field
    assert "outside the years 1900–2999" in error["reason"] or error["field"].startswith("pins")


def test_the_last_and_first_years_still_plan(client):
    for arrival in ("2999-06-01T16:00", "1900-06-01T16:00"):
        response = client.post("/api/plan", json={**SCENARIO, "arrival": arrival})
        assert response.status_code == 200, response.get_data(as_text=True)


@pytest.mark.parametrize("body", ['{"a":' * 5000, "[" * 100000])
def test_deeply_nested_json_is_a_400(client, body):
    response = client.post("/api/plan", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"] == {"field": "scenario", "reason": "the JSON is nested too deeply"}


def test_the_cli_says_so_for_deeply_nested_json(runner, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100000)
    result = runner.invoke(args=["plan", str(path)])
    assert result.exit_code == 2
    assert "nested too deeply" in result.output
    assert "Traceback" not in result.output
    json.dumps(result.output)
