"""A refused scenario field's reason is a code and values in the core, worded in the request's language."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from planner.core.catalog import load_catalog
from planner.core.scenario import ScenarioError, parse_scenario
from planner.i18n import Words
from planner.i18n.catalogs import extract
from planner.services.planning import plans
from planner.wording.errors import reason_text, scenario_reason


@dataclass(frozen=True)
class Marked(Words):
    def gettext(self, message: str, **values) -> str:
        return "«" + (message % values if values else message) + "»"


def _error(scenario: dict) -> ScenarioError:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(scenario, load_catalog())
    return caught.value


def test_the_core_error_carries_a_code_and_english():
    error = _error({"traveller": {"home_timezone": "Europe/Lisbon"}, "arrival": "2026-03-02T08:00", "treatments": []})
    assert (error.field, error.code, error.reason) == ("treatments", "no_treatment", "choose at least one treatment")
    assert scenario_reason(error, Marked("ko")) == "«choose at least one treatment»"


def test_a_range_reason_keeps_its_english_words():
    assert reason_text("out_of_range", {"low": 1, "high": 10, "got": "12"}) == "enter a number from 1 to 10, got 12"
    assert reason_text("not_whole", {"kind": "string"}) == "must be a whole number, got a string"


def test_an_edge_reason_given_as_text_stays():
    assert scenario_reason(ScenarioError("fix", "nothing to change"), Marked("ko")) == "nothing to change"


def test_the_api_words_the_reason_in_the_request_language(client, monkeypatch):
    seen = []

    def spy(error, words):
        seen.append(words.locale)
        return reason_text(error.code, error.params, words)

    monkeypatch.setattr(plans, "scenario_reason", spy)
    response = client.post("/api/plan?lang=ko", json={"traveller": {}, "arrival": "x", "treatments": []})
    assert response.status_code == 400
    assert response.json["error"]["field"] == "traveller.home_timezone"
    assert seen == ["ko"]


def test_the_reasons_are_msgids():
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in extract("messages")}
    for text in (
        "choose at least one treatment",
        "enter a number from %(low)s to %(high)s, got %(got)s",
        "%(clinic)s does not offer %(protocol)s",
        "a stay of %(days)d days is over the %(limit)d-day limit",
        "must be a whole number, got %(kind)s",
        "a string",
    ):
        assert text in ids, text


def test_a_catalog_mistake_carries_a_code_worded_at_the_edge():
    from planner.core.catalog import CatalogError, parse_protocol
    from planner.wording.errors import catalog_reason

    with pytest.raises(CatalogError) as caught:
        parse_protocol({"id": "x", "name": "X", "category": "c", "steps": []})
    error = caught.value
    assert error.code
    assert catalog_reason(error, Marked("ko")) == f"«{error.reason}»"
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in extract("messages")}
    assert "steps wait for each other in a cycle: %(loop)s" in ids
    assert "missing (required)" in ids


def test_the_api_budget_is_worded_in_the_request_language(client, monkeypatch):
    from planner.wording import budget as budget_words

    seen = []

    def spy(budget, words):
        seen.append(words.locale)
        return budget_words.word_budget(budget, words)

    monkeypatch.setattr(plans, "word_budget", spy)
    scenario = {
        "traveller": {"name": "Ana", "home_timezone": "Europe/Lisbon"},
        "arrival": "2027-03-01T15:00",
        "departure": "2027-04-20T18:00",
        "treatments": [{"protocol": "acupuncture-chronic-pain", "clinic_tier": "local"}],
        "currency": "EUR",
    }
    english = client.post("/api/plan?lang=en", json=scenario).get_json()
    korean = client.post("/api/plan?lang=ko", json=scenario).get_json()
    assert seen == ["en", "ko"]
    # the amounts are the same in every language; the labels come from the same codes
    assert [line["typical"] for line in korean["budget"]["lines"]] == [
        line["typical"] for line in english["budget"]["lines"]
    ]
    assert english["budget"]["lines"][0]["label"] == "First consultation (local clinic)"
