"""Checking appointments the clinic confirmed: they stay put, and the plan says what they break (codes and values)."""

from __future__ import annotations

from planner.core.model import Notice, StepKind
from planner.core.schedule.fixes import fix_params
from planner.core.schedule.units import held_here
from planner.core.schedule.wording import title_of


def check_pins(ctx, outcome, problems: list[Notice], warnings: list[Notice]) -> None:
    """Add a problem for a pin outside the stay, a warning for a pin that breaks a rule."""
    clock, rules = ctx.clock, ctx.rules
    pairs = [(u, p) for u, p in zip(outcome.units, outcome.placed, strict=True) if p is not None]
    for unit, placed in pairs:
        if unit.pin is None:
            continue
        when = {**title_of(unit), "date": clock.date(placed.day).isoformat()}
        frame = outcome.frames[unit.visit]
        # a pin too soon after the first landing is the request's own problem (see ``fixed_pin_problems``)
        if unit.step.kind.in_person:
            too_early = unit.visit > 1 and placed.start < frame.arrival + rules.arrival_to_clinic_hours * 60
            latest = None if frame.departure is None else frame.departure - rules.clinic_to_departure_hours * 60
            too_late = latest is not None and placed.end > latest
            if too_early or too_late:
                problems.append(_notice(unit, "pin_outside_stay", when))
        if unit.step.kind.in_person or unit.step.kind is StepKind.REMOTE:
            # a call held in person needs the clinic open, not a waking hour at home
            video = unit.step.kind is StepKind.REMOTE and not held_here(unit, placed, frame)
            spans = ctx.hours.spans(unit.clinic, placed.day, video)
            if not any(s <= placed.start and placed.end <= e for s, e in spans):
                warnings.append(_notice(unit, "pin_outside_hours", when))
        latest = unit.step.latest_start
        if latest is not None and placed.start > clock.local(placed.day, latest, unit.clinic.timezone):
            params = {**when, "latest": f"{latest:%H:%M}", "zone": unit.clinic.timezone}
            warnings.append(_notice(unit, "pin_too_late", params))
        for rule in unit.step.after:
            anchor = _anchor(pairs, unit, rule)
            if anchor is None:
                continue
            gap = placed.day - anchor[1].day
            late = rule.max_days is not None and gap > rule.max_days
            if gap < rule.min_days or late or (gap == 0 and placed.start < anchor[1].end):
                other = title_of(anchor[0])
                params = {
                    **when,
                    "gap": gap,
                    "anchor": other["title"],
                    "anchor_n": other["n"],
                    "anchor_total": other["total"],
                    "min_days": rule.min_days,
                    "max_days": rule.max_days,
                }
                warnings.append(_notice(unit, "pin_gap", params))


def fixed_pin_problems(ctx, units, fix: dict[str, str]) -> list[Notice]:
    """Pins no departure can save: in person too soon after landing, or on top of another pin."""
    clock, request = ctx.clock, ctx.request
    reach = clock.minutes(request.arrival) + ctx.rules.arrival_to_clinic_hours * 60
    pinned = [u for u in units if u.pin is not None and u.step.kind.in_person]
    problems = []
    for index, unit in enumerate(pinned):
        if unit.pin < reach:
            params = {**_too_soon(ctx, unit, reach), **fix_params(ctx, fix)}
            problems.append(_notice(unit, "pin_too_soon", params, fix))
        for other in pinned[index + 1 :]:
            if other.pin < unit.pin + unit.step.minutes and unit.pin < other.pin + other.step.minutes:
                start = clock.at(unit.pin, unit.clinic.timezone)
                them = title_of(other)
                params = {
                    **title_of(unit),
                    "date": start.date().isoformat(),
                    "other": them["title"],
                    "other_n": them["n"],
                    "other_total": them["total"],
                }
                problems.append(_notice(unit, "pin_overlap", params))
    return problems


def too_soon_pins(ctx, units) -> list[int]:
    """Starts (minutes) of the in-person pins before the patient can reach the clinic after landing."""
    reach = ctx.clock.minutes(ctx.request.arrival) + ctx.rules.arrival_to_clinic_hours * 60
    return [u.pin for u in units if u.pin is not None and u.step.kind.in_person and u.pin < reach]


def _too_soon(ctx, unit, reach: int) -> dict:
    """The values of "The clinic confirmed … at 09:00 but the flight lands at 06:01 …" (local dates and times)."""
    clock, zone = ctx.clock, unit.clinic.timezone
    start, land, ready = (
        clock.at(unit.pin, zone),
        ctx.request.arrival.astimezone(clock.tzinfo(zone)),
        clock.at(reach, zone),
    )
    return {
        **title_of(unit),
        "start": start.replace(tzinfo=None).isoformat(timespec="minutes"),
        "land": land.replace(tzinfo=None).isoformat(timespec="minutes"),
        "ready": ready.replace(tzinfo=None).isoformat(timespec="minutes"),
        "zone": zone,
        "hours": ctx.rules.arrival_to_clinic_hours,
    }


def _anchor(pairs, unit, rule):
    """The (unit, placed) a rule measures from, or None."""
    same = [(u, p) for u, p in pairs if u.treatment == unit.treatment and u.step.id == rule.step]
    if not same:
        return None
    return same[0] if rule.anchor == "first" else same[-1]


def _notice(unit, text: str, params: dict, fix: dict[str, str] | None = None) -> Notice:
    return Notice(
        "pin_conflict", fix=dict(fix or {}), protocol=unit.prefix, step=unit.step.id, text=text, params=params
    )
