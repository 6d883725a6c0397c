"""Saving and deleting a facilitator's own protocols and clinics, and re-planning the trips they move.

A trip's plan follows its owner's catalog, so an edit of a protocol or clinic moves the trips
that use it: their stored summaries (dashboard, client list) and calendar revisions (feeds) are
rewritten in the same transaction as the edit, never left for ``flask refresh-plans``. A clinic
is used by the trips that name it and by those whose ``clinic_tier`` picks it, before or after.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select

from planner.core.catalog import (
    Catalog,
    CatalogError,
    clinic_to_dict,
    parse_clinic,
    parse_protocol,
    protocol_to_dict,
)
from planner.extensions import db
from planner.models import CustomClinic, CustomProtocol, Trip
from planner.services import current_catalog
from planner.services.planning.custom_catalog import (
    FORM,
    catalog_for,
    categories,
    owned_clinics,
    owned_protocols,
    stored,
)
from planner.services.planning.revisions import planned_trip
from planner.services.planning.trip_changes import trip_changed


def save_protocol(owner_id: int, document: dict, row: CustomProtocol | None = None, *, now: datetime) -> CustomProtocol:
    """Validate a protocol as the catalog files are, add or update it, re-plan its trips; raises CatalogError."""
    base = current_catalog()
    protocol = parse_protocol(document, where=FORM, currencies=base.rates.currencies)
    _check_id(protocol.id, row.protocol_id if row else None, base.protocols, owned_protocols(owner_id), "protocol")
    if row is None:
        row = CustomProtocol(owner_id=owner_id, protocol_id=protocol.id)
        db.session.add(row)
    row.document = stored(protocol_to_dict(protocol))
    _replan(owner_id, lambda treatment, before, after: treatment.get("protocol") == protocol.id, now)
    db.session.commit()
    return row


def save_clinic(owner_id: int, document: dict, row: CustomClinic | None = None, *, now: datetime) -> CustomClinic:
    """Validate a clinic as the catalog files are, add or update it, re-plan its trips; raises CatalogError."""
    clinic = parse_clinic(document, where=FORM)
    known = categories(owner_id)
    for i, category in enumerate(clinic.categories):
        if category not in known:
            raise CatalogError(
                FORM, clinic.id, f"categories[{i}]", f"no protocol has category '{category}'", subject="clinic"
            )
    _check_id(clinic.id, row.clinic_id if row else None, current_catalog().clinics, owned_clinics(owner_id), "clinic")
    before = catalog_for(owner_id)
    if row is None:
        row = CustomClinic(owner_id=owner_id, clinic_id=clinic.id)
        db.session.add(row)
    row.document = stored(clinic_to_dict(clinic))
    _replan(owner_id, lambda treatment, old, new: _uses_clinic(treatment, clinic.id, old, new), now, before)
    db.session.commit()
    return row


def delete_entry(row: CustomProtocol | CustomClinic, *, now: datetime) -> list[Trip]:
    """Delete a protocol or clinic unless trips name it; returns those trips (nothing deleted then).

    Trips that reached a deleted clinic through their ``clinic_tier`` are re-planned at the next one.
    """
    if isinstance(row, CustomProtocol):
        using = trips_using(row.owner_id, lambda t: t.get("protocol") == row.protocol_id)
    else:
        using = trips_using(row.owner_id, lambda t: t.get("clinic") == row.clinic_id)
    if not using:
        before = catalog_for(row.owner_id)
        db.session.delete(row)
        if isinstance(row, CustomClinic):
            clinic_id = row.clinic_id
            _replan(row.owner_id, lambda t, old, new: _uses_clinic(t, clinic_id, old, new), now, before)
        db.session.commit()
    return using


def trips_using(owner_id: int, uses: Callable[[dict], bool]) -> list[Trip]:
    """The facilitator's trips with a treatment (a scenario's dict) for which ``uses`` is true."""
    trips = db.session.scalars(select(Trip).where(Trip.owner_id == owner_id).order_by(Trip.id))
    return [trip for trip in trips if any(isinstance(t, dict) and uses(t) for t in _treatments(trip.scenario))]


def _replan(owner_id: int, uses, now: datetime, before: Catalog | None = None) -> None:
    """Rewrite the summary and calendar revisions of each trip with a treatment ``uses(treatment, before, after)``."""
    db.session.flush()
    after = catalog_for(owner_id)
    before = before or after
    for trip in trips_using(owner_id, lambda treatment: uses(treatment, before, after)):
        trip_changed(trip, planned_trip(trip, after), now)


def _uses_clinic(treatment: dict, clinic_id: str, before: Catalog, after: Catalog) -> bool:
    if treatment.get("clinic") == clinic_id:
        return True
    tier, protocol_id = treatment.get("clinic_tier"), treatment.get("protocol")
    if not isinstance(tier, str) or not isinstance(protocol_id, str):
        return False
    picked = (c.clinic_for(protocol_id, tier) if protocol_id in c.protocols else None for c in (before, after))
    return any(clinic is not None and clinic.id == clinic_id for clinic in picked)


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


def _treatments(scenario: Any) -> list:
    treatments = scenario.get("treatments") if isinstance(scenario, dict) else None
    return treatments if isinstance(treatments, list) else []
