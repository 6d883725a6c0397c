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

from planner.core.catalog import Catalog, CatalogError, clinic_to_dict, parse_clinic, parse_protocol, protocol_to_dict
from planner.core.clinic import Clinic
from planner.core.protocol import Protocol
from planner.extensions import db
from planner.models import CustomClinic, CustomProtocol, Trip
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


def save_protocol(owner_id: int, document: dict, row: CustomProtocol | None = None) -> CustomProtocol:
    """Validate a protocol as the catalog files are, then add or update it; raises CatalogError."""
    base = current_catalog()
    protocol = parse_protocol(document, where=FORM, currencies=base.rates.currencies)
    _check_id(protocol.id, row.protocol_id if row else None, base.protocols, owned_protocols(owner_id), "protocol")
    if row is None:
        row = CustomProtocol(owner_id=owner_id, protocol_id=protocol.id)
        db.session.add(row)
    row.document = stored(protocol_to_dict(protocol))
    db.session.commit()
    return row


def save_clinic(owner_id: int, document: dict, row: CustomClinic | None = None) -> CustomClinic:
    """Validate a clinic as the catalog files are, then add or update it; raises CatalogError."""
    clinic = parse_clinic(document, where=FORM)
    known = categories(owner_id)
    for i, category in enumerate(clinic.categories):
        if category not in known:
            raise CatalogError(
                FORM, clinic.id, f"categories[{i}]", f"no protocol has category '{category}'", subject="clinic"
            )
    _check_id(clinic.id, row.clinic_id if row else None, current_catalog().clinics, owned_clinics(owner_id), "clinic")
    if row is None:
        row = CustomClinic(owner_id=owner_id, clinic_id=clinic.id)
        db.session.add(row)
    row.document = stored(clinic_to_dict(clinic))
    db.session.commit()
    return row


def _check_id(new_id: str, saved_id: str | None, base: dict, owned: Select, subject: str) -> None:
    """A saved entry keeps its id; a new one takes an id neither the catalog nor the facilitator uses."""
    if saved_id is not None:
        if new_id != saved_id:
            raise CatalogError(
                FORM, new_id, "id", f"cannot change once saved (trips refer to '{saved_id}')", subject=subject
            )
        return
    if new_id in base:
        raise CatalogError(
            FORM, new_id, "id", f"the catalog already has a {subject} '{new_id}': choose another id", subject=subject
        )
    column = CustomProtocol.protocol_id if subject == "protocol" else CustomClinic.clinic_id
    if db.session.scalar(owned.where(column == new_id)) is not None:
        raise CatalogError(FORM, new_id, "id", f"you already have a {subject} '{new_id}'", subject=subject)


def trips_using(owner_id: int, key: str, value: str) -> list[Trip]:
    """The facilitator's trips with a treatment whose ``key`` ("protocol" or "clinic") is ``value``."""
    trips = db.session.scalars(select(Trip).where(Trip.owner_id == owner_id).order_by(Trip.id))
    return [trip for trip in trips if any(_names(t, key, value) for t in _treatments(trip.scenario))]


def _treatments(scenario: Any) -> list:
    treatments = scenario.get("treatments") if isinstance(scenario, dict) else None
    return treatments if isinstance(treatments, list) else []


def _names(treatment: Any, key: str, value: str) -> bool:
    return isinstance(treatment, dict) and treatment.get(key) == value


def delete_entry(row: CustomProtocol | CustomClinic) -> list[Trip]:
    """Delete a protocol or clinic unless trips use it; returns those trips (nothing deleted then)."""
    if isinstance(row, CustomProtocol):
        using = trips_using(row.owner_id, "protocol", row.protocol_id)
    else:
        using = trips_using(row.owner_id, "clinic", row.clinic_id)
    if not using:
        db.session.delete(row)
        db.session.commit()
    return using


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
