"""The catalog: protocols, clinics, costs, exchange rates and travel rules, from TOML files."""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.core.clinic import Clinic
from planner.core.costs import Costs
from planner.core.money import Rates
from planner.core.protocol import Protocol
from planner.core.travel import TravelRules


@dataclass(frozen=True)
class Catalog:
    """Everything the planner knows before a trip is asked for."""

    protocols: dict[str, Protocol] = field(hash=False, compare=False)
    clinics: dict[str, Clinic] = field(hash=False, compare=False)
    costs: Costs
    rates: Rates
    rules: TravelRules = TravelRules()

    def clinic_for(self, protocol_id: str, tier: str | None) -> Clinic | None:
        """The first clinic (by id) of the tier that offers the protocol's category."""
        category = self.protocols[protocol_id].category
        for clinic_id in sorted(self.clinics):
            clinic = self.clinics[clinic_id]
            if (tier is None or clinic.tier == tier) and (not clinic.categories or category in clinic.categories):
                return clinic
        return None
