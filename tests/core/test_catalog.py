"""The shipped catalog loads and holds the protocols, clinics and figures the planner relies on."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, time
from decimal import Decimal

import pytest

from planner.core.catalog.load import load_catalog
from planner.core.model.protocol import StepKind
from planner.core.model.rules import TravelRules


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


PROTOCOL_IDS = {
    "acupuncture-acute-pain",
    "acupuncture-chronic-pain",
    "acupuncture-stress-insomnia",
    "stem-cell-knee-svf",
    "stem-cell-knee-bmac",
    "stem-cell-knee-cultured",
    "stem-cell-iv-allogeneic",
    "stem-cell-face",
    "stem-cell-hair",
    "health-checkup",
    "dental-implant-two-stage",
}


def test_every_required_protocol_is_there(catalog):
    assert PROTOCOL_IDS <= set(catalog.protocols)


# FACTS: acute 3–6, chronic 6–12 (twice weekly for 3 weeks = 6 intensive), stress 4–8.
@pytest.mark.parametrize(
    ("protocol_id", "low", "high", "intensive"),
    [
        ("acupuncture-acute-pain", 3, 6, 4),
        ("acupuncture-chronic-pain", 6, 12, 6),
        ("acupuncture-stress-insomnia", 4, 8, 4),
    ],
)
def test_acupuncture_courses_are_intensive_then_maintenance(catalog, protocol_id, low, high, intensive):
    protocol = catalog.protocols[protocol_id]
    assert (protocol.count.min, protocol.count.max) == (low, high)
    assert low < protocol.count.default < high
    consultation, first, second = protocol.steps
    assert consultation.kind is StepKind.CONSULTATION and consultation.minutes == 60
    assert [s.id for s in protocol.counted_steps] == [first.id, second.id]
    assert (first.per_week_max, first.min_gap_days, first.count.max) == (2, 2, intensive)
    assert first.after[0].step == consultation.id and first.after[0].min_days == 0
    assert (second.per_week_max, second.min_gap_days) == (1, 5)
    assert second.after[0].step == first.id and second.after[0].min_days == 3
    assert all(s.minutes == 40 and not s.invasive for s in (first, second))
    assert protocol.occurrences(high) == {consultation.id: 1, first.id: intensive, second.id: high - intensive}
    assert protocol.nhi_covered and protocol.category == "acupuncture"
    assert len(protocol.cautions) == 3


@pytest.mark.parametrize(
    ("tier", "low", "high"), [("local", 20000, 50000), ("specialized", 40000, 80000), ("university", 70000, 150000)]
)
def test_acupuncture_session_prices_follow_seed_000(catalog, tier, low, high):
    for protocol_id in ("acupuncture-acute-pain", "acupuncture-chronic-pain", "acupuncture-stress-insomnia"):
        for step in catalog.protocols[protocol_id].counted_steps:
            price = step.price_for(tier)
            assert (price.low, price.high, price.currency) == (Decimal(low), Decimal(high), "KRW")
            assert "seed 000" in price.source


@pytest.mark.parametrize(
    "protocol_id", ["stem-cell-knee-svf", "stem-cell-knee-bmac", "stem-cell-face", "stem-cell-hair"]
)
def test_same_day_stem_cell_protocols_inject_on_the_harvest_day(catalog, protocol_id):
    protocol = catalog.protocols[protocol_id]
    harvest, injection = protocol.step("harvest"), protocol.step("injection")
    assert harvest.invasive and injection.invasive
    assert harvest.kind is injection.kind is StepKind.PROCEDURE
    assert protocol.step("processing").kind is StepKind.LAB
    assert {(a.step, a.min_days, a.max_days) for a in injection.after} >= {("harvest", 0, 0)}
    assert (injection.rest_days, injection.fly_after_days) == (2, 2)
    check = protocol.step("wound-check")
    assert check.kind is StepKind.CHECK and (check.after[0].min_days, check.after[0].max_days) == (1, 7)
    assert protocol.visits == 1 and protocol.typical_stay == (3, 7)
    price = injection.price_for("specialized")
    assert price.currency == "USD"
    expected = (5000, 15000) if protocol_id in ("stem-cell-face", "stem-cell-hair") else (8000, 25000)
    assert (price.low, price.high) == tuple(Decimal(x) for x in expected)


def test_knee_follow_ups_are_remote_around_1_3_6_and_12_months(catalog):
    protocol = catalog.protocols["stem-cell-knee-svf"]
    remote = [s for s in protocol.steps if s.kind is StepKind.REMOTE]
    assert len(remote) == 4
    for step, days in zip(remote, (30, 91, 182, 365), strict=True):
        after = step.after[0]
        assert after.step == "injection" and after.min_days <= days <= after.max_days
        assert step.needs_clinic_open and step.minutes == 30 and step.count.default == 1


def test_harvest_preparation_names_fasting_and_nsaids(catalog):
    preparation = catalog.protocols["stem-cell-knee-svf"].step("harvest").preparation
    assert any(p.hours_before > 0 and "eat" in p.text for p in preparation)
    assert any("NSAID" in p.text for p in preparation)


def test_cultured_cells_need_21_to_35_days_and_a_second_visit(catalog):
    protocol = catalog.protocols["stem-cell-knee-cultured"]
    gap = protocol.visit_gap
    # the gap runs from trip 1's departure (2+ days after the harvest) to trip 2's arrival: 21 − 2 − 3 (jet lag) = 16
    assert (gap.min_days, gap.typical_days, gap.max_days) == (16, 18, 33)
    injection = protocol.step("injection")
    assert injection.visit == 2 and (injection.after[0].step, injection.after[0].min_days) == ("harvest", 21)
    assert injection.after[0].max_days == 35
    assert protocol.step("culture").kind is StepKind.LAB
    assert protocol.visits == 2
    assert any("2025" in c for c in protocol.cautions)


def test_iv_infusion_is_one_two_hour_procedure_per_trip(catalog):
    protocol = catalog.protocols["stem-cell-iv-allogeneic"]
    infusion = protocol.step("infusion")
    assert infusion.kind is StepKind.PROCEDURE and infusion.minutes == 120 and infusion.count.max == 1
    assert protocol.typical_stay == (2, 4)
    assert "3 months" in protocol.summary


def test_health_checkup_is_one_fasting_visit_with_remote_results(catalog):
    protocol = catalog.protocols["health-checkup"]
    checkup, results = protocol.steps
    assert checkup.minutes == 240
    assert checkup.preparation[0].hours_before == 12 and "8 to 12 hours" in checkup.preparation[0].text
    assert results.kind is StepKind.REMOTE and (results.after[0].min_days, results.after[0].max_days) == (5, 10)
    assert protocol.typical_stay == (2, 3)


def test_dental_implants_heal_three_to_six_months_between_trips(catalog):
    protocol = catalog.protocols["dental-implant-two-stage"]
    gap = protocol.visit_gap
    assert (gap.min_days, gap.typical_days, gap.max_days) == (90, 120, 180)
    assert protocol.step("placement").visit == 1 and protocol.step("placement-check").after[0].min_days == 1
    crown = protocol.step("crown")
    assert crown.visit == 2 and crown.after[0].step == "abutment" and crown.after[0].min_days >= 5


def test_every_price_has_a_source_and_a_currency_of_the_rate_table(catalog):
    for protocol in catalog.protocols.values():
        assert protocol.summary and protocol.sources and protocol.typical_stay
        for step in protocol.steps:
            assert step.description, (protocol.id, step.id)
            for price in step.prices.values():
                assert price.source.strip(), (protocol.id, step.id)
                assert price.currency in catalog.rates.currencies


def test_stem_cell_prices_are_in_dollars_and_acupuncture_in_won(catalog):
    currencies = {
        p.category: {price.currency for s in p.steps for price in s.prices.values()} for p in catalog.protocols.values()
    }
    assert currencies["stem-cell"] == {"USD"}
    assert currencies["acupuncture"] == {"KRW"}


def test_sample_clinics_cover_every_tier_and_category(catalog):
    clinics = catalog.clinics.values()
    assert all(c.sample and c.timezone == "Asia/Seoul" and c.holiday_country == "KR" for c in clinics)
    assert all("sample" in c.name.lower() and "fictional" in c.address for c in clinics)
    acupuncture_tiers = {c.tier for c in clinics if "acupuncture" in c.categories}
    assert acupuncture_tiers == {"local", "specialized", "university"}
    assert {"stem-cell", "checkup", "dental"} <= {cat for c in clinics for cat in c.categories}
    for protocol_id in PROTOCOL_IDS:
        assert catalog.clinic_for(protocol_id, None) is not None


def test_clinic_hours_follow_korean_practice(catalog):
    university = catalog.clinics["sample-university-km-hospital"]
    assert university.lunch == (time(12), time(13))
    local = catalog.clinics["sample-km-clinic-gangnam"]
    assert local.lunch == (time(13), time(14))
    monday = date(2026, 11, 2)
    assert local.open_intervals(monday) == ((time(9), time(13)), (time(14), time(18)))
    assert local.open_intervals(date(2026, 11, 7)) == ((time(9), time(13)),)
    assert not local.is_open(date(2026, 11, 8))  # a Sunday
    assert local.closed_reason(date(2026, 9, 25)) is not None  # Chuseok 2026


def test_costs_follow_the_facts_table(catalog):
    costs = catalog.costs
    assert (costs.lodging["mid"].low, costs.lodging["mid"].high) == (Decimal(180000), Decimal(300000))
    assert costs.lodging["budget"].low == Decimal(80000) and costs.lodging["upscale"].high == Decimal(1000000)
    assert (costs.airport_transfer.low, costs.airport_transfer.high) == (Decimal(18000), Decimal(100000))
    assert costs.interpreter.currency == "USD" and costs.keta.typical == Decimal(10000)
    expected = {"lodging.budget", "lodging.mid", "lodging.upscale", "airport_transfer", "local_transport", "meals"}
    assert expected | {"interpreter", "keta", "keta_exemption"} == set(costs.sources)
    assert all(source.strip() for source in costs.sources.values())


def test_rates_are_a_dated_krw_table(catalog):
    rates = catalog.rates
    assert rates.base == "KRW" and rates.date.year == 2026 and "sample" in rates.source
    assert set(rates.currencies) == {"KRW", "USD", "EUR", "GBP", "JPY", "CNY", "AUD", "CAD"} | {
        *("RUB", "AED", "SAR", "KZT", "MNT", "VND", "THB", "TWD", "HKD", "SGD")
    }
    assert all(rate > 0 for rate in rates.per_unit.values())


def test_rules_keep_the_facts_defaults_each_with_a_source(catalog):
    assert catalog.rules == TravelRules()
    assert set(catalog.rule_sources) == {f.name for f in fields(TravelRules)}
    assert all(source.strip() for source in catalog.rule_sources.values())
