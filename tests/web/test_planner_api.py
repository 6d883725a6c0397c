"""POST /api/plan: the CLI's plan JSON for a scenario; bad input is a 400 naming the field."""

from __future__ import annotations

import json

import pytest

SCENARIO = {
    "traveller": {"name": "Ana", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-03-01T15:00",
    "departure": "2027-04-20T18:00",
    "treatments": [{"protocol": "acupuncture-chronic-pain", "clinic_tier": "local"}],
    "currency": "EUR",
}


def test_api_answers_what_the_cli_prints(client, runner, tmp_path):
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(SCENARIO))
    printed = json.loads(runner.invoke(args=["plan", str(path), "--format", "json"]).output)
    response = client.post("/api/plan", json=SCENARIO)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert response.get_json() == printed
    assert printed["feasible"] is True


@pytest.mark.parametrize(
    ("body", "content_type", "field", "reason"),
    [
        ("{not json", "application/json", "scenario", "not valid JSON"),
        ("[]", "application/json", "scenario", "must be a JSON object"),
        ("arrival=soon", "application/x-www-form-urlencoded", "scenario", "send the scenario as JSON"),
        (json.dumps({**SCENARIO, "arrival": "soon"}), "application/json", "arrival", "is not a date and time"),
        (
            json.dumps({**SCENARIO, "treatments": [{"protocol": "acupuncture-chronic-pain", "count": 40}]}),
            "application/json",
            "treatments[0].count",
            "enter a number from 6 to 12 for Acupuncture for chronic pain, got 40",
        ),
        (json.dumps({**SCENARIO, "extra": 1}), "application/json", "extra", "unknown key"),
    ],
)
def test_bad_input_names_the_field(client, body, content_type, field, reason):
    response = client.post("/api/plan", data=body, content_type=content_type)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["field"] == field
    assert reason in error["reason"]


@pytest.fixture
def app_config() -> dict:
    """CSRF on, as in production: the pages' forms need their token, the JSON API does not."""
    return {"WTF_CSRF_ENABLED": True}


def test_csrf_guards_the_forms_but_not_the_json_api(client):
    assert client.post("/api/plan", json=SCENARIO).status_code == 200
    assert client.post("/plan/save", data={"scenario": json.dumps(SCENARIO)}).status_code == 400
    page = client.get("/plan").get_data(as_text=True)
    assert 'name="csrf_token"' in page
