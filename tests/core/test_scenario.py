"""parse_scenario: the JSON scenario becomes a TripRequest, or one error naming the field."""

from __future__ import annotations

import copy
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core.catalog.load import Catalog
from planner.core.model.clinic import Clinic
from planner.core.model.costs import Costs
from planner.core.model.money import MoneyRange, Rates
from planner.core.model.protocol import Count, Protocol, Step, StepKind
from planner.core.scenario.parse import ScenarioError, parse_scenario

SEOUL = ZoneInfo("Asia/Seoul")
KRW = MoneyRange(Decimal(1), Decimal(2), Decimal(3), "KRW")


def _catalog() -> Catalog:
    """Two protocols (one counted 6–12, one without a count) and two clinics of different tiers."""
    acupuncture = Protocol(
        "acupuncture-chronic-pain",
        "Acupuncture",
        "korean-medicine",
        "",
        (
            Step("consult", StepKind.CONSULTATION, "Consultation", 40),
            Step("session", StepKind.SESSION, "Session", 30, count=Count(6, 12, 8), counted=True),
        ),
        count=Count(6, 12, 8),
    )
    checkup = Protocol("checkup", "Checkup", "checkup", "", (Step("exam", StepKind.CHECK, "Exam", 240),))
    hours = (((time(9), time(18)),),) * 5 + ((), ())  # per weekday, its intervals
    clinics = {
        "hanbang": Clinic("hanbang", "Hanbang", "Seoul", "", "Asia/Seoul", hours, categories=("korean-medicine",)),
        "uni": Clinic(
            "uni", "University", "Seoul", "", "Asia/Seoul", hours, tier="university", categories=("checkup",)
        ),
    }
    costs = Costs({"budget": KRW, "mid": KRW}, KRW, KRW, KRW, KRW, KRW)
    rates = Rates(date(2026, 1, 5), "KRW", {"EUR": Decimal(1500), "USD": Decimal(1400)})
    return Catalog({p.id: p for p in (acupuncture, checkup)}, clinics, costs, rates)


CATALOG = _catalog()
GOOD = {
    "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-02-28T16:00",
    "departure": "2027-03-21T11:00",
    "treatments": [{"protocol": "acupuncture-chronic-pain", "count": 6, "clinic_tier": "local"}],
    "lodging": "mid",
    "currency": "EUR",
}


def _with(path: str, value) -> dict:
    """GOOD with one value replaced (dotted path, list indexes as numbers); ... deletes it."""
    scenario = copy.deepcopy(GOOD)
    *parents, last = path.split(".")
    target = scenario
    for part in parents:
        target = target[int(part)] if part.isdigit() else target.setdefault(part, {})
    key = int(last) if last.isdigit() else last
    if value is ...:
        del target[key]
    else:
        target[key] = value
    return scenario


def test_good_scenario():
    request = parse_scenario(GOOD, CATALOG)
    assert request.traveller.name == "Ana Silva"
    assert request.traveller.home_timezone == "Europe/Lisbon"
    assert request.arrival == datetime(2027, 2, 28, 16, tzinfo=SEOUL)
    assert request.departure == datetime(2027, 3, 21, 11, tzinfo=SEOUL)
    (treatment,) = request.treatments
    assert (treatment.protocol, treatment.count, treatment.clinic, treatment.clinic_tier) == (
        "acupuncture-chronic-pain",
        6,
        None,
        "local",
    )
    assert (request.lodging, request.currency, request.travellers) == ("mid", "EUR", 1)
    assert request.needs_keta and not request.interpreter and request.pins == ()


def test_offset_times_are_kept_as_the_same_instant():
    request = parse_scenario(_with("arrival", "2027-02-28T08:00+01:00"), CATALOG)
    assert request.arrival == datetime(2027, 2, 28, 16, tzinfo=SEOUL)
    assert request.arrival.utcoffset() == timedelta(hours=9)


def test_no_departure_means_shortest_stay():
    assert parse_scenario(_with("departure", ...), CATALOG).departure is None


def test_extensions():
    scenario = copy.deepcopy(GOOD) | {
        "travellers": 2,
        "interpreter": True,
        "insurance": {"nhi": True, "patient_share": "0.3"},
        "flights": {
            "outbound": {"number": "TP1234", "origin": "LIS", "hours": 14.5, "price": "900", "currency": "EUR"},
            "inbound": {"number": "TP1235", "hours": "15"},
        },
        "pins": [
            {"protocol": "acupuncture-chronic-pain", "step": "session", "occurrence": 2, "start": "2027-03-03T10:00"}
        ],
        "keta": False,
    }
    request = parse_scenario(scenario, CATALOG)
    assert request.travellers == 2 and request.interpreter and not request.needs_keta
    assert request.insurance.nhi and request.insurance.patient_share == Decimal("0.3")
    # landing at 16:00 after 14.5 hours in the air: take-off at 01:30 the same day (Seoul time)
    assert request.outbound.departs == datetime(2027, 2, 28, 1, 30, tzinfo=SEOUL)
    assert request.outbound.price == Decimal("900") and request.outbound.price_currency == "EUR"
    assert request.outbound.hours == Decimal("14.5")
    assert request.inbound.departs == request.departure
    (pin,) = request.pins
    assert (pin.step, pin.occurrence, pin.start) == ("session", 2, datetime(2027, 3, 3, 10, tzinfo=SEOUL))


@pytest.mark.parametrize(
    ("scenario", "field", "reason"),
    [
        ([], "scenario", "must be an object"),
        ("{}", "scenario", "must be an object"),
        ({**GOOD, "colour": "blue"}, "colour", "unknown key"),
        (_with("traveller", ...), "traveller", "is required"),
        (_with("traveller.home_timezone", "Mars/Olympus"), "traveller.home_timezone", "unknown time zone"),
        (_with("traveller.home_timezone", 5), "traveller.home_timezone", "must be a non-empty string"),
        (_with("arrival", "2027-02-30T16:00"), "arrival", "is not a date and time"),
        (_with("arrival", "next tuesday"), "arrival", "is not a date and time"),
        (_with("departure", "2027-02-28T10:00"), "departure", "is not after arrival"),
        (_with("departure", "2028-03-01T10:00"), "departure", "over the 365-day limit"),
        (_with("treatments", []), "treatments", "at least one treatment"),
        (_with("treatments", {"protocol": "checkup"}), "treatments", "must be a list"),
        (_with("treatments.0", "checkup"), "treatments[0]", "must be an object"),
        (_with("treatments.0.protocol", "reiki"), "treatments[0].protocol", "unknown protocol 'reiki'"),
        (_with("treatments.0.count", 14), "treatments[0].count", "enter a number from 6 to 12 for Acupuncture"),
        (_with("treatments.0.count", 5), "treatments[0].count", "enter a number from 6 to 12"),
        (_with("treatments.0.count", "8"), "treatments[0].count", "must be a whole number"),
        (_with("treatments.0.count", 7.5), "treatments[0].count", "must be a whole number"),
        (_with("treatments.0.clinic_tier", "royal"), "treatments[0].clinic_tier", "unknown tier 'royal'"),
        (_with("treatments.0.clinic_tier", "university"), "treatments[0].clinic_tier", "no university clinic"),
        (_with("treatments.0.clinic", "nowhere"), "treatments[0]", "not both"),
        (_with("treatments.0", {"protocol": "checkup", "clinic": "nowhere"}), "treatments[0].clinic", "unknown clinic"),
        (_with("treatments.0", {"protocol": "checkup", "clinic": "hanbang"}), "treatments[0].clinic", "does not offer"),
        (
            _with("treatments.0", {"protocol": "checkup", "count": 2}),
            "treatments[0].count",
            "has no number of sessions to choose",
        ),
        (_with("treatments.0", {"count": 8}), "treatments[0].protocol", "is required"),
        (_with("lodging", "palace"), "lodging", "unknown lodging tier 'palace'"),
        (_with("currency", "XYZ"), "currency", "unknown currency 'XYZ'"),
        (_with("travellers", 0), "travellers", "enter a number from 1 to 10"),
        (_with("travellers", True), "travellers", "must be a whole number"),
        (_with("interpreter", "yes"), "interpreter", "true or false"),
        (
            _with("insurance", {"nhi": True, "patient_share": "1.5"}),
            "insurance.patient_share",
            "enter a number from 0 to 1, got 1.5",
        ),
        (_with("flights", {"outbound": {"hours": "long"}}), "flights.outbound.hours", "is not a number"),
        (_with("flights", {"outbound": {"price": 900}}), "flights.outbound.currency", "is required with a price"),
        (_with("flights", {"outbound": {"seat": "12A"}}), "flights.outbound.seat", "unknown key"),
        (
            _with("departure", ...) | {"flights": {"inbound": {"hours": 15}}},
            "flights.inbound",
            "needs a departure",
        ),
        (
            _with("pins", [{"protocol": "checkup", "step": "exam", "occurrence": 1, "start": "2027-03-02T10:00"}]),
            "pins[0].protocol",
            "not one of the trip's treatments",
        ),
        (
            _with(
                "pins",
                [
                    {
                        "protocol": "acupuncture-chronic-pain",
                        "step": "cupping",
                        "occurrence": 1,
                        "start": "2027-03-02T10:00",
                    }
                ],
            ),
            "pins[0].step",
            "has no step 'cupping'",
        ),
        (
            _with(
                "pins",
                [
                    {
                        "protocol": "acupuncture-chronic-pain",
                        "step": "consult",
                        "occurrence": 2,
                        "start": "2027-03-02T10:00",
                    }
                ],
            ),
            "pins[0].occurrence",
            "happens 1 times, not 2",
        ),
        (
            _with(
                "pins", [{"protocol": "acupuncture-chronic-pain", "step": "consult", "occurrence": 1, "start": "soon"}]
            ),
            "pins[0].start",
            "is not a date and time",
        ),
        (_with("keta", "no"), "keta", "true or false"),
    ],
)
def test_bad_scenario_names_the_field(scenario, field, reason):
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(scenario, CATALOG)
    assert caught.value.field == field
    assert reason in caught.value.reason
    assert str(caught.value) == f"{field}: {caught.value.reason}"


@given(st.integers(min_value=-50, max_value=50))
def test_count_accepted_exactly_inside_the_protocol_range(count):
    scenario = _with("treatments.0.count", count)
    if 6 <= count <= 12:
        assert parse_scenario(scenario, CATALOG).treatments[0].count == count
    else:
        with pytest.raises(ScenarioError, match=r"^treatments\[0\]\.count: "):
            parse_scenario(scenario, CATALOG)


@given(st.integers(min_value=1, max_value=400))
def test_stay_limit_is_365_days(days):
    arrival = datetime(2027, 1, 1, 10)
    scenario = _with("arrival", arrival.isoformat()) | {"departure": (arrival + timedelta(days=days)).isoformat()}
    if days <= 365:
        assert parse_scenario(scenario, CATALOG).departure.date() == (arrival + timedelta(days=days)).date()
    else:
        with pytest.raises(ScenarioError, match="^departure: "):
            parse_scenario(scenario, CATALOG)
