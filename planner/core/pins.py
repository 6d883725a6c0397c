"""Checking appointments the clinic confirmed: they stay put, and the plan says what they break."""

from __future__ import annotations

from planner.core.itinerary import Notice
from planner.core.protocol import StepKind
from planner.core.wording import short_date, title_of


def check_pins(ctx, outcome, problems: list[Notice], warnings: list[Notice]) -> None:
    """Add a problem for a pin outside the stay or on top of another, a warning for a broken rule."""
    clock, rules = ctx.clock, ctx.rules
    pairs = [(u, p) for u, p in zip(outcome.units, outcome.placed, strict=True) if p is not None]
    for index, (unit, placed) in enumerate(pairs):
        if unit.pin is None:
            continue
        when = f"{title_of(unit)} on {short_date(clock.date(placed.day))}"
        frame = outcome.frames[unit.visit]
        if unit.step.kind.in_person:
            too_early = placed.start < frame.arrival + rules.arrival_to_clinic_hours * 60
            latest = None if frame.departure is None else frame.departure - rules.clinic_to_departure_hours * 60
            too_late = latest is not None and placed.end > latest
            if too_early or too_late:
                problems.append(
                    _notice(
                        unit,
                        f"The confirmed {when} is outside your stay; change your flight or ask the clinic to move it.",
                    )
                )
            for other, other_placed in pairs[index + 1 :]:
                if other.step.kind.in_person and other_placed.start < placed.end and placed.start < other_placed.end:
                    problems.append(_notice(unit, f"The confirmed {when} overlaps {title_of(other)}."))
        if unit.step.kind.in_person or unit.step.kind is StepKind.REMOTE:
            spans = ctx.hours.spans(unit.clinic, placed.day, unit.step.kind is StepKind.REMOTE)
            if not any(s <= placed.start and placed.end <= e for s, e in spans):
                warnings.append(
                    _notice(
                        unit,
                        f"The confirmed {when} is outside the clinic's opening hours "
                        "(rule: clinic open); please check it with the clinic.",
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
                        f"the protocol asks for {window} days (rule: after).",
                    )
                )


def _anchor(pairs, unit, rule):
    """The (unit, placed) a rule measures from, or None."""
    same = [(u, p) for u, p in pairs if u.treatment == unit.treatment and u.step.id == rule.step]
    if not same:
        return None
    return same[0] if rule.anchor == "first" else same[-1]


def _notice(unit, message: str) -> Notice:
    return Notice("pin_conflict", message, protocol=unit.prefix, step=unit.step.id)
