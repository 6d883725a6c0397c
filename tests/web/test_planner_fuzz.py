"""No input gives a 500: hypothesis over the plan form's fields, the fix form and the JSON API."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.web.planner_helpers import GOOD_FORM

#: the app is built once per test function, not per example: examples only post requests
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

#: plausible values per field, so that examples reach the engine as well as the validators
PLAUSIBLE = {
    "treatments-0-protocol": st.sampled_from(
        ["acupuncture-chronic-pain", "health-checkup", "stem-cell-knee-svf", "dental-implant-two-stage", ""]
    ),
    "treatments-0-count": st.sampled_from(["", "0", "3", "6", "12", "99", "-1"]),
    "treatments-0-clinic": st.sampled_from(["", "tier:local", "tier:university", "clinic:sample-dental-clinic"]),
    "treatments-1-protocol": st.sampled_from(["", "health-checkup", "acupuncture-acute-pain"]),
    "home_timezone": st.sampled_from(["Europe/Lisbon", "Pacific/Kiritimati", "America/St_Johns", "UTC", ""]),
    "arrival_date": st.dates().map(str),
    "arrival_time": st.times().map(lambda t: t.strftime("%H:%M")),
    "departure_date": st.dates().map(str),
    "departure_time": st.times().map(lambda t: t.strftime("%H:%M")),
    "outbound_date": st.dates().map(str),
    "outbound_time": st.times().map(lambda t: t.strftime("%H:%M")),
    "shortest": st.sampled_from(["", "y"]),
    "travellers": st.integers(-5, 50).map(str),
}
FIELDS = [
    *GOOD_FORM,
    "shortest",
    "outbound_number",
    "outbound_date",
    "outbound_time",
    "inbound_number",
    "inbound_date",
    "inbound_time",
    "interpreter",
    "discreet",
    "name",
]


def _value(name: str):
    anything = st.text(max_size=30)
    return st.one_of(PLAUSIBLE[name], anything) if name in PLAUSIBLE else anything


FORMS = st.fixed_dictionaries({}, optional={name: _value(name) for name in FIELDS})


@FUZZ
@given(data=FORMS)
def test_plan_form_never_fails(client, data):
    response = client.post("/plan", data=data)
    assert response.status_code in (303, 400)


@FUZZ
@given(data=FORMS)
def test_edit_form_never_fails(client, data):
    response = client.post("/t/not-a-token/edit", data=data)
    assert response.status_code in (400, 404)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
SCENARIOS = st.fixed_dictionaries(
    {},
    optional={
        "traveller": st.one_of(JSON, st.just({"home_timezone": "Asia/Tokyo"})),
        "arrival": st.one_of(JSON, st.datetimes().map(lambda d: d.isoformat(timespec="minutes"))),
        "departure": st.one_of(JSON, st.datetimes().map(lambda d: d.isoformat(timespec="minutes"))),
        "treatments": st.one_of(JSON, st.just([{"protocol": "health-checkup"}])),
        "pins": JSON,
        "flights": JSON,
        "insurance": JSON,
        "currency": st.one_of(JSON, st.just("USD")),
    },
)


@FUZZ
@given(scenario=SCENARIOS)
def test_json_api_never_fails(client, scenario):
    response = client.post("/api/plan", json=scenario)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert set(response.get_json()["error"]) == {"field", "reason"}


@FUZZ
@given(
    scenario=SCENARIOS,
    departure=st.text(max_size=30),
    arrival=st.text(max_size=30),
    count=st.text(max_size=4),
    treatment=st.text(max_size=4),
)
def test_fix_form_never_fails(client, scenario, departure, arrival, count, treatment):
    data = {
        "scenario": json.dumps(scenario),
        "fix_departure": departure,
        "fix_arrival": arrival,
        "fix_count": count,
        "fix_treatment": treatment,
    }
    response = client.post("/plan/fix", data=data)
    assert response.status_code in (200, 303, 400)
    if response.status_code == 303:
        assert client.get(response.location).status_code == 200
        assert client.get(response.location + "/answers").status_code == 200
