"""Every string of a scenario: no control character, a bounded length, a time zone from the known set."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core.scenario.parse import TEXT_MAX, ScenarioError, parse_scenario
from tests.core.test_scenario import CATALOG, _with

STRING_FIELDS = ("traveller.name", "traveller.home_timezone", "arrival", "treatments.0.protocol", "currency", "lodging")
CONTROLS = st.characters(min_codepoint=0, max_codepoint=0x1F) | st.characters(min_codepoint=0x7F, max_codepoint=0x9F)


@given(field=st.sampled_from(STRING_FIELDS), control=CONTROLS, at=st.integers(0, 3))
def test_a_control_character_in_any_string_is_refused_by_name(field, control, at):
    value = _get(_with("lodging", "mid"), field)
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(_with(field, value[:at] + control + value[at:]), CATALOG)
    assert caught.value.field == field.replace(".0.", "[0].")
    assert "control characters" in caught.value.reason


def _get(scenario: dict, path: str) -> str:
    """The value at a dotted path of a scenario."""
    target = scenario
    for part in path.split("."):
        target = target[int(part)] if part.isdigit() else target[part]
    return target


@pytest.mark.parametrize(("field", "limit"), [("traveller.name", 80), ("lodging", TEXT_MAX), ("arrival", TEXT_MAX)])
def test_a_string_over_its_limit_is_refused(field, limit):
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(_with(field, "a" * (limit + 1)), CATALOG)
    assert (caught.value.field, caught.value.reason) == (field, f"must be at most {limit} characters, got {limit + 1}")


@pytest.mark.parametrize("zone", ["Europe/" + "x" * 300, "../../etc/passwd", "Europe/Lisbon/", "europe/lisbon"])
def test_a_zone_outside_the_known_set_is_refused_without_touching_files(zone):
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(_with("traveller.home_timezone", zone), CATALOG)
    assert caught.value.field == "traveller.home_timezone"
