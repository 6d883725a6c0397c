"""Any scenario the planner accepts rebuilds its form: "Change my answers" on an unsaved plan, "Change the trip"
on a saved one and the facilitator's "Edit the request" show the form filled, and sending it back is never a 5xx."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings

from planner.core import plan_from_dict
from planner.core.scenario import ScenarioError
from planner.extensions import db
from planner.models import Trip, User
from planner.services.planning.plans import plan_scenario
from planner.views import unsaved_plans
from tests.core.scenario_strategies import scenarios
from tests.web.form_values import form_values
from tests.web.workspace_factories import create_client, create_trip

EXAMPLES = settings(
    max_examples=max(5, settings.default.max_examples // 10),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _resent(client, path: str, body: str, expected: int):
    shown = form_values(body)
    assert shown["home_timezone"] and shown["arrival_date"] and shown["treatments-0-protocol"]
    boxes = ("shortest", "interpreter", "discreet")
    data = {name: value for name, value in shown.items() if value or name not in boxes}
    response = client.post(path, data=data)
    assert response.status_code == expected, response.text[:300]
    return response


def _accepted(scenario: dict) -> bool:
    try:
        plan_from_dict(scenario)
    except ScenarioError:
        return False
    return True


@EXAMPLES
@given(scenario=scenarios())
def test_an_unsaved_plan_rebuilds_its_form(app, client, scenario):
    scenario.pop("pins", None)  # an unsaved plan has none: pins are made on a saved trip
    if not _accepted(scenario):
        return
    with app.test_request_context():
        planned = plan_scenario(scenario)
    # kept in the browser as planning keeps it
    with client.session_transaction() as session:
        text = json.dumps(planned.scenario, sort_keys=True, separators=(",", ":"))
        session[unsaved_plans.KEY] = [["p1", text, False]]
    answers = client.get("/plan/unsaved/p1/answers")
    assert answers.status_code == 200
    again = _resent(client, "/plan", answers.text, 303)
    # the same answers plan the same appointments (a flight's price or airport is not on the form)
    with client.session_transaction() as session:
        kept = json.loads(session[unsaved_plans.KEY][-1][1])
    with app.test_request_context():
        assert plan_scenario(kept).plan.appointments == planned.plan.appointments
    assert again.location.startswith("/plan/unsaved/")


@EXAMPLES
@given(scenario=scenarios())
def test_a_saved_trip_rebuilds_its_form(client, scenario):
    saved = client.post("/plan/save", data={"scenario": json.dumps(scenario)})
    if saved.status_code == 400:
        return  # refused with its reason (a bad pin)
    assert saved.status_code == 302
    edit = saved.location + "/edit"
    page = client.get(edit)
    assert page.status_code == 200
    _resent(client, edit, page.text, 302)


@EXAMPLES
@given(scenario=scenarios())
def test_a_facilitators_trip_rebuilds_its_form(app, client, facilitator, scenario):
    if not _accepted(scenario):
        return
    with app.app_context():
        owner = db.session.get(User, facilitator)
        trip_id = create_trip(owner, create_client(owner), {k: v for k, v in scenario.items() if k != "pins"}).id
        assert db.session.get(Trip, trip_id) is not None
    page = client.get(f"/trips/{trip_id}/edit")
    assert page.status_code == 200
    _resent(client, f"/trips/{trip_id}/edit", page.text, 302)
