"""Clients: create, edit, delete, search and sort; notes never cached; other facilitators get 404."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from sqlalchemy import func, select

from planner.extensions import db
from planner.models import Client, Pin, Trip
from tests.web.facilitator_helpers import add_client, add_trip, register


@pytest.fixture
def http(client):
    """A test client logged in as a facilitator."""
    register(client)
    return client


def _text(response) -> str:
    return response.get_data(as_text=True)


def test_create_show_edit(http):
    client_id = add_client(http, "Ana Silva", notes="Left knee, on warfarin")
    page = http.get(f"/clients/{client_id}")
    assert "Left knee, on warfarin" in _text(page)
    assert page.headers["Cache-Control"] == "no-store"
    edit = http.post(
        f"/clients/{client_id}/edit",
        data={
            "name": "Ana M. Silva",
            "contact": "+351 900",
            "home_timezone": "America/Sao_Paulo",
            "language": "ko",
            "notes": "x",
        },
    )
    assert edit.status_code == 302
    page = _text(http.get(f"/clients/{client_id}"))
    assert "Ana M. Silva" in page and "America/Sao_Paulo" in page and "+351 900" in page


@pytest.mark.parametrize(
    "path", ["/clients/", "/clients/new", "/clients/{id}", "/clients/{id}/edit", "/clients/{id}/delete"]
)
def test_every_client_page_is_no_store(http, path):
    client_id = add_client(http, notes="health data")
    assert http.get(path.format(id=client_id)).headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("home_timezone", "Europe/Atlantis", "Choose a time zone from the list: type their city or country"),
        ("home_timezone", "EST", "Choose a time zone from the list"),
        ("home_timezone", "", "This field is required."),
        ("name", "", "This field is required."),
        ("name", "n" * 201, "Field cannot be longer than 200 characters."),
        ("language", "xx", "Not a valid choice."),
        ("notes", "n" * 10_001, "Field cannot be longer than 10000 characters."),
    ],
)
def test_bad_client_fields_are_named_and_kept(http, field, value, message):
    data = {"name": "Ana", "contact": "typed contact", "home_timezone": "Europe/Lisbon", "language": "en", "notes": ""}
    data[field] = value
    response = http.post("/clients/new", data=data)
    assert response.status_code == 200
    page = _text(response)
    assert f'id="{field}-error"' in page and str(escape(message)) in page
    assert "typed contact" in page


def test_search_by_name_or_contact_and_sort_by_name(http):
    for name, contact in [("zoe Park", "zoe@example.com"), ("Ana Silva", "+351 91"), ("Bo_Li 100%", "li@example.cn")]:
        add_client(http, name, contact=contact)
    names = lambda page: [n for n in ("Ana Silva", "Bo_Li 100%", "zoe Park") if n in page]  # noqa: E731
    assert names(_text(http.get("/clients/?q=PARK"))) == ["zoe Park"]
    assert names(_text(http.get("/clients/?q=example"))) == ["Bo_Li 100%", "zoe Park"]
    assert names(_text(http.get("/clients/?q=%2B351"))) == ["Ana Silva"]
    # LIKE wildcards are searched for literally
    assert names(_text(http.get("/clients/?q=_"))) == ["Bo_Li 100%"]
    assert names(_text(http.get("/clients/?q=%25"))) == ["Bo_Li 100%"]
    page = _text(http.get("/clients/?sort=name"))
    assert page.index("Ana Silva") < page.index("Bo_Li 100%") < page.index("zoe Park")
    assert "No client matches" in _text(http.get("/clients/?q=nobody"))


def test_sort_by_next_appointment(app, http, clock):
    soon = clock.now.date() + timedelta(days=3)
    later = soon + timedelta(days=30)
    a = add_client(http, "Aaron (later trip)")
    b = add_client(http, "Beth (soon)")
    add_client(http, "Cleo (no trip)")
    add_trip(http, a, arrival=later)
    add_trip(http, b, arrival=soon)
    page = _text(http.get("/clients/?sort=next"))
    assert page.index("Beth (soon)") < page.index("Aaron (later trip)") < page.index("Cleo (no trip)")
    page = _text(http.get("/clients/?sort=name"))
    assert page.index("Aaron (later trip)") < page.index("Beth (soon)") < page.index("Cleo (no trip)")
    assert _text(http.get("/clients/?sort=bogus")).index("Aaron") < page.index("Beth")


def test_delete_asks_then_removes_the_client_and_their_trips(app, http):
    client_id = add_client(http)
    trip_id = add_trip(http, client_id)
    http.post(
        f"/trips/{trip_id}/pins",
        data={"key": "acupuncture-chronic-pain-consultation-1", "date": "2027-03-03", "time": "10:00"},
    )
    assert "Delete Ana Silva?" in _text(http.get(f"/clients/{client_id}/delete"))
    assert http.post(f"/clients/{client_id}/delete").status_code == 303  # not from the page: nothing deleted
    assert http.get(f"/clients/{client_id}").status_code == 200
    assert http.post(f"/clients/{client_id}/delete", data={"confirm": "yes"}).status_code == 302
    assert http.get(f"/clients/{client_id}").status_code == 404
    with app.app_context():
        for model in (Client, Trip, Pin):
            assert db.session.scalar(select(func.count()).select_from(model)) == 0, model


def test_another_facilitators_clients_are_404(app, http):
    client_id = add_client(http)
    trip_id = add_trip(http, client_id)
    intruder = app.test_client()
    register(intruder, "intruder@example.com")
    for path in (
        f"/clients/{client_id}",
        f"/clients/{client_id}/edit",
        f"/clients/{client_id}/delete",
        f"/clients/{client_id}/trips/new",
        f"/trips/{trip_id}",
    ):
        assert intruder.get(path).status_code == 404, path
    for path in (
        f"/clients/{client_id}/edit",
        f"/clients/{client_id}/delete",
        f"/trips/{trip_id}/status",
        f"/trips/{trip_id}/pins",
        f"/trips/{trip_id}/duplicate",
        f"/trips/{trip_id}/pins/1/delete",
    ):
        assert intruder.post(path, data={"name": "x", "status": "proposed"}).status_code == 404, path
    assert "Ana Silva" not in _text(intruder.get("/clients/"))
    assert http.get(f"/clients/{client_id}").status_code == 200


def test_notes_never_reach_the_log(app, http, caplog):
    client_id = add_client(http, notes="secret diagnosis 4471")
    http.get(f"/clients/{client_id}")
    http.post(f"/clients/{client_id}/edit", data={"name": "", "notes": "secret diagnosis 4471"})
    assert "secret diagnosis 4471" not in caplog.text


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.text(max_size=250), contact=st.text(max_size=250), zone=st.text(max_size=70), language=st.text(max_size=20)
)
def test_any_client_input_is_answered_without_an_error(http, name, contact, zone, language):
    data = {"name": name, "contact": contact, "home_timezone": zone, "language": language, "notes": name}
    assert http.post("/clients/new", data=data).status_code in (200, 302)
