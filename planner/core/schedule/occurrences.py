"""From a trip request to the occurrences to place: validation, clinics, dependency order, pins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from planner.core.catalog import Catalog
from planner.core.model import Clinic, Protocol, Step, TripRequest
from planner.core.schedule.days import Clock
from planner.core.schedule.units import Unit


@dataclass(frozen=True)
class Treatment:
    """One requested treatment, resolved against the catalog."""

    protocol: Protocol
    prefix: str  # the key's protocol part ("~2" for the second of the same protocol)
    clinic: Clinic
    counts: dict[str, int]


def resolve(request: TripRequest, catalog: Catalog) -> tuple[Treatment, ...]:
    """The requested treatments with their clinics and counts; ValueError naming a bad field."""
    _check_time("arrival", request.arrival)
    if request.departure is not None:
        _check_time("departure", request.departure)
        if request.departure <= request.arrival:
            raise ValueError("departure: must be after the arrival")
    try:
        ZoneInfo(request.traveller.home_timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"traveller.home_timezone: unknown time zone {request.traveller.home_timezone!r}") from None
    if not request.treatments:
        raise ValueError("treatments: choose at least one treatment")
    seen: dict[str, int] = {}
    resolved = []
    for k, wanted in enumerate(request.treatments):
        field = f"treatments[{k}]"
        protocol = catalog.protocols.get(wanted.protocol)
        if protocol is None:
            raise ValueError(f"{field}.protocol: unknown protocol {wanted.protocol!r}")
        clinic = _clinic(field, wanted.clinic, wanted.clinic_tier, protocol, catalog)
        if wanted.count is not None:
            if protocol.count is None:
                raise ValueError(f"{field}.count: {protocol.name} has no choice of sessions")
            if not protocol.count.min <= wanted.count <= protocol.count.max:
                raise ValueError(
                    f"{field}.count: {protocol.name} takes {protocol.count.min} to {protocol.count.max} sessions"
                )
        seen[protocol.id] = seen.get(protocol.id, 0) + 1
        prefix = protocol.id if seen[protocol.id] == 1 else f"{protocol.id}~{seen[protocol.id]}"
        resolved.append(Treatment(protocol, prefix, clinic, protocol.occurrences(wanted.count)))
    return tuple(resolved)


def _check_time(field: str, value: datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{field}: needs a time zone")


def _clinic(field: str, clinic_id: str | None, tier: str | None, protocol: Protocol, catalog: Catalog) -> Clinic:
    if clinic_id is not None:
        clinic = catalog.clinics.get(clinic_id)
        if clinic is None:
            raise ValueError(f"{field}.clinic: unknown clinic {clinic_id!r}")
        return clinic
    clinic = catalog.clinic_for(protocol.id, tier)
    if clinic is None:
        raise ValueError(f"{field}.clinic_tier: no {tier or ''} clinic offers {protocol.name}".replace("  ", " "))
    return clinic


#: dependency order per protocol object, kept with the protocol so that its id stays its own
_ORDERS: dict[int, tuple[Protocol, tuple[Step, ...]]] = {}
#: protocols kept before the cache starts afresh
ORDERS_LIMIT = 2_000


def dependency_order(protocol: Protocol) -> tuple[Step, ...]:
    """Steps so that each comes after the steps it is ordered after (catalog order otherwise)."""
    found = _ORDERS.get(id(protocol))
    if found is None:
        if len(_ORDERS) >= ORDERS_LIMIT:
            _ORDERS.clear()
        found = _ORDERS[id(protocol)] = (protocol, _dependency_order(protocol))
    return found[1]


def _dependency_order(protocol: Protocol) -> tuple[Step, ...]:
    ids = {s.id for s in protocol.steps}
    done: list[Step] = []
    remaining = list(protocol.steps)
    while remaining:
        placed = {s.id for s in done}
        ready = next((s for s in remaining if all(r.step in placed or r.step not in ids for r in s.after)), None)
        if ready is None:
            raise ValueError(f"protocol {protocol.id}: its steps are ordered in a circle")
        done.append(ready)
        remaining.remove(ready)
    return tuple(done)


def build_units(treatments: tuple[Treatment, ...], request: TripRequest, clock: Clock, two_trips: bool) -> list[Unit]:
    """Every occurrence as a Unit in placing order, pins attached (ValueError for a bad pin)."""
    pins = _pins(treatments, request, clock)
    units = []
    for t, treatment in enumerate(treatments):
        for step in dependency_order(treatment.protocol):
            total = treatment.counts.get(step.id, 0)
            for n in range(1, total + 1):
                visit = step.visit if two_trips else 1
                pin = pins.get((t, step.id, n))
                units.append(Unit(t, treatment.prefix, step, n, total, treatment.clinic, visit, pin))
    return units


def _pins(treatments: tuple[Treatment, ...], request: TripRequest, clock: Clock) -> dict[tuple[int, str, int], int]:
    """Pins by (treatment, step, occurrence); a pin names the protocol or its "~2" key part."""
    by_prefix = {t.prefix: i for i, t in enumerate(treatments)}
    found = {}
    for k, pin in enumerate(request.pins):
        field = f"pins[{k}]"
        t = by_prefix.get(pin.protocol)
        if t is None:
            raise ValueError(f"{field}.protocol: {pin.protocol!r} is not one of the trip's treatments")
        total = treatments[t].counts.get(pin.step)
        if total is None:
            raise ValueError(f"{field}.step: {treatments[t].protocol.name} has no step {pin.step!r}")
        if not 1 <= pin.occurrence <= total:
            raise ValueError(f"{field}.occurrence: {pin.step} happens {total} time(s)")
        _check_time(f"{field}.start", pin.start)
        found[(t, pin.step, pin.occurrence)] = clock.minutes(pin.start)
    return found
