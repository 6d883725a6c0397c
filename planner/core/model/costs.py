"""Everyday costs of a stay (lodging, transport, meals, interpreter, entry) from the catalog."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from planner.core.model.money import MoneyRange


@dataclass(frozen=True)
class Costs:
    """Default cost ranges; each figure's source is kept beside it in ``sources``."""

    #: per room per night, by lodging tier ("budget", "mid", "upscale")
    lodging: dict[str, MoneyRange] = field(hash=False, compare=False)
    #: airport ↔ clinic district, one way, per traveller
    airport_transfer: MoneyRange
    #: local transport for one clinic visit, round trip, per traveller
    local_transport: MoneyRange
    #: food per traveller per day
    meals: MoneyRange
    #: an independent medical interpreter, per in-person visit
    interpreter: MoneyRange
    #: electronic travel authorization, per traveller
    keta: MoneyRange
    #: field name → source of the figure
    sources: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    #: last day of arrival on which the exempt nationalities need no K-ETA (None = no exemption known)
    keta_exemption_ends: date | None = None
