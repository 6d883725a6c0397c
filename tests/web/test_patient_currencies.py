"""The plan form offers the patients' currencies and the budget is shown in them."""

from __future__ import annotations

import json

import pytest

ADDED = ("RUB", "AED", "SAR", "KZT", "MNT", "VND", "THB", "TWD", "HKD", "SGD")


def test_the_plan_form_offers_them(client):
    page = client.get("/").text
    for code in ADDED:
        assert f'<option value="{code}"' in page or f'value="{code}"' in page, code


@pytest.mark.parametrize("code", ["VND", "AED", "RUB"])
def test_a_plan_in_the_currency_converts_the_budget(runner, tmp_path, code):
    scenario = {
        "traveller": {"name": "Ana Silva", "home_timezone": "Asia/Ho_Chi_Minh"},
        "arrival": "2027-02-28T16:00",
        "departure": "2027-03-21T11:00",
        "treatments": [{"protocol": "acupuncture-chronic-pain", "count": 6, "clinic_tier": "local"}],
        "lodging": "mid",
        "currency": code,
    }
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(scenario))
    result = runner.invoke(args=["plan", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    budget = json.loads(result.stdout)["budget"]
    assert budget["currency"] == code and budget["rates_date"] == "2026-10-01"
    assert 0 < float(budget["low"]) <= float(budget["typical"]) <= float(budget["high"])
