"""The days of each trip: arrival, departure, appointments, rest and free days."""

from __future__ import annotations

from datetime import date, timedelta

from planner.core.model import Appointment, Clinic, Day
from planner.core.schedule.days import clinic_values
from planner.core.schedule.wording import closure_reason

#: dates and closure notes per (clinic values, first date, number of dates), shared by every plan
_NOTES: dict[tuple, tuple[tuple[date, ...], tuple]] = {}
#: date ranges kept before the shared cache starts afresh
NOTES_LIMIT = 20_000


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
        if not appointment.in_person:
            continue
        by_day.setdefault(placed.day, []).append(appointment.key)
        treatments_by_day.setdefault(placed.day, set()).add(unit.treatment)
        if unit.step.invasive:
            for offset in range(1, unit.step.rest_days + 1):
                rest.setdefault(placed.day + offset, []).append((unit.treatment, unit.step.title))
    days = []
    nobody: set[int] = set()
    for visit, (arrive, leave) in enumerate(trips, start=1):
        first, last = clock.day(arrive, ctx.zone), clock.day(leave, ctx.zone)
        dates, notes = _dates_and_notes(clinic, clock.date(first), last - first + 1)
        for day, on, closed in zip(range(first, last + 1), dates, notes, strict=True):
            keys = tuple(by_day.get(day, ()))
            busy = treatments_by_day.get(day, nobody)
            resting = [title for t, title in rest.get(day, ()) if t not in busy]
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
            code, params = closed or ("", {})
            if resting and not code:
                code, params = "rest_after", {"step_title": resting[0]}
            days.append(Day(on, kind, keys, visit=visit, note_code=code, note_params=dict(params)))
    return tuple(days)


def _dates_and_notes(clinic: Clinic, start: date, count: int) -> tuple[tuple[date, ...], tuple]:
    """The dates from ``start`` and each one's closure reason, once per clinic and date range across plans."""
    key = (clinic_values(clinic), start, count)
    found = _NOTES.get(key)
    if found is None:
        if len(_NOTES) >= NOTES_LIMIT:
            _NOTES.clear()
        dates = tuple(start + timedelta(days=k) for k in range(count))
        found = _NOTES[key] = (dates, tuple(closure_reason(clinic, on) for on in dates))
    return found
