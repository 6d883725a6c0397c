"""What the catalog pages show about a protocol: its steps, stay and price per clinic tier."""

from __future__ import annotations

from dataclasses import dataclass

from planner.core.catalog import Catalog
from planner.core.model import MoneyRange, Protocol, Step


@dataclass(frozen=True)
class StepSummary:
    """One step as a patient reads it: what happens, how often, how long."""

    step: Step
    occurrences: int


@dataclass(frozen=True)
class TreatmentSummary:
    """A protocol with the figures its page shows."""

    protocol: Protocol
    steps: tuple[StepSummary, ...]
    #: price of the whole protocol at its default count, per clinic tier that offers it
    prices: dict[str, MoneyRange]


def tiers_offering(catalog: Catalog, protocol: Protocol) -> tuple[str, ...]:
    """Clinic tiers with at least one clinic offering the protocol's category, in catalog order."""
    tiers: list[str] = []
    for clinic_id in sorted(catalog.clinics):
        clinic = catalog.clinics[clinic_id]
        offers = not clinic.categories or protocol.category in clinic.categories
        if offers and clinic.tier not in tiers:
            tiers.append(clinic.tier)
    return tuple(tiers)


def protocol_price(catalog: Catalog, protocol: Protocol, tier: str) -> MoneyRange | None:
    """The protocol's price at its default count in a tier, in its first priced currency.

    None when no step has a price for the tier: the page then says "ask the clinic".
    """
    occurrences = protocol.occurrences(None)
    total: MoneyRange | None = None
    for step in protocol.steps:
        price = step.price_for(tier)
        if price is None or not occurrences.get(step.id):
            continue
        line = MoneyRange(price.low, price.typical, price.high, price.currency).times(occurrences[step.id])
        if total is None:
            total = line
        else:
            total = total + catalog.rates.convert_range(line, total.currency)
    return total


def summarize(catalog: Catalog, protocol: Protocol) -> TreatmentSummary:
    """The figures a protocol's page shows."""
    occurrences = protocol.occurrences(None)
    steps = tuple(StepSummary(step, occurrences.get(step.id, 0)) for step in protocol.steps)
    prices = {}
    for tier in tiers_offering(catalog, protocol):
        price = protocol_price(catalog, protocol, tier)
        if price is not None:
            prices[tier] = price
    return TreatmentSummary(protocol, steps, prices)
