"""The patients' currencies (issue 11): each has a dated rate in the table and a budget converts to it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planner.core.catalog.load import load_catalog
from planner.core.model.money import MoneyRange, quantize

ADDED = ("RUB", "AED", "SAR", "KZT", "MNT", "VND", "THB", "TWD", "HKD", "SGD")


@pytest.fixture(scope="module")
def rates():
    return load_catalog().rates


@pytest.mark.parametrize("code", ADDED)
def test_each_currency_has_a_rate_of_the_tables_date_and_source(rates, code):
    assert code in rates.currencies
    assert rates.per_unit[code] > 0
    assert rates.date.isoformat() == "2026-10-01"
    assert code in rates.source and "estimate" in rates.source


@pytest.mark.parametrize("code", ADDED)
def test_a_won_price_converts_and_back(rates, code):
    price = MoneyRange(Decimal(1_000_000), Decimal(1_500_000), Decimal(2_000_000), "KRW")
    converted = rates.convert_range(price, code)
    assert converted.currency == code
    assert converted.low < converted.typical < converted.high
    back = rates.convert(converted.typical, code, "KRW")
    assert abs(back - Decimal(1_500_000)) / Decimal(1_500_000) < Decimal("0.001")


def test_the_pegged_gulf_currencies_stay_near_their_dollar_pegs(rates):
    usd = rates.per_unit["USD"]
    assert abs(usd / rates.per_unit["AED"] - Decimal("3.6725")) < Decimal("0.05")
    assert abs(usd / rates.per_unit["SAR"] - Decimal("3.75")) < Decimal("0.05")


def test_dong_has_no_minor_unit():
    assert quantize(Decimal("12345.67"), "VND") == Decimal("12346")
    assert quantize(Decimal("12345.675"), "KZT") == Decimal("12345.68")
