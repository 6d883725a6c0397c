"""A facilitator's own protocols and clinics, and the catalog they plan with.

Ids: a facilitator's protocol or clinic may not take an id the base catalog already uses (saving
refuses it), so a trip's ``"protocol": "acupuncture-chronic-pain"`` always means the shipped one
and a copy is told apart by its own id. Should a later catalog release add an id a facilitator
already uses, ``catalog_for`` lets the facilitator's entry shadow it for that facilitator only, so
their saved trips keep meaning what they meant. Ids are fixed once saved: trips refer to them.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, select

from planner.core.catalog import Catalog, CatalogError, parse_clinic, parse_protocol, protocol_to_dict
from planner.core.model import Clinic, Protocol
from planner.extensions import db
from planner.models import CustomClinic, CustomProtocol
from planner.services import current_catalog

#: the ``where`` of errors raised for a document typed into a form
FORM = "form"


def owned_protocols(owner_id: int) -> Select:
    """The query of a facilitator's protocols: every lookup of one starts here."""
    return select(CustomProtocol).where(CustomProtocol.owner_id == owner_id)


def owned_clinics(owner_id: int) -> Select:
    """The query of a facilitator's clinics: every lookup of one starts here."""
    return select(CustomClinic).where(CustomClinic.owner_id == owner_id)


def _own_protocols(owner_id: int, base: Catalog) -> dict[str, Protocol]:
    found = {}
    for row in db.session.scalars(owned_protocols(owner_id)):
        protocol = _parsed_protocol(row.document, base)
        if protocol is not None:
            found[protocol.id] = protocol
    return found


def _parsed_protocol(document: dict, base: Catalog) -> Protocol | None:
    """A stored protocol, or None when it no longer passes (say the rate table dropped a currency)."""
    try:
        return parse_protocol(document, where=FORM, currencies=base.rates.currencies)
    except CatalogError:
        return None


def _parsed_clinic(document: dict) -> Clinic | None:
    try:
        return parse_clinic(document, where=FORM)
    except CatalogError:
        return None


def catalog_for(owner_id: int | None) -> Catalog:
    """The base catalog merged with a facilitator's own protocols and clinics (two queries).

    A stored entry that no longer passes the catalog's checks is left out; the list page shows
    it with its error so the facilitator can fix it.
    """
    base = current_catalog()
    if owner_id is None:
        return base
    protocols = _own_protocols(owner_id, base)
    clinics = {}
    for row in db.session.scalars(owned_clinics(owner_id)):
        clinic = _parsed_clinic(row.document)
        if clinic is not None:
            clinics[clinic.id] = clinic
    if not protocols and not clinics:
        return base
    return replace(base, protocols={**base.protocols, **protocols}, clinics={**base.clinics, **clinics})


def listing(owner_id: int) -> tuple[list[tuple[CustomProtocol, str]], list[tuple[CustomClinic, str]]]:
    """A facilitator's protocols and clinics by id, each with the error that keeps it out of plans ("" if none)."""
    base = current_catalog()
    protocols = []
    for row in db.session.scalars(owned_protocols(owner_id).order_by(CustomProtocol.protocol_id)):
        protocols.append((row, _problem(lambda r=row: parse_protocol(r.document, currencies=base.rates.currencies))))
    clinics = []
    for row in db.session.scalars(owned_clinics(owner_id).order_by(CustomClinic.clinic_id)):
        clinics.append((row, _problem(lambda r=row: parse_clinic(r.document))))
    return protocols, clinics


def _problem(parse) -> str:
    try:
        parse()
    except CatalogError as error:
        return str(error)
    return ""


def protocol_copy(base_id: str) -> dict:
    """A base protocol's document with a fresh id, as the start of a facilitator's own version."""
    document = protocol_to_dict(current_catalog().protocols[base_id])
    document["id"] = f"{base_id}-own"
    document["name"] = f"{document['name']} (own version)"
    return stored(document)


def blank_clinic() -> dict:
    """The document a new clinic starts from: Seoul, Korean holidays, weekday hours."""
    weekday = [["09:00", "18:00"]]
    return {
        "id": "",
        "name": "",
        "city": "Seoul",
        "address": "",
        "timezone": "Asia/Seoul",
        "tier": "local",
        "holiday_country": "KR",
        "hours": {"mon": weekday, "tue": weekday, "wed": weekday, "thu": weekday, "fri": weekday, "sat": [], "sun": []},
        "lunch": ["13:00", "14:00"],
        "languages": ["ko", "en"],
    }


def categories(owner_id: int) -> list[str]:
    """The protocol categories a facilitator's clinic may offer: the base catalog's and their own."""
    return sorted({p.category for p in catalog_for(owner_id).protocols.values()})


def stored(document: Any) -> Any:
    """A catalog-shaped document as JSON values: amounts as decimal strings, dates as ISO text."""
    if isinstance(document, dict):
        return {str(k): stored(v) for k, v in document.items()}
    if isinstance(document, (list, tuple)):
        return [stored(v) for v in document]
    if isinstance(document, Decimal):
        return str(document)
    if isinstance(document, date):
        return document.isoformat()
    return copy.deepcopy(document)
