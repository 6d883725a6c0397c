"""The scheduler: a trip request and the catalog in, a Plan out (appointments, days, notices)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from itertools import permutations

from planner.core.catalog import Catalog
from planner.core.model import Plan, StepKind, Visit
from planner.core.schedule.context import (
    Context,
    Outcome,
    context,
    plan_buffer_days,
    shortest_departure,
    trip_frame,
)
from planner.core.schedule.days import MINUTES_PER_DAY
from planner.core.schedule.fixes import (
    earlier_arrival_fix,
    later_or_fewer_fix,
    pins_still_fit,
    stay_long_enough,
    verified,
)
from planner.core.schedule.notices import appointments_of, problems_for, warnings_for
from planner.core.schedule.occurrences import build_units
from planner.core.schedule.partial import partial_plan
from planner.core.schedule.pins import fixed_pin_problems, too_soon_pins
from planner.core.schedule.placement import Placer
from planner.core.schedule.shortest import shortest_of
from planner.core.schedule.stay import days_of
from planner.core.schedule.units import Blocker, Frame, Placed, Rules, Unit

#: later departures tried when remote follow-ups miss their window after the shortest one
REMOTE_RETRIES = 45
#: later arrivals tried when looking for a fix to a trip that cannot work
FIX_ARRIVAL_DAYS = 7


def plan(request, catalog: Catalog) -> Plan:
    """Plan a trip: appointments that keep every rule, the days, problems (with verified fixes) and warnings."""
    return _plan(request, catalog, explain=True)


def _plan(request, catalog: Catalog, explain: bool) -> Plan:
    """``explain`` False: only whether it works and why (no partial plan, no fixes), to verify a fix."""
    ctx = context(request, catalog)
    if request.departure is None:
        outcome = _shortest_outcome(ctx)
        order, leave_at = outcome.order, outcome.trips[0][1] if outcome.feasible else None
    else:
        order, leave_at = shortest_of(ctx, catalog, _shortest_outcome)
        # the order of the shortest stay first: a longer stay then keeps its placements or moves them earlier,
        # never later (another order could trade one treatment's earlier day for another's later one)
        outcome = _given_outcome(ctx, order if leave_at is not None else None)
    works = leave_at is not None
    earliest = ctx.clock.at(leave_at, ctx.zone) if works else None
    arrival_min = ctx.clock.minutes(request.arrival)
    departure = request.departure or earliest
    visits = [Visit(1, request.arrival, departure, proposed=request.departure is None)]
    for number, (arrive, leave) in enumerate(outcome.trips[1:], start=2):
        visits.append(Visit(number, ctx.clock.at(arrive, ctx.zone), ctx.clock.at(leave, ctx.zone), proposed=True))
    placed, unscheduled = outcome, ()
    if not outcome.feasible and explain:
        # the best schedule there is: every occurrence that fits, and why the others do not
        placed, unscheduled = partial_plan(ctx, _run) or (outcome, ())
        if request.departure is None and placed.trips:
            visits[0] = replace(visits[0], departure=ctx.clock.at(placed.trips[0][1], ctx.zone))
        visits[1:] = [
            Visit(n, ctx.clock.at(a, ctx.zone), ctx.clock.at(d, ctx.zone), proposed=True)
            for n, (a, d) in enumerate(placed.trips[1:], start=2)
        ]
    appointments = appointments_of(ctx, placed) if placed.feasible else ()
    trips = placed.trips or ((arrival_min, ctx.clock.minutes(departure) if departure else arrival_min),)
    replan = _replanner(catalog)
    soon = too_soon_pins(ctx, outcome.units)
    reach = min(soon, default=0) - ctx.rules.arrival_to_clinic_hours * 60
    earlier = ctx.clock.at(reach, ctx.zone).astimezone(request.arrival.tzinfo)
    stuck = fixed_pin_problems(
        ctx, outcome.units, earlier_arrival_fix(request, earlier, replan) if soon and explain else {}
    )
    problems = tuple(stuck)
    if not outcome.feasible:
        # while a pin is stuck no later departure, arrival or fewer sessions makes the plan work
        fixes = _fixes(ctx, catalog, works, replan) if explain and not stuck else {}
        leave = earliest
        asked = explain and not stuck and leave is not None and request.departure is not None
        helps = asked and verified(request, {"departure": leave.isoformat()}, replan, stay_long_enough)
        found = problems_for(ctx, outcome, leave, fixes, helps)
        problems = tuple(found) + problems
    pin_problems, warnings = warnings_for(ctx, placed, appointments)
    return Plan(
        feasible=outcome.feasible and not pin_problems and not stuck,
        arrival=request.arrival,
        departure=departure,
        earliest_departure=earliest,
        appointments=appointments,
        days=days_of(ctx, placed, trips, appointments),
        visits=tuple(visits),
        problems=problems + tuple(pin_problems),
        warnings=tuple(warnings),
        jetlag_buffer_days=plan_buffer_days(ctx, arrival_min),
        unscheduled=unscheduled,
    )


def earliest_departure(request, catalog: Catalog) -> datetime | None:
    """The smallest departure (date-level) for which the treatments fit, or None."""
    ctx = context(request, catalog)
    shortest = _shortest_outcome(ctx)
    return _departure_time(ctx, shortest) if shortest.feasible else None


def _replanner(catalog: Catalog):
    """Plan a fixed request without explaining it (None when the fix makes it invalid, pins included)."""

    def replan(fixed) -> Plan | None:
        try:
            counts = [catalog.protocols[t.protocol].occurrences(t.count) for t in fixed.treatments]
            if not pins_still_fit(fixed, counts.__getitem__):
                return None
            return _plan(fixed, catalog, explain=False)
        except (KeyError, ValueError):
            return None

    return replan


def _fixes(ctx: Context, catalog: Catalog, works: bool, replan) -> dict[str, str]:
    """What would make an impossible trip work, verified: a later arrival, or fewer sessions."""
    if works:
        return {}
    counts = []
    for k, wanted in enumerate(ctx.request.treatments):
        protocol = catalog.protocols[wanted.protocol]
        if protocol.count is not None:
            counts.append((k, wanted.count or protocol.count.default, protocol.count.min))
    return later_or_fewer_fix(ctx.request, counts, replan, FIX_ARRIVAL_DAYS)


def _place(ctx: Context, units: list[Unit], frames: dict[int, Frame]) -> list[Placed] | Blocker:
    rules = Rules(ctx.rules.arrival_to_clinic_hours * 60, ctx.rules.clinic_to_departure_hours * 60)
    return Placer(units, frames, ctx.clock, ctx.hours, rules).place()


def _stage(ctx: Context, units: list[Unit], done: dict[int, Placed], frames: dict[int, Frame], visit: int):
    """Place one visit's units around the earlier visits' (fixed); departure None = find the shortest."""
    chosen = [i for i, u in enumerate(units) if i in done or u.visit == visit]
    fixed = [_pinned(units[i], done[i].start) if i in done else units[i] for i in chosen]
    frame = frames[visit]
    if frame.departure is not None:
        return _merge(chosen, done, _place(ctx, fixed, frames)), frame.departure
    away = [k for k, u in enumerate(fixed) if u.step.kind is not StepKind.REMOTE or chosen[k] in done]
    first = _place(ctx, [fixed[k] for k in away], frames)
    if isinstance(first, Blocker):
        return _merge([chosen[k] for k in away], done, first), None
    own = [(fixed[k], first[n]) for n, k in enumerate(away) if chosen[k] not in done]
    leave = shortest_departure(ctx, own, frame, visit)
    has_remote = len(away) < len(fixed)
    result: dict[int, Placed] | Blocker = _merge([chosen[k] for k in away], done, first)
    for extra in range(REMOTE_RETRIES if has_remote else 1):
        departure = leave + extra * MINUTES_PER_DAY
        trial = dict(frames)
        trial[visit] = trip_frame(ctx, frame.arrival, departure)
        result = _merge(chosen, done, _place(ctx, fixed, trial))
        if not isinstance(result, Blocker):
            return result, departure
    return result, None


def _pinned(unit: Unit, start: int) -> Unit:
    """The unit fixed at ``start`` (built directly: ``dataclasses.replace`` is slow for this hot path)."""
    return Unit(unit.treatment, unit.prefix, unit.step, unit.n, unit.total, unit.clinic, unit.visit, start)


def _merge(chosen: list[int], done: dict[int, Placed], result) -> dict[int, Placed] | Blocker:
    if isinstance(result, Blocker):
        anchor = None if result.anchor is None else chosen[result.anchor]
        return replace(result, unit=chosen[result.unit], anchor=anchor)
    merged = dict(done)
    for k, placed in enumerate(result):
        merged.setdefault(chosen[k], placed)
    return merged


def _gap_days(ctx: Context) -> int:
    return max((t.protocol.visit_gap.min_days for t in ctx.treatments if t.protocol.visit_gap), default=0)


def _second_trip(ctx: Context, units: list[Unit], done: dict[int, Placed], frames: dict[int, Frame], leave: int):
    """Propose trip 2: from the visit gap, as early as its steps allow, with the shortest stay."""
    clock, arrival = ctx.clock, ctx.request.arrival.astimezone(ctx.clock.tzinfo(ctx.zone))
    day = clock.day(leave, ctx.zone) + _gap_days(ctx)
    frames[2] = trip_frame(ctx, clock.local(day, arrival.time(), ctx.zone), None)
    result, departure = _stage(ctx, units, done, dict(frames), 2)
    if isinstance(result, Blocker):
        return result, None
    first = min((p.day for i, p in result.items() if i not in done and units[i].step.kind.in_person), default=day)
    later = first - max(frames[2].jetlag_day - frames[2].arrival_day, 1)
    if later > day:
        frames[2] = trip_frame(ctx, clock.local(later, arrival.time(), ctx.zone), None)
        moved, moved_departure = _stage(ctx, units, done, dict(frames), 2)
        if not isinstance(moved, Blocker):
            result, departure = moved, moved_departure
        else:
            frames[2] = trip_frame(ctx, clock.local(day, arrival.time(), ctx.zone), None)
    frames[2] = trip_frame(ctx, frames[2].arrival, departure)
    return result, departure


def _orders(ctx: Context) -> list[tuple[int, ...]]:
    """Other orders to place the treatments in (the request's order is tried first)."""
    return list(permutations(range(len(ctx.treatments))))[1:]


def _run(
    ctx: Context, two_trips: bool, departure: int | None, order: tuple[int, ...] | None = None, drop=frozenset()
) -> Outcome:
    units = build_units(ctx.treatments, ctx.request, ctx.clock, two_trips)
    if drop:  # a partial plan leaves these occurrences out
        units = [u for u in units if (u.treatment, u.step.id, u.n) not in drop]
    if order is not None:
        # whole treatments move; each keeps its own dependency order (the sort is stable)
        rank = {t: k for k, t in enumerate(order)}
        units.sort(key=lambda unit: rank[unit.treatment])
    arrival = ctx.clock.minutes(ctx.request.arrival)
    frames = {1: trip_frame(ctx, arrival, departure)}
    result, leave = _stage(ctx, units, {}, frames, 1)
    if isinstance(result, Blocker):
        return Outcome(tuple(units), (), (), frames, result, order)
    frames[1] = trip_frame(ctx, arrival, leave)
    trips = [(arrival, leave)]
    if two_trips and any(u.visit == 2 for u in units):
        result, leave2 = _second_trip(ctx, units, result, frames, leave)
        if isinstance(result, Blocker):
            return Outcome(tuple(units), (), tuple(trips), frames, result, order)
        trips.append((frames[2].arrival, leave2))
    placed = tuple(result.get(i) for i in range(len(units)))
    return Outcome(tuple(units), placed, tuple(trips), frames, order=order)


def _shortest_outcome(ctx: Context) -> Outcome:
    """The earliest first-trip departure over every order of placing the treatments."""
    best = _shortest_in_order(ctx, None)
    for order in _orders(ctx):
        # greedy placement in one order can waste a day another order uses (e.g. a short
        # consultation of one treatment taking the morning a chain of the other needed)
        other = _shortest_in_order(ctx, order)
        if other.feasible and (not best.feasible or other.trips[0][1] < best.trips[0][1]):
            best = other
    return best


def _shortest_in_order(ctx: Context, order: tuple[int, ...] | None) -> Outcome:
    outcome = _run(ctx, ctx.two_trips, None, order)
    if outcome.feasible or not ctx.two_trips:
        return outcome
    # a long first trip (weeks of sessions) can leave a second-trip step's window behind it: one trip
    # that holds every step is then the shortest plan there is
    one_trip = _run(ctx, False, None, order)
    return one_trip if one_trip.feasible else outcome


def _given_outcome(ctx: Context, preferred: tuple[int, ...] | None) -> Outcome:
    """The plan for the asked departure: the shortest stay's order first, then the request's, then the others."""
    if preferred is not None:
        chosen = _given_in_order(ctx, preferred)
        if chosen.feasible:
            return chosen
    first = _given_in_order(ctx, None)
    if first.feasible:
        return first
    for order in _orders(ctx):
        if order == preferred:
            continue
        other = _given_in_order(ctx, order)
        if other.feasible:
            return other
    return first


def _given_in_order(ctx: Context, order: tuple[int, ...] | None) -> Outcome:
    departure = ctx.clock.minutes(ctx.request.departure)
    one_trip = _run(ctx, False, departure, order)
    if one_trip.feasible or not ctx.two_trips:
        return one_trip
    return _run(ctx, True, departure, order)


def _departure_time(ctx: Context, outcome: Outcome) -> datetime | None:
    if not outcome.feasible:
        return None
    return ctx.clock.at(outcome.trips[0][1], ctx.zone)
