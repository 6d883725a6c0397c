"""Bug: a Seoul resident planning on the form was charged a hotel, airport transfers and a K-ETA.

The form offers lodging "None"; a resident's saved scenario without a lodging opens as "None".
"""

from __future__ import annotations

from planner_helpers import form, scenario_of


def test_the_form_offers_no_lodging_and_charges_none(client):
    page = client.get("/").get_data(as_text=True)
    assert '<option value="none">None: I live in Korea, or stay with family</option>' in page
    response = client.post(
        "/plan", data=form(home_timezone="Asia/Seoul", insurance="nhi", lodging="none"), follow_redirects=True
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert scenario_of(body)["lodging"] == "none"
    assert "hotel" not in body.lower() and "Airport transfer" not in body and "K-ETA" not in body


def test_a_visitor_on_the_form_still_pays_a_hotel(client):
    body = client.post("/plan", data=form(), follow_redirects=True).get_data(as_text=True)
    assert "Mid-range hotel" in body and "Airport transfer" in body
