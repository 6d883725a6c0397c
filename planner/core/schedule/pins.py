"""Checking appointments the clinic confirmed: they stay put, and the plan says what they break."""

from __future__ import annotations

from planner.core.model import Notice, StepKind
from planner.core.schedule.fixes import fix_words
from planner.core.schedule.units import held_here
from planner.core.schedule.wording import short_date, title_of, zone_name


def check_pins(ctx, outcome, problems: list[Notice], warnings: list[Notice]) -> None:
    """Add a problem for a pin outside the stay, a warning for a pin that breaks a rule."""
    clock, rules = ctx.clock, ctx.rules
    pairs = [(u, p) for u, p in zip(outcome.units, outcome.placed, strict=True) if p is not None]
    for unit, placed in pairs:
        if unit.pin is None:
            continue
        when = f"{title_of(unit)} on {short_date(clock.date(placed.day))}"
        frame = outcome.frames[unit.visit]
        # a pin too soon after the first landing is the request's own problem (see ``fixed_pin_problems``)
        if unit.step.kind.in_person:
            too_early = unit.visit > 1 and placed.start < frame.arrival + rules.arrival_to_clinic_hours * 60
            latest = None if frame.departure is None else frame.departure - rules.clinic_to_departure_hours * 60
            too_late = latest is not None and placed.end > latest
            if too_early or too_late:
                problems.append(
                    _notice(
                        unit,
                        f"The confirmed {when} is outside your stay; change your flight or ask the clinic to move it.",
                    )
                )
        if unit.step.kind.in_person or unit.step.kind is StepKind.REMOTE:
            # a call held in person needs the clinic open, not a waking hour at home
            video = unit.step.kind is StepKind.REMOTE and not held_here(unit, placed, frame)
            spans = ctx.hours.spans(unit.clinic, placed.day, video)
            if not any(s <= placed.start and placed.end <= e for s, e in spans):
                warnings.append(
                    _notice(
                        unit,
                        f"The confirmed {when} is outside the clinic's opening hours; please check it with the clinic.",
                    )
                )
        latest = unit.step.latest_start
        if latest is not None and placed.start > clock.local(placed.day, latest, unit.clinic.timezone):
            warnings.append(
                _notice(
                    unit,
                    f"The confirmed {when} starts after {latest:%H:%M} {zone_name(unit.clinic.timezone)}, the latest "
                    "start the protocol asks for; "
                    "please check it with the clinic.",
                )
            )
        for rule in unit.step.after:
            anchor = _anchor(pairs, unit, rule)
            if anchor is None:
                continue
            gap = placed.day - anchor[1].day
            late = rule.max_days is not None and gap > rule.max_days
            if gap < rule.min_days or late or (gap == 0 and placed.start < anchor[1].end):
                window = f"{rule.min_days}" + ("+" if rule.max_days is None else f"–{rule.max_days}")
                warnings.append(
                    _notice(
                        unit,
                        f"The confirmed {when} is {gap} days after {title_of(anchor[0])}; "
                        f"the protocol asks for {window} days between them.",
                    )
                )


def fixed_pin_problems(ctx, units, fix: dict[str, str]) -> list[Notice]:
    """Pins no departure can save: in person too soon after landing, or on top of another pin."""
    clock, request = ctx.clock, ctx.request
    reach = clock.minutes(request.arrival) + ctx.rules.arrival_to_clinic_hours * 60
    pinned = [u for u in units if u.pin is not None and u.step.kind.in_person]
    problems = []
    for index, unit in enumerate(pinned):
        if unit.pin < reach:
            names = [t.protocol.name for t in ctx.treatments]
            change = f" It works if you {fix_words(request, fix, ctx.zone, names)}." if fix else ""
            problems.append(_notice(unit, _too_soon(ctx, unit, reach) + change, fix))
        for other in pinned[index + 1 :]:
            if other.pin < unit.pin + unit.step.minutes and unit.pin < other.pin + other.step.minutes:
                start = clock.at(unit.pin, unit.clinic.timezone)
                problems.append(
                    _notice(
                        unit,
                        f"The confirmed {title_of(unit)} on {short_date(start.date())} overlaps {title_of(other)}.",
                    )
                )
    return problems


def too_soon_pins(ctx, units) -> list[int]:
    """Starts (minutes) of the in-person pins before the patient can reach the clinic after landing."""
    reach = ctx.clock.minutes(ctx.request.arrival) + ctx.rules.arrival_to_clinic_hours * 60
    return [u.pin for u in units if u.pin is not None and u.step.kind.in_person and u.pin < reach]


def _too_soon(ctx, unit, reach: int) -> str:
    """ "The clinic confirmed … at 09:00 but you land at 06:01 and can reach the clinic from 09:01"."""
    clock, zone = ctx.clock, unit.clinic.timezone
    start, land, ready = (
        clock.at(unit.pin, zone),
        ctx.request.arrival.astimezone(clock.tzinfo(zone)),
        clock.at(reach, zone),
    )
    landing = f"{land:%H:%M}" + ("" if land.date() == start.date() else f" on {short_date(land.date())}")
    reaching = f"{ready:%H:%M}" + ("" if ready.date() == start.date() else f" on {short_date(ready.date())}")
    return (
        f"The clinic confirmed the {title_of(unit)} at {start:%H:%M} on {short_date(start.date())}, but you land at "
        f"{landing} and can reach the clinic from {reaching} ({zone_name(zone)}, {ctx.rules.arrival_to_clinic_hours} "
        "hours after landing); ask the clinic for a later time, or arrive earlier."
    )


def _anchor(pairs, unit, rule):
    """The (unit, placed) a rule measures from, or None."""
    same = [(u, p) for u, p in pairs if u.treatment == unit.treatment and u.step.id == rule.step]
    if not same:
        return None
    return same[0] if rule.anchor == "first" else same[-1]


def _notice(unit, message: str, fix: dict[str, str] | None = None) -> Notice:
    return Notice("pin_conflict", message, dict(fix or {}), protocol=unit.prefix, step=unit.step.id)
