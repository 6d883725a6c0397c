"""Issue 8, item 9, the web side: any scenario over the real catalog gets an answer from the JSON
API (the plan JSON of its documented shape, or a 400 naming the field), and once saved its plan page
and its calendar download render without an error."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, event, given, settings

from planner.core import plan_from_dict
from planner.core.scenario import ScenarioError
from tests.core.ics_checks import read_alike
from tests.core.plan_shape import check_plan_shape
from tests.core.scenario_strategies import scenarios


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scenario=scenarios())
def test_the_api_the_page_and_the_download_answer_any_scenario(client, scenario):
    response = client.post("/api/plan", json=scenario)
    try:
        expected = plan_from_dict(scenario)
    except ScenarioError as error:
        event("refused")
        assert response.status_code == 400
        assert response.get_json()["error"]["field"] == error.field
        return
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    event("planned")
    assert response.get_json() == expected
    check_plan_shape(expected)
    download = client.post("/plan/calendar.ics", data={"scenario": json.dumps(scenario)})
    assert download.status_code == 200
    read_alike(download.data)
    saved = client.post("/plan/save", data={"scenario": json.dumps(scenario)})
    assert saved.status_code == 302, saved.get_data(as_text=True)[:300]
    page = client.get(saved.headers["Location"])
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert "Budget" in body and ("This plan works." in body or "does not work yet" in body)
    for item in expected["cautions"]:
        assert item["name"].split(":")[0] in body
    calendar = client.get(saved.headers["Location"].rstrip("/") + "/calendar.ics")
    assert calendar.status_code == 200
    read_alike(calendar.data)
