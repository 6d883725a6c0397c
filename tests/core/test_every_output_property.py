"""Issue 8, item 9: for any scenario over the real catalog, every output is made without a crash.

The scenario is planned (or refused naming a field), the JSON matches its documented shape and is
what ``plan_from_dict`` returns, the text renders, and the .ics (plain and discreet) passes every
file rule and reads the same in icalendar, vobject and Home Assistant's ``ical``.
"""

from __future__ import annotations

from hypothesis import given, settings
from ics_checks import read_alike
from plan_shape import check_plan_shape
from scenario_ics import CATALOG, every_output
from scenario_strategies import scenarios

from planner.core import plan_from_dict
from planner.core.render import plan_to_text
from planner.core.scenario import ScenarioError


@settings(max_examples=25, deadline=None)
@given(scenarios())
def test_every_output_of_any_scenario(scenario):
    try:
        document, calendar, discreet = every_output(scenario)
    except ScenarioError as error:
        # only the deliberately broken pins are refused, and the error names the pin's field
        assert error.field.startswith("pins[0]."), error
        return
    check_plan_shape(document)
    text = plan_to_text(document)
    assert text.startswith("Feasible: ") and "Budget (" in text
    protocols = [CATALOG.protocols[t["protocol"]] for t in scenario["treatments"]]
    cautioned = [p.id for p in protocols if p.cautions or p.insurance_note]
    assert [item["protocol"] for item in document["cautions"]] == cautioned
    events = read_alike(calendar)
    assert len(read_alike(discreet)) == len(events)
    assert b"Before this treatment" not in discreet


def test_plan_from_dict_gives_the_same_document():
    scenario = {
        "traveller": {"home_timezone": "America/Sao_Paulo"},
        "arrival": "2027-05-03T10:00",
        "treatments": [{"protocol": "stem-cell-knee-cultured"}],
        "flights": {"outbound": {"number": "KE902"}},
    }
    assert plan_from_dict(scenario) == every_output(scenario)[0]
