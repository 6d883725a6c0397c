"""Appointments from placements, and the notices that explain a plan: codes and values (worded at the edge)."""

from __future__ import annotations

from datetime import datetime

from planner.core.model import Appointment, Notice, StepKind
from planner.core.schedule.context import min_stay
from planner.core.schedule.fixes import fix_params
from planner.core.schedule.links import on_grid
from planner.core.schedule.pins import check_pins
from planner.core.schedule.units import Blocker, held_here
from planner.core.schedule.wording import closure_reason, key_of, name_of


def appointments_of(ctx, outcome) -> tuple[Appointment, ...]:
    """The placed units as Appointments, in time order (titled at the edge: ``title`` is the catalog title)."""
    clock, home = ctx.clock, ctx.request.traveller.home_timezone
    result = []
    for unit, placed in zip(outcome.units, outcome.placed, strict=True):
        if placed is None:
            continue
        here = held_here(unit, placed, outcome.frames[unit.visit])
        zone = home if unit.step.kind is StepKind.REMOTE and not here else unit.clinic.timezone
        # only a step that needs the clinic open is moved by a closure (cell processing is not)
        moved = None if unit.pin is not None or not on_grid(unit.step) else _moved_by(ctx, unit, placed)
        result.append(
            Appointment(
                key=key_of(unit),
                protocol=unit.prefix,
                step=unit.step.id,
                occurrence=unit.n,
                kind=unit.step.kind,
                title=name_of(unit, here),
                start=clock.at(placed.start, zone),
                end=clock.at(placed.end, zone),
                clinic=unit.clinic.id,
                visit=unit.visit,
                invasive=unit.step.invasive,
                pinned=unit.pin is not None,
                timezone=zone,
                preparation=tuple(p.text for p in unit.step.preparation),
                held_in_person=here,
                moved_code=moved[0] if moved else "",
                moved_params=moved[1] if moved else {},
                name=name_of(unit, here),
                total=unit.total,
            )
        )
    return tuple(sorted(result, key=lambda a: (a.start, a.key)))


def _moved_by(ctx, unit, placed) -> tuple[str, dict] | None:
    """The first holiday or closure in the run of closed days just before the appointment, if any."""
    reason, day = None, placed.day - 1
    # a day without open spans is a day the clinic is shut (the spans are cached, the holidays are not)
    while day >= placed.earliest_day and not ctx.hours.spans(unit.clinic, day):
        reason = closure_reason(unit.clinic, ctx.clock.date(day)) or reason
        day -= 1
    return reason


def _title(appointment: Appointment) -> dict:
    return {"title": appointment.name or appointment.title, "n": appointment.occurrence, "total": appointment.total}


def problems_for(
    ctx, outcome, earliest: datetime | None, fixes: dict[str, str], departure_helps: bool = True
) -> list[Notice]:
    """Why the trip cannot work as asked, and what would fix it (a later departure only when it helps)."""
    blocker: Blocker = outcome.blocker
    unit = outcome.units[blocker.unit]
    step = unit.step
    asked = ctx.request.departure
    if earliest is not None and asked is not None and (earliest > asked or blocker.rule in ("departure", "fly_after")):
        fix = {"departure": earliest.isoformat()} if departure_helps else {}
        params = {"until": earliest.date().isoformat(), **fix_params(ctx, fix)}
        return [Notice("stay_too_short", fix=fix, protocol=unit.prefix, step=step.id, params=params)]
    if blocker.rule == "window":
        anchor = outcome.units[blocker.anchor]
        params = {
            "anchor": name_of(anchor),
            "step_title": step.title,
            "date": ctx.clock.date(blocker.anchor_day).isoformat(),
            "days": blocker.days,
            **fix_params(ctx, fixes),
        }
        return [Notice("window_missed", fix=fixes, protocol=unit.prefix, step=step.id, params=params)]
    if blocker.rule == "pin":
        pinned = outcome.units[blocker.anchor]
        params = {
            "pinned": name_of(pinned),
            "step_title": step.title,
            "date": ctx.clock.date(blocker.anchor_day).isoformat(),
        }
        return [Notice("pin_conflict", protocol=unit.prefix, step=step.id, text="pin_blocks", params=params)]
    params = {"step_title": step.title, "days": ctx.rules.max_stay_days, **fix_params(ctx, fixes)}
    return [Notice("cannot_fit", fix=fixes, protocol=unit.prefix, step=step.id, params=params)]


def warnings_for(ctx, outcome, appointments: tuple[Appointment, ...]) -> tuple[list[Notice], list[Notice]]:
    """Pin problems (outside the stay, overlapping) and warnings (pins off the rules, clots, visa, holidays)."""
    problems: list[Notice] = []
    warnings: list[Notice] = []
    if not outcome.feasible:
        return problems, warnings
    check_pins(ctx, outcome, problems, warnings)
    for appointment in appointments:
        # patients want to know a follow-up at home moved too; its date is given in their home zone
        if appointment.moved_code:
            warnings.append(
                Notice(
                    "holiday_moved",
                    protocol=appointment.protocol,
                    step=appointment.step,
                    params={
                        **_title(appointment),
                        "date": appointment.start.date().isoformat(),
                        "home_time": not appointment.in_person,
                        "because": appointment.moved_code,
                        "because_params": dict(appointment.moved_params),
                    },
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
                protocol=appointment.protocol,
                step=appointment.step,
                params={
                    **_title(appointment),
                    "date": start.date().isoformat(),
                    "time": f"{start:%H:%M}",
                    "awake_from": f"{awake_from:%H:%M}",
                    "awake_to": f"{awake_to:%H:%M}",
                },
            )
        )
    return found


def _trip_warnings(ctx, outcome) -> list[Notice]:
    clock, rules, result = ctx.clock, ctx.rules, []
    several = len(outcome.trips) > 1
    for visit, (arrive, leave) in enumerate(outcome.trips, start=1):
        # two trips give two notices of the same kind: each says which trip it is about (0: the only trip)
        trip = visit if several else 0
        frame = outcome.frames[visit]
        arrive_day, leave_day = clock.day(arrive, ctx.zone), clock.day(leave, ctx.zone)
        invasive = [
            (p.day, u)
            for u, p in zip(outcome.units, outcome.placed, strict=True)
            if p is not None and u.visit == visit and u.step.invasive and u.step.kind.in_person
        ]
        wait = max((frame.low_risk_day if u.step.low_risk else frame.jetlag_day for _, u in invasive), default=0)
        if invasive and wait > arrive_day:
            result.append(Notice("jetlag_buffer", params={"trip": trip, "days": wait - arrive_day}))
        hours = _flight_hours(ctx.request)
        flies = not ctx.request.resident or ctx.request.inbound is not None or ctx.request.outbound is not None
        long_haul = hours is None or hours > rules.long_flight_hours
        # a procedure after the flight home (a confirmed time outside the stay) is the pin problem's, not a clot risk
        recent = [(day, u) for day, u in invasive if 0 <= leave_day - day <= rules.clot_risk_days]
        if flies and long_haul and recent:
            day, unit = max(recent, key=lambda pair: pair[0])
            result.append(
                Notice(
                    "clot_risk",
                    protocol=unit.prefix,
                    step=unit.step.id,
                    params={
                        "trip": trip,
                        "hours": f"{hours.normalize():f}" if hours is not None else None,
                        "date": clock.date(leave_day).isoformat(),
                        "days": leave_day - day,
                        "step_title": unit.step.title,
                        "long_flight_hours": rules.long_flight_hours,
                    },
                )
            )
        # the arrival day counts: 4 January to 4 April is 91 days
        days = leave_day - arrive_day + 1
        if days > rules.visa_days and not ctx.request.resident:
            result.append(Notice("visa_limit", params={"trip": trip, "days": days, "visa_days": rules.visa_days}))
        fewest = min_stay(ctx, visit)
        if days < fewest:  # only a booked flight home can be sooner: the shortest stay keeps the minimum
            result.append(Notice("short_stay", params={"trip": trip, "days": days, "fewest": fewest}))
    return result


def _flight_hours(request):
    """The flight home's length: as given, else the flight out's (the same route), else None."""
    for flight in (request.inbound, request.outbound):
        if flight is not None and flight.hours is not None:
            return flight.hours
    return None
