"""Bug: the facilitator's forms and dashboard talked to the patient ("Your name", "I need a medical
interpreter", "Your treatments need until…").

The workspace speaks to the facilitator about the client by name; the patient's pages keep "you".
"""

from __future__ import annotations

import re

import pytest

from tests.web.facilitator_helpers import add_client, add_trip, register


def _plain(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))).replace("&#39;", "'")


@pytest.fixture
def http(client):
    register(client)
    return client


def test_the_trip_form_asks_about_the_client_by_name(http):
    page = _plain(http.get(f"/clients/{add_client(http, 'Maria Santos')}/trips/new"))
    assert "Does Maria Santos need a medical interpreter?" in page
    assert "Maria Santos lands in Seoul: date" in page and "Find Maria Santos's shortest stay" in page
    assert "Client's name" in page
    for patient_words in ("Your name", "I need a medical interpreter", "I pay in full", "Find my shortest stay"):
        assert patient_words not in page


def test_a_missing_landing_is_asked_about_the_client(http):
    answer = http.post(f"/clients/{add_client(http, 'Maria Santos')}/trips/new", data={"arrival_date": ""})
    assert "When does Maria Santos land in Seoul?" in _plain(answer)


def test_the_patient_form_keeps_you(client):
    page = _plain(client.get("/plan"))
    assert "I need a medical interpreter" in page and "Your name (optional)" in page
    assert "Does " not in page


def test_the_trip_page_and_dashboard_speak_of_the_client(http):
    trip_id = add_trip(http, add_client(http, "Maria Santos"), days=5)
    page = _plain(http.get(f"/trips/{trip_id}"))
    assert "The treatments need until" in page
    assert "Your treatments" not in page and "your flight" not in page
    assert "Maria Santos's stay at a glance" in page
    board = _plain(http.get("/dashboard"))
    assert "The treatments need until" in board and "Your treatments" not in board
