"""A NUL (or any control character) in a field was a 500 on PostgreSQL, and the failed statement's
parameters (a client's health notes) went to the error log. Every field now refuses it by name."""

from __future__ import annotations

import json
import logging

import pytest

from planner.extensions import db
from planner.models import Client
from tests.web.facilitator_helpers import add_client
from tests.web.planner_helpers import field_error
from tests.web.workspace_factories import KNEE

NOTES = "HIV-positive, on PrEP"


def test_a_new_client_with_a_nul_in_the_notes_is_refused_by_name(app, client, facilitator, caplog):
    data = {"name": "Ana", "home_timezone": "Europe/Lisbon", "language": "en", "notes": NOTES + "\x00"}
    with caplog.at_level(logging.DEBUG):
        response = client.post("/clients/new", data=data)
    assert response.status_code == 200
    assert "Health notes (private: never in calendars or shared links) must not contain control characters" in (
        field_error(response.get_data(as_text=True), "notes") or response.get_data(as_text=True)
    )
    with app.app_context():
        assert db.session.query(Client).count() == 0
    assert NOTES not in caplog.text


@pytest.mark.parametrize("field", ["name", "contact", "home_timezone"])
@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x7f", "\x85", "\t", "\n"])
def test_an_edit_with_a_control_character_is_refused_and_nothing_changes(app, client, facilitator, field, character):
    client_id = add_client(client, "Ana Silva", notes=NOTES)
    values = {"name": "Ana Silva", "contact": "ana@example.com", "home_timezone": "Europe/Lisbon", "language": "en"}
    values[field] = values[field][:3] + character + values[field][3:]
    response = client.post(f"/clients/{client_id}/edit", data={**values, "notes": NOTES})
    assert response.status_code == 200
    assert "must not contain control characters" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Client, client_id).name == "Ana Silva"


def test_notes_keep_their_line_breaks_and_tabs(app, client, facilitator):
    client_id = add_client(client, "Ana Silva", notes="knee\r\n\tleft")
    with app.app_context():
        assert db.session.get(Client, client_id).notes == "knee\r\n\tleft"


@pytest.mark.parametrize("email", ["a\x00@example.com", "a@example.com\x00"])
def test_an_anonymous_login_with_a_nul_is_refused(client, email):
    response = client.post("/login", data={"email": email, "password": "whatever password"})
    assert response.status_code == 200
    assert "Email must not contain control characters" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "scenario",
    [
        json.dumps({**KNEE, "traveller": {"name": "Ana\u0000", "home_timezone": "Europe/Lisbon"}}),
        json.dumps(KNEE) + "\x00",
    ],
)
def test_an_anonymous_save_with_a_nul_is_refused(app, client, scenario):
    response = client.post("/plan/save", data={"scenario": scenario})
    assert response.status_code in (200, 400, 422)
    with app.app_context():
        from planner.models import Trip

        assert db.session.query(Trip).count() == 0


def test_a_search_for_a_nul_is_a_page_with_a_message(client, facilitator):
    add_client(client, "Ana Silva")
    response = client.get("/clients/?q=%00")
    assert response.status_code == 200
    assert "The search must not contain control characters" in response.get_data(as_text=True)
    assert "Ana Silva" in response.get_data(as_text=True)
