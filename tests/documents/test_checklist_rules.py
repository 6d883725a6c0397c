"""The documents checklist's rules (a pure function of the trip's facts), checked for every trip."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core.catalog import load_catalog
from planner.services.documents.data import EntryDataError, entry_rules, parse_entry_data
from planner.services.documents.rules import ITEM_CODES, TripFacts, checklist_items, entry_route

CATALOG = load_catalog()
RULES = entry_rules(CATALOG)
PROTOCOLS = sorted(CATALOG.protocols)
NATIONALITIES = st.one_of(st.none(), st.sampled_from(sorted(RULES.visa_waiver)), st.sampled_from(["CN", "VN", "RU"]))


@st.composite
def trips(draw) -> TripFacts:
    protocols = tuple(draw(st.lists(st.sampled_from(PROTOCOLS), min_size=1, max_size=3, unique=True)))
    return TripFacts(
        protocols=protocols,
        categories=tuple(CATALOG.protocols[p].category for p in protocols),
        stay_days=draw(st.one_of(st.none(), st.integers(1, 365))),
        arrival=draw(st.one_of(st.none(), st.dates(date(2026, 1, 1), date(2028, 12, 31)))),
        resident=draw(st.booleans()),
        travellers=draw(st.integers(1, 10)),
        facilitated=draw(st.booleans()),
        nationality=draw(NATIONALITIES),
    )


def codes(facts: TripFacts) -> list[str]:
    return [item.code for item in checklist_items(facts, RULES)]


@given(trips())
def test_every_trip_gets_a_passport_and_the_clinic_confirmation_each_item_once_with_a_source(facts):
    items = checklist_items(facts, RULES)
    found = [item.code for item in items]
    assert found[:2] == ["passport", "clinic_confirmation"]
    assert len(found) == len(set(found)) and all(code in ITEM_CODES for code in found)
    assert all(item.source for item in items)


@given(trips())
def test_a_visitor_has_exactly_one_entry_item_and_a_resident_none(facts):
    entry = [code for code in codes(facts) if code in ("keta", "visa_c33", "visa_g110", "entry_check")]
    assert entry == ([] if facts.resident else [entry_route(facts, RULES)])


@given(trips())
def test_a_stay_over_90_days_never_gets_the_c33_nor_a_keta(facts):
    if facts.stay_days is not None and facts.stay_days > RULES.visa_days:
        found = codes(facts)
        assert "visa_c33" not in found and "keta" not in found
        assert facts.resident or "visa_g110" in found


@given(trips(), st.sampled_from(sorted(RULES.visa_waiver)), st.integers(1, 90))
def test_a_visa_waiver_nationality_gets_a_keta_not_a_visa(facts, nationality, days):
    found = codes(TripFacts(**{**facts.__dict__, "nationality": nationality, "stay_days": days, "resident": False}))
    assert "keta" in found and "visa_c33" not in found and "visa_g110" not in found
    assert "facilitator_registration" not in found


@given(trips(), st.integers(1, 90))
def test_another_nationality_gets_the_c33_and_an_unknown_one_a_check(facts, days):
    visitor = {**facts.__dict__, "stay_days": days, "resident": False}
    assert "visa_c33" in codes(TripFacts(**visitor | {"nationality": "CN"}))
    unknown = codes(TripFacts(**visitor | {"nationality": None}))
    assert "entry_check" in unknown and "keta" not in unknown and "visa_c33" not in unknown


@given(trips())
def test_cell_therapy_gets_the_screening_and_dental_the_panoramic_xray(facts):
    found = codes(facts)
    assert ("infectious_screening" in found) == ("stem-cell" in facts.categories)
    assert ("panoramic_xray" in found) == ("dental" in facts.categories)
    assert ("knee_imaging" in found) == any("knee" in p for p in facts.protocols)


@given(trips())
def test_companions_papers_only_when_companions_travel(facts):
    items = {item.code: item for item in checklist_items(facts, RULES)}
    if facts.travellers > 1 and not facts.resident:
        assert items["companions"].params["count"] == facts.travellers - 1
    else:
        assert "companions" not in items


def test_the_keta_carries_the_temporary_exemption_only_for_arrivals_before_it_ends():
    ends = CATALOG.costs.keta_exemption_ends
    before = TripFacts(protocols=("health-checkup",), stay_days=3, arrival=ends, nationality="US")
    after = TripFacts(protocols=("health-checkup",), stay_days=3, arrival=date(ends.year + 1, 1, 1), nationality="US")
    (keta,) = [i for i in checklist_items(before, RULES) if i.code == "keta"]
    assert keta.params["exemption_ends"] == ends and keta.params["fee"] == 10000
    (later,) = [i for i in checklist_items(after, RULES) if i.code == "keta"]
    assert "exemption_ends" not in later.params


def test_a_medical_visa_through_a_facilitator_needs_their_registration_and_proof_of_funds():
    facts = TripFacts(protocols=("health-checkup",), stay_days=3, nationality="CN", facilitated=True)
    assert {"facilitator_registration", "proof_of_funds"} <= set(codes(facts))
    own = TripFacts(protocols=("health-checkup",), stay_days=3, nationality="CN", facilitated=False)
    assert "facilitator_registration" not in codes(own) and "proof_of_funds" in codes(own)


def test_the_data_file_refuses_a_bad_code_and_a_missing_source():
    good = {"visa_waiver": {"nationalities": ["US"], "source": "x"}, "sources": dict(RULES.sources)}
    parse_entry_data(good)
    with pytest.raises(EntryDataError, match="alpha-2"):
        parse_entry_data(good | {"visa_waiver": {"nationalities": ["USA"], "source": "x"}})
    with pytest.raises(EntryDataError, match="missing"):
        parse_entry_data(good | {"sources": {}})
    with pytest.raises(EntryDataError, match="records"):
        parse_entry_data(good | {"records": [{"item": "x-ray", "source": "x"}]})


def test_every_record_rule_names_protocols_the_catalog_has():
    for rule in RULES.records:
        assert rule.protocols <= set(CATALOG.protocols)
        assert rule.categories <= {p.category for p in CATALOG.protocols.values()}
