"""Bug: Seoul residents (home zone Asia/Seoul, or enrolled in NHI) were charged hotel nights,
airport transfers and a K-ETA, warned about a visa and about a flight they do not take.

A resident gets none of these unless the scenario asks (a lodging tier, ``keta: true``, a flight);
``lodging: "none"`` is a choice for anyone (staying with family).
"""

from __future__ import annotations

import pytest

from planner.core import plan_from_dict
from planner.core.scenario import ScenarioError

BASE = {
    "arrival": "2027-03-02T09:00",
    "departure": "2027-03-12T18:00",
    "treatments": [{"protocol": "stem-cell-knee-svf"}],
    "currency": "KRW",
}
SEOUL = {"traveller": {"name": "Min", "home_timezone": "Asia/Seoul"}}
NHI_ABROAD_ZONE = {"traveller": {"name": "Min", "home_timezone": "Europe/Lisbon"}, "insurance": {"nhi": True}}
VISITOR = {"traveller": {"name": "Ana", "home_timezone": "Europe/Lisbon"}}


def _codes(plan: dict) -> set[str]:
    return {line["code"] for line in plan["budget"]["lines"]}


@pytest.mark.parametrize("who", [SEOUL, NHI_ABROAD_ZONE], ids=["home-seoul", "nhi"])
def test_a_resident_pays_no_hotel_transfer_or_keta(who):
    plan = plan_from_dict({**BASE, **who})
    assert plan["feasible"]
    assert not _codes(plan) & {"lodging", "airport_transfer", "keta", "flights"}
    assert "treatment" in _codes(plan)
    assert not {w["code"] for w in plan["warnings"]} & {"clot_risk", "visa_limit"}
    assert not any("flight" in note.lower() for note in plan["budget"]["notes"])


def test_a_resident_who_asks_gets_them():
    flights = {"outbound": {"hours": 11}, "inbound": {"hours": 12}}
    plan = plan_from_dict({**BASE, **SEOUL, "lodging": "mid", "keta": True, "flights": flights})
    assert {"lodging", "airport_transfer", "keta"} <= _codes(plan)
    assert "clot_risk" in {w["code"] for w in plan["warnings"]}  # a resident who flies home after a harvest


def test_a_visitor_still_pays_them_and_may_choose_no_lodging():
    visitor = plan_from_dict({**BASE, **VISITOR})
    assert {"lodging", "airport_transfer", "keta", "meals"} <= _codes(visitor)
    staying_with_family = plan_from_dict({**BASE, **VISITOR, "lodging": "none"})
    assert "lodging" not in _codes(staying_with_family)
    assert {"airport_transfer", "keta", "meals"} <= _codes(staying_with_family)


def test_an_unknown_lodging_names_none_among_the_choices():
    with pytest.raises(ScenarioError, match="lodging: unknown lodging tier 'tent' .*none"):
        plan_from_dict({**BASE, **VISITOR, "lodging": "tent"})
