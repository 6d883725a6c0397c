"""Budget arithmetic checked against sums worked out by hand."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from budget_factories import (
    acupuncture_plan,
    appointment,
    krw,
    make_catalog,
    make_costs,
    make_plan,
    make_request,
    seoul,
)

from planner.core.budget.totals import budget_to_dict
from planner.core.model.itinerary import Visit
from planner.core.model.protocol import StepKind
from planner.core.model.trip import Flight, Insurance, TreatmentRequest
from planner.wording.budget import compute_budget


def lines(budget, code):
    """The budget's lines with this code."""
    return [line for line in budget.lines if line.code == code]


def only(budget, code):
    """The single line with this code."""
    (line,) = lines(budget, code)
    return line


def triple(money):
    """A range's amounts as a tuple, for comparing with hand-computed expectations."""
    return (money.low, money.typical, money.high)


def D(*values):
    """Decimals from strings or ints."""
    return tuple(Decimal(v) for v in values)


@pytest.mark.parametrize(
    ("sessions", "clinic", "expected", "label"),
    [
        # local tier ₩20,000/35,000/50,000 per session (seed 000)
        (6, "c-local", D(120_000, 210_000, 300_000), "Acupuncture session × 6 (local clinic)"),
        (1, "c-local", D(20_000, 35_000, 50_000), "Acupuncture session (local clinic)"),
        # university tier ₩70,000/100,000/150,000
        (4, "c-uni", D(280_000, 400_000, 600_000), "Acupuncture session × 4 (university hospital)"),
    ],
)
def test_sessions_times_the_tier_price(sessions, clinic, expected, label):
    budget = compute_budget(acupuncture_plan(sessions, clinic), make_request(), make_catalog())
    line = only(budget, "treatment")  # the consultation has no price: no line
    assert triple(line.amount) == expected
    assert (line.quantity, line.unit, line.label) == (Decimal(sessions), "session", label)
    assert line.original is None and line.source == "seed 000"


@pytest.mark.parametrize(
    ("nights", "lodging", "expected_lodging", "expected_meals"),
    [
        # mid ₩200,000/250,000/300,000 a night; meals ₩40,000/60,000/80,000 a day, nights + 1 days
        (10, "mid", D(2_000_000, 2_500_000, 3_000_000), D(440_000, 660_000, 880_000)),
        (3, "budget", D(300_000, 360_000, 450_000), D(160_000, 240_000, 320_000)),
        (0, "mid", D(0, 0, 0), D(40_000, 60_000, 80_000)),
    ],
)
def test_nights_and_days_of_a_stay(nights, lodging, expected_lodging, expected_meals):
    budget = compute_budget(make_plan(nights=nights), make_request(lodging=lodging), make_catalog())
    assert (only(budget, "lodging").quantity, triple(only(budget, "lodging").amount)) == (nights, expected_lodging)
    assert (only(budget, "meals").quantity, triple(only(budget, "meals").amount)) == (nights + 1, expected_meals)
    # the loader keys lodging sources by tier; a tier without its own source uses the general one
    assert only(budget, "lodging").source == {"mid": "test mid lodging", "budget": "test lodging"}[lodging]


def test_nights_are_counted_in_the_clinic_zone():
    # 23:30 UTC on 4 Jan is 08:30 on 5 Jan in Seoul; 09:00 UTC on 8 Jan is 18:00 on 8 Jan: 3 nights
    visit = Visit(1, datetime(2026, 1, 4, 23, 30, tzinfo=UTC), datetime(2026, 1, 8, 9, tzinfo=UTC))
    plan = make_plan([appointment("acu", "session", 1, date(2026, 1, 6))], visits=(visit,))
    budget = compute_budget(plan, make_request(), make_catalog())
    assert only(budget, "lodging").quantity == 3


@pytest.mark.parametrize(
    ("currency", "expected"),
    [
        # ₩120,000/210,000/300,000 at ₩1,400 a dollar = 85.714…, 150, 214.285…
        ("USD", D("85.71", "150.00", "214.29")),
        # at ₩9.5 a yen = 12631.57…, 22105.26…, 31578.94…; yen have no minor unit
        ("JPY", D(12632, 22105, 31579)),
        ("EUR", D("80.00", "140.00", "200.00")),
    ],
)
def test_conversion_rounds_to_the_minor_unit(currency, expected):
    budget = compute_budget(acupuncture_plan(6), make_request(currency=currency), make_catalog())
    line = only(budget, "treatment")
    assert triple(line.amount) == expected
    assert all(a.as_tuple().exponent == expected[0].as_tuple().exponent for a in triple(line.amount))
    assert triple(line.original) == D(120_000, 210_000, 300_000) and line.original.currency == "KRW"
    assert budget.converted and budget.currency == currency and budget.rates_date == date(2026, 1, 5)


def test_half_cents_round_to_even():
    # ₩7, ₩21, ₩35 at ₩1,400 a dollar are exactly $0.005, $0.015, $0.025
    catalog = make_catalog(costs=make_costs(keta=krw(7, 21, 35)))
    budget = compute_budget(make_plan(), make_request(currency="USD", needs_keta=True), catalog)
    assert triple(only(budget, "keta").amount) == D("0.00", "0.02", "0.02")


def test_usd_prices_convert_to_krw():
    plan = make_plan(
        [
            appointment("joint", "harvest", 1, date(2026, 1, 6), kind=StepKind.PROCEDURE),
            appointment("joint", "inject", 1, date(2026, 1, 7), kind=StepKind.PROCEDURE),
            appointment("joint", "followup", 1, date(2026, 2, 7), kind=StepKind.REMOTE),
        ]
    )
    budget = compute_budget(plan, make_request(), make_catalog())
    inject, followup = lines(budget, "treatment")
    # $8,000/12,000/25,000 × 1,400 and $50.50/75.25/100 × 1,400
    assert triple(inject.amount) == D(11_200_000, 16_800_000, 35_000_000)
    assert triple(followup.amount) == D(70_700, 105_350, 140_000)
    assert triple(followup.original) == D("50.50", "75.25", "100.00")
    # the remote follow-up is not a day at the clinic: 2 days of local transport, ₩3,000/5,000/10,000
    assert triple(only(budget, "local_transport").amount) == D(6_000, 10_000, 20_000)


@pytest.mark.parametrize(
    ("share", "expected", "words"),
    [
        (Decimal("0.3"), D(36_000, 63_000, 90_000), "30%"),
        (Decimal("0.35"), D(42_000, 73_500, 105_000), "35%"),
        (Decimal("1"), D(120_000, 210_000, 300_000), "100%"),
    ],
)
def test_nhi_share_of_covered_treatments(share, expected, words):
    request = make_request(insurance=Insurance(nhi=True, patient_share=share))
    line = only(compute_budget(acupuncture_plan(6), request, make_catalog()), "treatment")
    assert triple(line.amount) == expected
    assert line.to_confirm and f"your share {words}" in line.note and "confirmed with the clinic" in line.note


@pytest.mark.parametrize(("nhi", "covered"), [(False, True), (True, False)])
def test_no_nhi_share_without_insurance_or_coverage(nhi, covered):
    request = make_request(insurance=Insurance(nhi=nhi))
    line = only(compute_budget(acupuncture_plan(6), request, make_catalog(nhi_covered=covered)), "treatment")
    assert triple(line.amount) == D(120_000, 210_000, 300_000)
    assert not line.to_confirm and line.note == ""


def test_people_multiply_transfers_meals_transport_and_keta_but_not_the_room():
    request = make_request(travellers=2, needs_keta=True, interpreter=True)
    budget = compute_budget(acupuncture_plan(6, nights=10), request, make_catalog())
    # 2 transfers × 2 people × ₩18,000/50,000/100,000
    assert (only(budget, "airport_transfer").quantity, triple(only(budget, "airport_transfer").amount)) == (
        4,
        D(72_000, 200_000, 400_000),
    )
    # 11 days × 2 people × ₩40,000/60,000/80,000
    assert triple(only(budget, "meals").amount) == D(880_000, 1_320_000, 1_760_000)
    assert triple(only(budget, "lodging").amount) == D(2_000_000, 2_500_000, 3_000_000)
    # consultation and session 1 share 6 Jan: 6 clinic days × 2 people × ₩3,000/5,000/10,000
    assert triple(only(budget, "local_transport").amount) == D(36_000, 60_000, 120_000)
    # one interpreter booked for each of the same 6 clinic days × ₩130,000/200,000/400,000
    assert triple(only(budget, "interpreter").amount) == D(780_000, 1_200_000, 2_400_000)
    assert (only(budget, "keta").quantity, triple(only(budget, "keta").amount)) == (2, D(20_000, 20_000, 20_000))
    assert only(budget, "keta").source == "test keta"


def test_options_off_leave_their_lines_out():
    budget = compute_budget(acupuncture_plan(2), make_request(), make_catalog())
    assert {line.code for line in budget.lines} == {
        "treatment",
        "lodging",
        "meals",
        "airport_transfer",
        "local_transport",
    }


def test_total_is_the_hand_sum():
    budget = compute_budget(acupuncture_plan(2, nights=2), make_request(), make_catalog())
    # sessions 40,000/70,000/100,000; room 400,000/500,000/600,000; meals 120,000/180,000/240,000;
    # transfers 36,000/100,000/200,000; transport (2 days) 6,000/10,000/20,000
    assert triple(budget.total) == D(602_000, 860_000, 1_160_000)
    assert budget.total.currency == "KRW" and not budget.converted


def test_priced_flights_per_traveller():
    outbound = Flight(seoul(date(2026, 1, 5), 6), number="TP 1", price=Decimal("900"), price_currency="USD")
    inbound = Flight(seoul(date(2026, 1, 15), 18), price=Decimal("300000"), price_currency="KRW")
    request = make_request(travellers=2, outbound=outbound, inbound=Flight(seoul(date(2026, 1, 15))))
    budget = compute_budget(make_plan(), request, make_catalog())
    line = only(budget, "flights")  # the unpriced flight home has no line
    assert triple(line.amount) == D(2_520_000, 2_520_000, 2_520_000) and "TP 1" in line.label
    request = make_request(outbound=outbound, inbound=inbound)
    assert [
        triple(line.amount)[0] for line in lines(compute_budget(make_plan(), request, make_catalog()), "flights")
    ] == [
        Decimal(1_260_000),
        Decimal(300_000),
    ]


def test_two_visits_with_a_proposed_second_trip():
    visits = (
        Visit(1, seoul(date(2026, 1, 5), 8), seoul(date(2026, 1, 8), 18)),
        Visit(2, seoul(date(2026, 2, 1), 8), seoul(date(2026, 2, 6), 18), proposed=True),
    )
    plan = make_plan(
        [
            appointment("joint", "harvest", 1, date(2026, 1, 6), kind=StepKind.PROCEDURE),
            appointment("joint", "inject", 1, date(2026, 2, 2), kind=StepKind.PROCEDURE, visit=2),
        ],
        visits=visits,
    )
    budget = compute_budget(plan, make_request(), make_catalog())
    first, second = lines(budget, "lodging")
    assert (first.quantity, second.quantity) == (3, 5)
    assert "trip 1" in first.label and "trip 2 (proposed)" in second.label
    assert [line.quantity for line in lines(budget, "meals")] == [4, 6]
    assert only(budget, "airport_transfer").quantity == 4


def test_unknown_departure_budgets_what_is_known():
    budget = compute_budget(acupuncture_plan(3, nights=None), make_request(), make_catalog())
    assert not lines(budget, "lodging") and not lines(budget, "meals")
    assert only(budget, "treatment").quantity == 3 and only(budget, "airport_transfer").quantity == 2
    assert budget.notes and "departure" in budget.notes[0]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"currency": "GBP"}, "currency: no exchange rate for GBP"),
        ({"lodging": "palace"}, "lodging: unknown tier 'palace'"),
        ({"travellers": 0}, "travellers"),
        ({"insurance": Insurance(nhi=True, patient_share=Decimal("1.5"))}, "insurance.patient_share"),
        (
            {"outbound": Flight(seoul(date(2026, 1, 5)), price=Decimal(900))},
            "outbound.price_currency",
        ),
        (
            {"outbound": Flight(seoul(date(2026, 1, 5)), price=900.5, price_currency="USD")},
            "outbound.price: give a Decimal, not a float",
        ),
        (
            {"inbound": Flight(seoul(date(2026, 1, 15)), price=Decimal(-1), price_currency="USD")},
            "inbound.price: must not be negative",
        ),
        (
            {"inbound": Flight(seoul(date(2026, 1, 15)), price=Decimal(900), price_currency="CHF")},
            "no exchange rate for CHF",
        ),
    ],
)
def test_bad_input_names_the_field(overrides, message):
    with pytest.raises(ValueError, match=message):
        compute_budget(acupuncture_plan(2), make_request(**overrides), make_catalog())


def test_an_appointment_outside_the_catalog_is_named():
    plan = make_plan([appointment("acu", "massage", 1, date(2026, 1, 6))])
    with pytest.raises(ValueError, match="acu/massage"):
        compute_budget(plan, make_request(), make_catalog())


def test_budget_to_dict():
    request = make_request(currency="USD", treatments=(TreatmentRequest("acu", 6),))
    budget = compute_budget(acupuncture_plan(6, nights=10), request, make_catalog())
    data = json.loads(json.dumps(budget_to_dict(budget)))
    assert (data["currency"], data["rates_date"], data["converted"]) == ("USD", "2026-01-05", True)
    treatment = next(line for line in data["lines"] if line["code"] == "treatment")
    assert treatment == {
        "code": "treatment",
        "label": "Acupuncture session × 6 (local clinic)",
        "quantity": "6",
        "unit": "session",
        "low": "85.71",
        "typical": "150.00",
        "high": "214.29",
        "currency": "USD",
        "note": "",
        "to_confirm": False,
        "source": "seed 000",
        "original": {"low": "120000", "typical": "210000", "high": "300000", "currency": "KRW"},
    }
    for key in ("low", "typical", "high"):
        assert Decimal(data[key]) == sum(Decimal(line[key]) for line in data["lines"])
