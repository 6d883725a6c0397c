"""Bug: messages showed ISO timestamps with offsets, internal ids (`acupuncture-chronic-pain`) and
rule codes (`rule: clinic open`).

Dates and times are written as people write them and name their zone; treatments and clinics by
name; reasons in words.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.web.facilitator_helpers import add_client, add_trip, register
from tests.web.planner_helpers import form
from tests.web.workspace_factories import make_link

CORE = Path(__file__).resolve().parents[2] / "planner" / "core"
ISO = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def _plain(response) -> str:
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", response.get_data(as_text=True), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_no_sentence_of_the_engine_carries_a_rule_code():
    found = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "(rule:" in node.value:
                found.append(f"{path.name}: {node.value[:60]}")
    assert found == []


def test_a_plan_that_does_not_fit_gives_reasons_in_words(client):
    page = _plain(client.post("/plan", data=form(departure_date="2027-03-04"), follow_redirects=True))
    assert "This plan does not work yet" in page
    assert "rule" not in page.lower().replace("rules come from", "")
    assert "acupuncture-chronic-pain" not in page and not ISO.search(page)


def test_the_facilitator_trip_page_writes_times_with_their_zone(client):
    register(client)
    trip_id = add_trip(client, add_client(client, "Maria Santos"))
    page = _plain(client.get(f"/trips/{trip_id}"))
    assert re.search(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Feb|Mar) 2027, \d{2}:\d{2} Seoul time", page)
    assert " KST" not in page and not ISO.search(page)


def test_the_sharing_page_says_when_the_client_looked_in_seoul_time(app, client):
    register(client)
    trip_id = add_trip(client, add_client(client, "Maria Santos"))
    token = make_link(client, trip_id)
    visitor = app.test_client()
    version = re.search(r'data-seen-version="([0-9a-f]{32})"', visitor.get(f"/shared/{token}").get_data(as_text=True))
    visitor.post(f"/shared/{token}/seen", data={"version": version.group(1)})
    page = _plain(client.get(f"/trips/{trip_id}/sharing"))
    assert "The client last opened their link on Mon 16 Nov 2026, 18:00 Seoul time." in page
    assert "UTC" not in page and not re.search(r"\d{4}-\d{2}-\d{2}", page)


@pytest.mark.parametrize(
    ("treatments", "field", "reason"),
    [
        (
            [{"protocol": "acupuncture-chronic-pain"}, {"protocol": "acupuncture-chronic-pain"}],
            "treatments[1].protocol",
            "Acupuncture for chronic pain is already on the trip",
        ),
        ([{"protocol": "health-checkup", "count": 2}], "treatments[0].count", "has no number of sessions to choose"),
    ],
)
def test_scenario_errors_name_the_treatment_not_its_id(client, treatments, field, reason):
    scenario = {
        "traveller": {"home_timezone": "Europe/Lisbon"},
        "arrival": "2027-03-01T15:00",
        "departure": "2027-04-20T18:00",
        "treatments": treatments,
    }
    error = client.post("/api/plan", json=scenario).get_json()["error"]
    assert error["field"] == field and reason in error["reason"]
    assert "-" not in error["reason"].split(" has ")[0].split(" is ")[0]
