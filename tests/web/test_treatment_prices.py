"""The price of a protocol per tier: every priced step times its default occurrences."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from planner.core.catalog.load import Catalog
from planner.core.model.clinic import Clinic
from planner.core.model.costs import Costs
from planner.core.model.money import MoneyRange, Rates
from planner.core.model.protocol import Count, PriceRange, Protocol, Step, StepKind
from planner.services.planning.treatments import protocol_price, summarize

KRW = MoneyRange(Decimal(0), Decimal(0), Decimal(0), "KRW")
HOURS = ((time(9), time(18)),) * 7


def _catalog(protocol: Protocol) -> Catalog:
    clinics = {
        "a": Clinic("a", "A", "Seoul", "", "Asia/Seoul", HOURS, tier="local"),
        "b": Clinic("b", "B", "Seoul", "", "Asia/Seoul", HOURS, tier="university", categories=("other",)),
    }
    rates = Rates(date(2026, 1, 5), "KRW", {"USD": Decimal(1400)})
    return Catalog({protocol.id: protocol}, clinics, Costs({"mid": KRW}, KRW, KRW, KRW, KRW, KRW), rates)


def _price(low, typical, high, currency="KRW"):
    return PriceRange(Decimal(low), Decimal(typical), Decimal(high), currency)


PROTOCOL = Protocol(
    "acu",
    "Acupuncture",
    "korean-medicine",
    "",
    (
        Step("consult", StepKind.CONSULTATION, "Consultation", 40, prices={"local": _price(10_000, 20_000, 30_000)}),
        Step(
            "session",
            StepKind.SESSION,
            "Session",
            30,
            count=Count(6, 12, 8),
            counted=True,
            prices={"*": _price(20_000, 30_000, 50_000)},
        ),
        Step("scan", StepKind.CHECK, "Scan", 30, prices={"*": _price(10, 20, 30, "USD")}),
    ),
    count=Count(6, 12, 8),
)


def test_price_sums_steps_times_occurrences_and_converts():
    # 1 consultation + 8 sessions + 1 scan at 1,400 KRW per USD, worked by hand
    price = protocol_price(_catalog(PROTOCOL), PROTOCOL, "local")
    assert price == MoneyRange(
        Decimal(10_000 + 8 * 20_000 + 14_000),
        Decimal(20_000 + 8 * 30_000 + 28_000),
        Decimal(30_000 + 8 * 50_000 + 42_000),
        "KRW",
    )


def test_only_tiers_that_offer_the_category_are_priced():
    summary = summarize(_catalog(PROTOCOL), PROTOCOL)
    assert list(summary.prices) == ["local"]
    assert [s.occurrences for s in summary.steps] == [1, 8, 1]


def test_unpriced_tier_has_no_price():
    unpriced = Protocol("x", "X", "korean-medicine", "", (Step("s", StepKind.SESSION, "S", 30),))
    assert protocol_price(_catalog(unpriced), unpriced, "local") is None
