"""Properties every budget keeps, on generated trips."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

from budget_factories import acupuncture_plan, appointment, make_catalog, make_plan, make_request, seoul
from hypothesis import given
from hypothesis import strategies as st

from planner.core.budget.totals import budget_to_dict
from planner.core.model.itinerary import Visit
from planner.core.model.money import MoneyRange
from planner.core.model.protocol import StepKind
from planner.core.model.trip import Flight, Insurance
from planner.wording.budget import compute_budget

CURRENCIES = ("KRW", "USD", "JPY", "EUR")
EXPONENT = {"KRW": 0, "JPY": 0, "USD": -2, "EUR": -2}

prices = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def flights(draw, day: date):
    """An optional flight, sometimes priced in one of the table's currencies."""
    if not draw(st.booleans()):
        return None
    price = draw(st.none() | prices)
    return Flight(
        seoul(day), price=price, price_currency=draw(st.sampled_from(CURRENCIES)) if price is not None else ""
    )


@st.composite
def plans(draw):
    """An acupuncture course, or a two-trip stem-cell plan, with any stay length."""
    if draw(st.booleans()):
        sessions = draw(st.integers(0, 12))
        nights = draw(st.none() | st.integers(0, 30))
        return acupuncture_plan(sessions, draw(st.sampled_from(("c-local", "c-uni"))), nights)
    gap = draw(st.integers(14, 60))
    first, second = date(2026, 1, 5), date(2026, 1, 5) + timedelta(days=gap)
    visits = (
        Visit(1, seoul(first, 8), seoul(first + timedelta(days=draw(st.integers(1, 5))), 18)),
        Visit(2, seoul(second, 8), seoul(second + timedelta(days=draw(st.integers(1, 10))), 18), proposed=True),
    )
    appointments = [
        appointment("joint", "harvest", 1, first + timedelta(days=1), kind=StepKind.PROCEDURE),
        appointment("joint", "inject", 1, second + timedelta(days=1), kind=StepKind.PROCEDURE, visit=2),
        appointment("joint", "followup", 1, second + timedelta(days=30), kind=StepKind.REMOTE, visit=2),
    ]
    return make_plan(appointments, visits=visits)


@st.composite
def requests(draw):
    """Any mix of travellers, options, insurance, flights and currency."""
    share = draw(st.decimals(min_value=0, max_value=1, places=2))
    return make_request(
        currency=draw(st.sampled_from(CURRENCIES)),
        lodging=draw(st.sampled_from(("budget", "mid"))),
        travellers=draw(st.integers(1, 5)),
        interpreter=draw(st.booleans()),
        needs_keta=draw(st.booleans()),
        insurance=Insurance(nhi=draw(st.booleans()), patient_share=share),
        outbound=draw(flights(date(2026, 1, 4))),
        inbound=draw(flights(date(2026, 3, 30))),
    )


def amounts(budget):
    """Every MoneyRange in a budget: the total, each line and each original."""
    yield budget.total
    for line in budget.lines:
        yield line.amount
        if line.original is not None:
            yield line.original


@given(plans(), requests())
def test_total_is_the_sum_of_the_lines(plan, request):
    budget = compute_budget(plan, request, make_catalog())
    for field in ("low", "typical", "high"):
        assert getattr(budget.total, field) == sum((getattr(line.amount, field) for line in budget.lines), Decimal(0))


@given(plans(), requests())
def test_ranges_are_ordered_rounded_and_decimal(plan, request):
    budget = compute_budget(plan, request, make_catalog())
    for money in amounts(budget):
        assert all(type(a) is Decimal for a in (money.low, money.typical, money.high))
        assert Decimal(0) <= money.low <= money.typical <= money.high
    for line in budget.lines:
        assert line.amount.currency == request.currency
        assert type(line.quantity) is Decimal
        assert all(a.as_tuple().exponent == EXPONENT[request.currency] for a in (line.amount.low, line.amount.high))
    assert budget.converted == any(line.original is not None for line in budget.lines)


def no_float(value) -> bool:
    """Whether a nested structure of dicts, lists and dataclasses holds no float."""
    if isinstance(value, float):
        return False
    if dataclasses.is_dataclass(value):
        return all(no_float(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, dict):
        return all(no_float(v) for v in value.values())
    if isinstance(value, list | tuple):
        return all(no_float(v) for v in value)
    return True


@given(plans(), requests())
def test_no_float_anywhere(plan, request):
    budget = compute_budget(plan, request, make_catalog())
    assert no_float(budget) and no_float(budget_to_dict(budget))
    for line in budget_to_dict(budget)["lines"]:
        assert all(isinstance(line[k], str) for k in ("quantity", "low", "typical", "high"))


@given(plans(), requests(), st.sampled_from(("USD", "EUR", "JPY")))
def test_krw_and_back_stays_within_rounding(plan, request, currency):
    catalog = make_catalog()
    in_krw = compute_budget(plan, dataclasses.replace(request, currency="KRW"), catalog)
    direct = compute_budget(plan, dataclasses.replace(request, currency=currency), catalog)
    # each side rounds once: half a won, seen in the other currency, plus half its minor unit
    half_unit = Decimal(1).scaleb(EXPONENT[currency]) / 2
    tolerance = Decimal("0.5") / catalog.rates.per_unit[currency] + half_unit + Decimal("1e-20")
    for krw_line, line in zip(in_krw.lines, direct.lines, strict=True):
        assert krw_line.label == line.label
        for field in ("low", "typical", "high"):
            back = catalog.rates.convert(getattr(krw_line.amount, field), "KRW", currency)
            assert abs(back - getattr(line.amount, field)) <= tolerance


@given(st.decimals(min_value=0, max_value=10**9, places=0), st.sampled_from(("USD", "EUR", "JPY")))
def test_a_krw_amount_survives_the_round_trip_within_a_minor_unit(amount, currency):
    rates = make_catalog().rates
    there = rates.convert_range(MoneyRange(amount, amount, amount, "KRW"), currency)
    back = rates.convert_range(there, "KRW")
    # rounding there loses at most half a minor unit of the other currency, worth this many won
    assert abs(back.typical - amount) <= rates.per_unit[currency] * Decimal(1).scaleb(EXPONENT[currency]) / 2 + Decimal(
        "0.5"
    )
