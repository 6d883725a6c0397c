"""Bug: a results call was a video call from home even when the patient was still in Seoul.

A checkup on 8 March with a flight home on 20 March put the results consultation after the
flight (or kept the checkup late so that it could be), although the centre holds it in person.
A remote step with ``in_person_if_present`` is now a visit on a day of the stay when its window
allows (its in-person title, at the clinic, in Seoul time), else a video call after the trip. The
catalog reads the field and refuses it on a step that is not remote.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from planner.core import plan_from_dict
from planner.core.catalog.load import load_catalog
from planner.core.catalog.protocol_dicts import protocol_to_dict
from planner.core.catalog.protocols import parse_protocol
from planner.core.catalog.reader import CatalogError
from planner.core.render import plan_to_text

SEOUL = ZoneInfo("Asia/Seoul")
CATALOG = load_catalog()


def _plan(departure: str | None) -> dict:
    scenario = {
        "traveller": {"home_timezone": "Europe/Lisbon"},
        "arrival": "2027-03-02T08:00",
        "treatments": [{"protocol": "health-checkup"}],
    }
    if departure:
        scenario["departure"] = departure
    return plan_from_dict(scenario)


def test_the_results_call_is_held_in_person_inside_a_long_stay():
    plan = _plan("2027-03-20T18:00")
    assert plan["feasible"]
    by_step = {a["step"]: a for a in plan["appointments"]}
    results, checkup = by_step["results"], by_step["checkup"]
    assert results["in_person"] and results["title"] == "Results consultation (in person)"
    assert results["timezone"] == "Asia/Seoul"
    start = datetime.fromisoformat(results["start"])
    assert 5 <= (start.date() - datetime.fromisoformat(checkup["start"]).date()).days <= 10
    assert start < datetime.fromisoformat(plan["departure"])
    # a day of the stay lists it; the text has no "after you return" call
    assert any(results["key"] in day["appointments"] for day in plan["days"])
    assert "After you return" not in plan_to_text(plan)
    # the checkup is where the shortest stay puts it: a longer stay does not push it later
    assert checkup["start"] == next(a["start"] for a in _plan(None)["appointments"] if a["step"] == "checkup")


def test_the_results_call_is_a_video_call_after_a_short_stay():
    plan = _plan(None)
    results = next(a for a in plan["appointments"] if a["step"] == "results")
    assert not results["in_person"] and results["title"] == "Results consultation (video)"
    assert datetime.fromisoformat(results["start"]) > datetime.fromisoformat(plan["departure"])


def _results_dict(**changes) -> dict:
    data = protocol_to_dict(CATALOG.protocols["health-checkup"])
    data["steps"][1].update(changes)
    return data


def test_the_catalog_reads_the_field_and_keeps_it_on_the_round_trip():
    step = parse_protocol(_results_dict()).step("results")
    assert step.in_person_if_present and step.in_person_title == "Results consultation (in person)"
    plain = _results_dict()
    del plain["steps"][1]["in_person_if_present"], plain["steps"][1]["in_person_title"]
    assert not parse_protocol(plain).step("results").in_person_if_present


@pytest.mark.parametrize(
    ("index", "changes", "field", "reason"),
    [
        (0, {"in_person_if_present": True}, "steps[0].in_person_if_present", "only a remote step"),
        (1, {"in_person_if_present": "yes"}, "steps[1].in_person_if_present", "must be true or false"),
        (1, {"in_person_if_present": False}, "steps[1].in_person_title", "needs in_person_if_present = true"),
    ],
)
def test_a_wrong_in_person_field_names_the_field(index, changes, field, reason):
    data = protocol_to_dict(CATALOG.protocols["health-checkup"])
    data["steps"][index].update(changes)
    with pytest.raises(CatalogError) as caught:
        parse_protocol(data, where="checkup.toml")
    assert caught.value.field == field and reason in str(caught.value)


def test_a_confirmed_results_visit_inside_the_stay_is_checked_against_clinic_hours_not_waking_hours():
    # 09:00 in Seoul is 21:00 in São Paulo: for a visit at the centre that does not matter
    scenario = {
        "traveller": {"home_timezone": "America/Sao_Paulo"},
        "arrival": "2027-03-02T08:00",
        "departure": "2027-03-20T18:00",
        "treatments": [{"protocol": "health-checkup"}],
        "pins": [{"protocol": "health-checkup", "step": "results", "occurrence": 1, "start": "2027-03-12T09:00"}],
    }
    plan = plan_from_dict(scenario)
    results = next(a for a in plan["appointments"] if a["step"] == "results")
    assert plan["feasible"] and results["pinned"] and results["in_person"]
    assert not [w for w in plan["warnings"] if w["step"] == "results"]
