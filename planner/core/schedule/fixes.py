"""Fixes for a trip that does not work: each is applied and re-planned before it is offered (worded at the edge)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from planner.core.model import Plan, TripRequest


def apply_fix(request: TripRequest, fix: dict[str, str]) -> TripRequest:
    """The request with a fix applied, as the web's one-click fix applies it to a scenario.

    An arrival moves the whole trip (a booked departure moves by as much) unless the fix names
    the departure too; a count changes one treatment's sessions.
    """
    changed = request
    if fix.get("arrival"):
        arrival = datetime.fromisoformat(fix["arrival"])
        departure = request.departure
        if departure is not None:
            departure = departure + (arrival - request.arrival)
        changed = replace(changed, arrival=arrival, departure=departure)
    if fix.get("departure"):
        changed = replace(changed, departure=datetime.fromisoformat(fix["departure"]))
    if fix.get("count"):
        k = int(fix.get("treatment", "0"))
        treatments = list(changed.treatments)
        treatments[k] = replace(treatments[k], count=int(fix["count"]))
        changed = replace(changed, treatments=tuple(treatments))
    return changed


def pins_still_fit(request: TripRequest, occurrences: Callable[[int], dict[str, int]]) -> bool:
    """Whether the request's pins still pass entry after a fix (scenario/pins.py: arrival, departure, counts).

    ``occurrences(k)`` gives treatment k's occurrences per step under the fixed request.
    """
    index = {t.protocol: k for k, t in enumerate(request.treatments)}
    for pin in request.pins:
        k = index.get(pin.protocol)
        if k is None or pin.occurrence > occurrences(k).get(pin.step, 0) or pin.start < request.arrival:
            return False
    return True


def verified(
    request: TripRequest,
    fix: dict[str, str],
    replan: Callable[[TripRequest], Plan | None],
    gone: Callable[[Plan], bool],
) -> bool:
    """Whether applying the fix and planning again removes the problem (``gone``); never raises."""
    if not fix:
        return False
    try:
        fixed = apply_fix(request, fix)
    except (ValueError, IndexError):
        return False
    if fixed.departure is not None and fixed.departure <= fixed.arrival:
        return False
    result = replan(fixed)
    return result is not None and gone(result)


def later_arrivals(request: TripRequest, days: int) -> list[dict[str, str]]:
    """Candidate fixes: arrive 1..days days later (a booked departure moves with it, and the fix says so)."""
    found = []
    for n in range(1, days + 1):
        arrival = request.arrival + timedelta(days=n)
        fix = {"arrival": arrival.isoformat()}
        if request.departure is not None:
            fix["departure"] = (request.departure + timedelta(days=n)).isoformat()
        found.append(fix)
    return found


def fix_params(ctx, fix: dict[str, str]) -> dict:
    """What the edge needs to say what a fix changes: the trip's zone, the booked flight home, the treatments."""
    if not fix:
        return {}
    departure = ctx.request.departure
    return {
        "fix_zone": ctx.zone,
        "fix_before": departure.isoformat() if departure is not None else None,
        "fix_names": [t.protocol.name for t in ctx.treatments],
    }


def stay_long_enough(plan: Plan) -> bool:
    """The "stay until …" problem is gone."""
    return not any(p.code == "stay_too_short" for p in plan.problems)


def works(plan: Plan) -> bool:
    """The problem is gone because the whole plan works (what "… would work" promises)."""
    return plan.feasible


def earlier_arrival_fix(request: TripRequest, arrival: datetime, replan: Callable[[TripRequest], Plan | None]) -> dict:
    """The latest arrival that reaches every pin, with a departure when one is needed, only when it works."""
    fix = {"arrival": arrival.isoformat()}
    if request.departure is not None:
        fix["departure"] = request.departure.isoformat()  # the booked flight home stays
    if verified(request, fix, replan, works):
        return fix
    result = replan(apply_fix(request, fix))
    if result is not None and result.earliest_departure is not None:
        longer = fix | {"departure": result.earliest_departure.isoformat()}
        if verified(request, longer, replan, works):
            return longer
    return {}


def later_or_fewer_fix(
    request: TripRequest, counts: list[tuple[int, int, int]], replan: Callable[[TripRequest], Plan | None], days: int
) -> dict:
    """A later arrival (the trip moves with it), or fewer sessions, that makes the plan work; {} when none does.

    ``counts`` holds (treatment, sessions asked, fewest allowed) for the treatments with a choice of sessions.
    """
    for fix in later_arrivals(request, days):
        if verified(request, fix, replan, works):
            return fix
    for k, asked, fewest in counts:
        for count in range(asked - 1, fewest - 1, -1):
            fix = {"count": str(count), "treatment": str(k)}
            if verified(request, fix, replan, works):
                return fix
    return {}
