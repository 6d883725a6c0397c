"""Appointments from placements, and the notices that explain a plan in plain words."""

from __future__ import annotations

from datetime import datetime

from planner.core.model import Appointment, Notice, StepKind
from planner.core.schedule.context import min_stay
from planner.core.schedule.fixes import fix_words
from planner.core.schedule.links import on_grid
from planner.core.schedule.pins import check_pins
from planner.core.schedule.units import Blocker, held_here
from planner.core.schedule.wording import closure_reason, key_of, long_date, short_date, title_of


def appointments_of(ctx, outcome) -> tuple[Appointment, ...]:
    """The placed units as Appointments, in time order."""
    clock, home = ctx.clock, ctx.request.traveller.home_timezone
    result = []
    for unit, placed in zip(outcome.units, outcome.placed, strict=True):
        if placed is None:
            continue
        here = held_here(unit, placed, outcome.frames[unit.visit])
        zone = home if unit.step.kind is StepKind.REMOTE and not here else unit.clinic.timezone
        # only a step that needs the clinic open is moved by a closure (cell processing is not)
        moved = "" if unit.pin is not None or not on_grid(unit.step) else _moved_by(ctx, unit, placed)
        result.append(
            Appointment(
                key=key_of(unit),
                protocol=unit.prefix,
                step=unit.step.id,
                occurrence=unit.n,
                kind=unit.step.kind,
                title=title_of(unit, here),
                start=clock.at(placed.start, zone),
                end=clock.at(placed.end, zone),
                clinic=unit.clinic.id,
                visit=unit.visit,
                invasive=unit.step.invasive,
                pinned=unit.pin is not None,
                timezone=zone,
                preparation=tuple(p.text for p in unit.step.preparation),
                moved_by=moved,
                held_in_person=here,
            )
        )
    return tuple(sorted(result, key=lambda a: (a.start, a.key)))


def _moved_by(ctx, unit, placed) -> str:
    """The first holiday or closure in the run of closed days just before the appointment, if any."""
    reason, day = "", placed.day - 1
    # a day without open spans is a day the clinic is shut (the spans are cached, the holidays are not)
    while day >= placed.earliest_day and not ctx.hours.spans(unit.clinic, day):
        reason = closure_reason(unit.clinic, ctx.clock.date(day)) or reason
        day -= 1
    return reason


def problems_for(
    ctx, outcome, earliest: datetime | None, fixes: dict[str, str], departure_helps: bool = True
) -> list[Notice]:
    """Why the trip cannot work as asked, and what would fix it (a later departure only when it helps)."""
    blocker: Blocker = outcome.blocker
    unit = outcome.units[blocker.unit]
    step = unit.step
    asked = ctx.request.departure
    if earliest is not None and asked is not None and (earliest > asked or blocker.rule in ("departure", "fly_after")):
        day = earliest.date()
        fix = {"departure": earliest.isoformat()} if departure_helps else {}
        change = _fix_words(ctx, fix) if fix else f"stay until {short_date(day)}"
        return [
            Notice(
                "stay_too_short",
                f"Your treatments need until {long_date(day)}; {change}.",
                fix,
                unit.prefix,
                step.id,
            )
        ]
    if blocker.rule == "window":
        anchor = outcome.units[blocker.anchor]
        weekday = f"{ctx.clock.date(blocker.anchor_day):%A}"
        days = _days(blocker.days)
        message = (
            f"A {anchor.step.title.lower()} on {weekday} leaves no open day within {days} for the {step.title.lower()}."
        )
        return [Notice("window_missed", message + _fix_text(ctx, fixes), fixes, unit.prefix, step.id)]
    if blocker.rule == "pin":
        pinned = outcome.units[blocker.anchor]
        message = (
            f"The confirmed {pinned.step.title.lower()} on {short_date(ctx.clock.date(blocker.anchor_day))} "
            f"leaves no room for the {step.title.lower()} before it; ask the clinic to move it."
        )
        return [Notice("pin_conflict", message, {}, unit.prefix, step.id)]
    limit = ctx.rules.max_stay_days
    message = f"The {step.title.lower()} cannot be fitted within {limit} days of arrival."
    return [Notice("cannot_fit", message + _fix_text(ctx, fixes), fixes, unit.prefix, step.id)]


def _days(n: int) -> str:
    return "the same day" if n == 0 else f"{n} day" + ("s" if n > 1 else "")


def _fix_words(ctx, fix: dict[str, str]) -> str:
    names = [t.protocol.name for t in ctx.treatments]
    return fix_words(ctx.request, fix, ctx.zone, names)


def _fix_text(ctx, fixes: dict[str, str]) -> str:
    """The verified fix in words (everything it changes), or where to ask when there is none."""
    if fixes:
        words = _fix_words(ctx, fixes)
        return f" It works if you {words}."
    return " Ask the clinic about other days, or choose another clinic."


def warnings_for(ctx, outcome, appointments: tuple[Appointment, ...]) -> tuple[list[Notice], list[Notice]]:
    """Pin problems (outside the stay, overlapping) and warnings (pins off the rules, clots, visa, holidays)."""
    problems: list[Notice] = []
    warnings: list[Notice] = []
    if not outcome.feasible:
        return problems, warnings
    check_pins(ctx, outcome, problems, warnings)
    for appointment in appointments:
        # patients want to know a follow-up at home moved too; its date is given in their home zone
        if appointment.moved_by:
            when = short_date(appointment.start.date()) + ("" if appointment.in_person else " (your time)")
            warnings.append(
                Notice(
                    "holiday_moved",
                    f"{appointment.title} is on {when} because {appointment.moved_by}.",
                    protocol=appointment.protocol,
                    step=appointment.step,
                )
            )
    warnings.extend(_remote_hours(ctx, appointments))
    warnings.extend(_trip_warnings(ctx, outcome))
    return problems, warnings


def _remote_hours(ctx, appointments: tuple[Appointment, ...]) -> list[Notice]:
    """A video call placed outside the patient's waking hours (no hour was both open and awake) says so."""
    awake_from, awake_to = ctx.rules.home_awake
    found = []
    for appointment in appointments:
        if appointment.in_person or appointment.pinned:
            continue
        start, end = appointment.start, appointment.end  # already in the patient's home zone
        if start.date() == end.date() and awake_from <= start.time() and end.time() <= awake_to:
            continue
        found.append(
            Notice(
                "remote_hour",
                f"{appointment.title} is at {start:%H:%M} your time on {short_date(start.date())}: no hour is both "
                f"open at the clinic and between {awake_from:%H:%M} and {awake_to:%H:%M} at home, so this is the "
                "nearest one; ask the clinic for an earlier or later slot.",
                protocol=appointment.protocol,
                step=appointment.step,
            )
        )
    return found


#: how a notice names a trip when the plan has two
TRIP_NAMES = {1: "first", 2: "second"}


def _trip_warnings(ctx, outcome) -> list[Notice]:
    clock, rules, result = ctx.clock, ctx.rules, []
    several = len(outcome.trips) > 1
    for visit, (arrive, leave) in enumerate(outcome.trips, start=1):
        # two trips give two notices of the same kind: each says which trip it is about
        trip = TRIP_NAMES.get(visit, f"trip {visit}") if several else ""
        frame = outcome.frames[visit]
        arrive_day, leave_day = clock.day(arrive, ctx.zone), clock.day(leave, ctx.zone)
        invasive = [
            (p.day, u)
            for u, p in zip(outcome.units, outcome.placed, strict=True)
            if p is not None and u.visit == visit and u.step.invasive and u.step.kind.in_person
        ]
        wait = max((frame.low_risk_day if u.step.low_risk else frame.jetlag_day for _, u in invasive), default=0)
        if invasive and wait > arrive_day:
            n = wait - arrive_day
            result.append(
                Notice(
                    "jetlag_buffer",
                    (f"On your {trip} trip, procedures" if trip else "Procedures")
                    + f" wait {n} day{'s' if n > 1 else ''} after you land, so that your body clock "
                    "has adjusted to the time difference.",
                )
            )
        hours = _flight_hours(ctx.request)
        flies = not ctx.request.resident or ctx.request.inbound is not None or ctx.request.outbound is not None
        long_haul = hours is None or hours > rules.long_flight_hours
        recent = [(day, u) for day, u in invasive if leave_day - day <= rules.clot_risk_days]
        if flies and long_haul and recent:
            day, unit = max(recent, key=lambda pair: pair[0])
            length = f"{hours.normalize():f}-hour " if hours is not None else ""
            result.append(
                Notice(
                    "clot_risk",
                    f"Your {length}flight home"
                    + (f" from your {trip} trip" if trip else "")
                    + f" on {short_date(clock.date(leave_day))} is {_days(leave_day - day)} after the "
                    f"{unit.step.title.lower()}. A flight over {rules.long_flight_hours} hours about doubles the risk "
                    "of a blood clot, more so in the week after a procedure: walk about, drink water, ask about "
                    "compression stockings.",
                    protocol=unit.prefix,
                    step=unit.step.id,
                )
            )
        # the arrival day counts: 4 January to 4 April is 91 days
        days = leave_day - arrive_day + 1
        if days > rules.visa_days and not ctx.request.resident:
            result.append(
                Notice(
                    "visa_limit",
                    (f"Your {trip} stay" if trip else "A stay")
                    + f" of {days} days is longer than the {rules.visa_days} days a C-3-3 "
                    "medical visa allows; a longer stay needs a G-1-10 medical treatment visa.",
                )
            )
        fewest = min_stay(ctx, visit)
        if days < fewest:  # only a booked flight home can be sooner: the shortest stay keeps the minimum
            result.append(
                Notice(
                    "short_stay",
                    (f"Your {trip} trip" if trip else "Your trip")
                    + f" is {_days(days)}; the clinic advises at least {fewest} days for it (time to heal and be "
                    "checked before you fly): ask the clinic before you book.",
                )
            )
    return result


def _flight_hours(request):
    """The flight home's length: as given, else the flight out's (the same route), else None."""
    for flight in (request.inbound, request.outbound):
        if flight is not None and flight.hours is not None:
            return flight.hours
    return None
