"""Reading, parsing and checking the TOML catalog: protocols, clinics, costs, rates and rules.

Every error names the file, the entry and the field (``CatalogError``); a facilitator's own
protocols and clinics go through the same parsers. It imports only ``model``.
"""

from __future__ import annotations

from planner.core.catalog.clinics import WEEKDAYS
from planner.core.catalog.load import (
    Catalog,
    CatalogError,
    clinic_to_dict,
    load_catalog,
    parse_clinic,
    parse_protocol,
    protocol_to_dict,
)
from planner.core.catalog.protocols import TIERS

__all__ = [
    "Catalog",
    "CatalogError",
    "TIERS",
    "WEEKDAYS",
    "clinic_to_dict",
    "load_catalog",
    "parse_clinic",
    "parse_protocol",
    "protocol_to_dict",
]
