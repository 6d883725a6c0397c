"""A quote's arithmetic (Decimal only, each part rounded to the currency's minor unit) and its
status table."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core.model import quantize
from planner.core.quote import STATUSES, TRANSITIONS, QuoteTerms, balance_of, can_move, quote_totals
from planner.core.quote.status import EDITABLE, PAYABLE, status_after_payment

CURRENCIES = st.sampled_from(["USD", "EUR", "KRW", "JPY", "GBP"])
AMOUNTS = st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False, allow_infinity=False)
PERCENTS = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)


@given(CURRENCIES, st.lists(AMOUNTS, max_size=12), AMOUNTS, PERCENTS, PERCENTS, st.floats(0, 1))
def test_the_total_is_the_lines_plus_fee_less_discount_plus_tax(currency, lines, fee, markup, tax, share):
    gross = sum((quantize(a, currency) for a in lines), Decimal(0)) + quantize(fee, currency)
    discount = quantize(gross * Decimal(str(share)) / 2, currency)
    totals = quote_totals(lines, QuoteTerms(currency, fee, markup, discount, tax))
    parts = (totals.lines, totals.fee, totals.discount, totals.tax, totals.total)
    assert all(type(part) is Decimal for part in parts)
    assert all(part == quantize(part, currency) for part in parts)  # every part in the minor unit
    assert totals.lines == sum((quantize(a, currency) for a in lines), Decimal(0))
    assert totals.fee == quantize(fee, currency) + quantize(totals.lines * markup / 100, currency)
    assert totals.total == totals.lines + totals.fee - totals.discount + totals.tax
    assert abs(totals.tax - (totals.lines + totals.fee - totals.discount) * tax / 100) <= Decimal("0.5") * (
        Decimal(1).scaleb(-(0 if currency in ("KRW", "JPY") else 2))
    )
    assert totals.total >= 0


def test_a_known_quote_and_the_won_have_no_minor_unit():
    terms = QuoteTerms("USD", fee=Decimal(300), discount=Decimal("200.50"), tax_percent=Decimal(10))
    assert quote_totals([Decimal(4000), Decimal("1900.50")], terms).total == Decimal("6600.00")
    won = quote_totals([Decimal("1000.5"), Decimal("1001.5")], QuoteTerms("KRW"))
    assert won.lines == Decimal(2002) and won.total.as_tuple().exponent == 0  # banker's rounding per line


@pytest.mark.parametrize("bad", [1.5, "12", True])
def test_money_is_never_a_float_or_a_string(bad):
    with pytest.raises(TypeError):
        quote_totals([bad], QuoteTerms("USD"))
    with pytest.raises(TypeError):
        quote_totals([], QuoteTerms("USD", fee=bad))


@pytest.mark.parametrize(
    ("lines", "terms", "field"),
    [
        ([Decimal(-1)], QuoteTerms("USD"), "price"),
        ([Decimal(1)], QuoteTerms("USD", fee=Decimal(-1)), "fee"),
        ([Decimal(1)], QuoteTerms("USD", discount=Decimal(2)), "discount"),
        ([Decimal("NaN")], QuoteTerms("USD"), "price"),
        ([Decimal(1)], QuoteTerms("USD", tax_percent=Decimal(-5)), "tax_percent"),
    ],
)
def test_a_negative_part_or_a_discount_beyond_the_gross_is_refused_naming_it(lines, terms, field):
    with pytest.raises(ValueError, match=f"^{field}:"):
        quote_totals(lines, terms)


@given(CURRENCIES, AMOUNTS, st.lists(AMOUNTS, max_size=5))
def test_the_balance_is_what_is_left_and_never_negative(currency, total, paid):
    left = balance_of(total, paid, currency)
    expected = quantize(total, currency) - sum((quantize(p, currency) for p in paid), Decimal(0))
    assert left == max(expected, Decimal(0)) and type(left) is Decimal


def test_the_status_table_covers_every_status_and_ends_in_refunded_or_cancelled():
    assert set(TRANSITIONS) == set(STATUSES)
    assert all(targets <= set(STATUSES) for targets in TRANSITIONS.values())
    assert TRANSITIONS["refunded"] == TRANSITIONS["cancelled"] == frozenset()
    assert EDITABLE <= set(STATUSES) and PAYABLE <= set(STATUSES)


@given(st.lists(st.sampled_from(STATUSES), max_size=12))
def test_any_walk_of_allowed_moves_goes_forward_but_for_taking_a_quote_back_to_a_draft(walk):
    order = {status: i for i, status in enumerate(STATUSES)}
    current = "estimate"
    for target in walk:
        if not can_move(current, target):
            continue
        assert order[target] > order[current] or (current, target) == ("quoted", "estimate")
        current = target
    # nothing leaves the two ends, and nothing is ever accepted without being quoted first
    assert not any(can_move(end, s) for end in ("refunded", "cancelled") for s in STATUSES)
    assert [s for s in STATUSES if can_move(s, "accepted")] == ["quoted"]


@given(st.sampled_from(sorted(PAYABLE)), st.decimals(min_value=-10, max_value=10, places=2))
def test_a_payment_leaves_paid_at_a_zero_balance_else_deposit_paid(status, left):
    after = status_after_payment(status, left)
    assert after == ("paid" if left <= 0 else "deposit_paid")
    assert after == status or can_move(status, after)  # a second deposit stays deposit paid


@pytest.mark.parametrize("status", sorted(set(STATUSES) - PAYABLE))
def test_no_payment_is_recorded_before_acceptance_or_after_the_end(status):
    with pytest.raises(ValueError, match="^status:"):
        status_after_payment(status, Decimal(0))
