"""Bug: the time-zone field wanted a system name (Europe/Lisbon); "Lisbon" was refused.

Every home-time-zone field (the patient's plan form, the facilitator's trip form, the client form)
takes a city or a country, accent- and case-insensitive, and stores the zone's name; the list
offers places by name.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from planner.extensions import db
from planner.models import Client
from planner.services.planning.zones import UnknownZone, find_zone
from tests.web.facilitator_helpers import add_client, register, trip_form
from tests.web.planner_helpers import field_error, form, scenario_of

TYPED = [
    ("Lisbon", "Europe/Lisbon"),
    ("lisbon", "Europe/Lisbon"),
    ("São Paulo", "America/Sao_Paulo"),
    ("SAO PAULO", "America/Sao_Paulo"),
    ("Seoul", "Asia/Seoul"),
    ("South Korea", "Asia/Seoul"),
    ("Korea", "Asia/Seoul"),
    ("Japan", "Asia/Tokyo"),
    ("Lisbon, Portugal", "Europe/Lisbon"),
    ("Europe/Lisbon", "Europe/Lisbon"),
    ("ho chi minh city", "Asia/Ho_Chi_Minh"),
]


@pytest.mark.parametrize(("typed", "zone"), TYPED)
def test_a_city_or_country_finds_its_zone(typed, zone):
    assert find_zone(typed) == zone


def test_a_country_with_several_zones_asks_for_the_city():
    with pytest.raises(UnknownZone, match="Portugal has several time zones: type your city, e.g. Azores, Lisbon"):
        find_zone("portugal")


@pytest.mark.parametrize(("typed", "zone"), TYPED[:6])
def test_the_patient_form_plans_with_a_city(client, typed, zone):
    answer = client.post("/plan", data=form(home_timezone=typed), follow_redirects=True)
    body = answer.get_data(as_text=True)
    assert answer.status_code == 200, field_error(body, "home_timezone")
    assert scenario_of(body)["traveller"]["home_timezone"] == zone


def test_the_patient_form_names_what_to_type(client):
    body = client.post("/plan", data=form(home_timezone="Atlantis"), follow_redirects=True).get_data(as_text=True)
    assert field_error(body, "home_timezone") == (
        "Choose a time zone from the list: type your city or country, e.g. Lisbon, São Paulo or Seoul."
    )


def test_the_list_offers_places_by_name(client):
    body = client.get("/plan").get_data(as_text=True)
    assert 'value="Lisbon, Portugal" label="Europe/Lisbon · ' in body
    assert 'value="São Paulo, Brazil"' in body and 'value="Seoul, South Korea"' in body
    assert body.count('<datalist id="zones">') == 1


def test_the_client_form_and_the_trip_form_take_a_city(app, client):
    register(client)
    client_id = add_client(client, "Bruno Costa", home_timezone="são paulo")
    with app.app_context():
        assert db.session.scalar(select(Client.home_timezone).where(Client.id == client_id)) == "America/Sao_Paulo"
    answer = client.post(f"/clients/{client_id}/trips/new", data=trip_form(home_timezone="Lisbon"))
    assert answer.status_code == 302, field_error(answer.get_data(as_text=True), "home_timezone")
    page = client.get(f"/clients/{client_id}/trips/new").get_data(as_text=True)
    assert 'value="Lisbon, Portugal"' in page
