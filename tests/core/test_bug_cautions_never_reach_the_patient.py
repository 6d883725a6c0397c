"""Bug: the protocol's cautions (blood thinners, pacemaker, pregnancy, screening, the legal status
of cultured cells) never reached the plan, the text, the .ics or the page.

They are in the plan JSON (``cautions``, per treatment, placed or not), in the text before the days,
and in the description of each treatment's first appointment (never in discreet mode).
"""

from __future__ import annotations

import icalendar
from ics_checks import read_alike
from scenario_ics import CATALOG, scenario_calendar

from planner.core import plan_from_dict
from planner.core.render import plan_to_text

TWO = {
    "traveller": {"name": "Ana", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-03-02T09:00",
    "treatments": [{"protocol": "stem-cell-knee-cultured"}, {"protocol": "acupuncture-acute-pain"}],
}
LAW = "Since February 2025 Korean law allows culture-expanded cells only"


def test_the_plan_json_carries_each_treatments_cautions():
    plan = plan_from_dict(TWO)
    assert [c["protocol"] for c in plan["cautions"]] == ["stem-cell-knee-cultured", "acupuncture-acute-pain"]
    knee = CATALOG.protocols["stem-cell-knee-cultured"]
    assert plan["cautions"][0] == {
        "protocol": knee.id,
        "name": knee.name,
        "cautions": list(knee.cautions),
        "insurance_note": knee.insurance_note,
    }
    assert any(c.startswith(LAW) for c in plan["cautions"][0]["cautions"])


def test_an_impossible_plan_still_carries_them():
    plan = plan_from_dict({**TWO, "departure": "2027-03-03T10:00"})
    assert not plan["feasible"]
    assert [c["protocol"] for c in plan["cautions"]] == ["stem-cell-knee-cultured", "acupuncture-acute-pain"]


def test_the_text_lists_them_before_the_days():
    text = plan_to_text(plan_from_dict(TWO))
    assert text.index("Before you book: Knee: culture-expanded") < text.index("Day by day")
    for caution in CATALOG.protocols["acupuncture-acute-pain"].cautions:
        assert f"  - {caution}" in text


def _descriptions(data: bytes) -> dict[str, str]:
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    return {str(e["UID"]).split("plan-test-")[1].split("@")[0]: str(e.get("DESCRIPTION", "")) for e in events}


def test_the_first_appointment_of_each_treatment_says_them_in_the_calendar():
    data = scenario_calendar(TWO)
    read_alike(data)
    described = {key: text for key, text in _descriptions(data).items() if "Before this treatment:" in text}
    assert sorted(described) == ["acupuncture-acute-pain-consultation-1", "stem-cell-knee-cultured-consultation-1"]
    assert LAW in described["stem-cell-knee-cultured-consultation-1"]


def test_discreet_calendar_keeps_them_out():
    data = scenario_calendar(TWO, discreet=True)
    read_alike(data)
    assert b"Before this treatment" not in data and b"Korean law" not in data
