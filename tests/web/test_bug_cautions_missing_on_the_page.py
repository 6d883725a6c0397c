"""Bug: the protocol's cautions never reached the plan page or the API: they now show next to the
treatment on the patient's page, and the JSON API carries them."""

from __future__ import annotations

import html

from planner_helpers import form

from planner.core.catalog import load_catalog

CHRONIC = load_catalog().protocols["acupuncture-chronic-pain"]


def test_the_plan_page_shows_the_cautions_near_the_treatment(client):
    body = html.unescape(client.post("/plan", data=form(), follow_redirects=True).get_data(as_text=True))
    # under the summary that names the treatment, before the days
    assert body.index('<p class="lead">') < body.index(f"Before you book: {CHRONIC.name}") < body.index("Day by day")
    for caution in CHRONIC.cautions:
        assert f"<li>{caution}</li>" in body


def test_the_api_carries_them(client):
    scenario = {
        "traveller": {"home_timezone": "Europe/Lisbon"},
        "arrival": "2027-03-01T16:00",
        "treatments": [{"protocol": CHRONIC.id}],
    }
    cautions = client.post("/api/plan", json=scenario).get_json()["cautions"]
    assert cautions[0]["protocol"] == CHRONIC.id and cautions[0]["cautions"] == list(CHRONIC.cautions)
