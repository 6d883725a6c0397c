"""The days of each trip: arrival, departure, appointments, rest and free days."""

from __future__ import annotations

from planner.core.itinerary import Appointment, Day
from planner.core.wording import closure_reason


def days_of(ctx, outcome, trips, appointments: tuple[Appointment, ...]) -> tuple[Day, ...]:
    """Every date of every trip from arrival to departure, with what happens on it."""
    clock = ctx.clock
    clinic = ctx.treatments[0].clinic
    by_day: dict[int, list[str]] = {}
    treatments_by_day: dict[int, set[int]] = {}
    units = {f"{u.prefix}-{u.step.id}-{u.n}": (u, p) for u, p in zip(outcome.units, outcome.placed, strict=False)}
    rest: dict[int, list[tuple[int, str]]] = {}
    for appointment in appointments:
        unit, placed = units[appointment.key]
        if not unit.step.kind.in_person:
            continue
        by_day.setdefault(placed.day, []).append(appointment.key)
        treatments_by_day.setdefault(placed.day, set()).add(unit.treatment)
        if unit.step.invasive:
            for offset in range(1, unit.step.rest_days + 1):
                rest.setdefault(placed.day + offset, []).append((unit.treatment, unit.step.title.lower()))
    days = []
    for visit, (arrive, leave) in enumerate(trips, start=1):
        first, last = clock.day(arrive, ctx.zone), clock.day(leave, ctx.zone)
        for day in range(first, last + 1):
            keys = tuple(by_day.get(day, ()))
            resting = [title for t, title in rest.get(day, ()) if t not in treatments_by_day.get(day, set())]
            note = closure_reason(clinic, clock.date(day))
            if day == first:
                kind = "arrival"
            elif day == last:
                kind = "departure"
            elif keys:
                kind = "appointments"
            elif resting:
                kind = "rest"
            else:
                kind = "free"
            if resting and not note:
                note = f"rest after {resting[0]}"
            days.append(Day(clock.date(day), kind, keys, note, visit))
    return tuple(days)
