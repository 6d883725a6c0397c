"""Partial plans: when a trip does not fit, place every occurrence that can be, and say why the rest cannot (codes)."""

from __future__ import annotations

from collections.abc import Callable

from planner.core.model import Unscheduled
from planner.core.schedule.context import Context, Outcome
from planner.core.schedule.units import Blocker, Unit
from planner.core.schedule.wording import name_of

#: (treatment, step id, occurrence): an occurrence left out of a partial plan
Key = tuple[int, str, int]


def key(unit: Unit) -> Key:
    """The occurrence a unit stands for."""
    return (unit.treatment, unit.step.id, unit.n)


def partial_plan(ctx: Context, run) -> tuple[Outcome, tuple[Unscheduled, ...]] | None:
    """The partial plan of a trip that does not fit: one trip or two, for the asked or the shortest stay.

    ``run(ctx, two_trips, departure, order, drop)`` places the units left after ``drop``.
    """
    given = ctx.request.departure
    departure = None if given is None else ctx.clock.minutes(given)
    if not ctx.two_trips:
        shapes = [False]
    else:
        shapes = [False, True] if given is not None else [True, False]
    return best_partial(ctx, [lambda drop, two=two: run(ctx, two, departure, None, drop) for two in shapes])


def best_partial(
    ctx: Context, runs: list[Callable[[frozenset[Key]], Outcome]]
) -> tuple[Outcome, tuple[Unscheduled, ...]] | None:
    """The partial plan that leaves out the fewest occurrences over these ways of planning (None: none)."""
    best = None
    for run in runs:
        found = _partial(ctx, run)
        if found is not None and (best is None or len(found[1]) < len(best[1])):
            best = found
    return best


def _partial(ctx: Context, run: Callable[[frozenset[Key]], Outcome]) -> tuple[Outcome, tuple[Unscheduled, ...]] | None:
    """Leave out the occurrence that blocks, and what depends on it, until the rest is placed."""
    left: dict[Key, Unscheduled] = {}
    order: dict[Key, int] = {}
    while True:
        outcome = run(frozenset(left))
        for unit in outcome.units:
            order.setdefault(key(unit), len(order))
        outside = _outside(ctx, outcome) if outcome.feasible else None
        if outcome.feasible and outside is None:
            return outcome, tuple(left[k] for k in sorted(left, key=order.__getitem__))
        if not outcome.units:
            return None
        if outside is not None:
            blocked, rule, params = outcome.units[outside], "pin_conflict", {"outside_stay": True}
        else:
            blocked = outcome.units[outcome.blocker.unit]
            rule, params = _why(ctx, outcome, outcome.blocker)
        left[key(blocked)] = _entry(blocked, rule, params)
        for unit in _dependents(outcome.units, blocked):
            waits = {"waits_for": name_of(blocked), "waits_n": blocked.n, "waits_total": blocked.total}
            left.setdefault(key(unit), _entry(unit, "waits_for_unscheduled", waits))


def _outside(ctx: Context, outcome: Outcome) -> int | None:
    """An in-person pin outside the days of its trip (a partial plan leaves it out, so the days hold every visit)."""
    for i, (unit, placed) in enumerate(zip(outcome.units, outcome.placed, strict=True)):
        if unit.pin is None or not unit.step.kind.in_person or unit.visit > len(outcome.trips):
            continue
        arrive, leave = outcome.trips[unit.visit - 1]
        if not ctx.clock.day(arrive, ctx.zone) <= placed.day <= ctx.clock.day(leave, ctx.zone):
            return i
    return None


def _entry(unit: Unit, rule: str, params: dict) -> Unscheduled:
    name = name_of(unit)
    return Unscheduled(
        unit.prefix, unit.step.id, unit.n, name, "", rule, unit.clinic.id, unit.visit, unit.total, name, params
    )


def _dependents(units: tuple[Unit, ...], blocked: Unit) -> list[Unit]:
    """Later occurrences of the blocked step and every step ordered after a step left incomplete, transitively."""
    incomplete = {blocked.step.id}
    found: list[Unit] = []
    changed = True
    while changed:
        changed = False
        for unit in units:
            if unit is blocked or unit.treatment != blocked.treatment or unit in found:
                continue
            later = unit.step.id == blocked.step.id and unit.n > blocked.n
            if later or any(rule.step in incomplete for rule in unit.step.after):
                found.append(unit)
                incomplete.add(unit.step.id)
                changed = True
    return found


def _why(ctx: Context, outcome: Outcome, blocker: Blocker) -> tuple[str, dict]:
    """The rule code and its values for the occurrence a blocker names (worded at the edge)."""
    unit = outcome.units[blocker.unit]
    frame = outcome.frames.get(unit.visit)
    leave = None if frame is None or frame.departure is None else ctx.clock.date(frame.departure_day).isoformat()
    if blocker.rule == "departure" and leave:
        return "stay_too_short", {"date": leave}
    if blocker.rule == "fly_after" and leave:
        return "fit_to_fly", {"date": leave, "days": blocker.days}
    if blocker.rule == "window" and blocker.anchor is not None:
        anchor = outcome.units[blocker.anchor]
        day = ctx.clock.date(blocker.anchor_day).isoformat()
        return "window_missed", {
            "anchor": name_of(anchor),
            "anchor_n": anchor.n,
            "anchor_total": anchor.total,
            "date": day,
            "days": blocker.days,
        }
    if blocker.rule == "pin" and blocker.anchor is not None:
        pinned = outcome.units[blocker.anchor]
        day = ctx.clock.date(blocker.anchor_day).isoformat()
        return "pin_conflict", {
            "pinned": name_of(pinned),
            "pinned_n": pinned.n,
            "pinned_total": pinned.total,
            "date": day,
        }
    return "cannot_fit", {"days": ctx.rules.max_stay_days}
