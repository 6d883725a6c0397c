"""Every form, any combination of its fields: never a 5xx, and what was typed comes back when it is refused.

Each example changes several fields at once (left out, emptied, or given a plausible, huge,
unicode, control-character or malformed value) over a form that would otherwise be accepted, so
the rules between fields (a flight's date without its time, a landing before its take-off, a
second treatment with no first) are reached, not only each field's own checks. Example counts
follow the hypothesis profile (tests/conftest.py): a few locally, more in CI.
"""

from __future__ import annotations

import html
import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.catalog.load import clinic_to_dict, load_catalog, protocol_to_dict
from planner.extensions import db
from planner.models import CustomProtocol
from planner.services.planning import trips
from planner.services.planning.custom_catalog import stored
from planner.services.planning.zones import UnknownZone, find_zone
from tests.web.custom_helpers import clinic_post, protocol_post
from tests.web.facilitator_helpers import add_client, add_trip, trip_form
from tests.web.form_values import each_form, form_values
from tests.web.planner_helpers import form
from tests.web.workspace_factories import KNEE, PASSWORD

#: a fifth of the profile's examples per form: 20 locally, 80 in CI
EXAMPLES = settings(
    max_examples=max(10, settings.default.max_examples // 5),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NASTY = st.sampled_from(
    [
        "", " ", "x" * 5000, "Nguyễn Thị Minh", "서울 강남", "😀" * 3, "\x00", "a\x1bb", "\u0085", "a\u2028b", "\r\n",
        "<script>alert(1)</script>", "' OR 1=1 --", "2027-02-30", "2027-13-01", "27-3-1", "0001-01-01",
        "9999-12-31", "2027/03/01", "24:00", "9:5", "12:00:00", "-1", "1e9", "NaN", "99999999999999999999",
    ]
)  # fmt: skip
TEXT = st.one_of(NASTY, st.text(max_size=40))
DATES = st.one_of(st.dates().map(str), st.sampled_from(["2027-02-27", "2027-02-28", "2027-03-01", "2027-04-21"]))
TIMES = st.one_of(st.times().map(lambda t: t.strftime("%H:%M")), st.sampled_from(["00:00", "05:30", "21:00"]))
#: sent as given, sent empty, or not sent at all (None)
ABSENT = st.just(None)


def _changes(fields: dict, *, left_out: bool = True) -> st.SearchStrategy[dict]:
    """Several fields changed at once: each kept, left out (if ``left_out``), or given a plausible or nasty value."""
    values = (ABSENT,) if left_out else ()
    return st.fixed_dictionaries({}, optional={name: st.one_of(*values, p, TEXT) for name, p in fields.items()})


def _apply(base: dict, changes: dict) -> dict:
    data = dict(base)
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def _zone_named(text: str) -> str | None:
    try:
        return find_zone(text)
    except UnknownZone:
        return None


def _kept(sent: dict, shown: dict, *, skip: set = frozenset()) -> None:
    """Every text the refused form was sent is shown again (trimmed where the form trims it)."""
    for name, value in sent.items():
        if name in skip or name not in shown or name == "csrf_token" or not isinstance(value, str):
            continue
        if name in {"shortest", "interpreter", "discreet", "hide_costs"}:
            assert (shown[name] != "") == (value not in ("", "false")), name
        elif name == "home_timezone" and shown[name] != value.strip() and _zone_named(value):
            # a city or country the form understood comes back as the zone it names ("Lisbon" → Europe/Lisbon)
            assert shown[name] == _zone_named(value), name
        else:
            trimmed = value.strip()
            assert shown[name] in (value, trimmed, trimmed.upper() if name.endswith("currency") else trimmed), name


def _select_values(body: str) -> set[str]:
    """Names of select fields: a value not among their choices cannot be shown selected."""
    return set(re.findall(r'<select[^>]*\bname="([^"]+)"', body))


PLAN_FIELDS = {
    "treatments-0-protocol": st.sampled_from(["acupuncture-chronic-pain", "health-checkup", "stem-cell-knee-svf", ""]),
    "treatments-0-count": st.sampled_from(["", "0", "6", "12", "14", "999"]),
    "treatments-0-clinic": st.sampled_from(["", "tier:local", "tier:university", "clinic:sample-dental-clinic"]),
    "treatments-1-protocol": st.sampled_from(["", "health-checkup", "acupuncture-chronic-pain"]),
    "treatments-1-count": st.sampled_from(["", "1", "6"]),
    "home_timezone": st.sampled_from(["Europe/Lisbon", "Asia/Seoul", "America/St_Johns", "UTC", "Lisbon", ""]),
    "name": st.sampled_from(["Ana Silva", "Nguyễn Thị", ""]),
    "arrival_date": DATES,
    "arrival_time": TIMES,
    "outbound_number": st.sampled_from(["KE 912", "OZ541", "TP1234", "K"]),
    "outbound_date": DATES,
    "outbound_time": TIMES,
    "shortest": st.sampled_from(["y", ""]),
    "departure_date": DATES,
    "departure_time": TIMES,
    "inbound_number": st.sampled_from(["KE 911", "ZZ 1"]),
    "inbound_date": DATES,
    "inbound_time": TIMES,
    "lodging": st.sampled_from(["mid", "none", "upscale", "castle"]),
    "currency": st.sampled_from(["EUR", "KRW", "XXX"]),
    "travellers": st.sampled_from(["1", "10", "11", "0"]),
    "interpreter": st.sampled_from(["y", ""]),
    "insurance": st.sampled_from(["visitor", "nhi", "other"]),
    "discreet": st.sampled_from(["y", ""]),
}


def _plan_form_answers(response, data: dict, allowed: tuple[int, ...]) -> None:
    assert response.status_code in allowed, response.status_code
    if response.status_code in (200, 400) and 'name="arrival_date"' in response.text:
        _kept(data, form_values(response.text), skip=_select_values(response.text))


@EXAMPLES
@given(changes=_changes(PLAN_FIELDS))
def test_the_patients_plan_form(client, changes):
    data = _apply(form(), changes)
    response = client.post("/plan", data=data)
    _plan_form_answers(response, data, (303, 400))
    if response.status_code == 303:
        page = client.get(response.location)
        assert page.status_code == 200
        answers = client.get(response.location + "/answers")
        assert answers.status_code == 200
        # the unsaved plan's calendar download (a flight number alone, no take-off date, included)
        scenario = page.text.split('name="scenario" value="', 1)[1].split('"', 1)[0]
        ics = client.post("/plan/calendar.ics", data={"scenario": html.unescape(scenario)})
        assert ics.status_code == 200


@EXAMPLES
@given(changes=_changes(PLAN_FIELDS))
def test_the_patients_saved_trip_edit_form(app, client, changes):
    with app.app_context():
        token = trips.save_trip(json.loads(json.dumps(KNEE)), discreet=False)
    data = _apply(form(), changes)
    _plan_form_answers(client.post(f"/t/{token}/edit", data=data), data, (302, 400))


PIN_FIELDS = {
    "key": st.sampled_from(["stem-cell-knee-svf-consultation-1", "nope", ""]),
    "date": DATES,
    "time": TIMES,
}


def _pin_kept(response, data: dict) -> None:
    mine = [f for f in each_form(response.text) if f.get("key") == data.get("key") and "date" in f]
    if response.status_code == 400 and mine and data.get("date") is not None and data.get("time") is not None:
        assert (mine[0]["date"], mine[0]["time"]) == (data["date"], data["time"])


@EXAMPLES
@given(changes=_changes(PIN_FIELDS))
def test_the_patients_pin_form(app, client, changes):
    with app.app_context():
        token = trips.save_trip(json.loads(json.dumps(KNEE)), discreet=False)
    data = _apply({"key": "stem-cell-knee-svf-consultation-1", "date": "2027-03-02", "time": "10:00"}, changes)
    response = client.post(f"/t/{token}/pin", data=data)
    assert response.status_code in (302, 400)
    _pin_kept(response, data)


@EXAMPLES
@given(changes=_changes(PLAN_FIELDS), edit=st.booleans())
def test_the_facilitators_trip_forms(client, facilitator, changes, edit):
    client_id = add_client(client, add_anyway="y")  # one more each example: not a duplicate to ask about
    data = _apply(trip_form(), changes)
    path = f"/trips/{add_trip(client, client_id)}/edit" if edit else f"/clients/{client_id}/trips/new"
    response = client.post(path, data=data)
    _plan_form_answers(response, data, (200, 302, 400))
    if response.status_code == 302:
        assert client.get(response.location).status_code == 200


@EXAMPLES
@given(changes=_changes(PIN_FIELDS))
def test_the_facilitators_pin_form(client, facilitator, changes):
    trip_id = add_trip(client, add_client(client, add_anyway="y"))
    data = _apply({"key": "acupuncture-chronic-pain-consultation-1", "date": "2027-03-02", "time": "10:00"}, changes)
    response = client.post(f"/trips/{trip_id}/pins", data=data)
    assert response.status_code in (302, 400)
    _pin_kept(response, data)


CLIENT_FIELDS = {
    "name": st.sampled_from(["Ana Silva", "Nguyễn Thị Minh"]),
    "contact": st.sampled_from(["ana@example.com", "+351 912 345 678", ""]),
    "home_timezone": st.sampled_from(["Europe/Lisbon", "Asia/Seoul", "Lisbon", "EST", ""]),
    "language": st.sampled_from(["ru", "ko", "xx"]),
    "notes": st.sampled_from(["Knee pain.\r\nAllergic to penicillin.", ""]),
}


@EXAMPLES
@given(changes=_changes(CLIENT_FIELDS), edit=st.booleans())
def test_the_facilitators_client_form(client, facilitator, changes, edit):
    base = {"name": "Ana Silva", "contact": "ana@example.com", "home_timezone": "Europe/Lisbon", "language": "ru"}
    data = _apply({**base, "notes": ""}, changes)
    path = f"/clients/{add_client(client, add_anyway='y')}/edit" if edit else "/clients/new"
    response = client.post(path, data=data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        _kept(data, form_values(response.text), skip=_select_values(response.text))


CATALOG = load_catalog()
_PROTOCOL = {**stored(protocol_to_dict(CATALOG.protocols["stem-cell-knee-svf"])), "id": "mine"}
_CLINIC = {**stored(clinic_to_dict(CATALOG.clinics["sample-km-clinic-gangnam"])), "id": "mine", "sample": False}


def _editor_fields(post: dict) -> st.SearchStrategy[dict]:
    # a browser sends every field of a row (a row left out whole makes the next one take its place)
    return _changes({name: st.just(value) for name, value in post.items() if isinstance(value, str)}, left_out=False)


@EXAMPLES
@given(changes=_editor_fields(protocol_post(_PROTOCOL)))
def test_the_own_protocol_form(app, client, facilitator, changes):
    with app.app_context():
        row = db.session.scalar(db.select(CustomProtocol).where(CustomProtocol.protocol_id == "mine"))
        if row is None:
            row = CustomProtocol(owner_id=facilitator, protocol_id="mine", document=_PROTOCOL)
            db.session.add(row)
            db.session.commit()
        row_id = row.id
    data = _apply(protocol_post(_PROTOCOL), changes)
    response = client.post(f"/own/protocols/{row_id}", data=data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        _kept(data, form_values(response.text), skip=_select_values(response.text))


@EXAMPLES
@given(changes=_editor_fields(clinic_post(_CLINIC)))
def test_the_own_clinic_form(client, facilitator, changes):
    data = _apply(clinic_post(_CLINIC), changes)
    response = client.post("/own/clinics/new", data=data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        _kept(data, form_values(response.text), skip=_select_values(response.text))


ACCOUNT_FIELDS = {
    "email": st.sampled_from(["fac@example.com", "FAC@Example.com", "no-at-sign", ""]),
    "display_name": st.sampled_from(["Mina Kim", ""]),
    "password": st.sampled_from([PASSWORD, "short", "password123", ""]),
    "confirm": st.sampled_from([PASSWORD, "other words entirely", ""]),
    "current_password": st.sampled_from([PASSWORD, "wrong password here", ""]),
}
PASSWORDS = {"password", "confirm", "current_password"}


def _account_answers(response, data: dict) -> None:
    assert response.status_code in (200, 302, 404)
    if response.status_code == 200:
        shown = form_values(response.text)
        _kept(data, shown, skip=PASSWORDS)
        # a password is never sent back to the browser
        assert all(shown.get(name, "") == "" for name in PASSWORDS)


@EXAMPLES
@given(changes=_changes(ACCOUNT_FIELDS), path=st.sampled_from(["/register", "/login"]))
def test_the_account_forms(client, changes, path):
    base = {"email": "fac@example.com", "password": PASSWORD, "confirm": PASSWORD}
    data = _apply(base, changes)
    _account_answers(client.post(path, data=data), data)


@EXAMPLES
@given(changes=_changes(ACCOUNT_FIELDS))
def test_the_password_change_form(client, facilitator, changes):
    base = {"current_password": PASSWORD, "password": "another long pass phrase", "confirm": "another long pass phrase"}
    data = _apply(base, changes)
    _account_answers(client.post("/account/password", data=data), data)
