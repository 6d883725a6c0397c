"""Bug: 999 sessions and 14 sessions got two different styles of message ("Number must be between 0
and 99." from the form, "14 is outside 6–12 for acupuncture-chronic-pain" from the engine).

Every number bound is now said one way, on every form and in every scenario error:
"Sessions: enter a number from 6 to 12." (the form checks the chosen treatment's own range).
"""

from __future__ import annotations

import pytest

from tests.web.facilitator_helpers import add_client, register, trip_form
from tests.web.planner_helpers import field_error, form

SESSIONS = "Sessions: enter a number from 6 to 12."


@pytest.mark.parametrize("count", ["999", "14", "5", "0"])
def test_the_patient_form_says_every_wrong_count_alike(client, count):
    answer = client.post("/plan", data=form(**{"treatments-0-count": count}), follow_redirects=True)
    assert answer.status_code == 400
    assert field_error(answer.get_data(as_text=True), "treatments-0-count") == SESSIONS


@pytest.mark.parametrize("count", ["999", "14"])
def test_the_facilitator_form_says_it_the_same_way(client, count):
    register(client)
    answer = client.post(f"/clients/{add_client(client)}/trips/new", data=trip_form(**{"treatments-0-count": count}))
    assert field_error(answer.get_data(as_text=True), "treatments-0-count") == SESSIONS


@pytest.mark.parametrize("travellers", ["0", "11", "999"])
def test_people_travelling_is_said_in_the_same_style(client, travellers):
    answer = client.post("/plan", data=form(travellers=travellers), follow_redirects=True)
    assert field_error(answer.get_data(as_text=True), "travellers") == "People travelling: enter a number from 1 to 10."


def test_a_count_for_a_treatment_without_sessions_says_so_by_name(client):
    answer = client.post(
        "/plan",
        data=form(**{"treatments-0-protocol": "health-checkup", "treatments-0-count": "3"}),
        follow_redirects=True,
    )
    message = field_error(answer.get_data(as_text=True), "treatments-0-count")
    assert message.startswith("Leave Sessions empty:") and "health-checkup" not in message


@pytest.mark.parametrize("count", [999, 14])
def test_the_api_says_the_range_in_the_same_words_and_names_the_treatment(client, count):
    scenario = {
        "traveller": {"home_timezone": "Europe/Lisbon"},
        "arrival": "2027-03-01T15:00",
        "departure": "2027-04-20T18:00",
        "treatments": [{"protocol": "acupuncture-chronic-pain", "count": count}],
    }
    error = client.post("/api/plan", json=scenario).get_json()["error"]
    assert error["field"] == "treatments[0].count"
    assert error["reason"] == f"enter a number from 6 to 12 for Acupuncture for chronic pain, got {count}"
