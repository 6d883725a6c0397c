"""Trips as a facilitator keeps them (issue 9, item 9): a title, completed/cancelled/archived, trips by date,
a warning for a likely duplicate client, and search that ignores accents and case on every database."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.extensions import db
from planner.models import Client, Trip
from planner.models.client import fold
from planner.services.workspace import dashboard
from planner.services.workspace.feeds import create_owner_feed, create_trip_feed
from tests.web.facilitator_helpers import add_client, add_trip, register
from tests.web.workspace_factories import KNEE, NOW, create_client, create_facilitator, create_trip, log_in


@pytest.fixture
def http(client):
    """A test client logged in as a facilitator (registered through the form)."""
    register(client)
    return client


def _trip(app, trip_id: int) -> Trip:
    with app.app_context():
        trip = db.session.get(Trip, trip_id)
        db.session.expunge(trip)
        return trip


@pytest.mark.parametrize(
    ("path", "status", "allowed"),
    [
        (("cancelled",), "cancelled", True),
        (("proposed", "confirmed", "completed"), "completed", True),
        (("proposed", "confirmed", "completed", "archived"), "archived", True),
        (("cancelled", "archived", "draft"), "draft", True),
        (("cancelled", "draft", "proposed"), "proposed", True),
        (("completed",), "draft", False),
        (("archived",), "draft", False),
        (("proposed", "confirmed", "completed", "draft"), "completed", False),
        (("cancelled", "confirmed"), "cancelled", False),
    ],
)
def test_trips_are_completed_cancelled_and_archived(app, http, path, status, allowed):
    trip_id = add_trip(http, add_client(http))
    codes = [http.post(f"/trips/{trip_id}/status", data={"status": step}).status_code for step in path]
    assert codes[-1] == (302 if allowed else 400)
    assert _trip(app, trip_id).status == status


def test_the_status_choices_follow_the_workflow(http):
    trip_id = add_trip(http, add_client(http))
    http.post(f"/trips/{trip_id}/status", data={"status": "cancelled"})
    page = http.get(f"/trips/{trip_id}").text
    assert 'value="archived"' in page and 'value="draft"' in page and 'value="confirmed"' not in page
    assert "Cancelled" in page


def test_a_cancelled_trip_leaves_the_feeds_and_the_dashboards_problems(app, client):
    with app.app_context():
        user, browser = create_facilitator()
        ana = create_client(user)
        broken = create_trip(user, ana, {**KNEE, "departure": "2027-03-03T11:00"}, status="proposed")
        _, trip_token = create_trip_feed(user.id, broken.id, discreet=False)
        _, owner_token = create_owner_feed(user.agency_id, discreet=False, created_by=user.id)
        broken_id, user_id = broken.id, user.id
        log_in(client, user, browser)
    before = client.get(f"/feeds/{trip_token}.ics").text
    assert "BEGIN:VEVENT" in before and "BEGIN:VEVENT" in client.get(f"/feeds/{owner_token}.ics").text
    with app.app_context():
        assert dashboard.dashboard(user_id, NOW).troubled_count == 1
    assert client.post(f"/trips/{broken_id}/status", data={"status": "cancelled"}).status_code == 302
    assert "BEGIN:VEVENT" not in client.get(f"/feeds/{trip_token}.ics").text
    assert "BEGIN:VEVENT" not in client.get(f"/feeds/{owner_token}.ics").text
    with app.app_context():
        assert dashboard.dashboard(user_id, NOW).troubled_count == 0
        assert db.session.get(Trip, broken_id) is not None  # kept, only set aside


def test_a_trip_gets_its_own_title(app, http):
    trip_id = add_trip(http, add_client(http))
    assert http.post(f"/trips/{trip_id}/title", data={"title": "  Ana's   knee, spring  "}).status_code == 302
    assert _trip(app, trip_id).title == "Ana's knee, spring"
    assert "<h1>Ana&#39;s knee, spring</h1>" in http.get(f"/trips/{trip_id}").text


@pytest.mark.parametrize(("title", "error"), [("", "This field is required"), ("x" * 201, "200")])
def test_a_bad_title_is_named_next_to_its_field(app, http, title, error):
    trip_id = add_trip(http, add_client(http))
    before = _trip(app, trip_id).title
    response = http.post(f"/trips/{trip_id}/title", data={"title": title})
    assert response.status_code == 400
    assert 'id="title-error"' in response.text and error in response.text
    assert _trip(app, trip_id).title == before


def test_the_client_page_lists_trips_by_arrival(app, client):
    with app.app_context():
        user, browser = create_facilitator()
        ana = create_client(user)
        for title, arrival in (
            ("Summer", "2027-07-01T10:00"),
            ("Winter", "2027-01-05T10:00"),
            ("Spring", "2027-04-02"),
        ):
            create_trip(user, ana, {**KNEE, "arrival": arrival, "departure": None}, title=title)
        ana_id = ana.id
        log_in(client, user, browser)
    page = client.get(f"/clients/{ana_id}").text
    assert page.index("Winter") < page.index("Spring") < page.index("Summer")
    assert "arrives Tue 5 Jan 2027" in page


@pytest.mark.parametrize(
    ("name", "contact"),
    [
        ("Nguyễn Văn An", "an@example.com"),
        ("nguyen van an", "AN@example.com"),
        ("  NGUYEN  Van An ", " an@example.com"),
    ],
)
def test_a_likely_duplicate_client_is_warned_about(app, http, name, contact):
    first = add_client(http, "Nguyễn Văn An", contact="an@example.com")
    form = {"name": name, "contact": contact, "home_timezone": "Asia/Ho_Chi_Minh", "language": "en", "notes": "x"}
    warned = http.post("/clients/new", data=form)
    assert warned.status_code == 200 and 'id="duplicate-warning"' in warned.text
    assert f'href="/clients/{first}"' in warned.text and 'name="add_anyway"' in warned.text
    assert 'value="Asia/Ho_Chi_Minh"' in warned.text  # what was typed is kept
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Client.id))) == 1
    added = http.post("/clients/new", data={**form, "add_anyway": "y"})
    assert added.status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Client.id))) == 2


@pytest.mark.parametrize(
    ("name", "contact"), [("Nguyễn Văn An", "other@example.com"), ("Nguyễn Văn Anh", "an@example.com")]
)
def test_a_different_name_or_contact_is_no_duplicate(app, http, name, contact):
    add_client(http, "Nguyễn Văn An", contact="an@example.com")
    add_client(http, name, contact=contact)  # asserts the redirect: no warning


def test_another_facilitators_client_is_no_duplicate(app, http):
    add_client(http, "Ana Silva")
    other = app.test_client()
    register(other, "second@example.com")
    add_client(other, "Ana Silva")


@pytest.mark.parametrize(
    ("search", "found"),
    [
        ("nguyen", "Nguyễn Văn An"),
        ("NGUYEN", "Nguyễn Văn An"),
        ("Nguyễn", "Nguyễn Văn An"),
        ("nguyễn văn", "Nguyễn Văn An"),
        ("van  an", "Nguyễn Văn An"),
        ("AN@EXAMPLE", "Nguyễn Văn An"),
        ("Đặng", "Đặng Thị Bình"),
        ("dang thi", "Đặng Thị Bình"),
    ],
)
def test_search_ignores_accents_and_case(http, search, found):
    add_client(http, "Nguyễn Văn An", contact="an@example.com")
    add_client(http, "Đặng Thị Bình", contact="binh@example.com")
    add_client(http, "Ana Silva", contact="ana@example.pt")
    page = http.get("/clients/", query_string={"q": search}).text
    names = {"Nguyễn Văn An", "Đặng Thị Bình", "Ana Silva"}
    assert {name for name in names if name in page} == {found}


def test_an_edit_refolds_the_search_column(app, http):
    client_id = add_client(http, "Ana Silva")
    form = {"name": "Ângela Sá", "contact": "", "home_timezone": "Europe/Lisbon", "language": "en", "notes": ""}
    assert http.post(f"/clients/{client_id}/edit", data=form).status_code == 302
    assert "Ângela Sá" in http.get("/clients/", query_string={"q": "angela sa"}).text
    assert "Ângela Sá" not in http.get("/clients/", query_string={"q": "silva"}).text


def test_names_sort_among_their_letters_whatever_the_accents(http):
    for name in ("Zoe Park", "Émile Roux", "Ana Silva"):
        add_client(http, name, contact=name)
    page = http.get("/clients/").text
    assert page.index("Ana Silva") < page.index("Émile Roux") < page.index("Zoe Park")


@given(st.text(max_size=40))
def test_folding_ignores_case_composition_and_is_stable(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert fold(unicodedata.normalize("NFD", text)) == folded == fold(unicodedata.normalize("NFC", text))
    if text.isascii():
        assert fold(text.upper()) == folded == fold(text.lower())
    assert not any(unicodedata.combining(ch) for ch in folded)
