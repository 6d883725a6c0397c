"""Saved trips: the private link, editing, fixes, pins, replacing and revoking the link, the .ics."""

from __future__ import annotations

import json
import re
from datetime import datetime

import icalendar
import pytest
import vobject
from sqlalchemy import event, select

from planner.extensions import db
from planner.models import Pin, ShareLink, Trip
from planner.services.accounts.tokens import hash_token
from tests.web.planner_helpers import fix_buttons, form, scenario_of


def _save(client, **changes) -> str:
    """Plan and save the form; return the private link's path."""
    body = client.post("/plan", data=form(**changes), follow_redirects=True).get_data(as_text=True)
    response = client.post("/plan/save", data={"scenario": json.dumps(scenario_of(body))})
    assert response.status_code == 302
    return response.headers["Location"]


def test_saving_gives_a_private_link_stored_only_as_its_hash(app, client):
    path = _save(client)
    token = path.removeprefix("/t/")
    assert len(token) >= 43  # 32 random bytes, base64url
    with app.app_context():
        link = db.session.scalar(select(ShareLink))
        assert link.token_hash == hash_token(token)
        assert link.kind == "private"
        assert token not in json.dumps(db.session.scalar(select(Trip)).scenario)
    page = client.get(path)
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    assert page.headers["Referrer-Policy"] == "no-referrer"
    body = page.get_data(as_text=True)
    assert "This plan works." in body and f'value="http://localhost{path}"' in body


@pytest.mark.parametrize("path", ["/t/not-a-token", "/t/not-a-token/edit", "/t/not-a-token/calendar.ics"])
def test_unknown_token_is_404(client, path):
    assert client.get(path).status_code == 404


def test_replacing_the_link_retires_the_old_one(client):
    old = _save(client)
    response = client.post(f"{old}/link/replace", data={"confirm": "yes"})
    new = response.headers["Location"]
    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_revoking_the_link_closes_the_trip(client):
    path = _save(client)
    response = client.post(f"{path}/link/revoke", data={"confirm": "yes"})
    # answered with a redirect to a GET page: a reload or Back resends nothing
    assert response.status_code == 303 and response.location == "/trip-revoked"
    assert "The link is revoked" in client.get(response.location).text
    assert client.get(path).status_code == 404
    assert client.post(f"{path}/link/replace", data={"confirm": "yes"}).status_code == 404


def test_editing_re_plans(client):
    path = _save(client)
    edit = client.get(f"{path}/edit").get_data(as_text=True)
    assert 'value="2027-03-01"' in edit and 'value="Europe/Lisbon"' in edit
    response = client.post(f"{path}/edit", data=form(currency="USD", departure_date="2027-03-12"))
    assert response.headers["Location"] == path
    body = client.get(path).get_data(as_text=True)
    assert "Estimated costs in USD" in body and "This plan does not work yet" in body


def test_bad_edit_keeps_the_trip_and_shows_the_field(client):
    path = _save(client)
    response = client.post(f"{path}/edit", data=form(home_timezone="Nowhere"))
    assert response.status_code == 400
    assert 'value="Nowhere"' in response.get_data(as_text=True)
    assert "Estimated costs in EUR" in client.get(path).get_data(as_text=True)


def test_fix_on_a_saved_trip_is_saved(client):
    path = _save(client, departure_date="2027-03-10")
    [(fields, _)] = fix_buttons(client.get(path).get_data(as_text=True))
    assert client.post(f"{path}/fix", data=fields).headers["Location"] == path
    body = client.get(path).get_data(as_text=True)
    assert "This plan works." in body
    assert f"flying home {datetime.fromisoformat(fields['fix_departure']):%a} " in body


def _appointment_keys(body: str) -> list[str]:
    return re.findall(r'<article class="visit" id="a-([^"]+)">', body)


def _day_of(body: str, key: str) -> str:
    """The date of the day whose list item holds an appointment."""
    return re.findall(r'<li id="d-(\d{4}-\d{2}-\d{2})"', body.split(f'id="a-{key}"')[0])[-1]


def test_pinning_an_appointment_fixes_it_and_the_rest_follows(app, client):
    path = _save(client)
    before = client.get(path).get_data(as_text=True)
    first = _appointment_keys(before)[0]
    assert first == "acupuncture-chronic-pain-consultation-1"
    assert _day_of(before, first) < "2027-03-05"
    # Friday 5 March 2027 at 10:00 in Seoul: a weekday inside the clinic's hours, within the stay
    response = client.post(f"{path}/pin", data={"key": first, "date": "2027-03-05", "time": "10:00"})
    assert response.status_code == 302
    body = client.get(path).get_data(as_text=True)
    assert "confirmed by the clinic" in body
    assert _day_of(body, first) == "2027-03-05"
    # the sessions come after the consultation, so none is before 5 March any more
    assert min(_day_of(body, key) for key in _appointment_keys(body)[1:]) >= "2027-03-05"
    calendar = icalendar.Calendar.from_ical(client.get(f"{path}/calendar.ics").data)
    statuses = {str(e["UID"]).split("@")[0]: str(e["STATUS"]) for e in calendar.walk("VEVENT")}
    assert any(uid.endswith(first) and status == "CONFIRMED" for uid, status in statuses.items())
    with app.app_context():
        pin_id = db.session.scalar(select(Pin.id))
    client.post(f"{path}/pins/{pin_id}/delete")
    assert "confirmed by the clinic" not in client.get(path).get_data(as_text=True)


def test_pin_outside_opening_hours_or_unknown_is_shown_next_to_the_pin(client):
    path = _save(client)
    response = client.post(f"{path}/pin", data={"key": "no-such-appointment", "date": "2027-03-05", "time": "10:00"})
    assert response.status_code == 400
    assert "not in the plan any more" in response.get_data(as_text=True)
    response = client.post(f"{path}/pin", data={"key": "acupuncture-chronic-pain-consultation-1", "date": "5 March"})
    assert response.status_code == 400
    assert "Not a valid date" in response.get_data(as_text=True)


def test_calendar_download_reads_in_icalendar_and_vobject(client):
    path = _save(client)
    response = client.get(f"{path}/calendar.ics")
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="treatment-trip.ics"'
    assert response.headers["Cache-Control"] == "no-store"
    body = client.get(path).get_data(as_text=True)
    keys = _appointment_keys(body)
    parsed = icalendar.Calendar.from_ical(response.data)
    uids = [str(e["UID"]) for e in parsed.walk("VEVENT")]
    for key in keys:
        assert sum(uid.split("@")[0].endswith(f"-{key}") for uid in uids) == 1
    card = vobject.readOne(response.data.decode(), validate=True)
    assert len(card.vevent_list) == len(uids)
    assert client.get(f"{path}/calendar.ics").data == response.data  # same trip, same bytes


def test_unsaved_calendar_is_the_same_for_the_same_scenario(client):
    body = client.post("/plan", data=form(), follow_redirects=True).get_data(as_text=True)
    data = {"scenario": json.dumps(scenario_of(body))}
    first = client.post("/plan/calendar.ics", data=data)
    assert first.status_code == 200
    assert first.data == client.post("/plan/calendar.ics", data=data).data
    assert vobject.readOne(first.data.decode(), validate=True).vevent_list


@pytest.mark.parametrize("count", ["6", "12"])
def test_plan_page_queries_do_not_grow_with_appointments(app, client, count):
    path = _save(client, **{"treatments-0-count": count, "departure_date": "2027-05-20"})
    statements: list[str] = []
    with app.app_context():
        engine = db.engine

        def record(conn, cursor, statement, *args):
            statements.append(statement)

        event.listen(engine, "before_cursor_execute", record)
        try:
            body = client.get(path).get_data(as_text=True)
        finally:
            event.remove(engine, "before_cursor_execute", record)
    # the consultation and every session are on the page: 7 or 13 appointments
    assert len(_appointment_keys(body)) == int(count) + 1
    # one query for the link and its trip, one for the trip's pins, whatever the number of appointments
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 2
