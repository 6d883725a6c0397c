"""Checking confirmed times at entry: a pin that could only trap the trip is refused, naming its field."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from planner.core.catalog import Catalog
from planner.core.model import Clinic, Pin, Protocol, Step, StepKind, TripRequest


@dataclass(frozen=True)
class PinError:
    """Why a pin is refused: the field (``pins[1].start``), a code, plain words, and the values behind them."""

    field: str
    code: str  # "before_arrival", "after_departure", "clinic_closed", "outside_hours", "duplicate", "overlap", "order"
    reason: str
    values: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


def pin_errors(request: TripRequest, catalog: Catalog) -> tuple[PinError, ...]:
    """Every refused pin of a request, in pin order (empty when every pin can stand)."""
    protocols = {t.protocol: catalog.protocols.get(t.protocol) for t in request.treatments}
    clinics = {t.protocol: _clinic(t, catalog) for t in request.treatments}
    errors: list[PinError] = []
    accepted: list[tuple[int, Pin, Step]] = []
    for k, pin in enumerate(request.pins):
        protocol, clinic = protocols.get(pin.protocol), clinics.get(pin.protocol)
        if protocol is None or clinic is None or pin.start.tzinfo is None:
            continue  # the parser names those fields
        step = protocol.step(pin.step)
        found = _alone(k, pin, step, protocol, clinic, request) or _against(k, pin, step, protocol, accepted)
        if found is not None:
            errors.append(found)
        else:
            accepted.append((k, pin, step))
    return tuple(errors)


def _clinic(treatment, catalog: Catalog) -> Clinic | None:
    if treatment.clinic is not None:
        return catalog.clinics.get(treatment.clinic)
    return catalog.clinic_for(treatment.protocol, treatment.clinic_tier)


def _when(moment: datetime, zone: str) -> str:
    local = moment.astimezone(ZoneInfo(zone))
    return f"{local:%A} {local.day} {local:%B} {local:%H:%M}"


def _alone(k: int, pin: Pin, step: Step, protocol: Protocol, clinic: Clinic, request: TripRequest):
    """The pin against the trip's dates and the clinic's hours."""
    path, zone = f"pins[{k}].start", clinic.timezone
    start = pin.start.astimezone(ZoneInfo(zone))
    end = start + _length(step)
    values = {"start": start.isoformat(), "arrival": request.arrival.isoformat()}
    if pin.start < request.arrival:
        reason = f"{_when(pin.start, zone)} is before your arrival ({_when(request.arrival, zone)})"
        return PinError(path, "before_arrival", reason, values)
    second_trip = protocol.visits > 1 and step.visit > 1
    if step.kind.in_person and request.departure is not None and not second_trip and end > request.departure:
        reason = f"{_when(pin.start, zone)} is after your flight home ({_when(request.departure, zone)})"
        return PinError(path, "after_departure", reason, values | {"departure": request.departure.isoformat()})
    if not step.needs_clinic_open or not (step.kind.in_person or step.kind is StepKind.REMOTE):
        return None
    day = start.date()
    intervals = clinic.open_intervals(day)
    if not intervals:
        why = clinic.closed_reason(day) or "closed"
        reason = f"the clinic is closed on {start:%A} {day.day} {start:%B} ({why})"
        return PinError(path, "clinic_closed", reason, values | {"closed": why})
    if end.date() != day or not any(a <= start.time() and end.time() <= b for a, b in intervals):
        hours = ", ".join(f"{a:%H:%M}–{b:%H:%M}" for a, b in intervals)
        reason = f"{start:%H:%M}–{end:%H:%M} is outside the clinic's hours that day ({hours})"
        return PinError(path, "outside_hours", reason, values | {"hours": hours})
    return None


def _length(step: Step) -> timedelta:
    return timedelta(minutes=step.minutes)


def _against(k: int, pin: Pin, step: Step, protocol: Protocol, accepted: list[tuple[int, Pin, Step]]):
    """The pin against the pins accepted before it: the same occurrence twice, overlaps, order."""
    for j, other, other_step in accepted:
        if (other.protocol, other.step, other.occurrence) == (pin.protocol, pin.step, pin.occurrence):
            reason = f"{step.title} {pin.occurrence} is already confirmed (pins[{j}]): remove that one first"
            return PinError(f"pins[{k}].occurrence", "duplicate", reason, {"other": f"pins[{j}]"})
        takes_time = step.kind.in_person and other_step.kind.in_person
        if takes_time and pin.start < other.start + _length(other_step) and other.start < pin.start + _length(step):
            reason = f"it overlaps the confirmed {other_step.title.lower()} (pins[{j}])"
            return PinError(f"pins[{k}].start", "overlap", reason, {"other": f"pins[{j}]"})
        if other.protocol != pin.protocol:
            continue
        for first, first_step, then, then_step in ((other, other_step, pin, step), (pin, step, other, other_step)):
            if _comes_after(protocol, then_step, then.occurrence, first_step, first.occurrence):
                if then.start < first.start + _length(first_step):
                    reason = (
                        f"the {then_step.title.lower()} must come after the {first_step.title.lower()} "
                        f"(pins[{j}]), not before it"
                    )
                    return PinError(f"pins[{k}].start", "order", reason, {"other": f"pins[{j}]"})
    return None


def _comes_after(protocol: Protocol, then: Step, then_n: int, first: Step, first_n: int) -> bool:
    """Whether occurrence ``then_n`` of a step must follow occurrence ``first_n`` of another (or the same) step."""
    if then.id == first.id:
        return then_n > first_n
    # the chain of ``after`` rules from ``then`` back to ``first``; a rule on the first occurrence binds only it
    seen, stack = set(), [then]
    while stack:
        step = stack.pop()
        for rule in step.after:
            if rule.step == first.id and (rule.anchor == "last" or first_n == 1):
                return True
            if rule.step not in seen:
                seen.add(rule.step)
                try:
                    stack.append(protocol.step(rule.step))
                except KeyError:
                    continue
    return False
