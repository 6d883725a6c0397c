"""The documents checklist's rules: a trip's facts in, the items it needs out (codes and values).

A pure function of plain values, so the rules can be tested on their own: ``checklist_items(facts,
rules)``. The words are chosen at the edge (planner.services.documents.wording); the nationality
lists and each item's source come from planner/data/entry.toml (planner.services.documents.data).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

#: the months a passport must still be valid for (FACTS "documents": passport valid 6+ months)
PASSPORT_MONTHS = 6
#: the entry items, one of which a visitor's checklist holds
ENTRY_ROUTES = ("keta", "visa_c33", "visa_g110", "entry_check")
#: every item code, in the order the checklist lists them
ITEM_CODES = (
    "passport",
    "clinic_confirmation",
    *ENTRY_ROUTES,
    "facilitator_registration",
    "proof_of_funds",
    "home_records",
    "infectious_screening",
    "knee_imaging",
    "panoramic_xray",
    "travel_insurance",
    "companions",
)
#: the medical records a record rule may add
RECORD_ITEMS = ("infectious_screening", "knee_imaging", "panoramic_xray")


@dataclass(frozen=True)
class ChecklistItem:
    """One document to bring: a code, its values (for the words) and where the rule comes from."""

    code: str
    params: Mapping = field(default_factory=dict, hash=False)
    source: str = ""


@dataclass(frozen=True)
class RecordRule:
    """Medical records a treatment needs: for any protocol of ``categories`` or listed in ``protocols``."""

    item: str
    source: str
    categories: frozenset[str] = frozenset()
    protocols: frozenset[str] = frozenset()

    def applies(self, protocols, categories) -> bool:
        return bool(self.protocols.intersection(protocols) or self.categories.intersection(categories))


@dataclass(frozen=True)
class EntryRules:
    """What the rules read: the visa-waiver nationalities, each item's source, the records to bring."""

    visa_waiver: frozenset[str]
    sources: Mapping[str, str]
    records: tuple[RecordRule, ...] = ()
    #: the longest stay on a C-3-3 medical visa (the catalog's TravelRules.visa_days)
    visa_days: int = 90
    #: the K-ETA fee
    keta_fee: Decimal = Decimal(10000)
    keta_currency: str = "KRW"
    #: the last arrival day of the temporary K-ETA exemption (the catalog's costs), None: no exemption
    keta_exemption_ends: date | None = None


@dataclass(frozen=True)
class TripFacts:
    """What the checklist depends on, read from the trip's plan and its client."""

    #: the trip's protocol ids and their categories
    protocols: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    #: the longest visit in days, arrival and departure days counted (None: not known)
    stay_days: int | None = None
    #: the arrival day (None: not known)
    arrival: date | None = None
    #: the patient lives in Korea: no entry papers
    resident: bool = False
    #: people on the trip, the patient included
    travellers: int = 1
    #: the trip is planned by a facilitator (not a patient's own)
    facilitated: bool = True
    #: the client's nationality, ISO 3166-1 alpha-2 (None: not known)
    nationality: str | None = None


def entry_route(facts: TripFacts, rules: EntryRules) -> str:
    """Which entry item a visitor needs: a stay over the C-3-3's days needs the G-1-10 whatever the
    nationality; a visa-waiver nationality a K-ETA; any other the C-3-3; an unknown one a check."""
    if facts.stay_days is not None and facts.stay_days > rules.visa_days:
        return "visa_g110"
    if facts.nationality is None:
        return "entry_check"
    if facts.nationality.upper() in rules.visa_waiver:
        return "keta"
    return "visa_c33"


def _entry_item(route: str, facts: TripFacts, rules: EntryRules) -> ChecklistItem:
    source = rules.sources.get(route, "")
    if route == "keta":
        params: dict = {"fee": rules.keta_fee, "currency": rules.keta_currency}
        ends = rules.keta_exemption_ends
        if ends is not None and (facts.arrival is None or facts.arrival <= ends):
            params["exemption_ends"] = ends
        return ChecklistItem(route, params, source)
    return ChecklistItem(route, {"days": facts.stay_days, "visa_days": rules.visa_days}, source)


def checklist_items(facts: TripFacts, rules: EntryRules) -> tuple[ChecklistItem, ...]:
    """The documents the trip needs, in ITEM_CODES order, each code once."""
    said = rules.sources
    items = [
        ChecklistItem("passport", {"months": PASSPORT_MONTHS}, said.get("passport", "")),
        ChecklistItem("clinic_confirmation", {}, said.get("clinic_confirmation", "")),
    ]
    if not facts.resident:
        route = entry_route(facts, rules)
        items.append(_entry_item(route, facts, rules))
        if route != "keta":
            if facts.facilitated:
                items.append(ChecklistItem("facilitator_registration", {}, said.get("facilitator_registration", "")))
            items.append(ChecklistItem("proof_of_funds", {}, said.get("proof_of_funds", "")))
    items.append(ChecklistItem("home_records", {}, said.get("home_records", "")))
    for rule in rules.records:
        if rule.applies(facts.protocols, facts.categories) and all(item.code != rule.item for item in items):
            items.append(ChecklistItem(rule.item, {}, rule.source))
    if not facts.resident:
        items.append(ChecklistItem("travel_insurance", {}, said.get("travel_insurance", "")))
    if not facts.resident and facts.travellers > 1:
        items.append(ChecklistItem("companions", {"count": facts.travellers - 1}, said.get("companions", "")))
    return tuple(sorted(items, key=lambda item: ITEM_CODES.index(item.code)))
