"""What one planning run shares: the context of a request, and the outcome of placing it."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from planner.core.catalog import Catalog
from planner.core.model import TravelRules
from planner.core.schedule.days import Clock, OpenHours
from planner.core.schedule.occurrences import Treatment, resolve
from planner.core.schedule.travel import jetlag_buffer_days
from planner.core.schedule.units import Blocker, Frame, Placed, Unit


@dataclass(frozen=True)
class Context:
    """What every stage of one planning run shares."""

    request: object
    rules: TravelRules
    clock: Clock
    hours: OpenHours
    treatments: tuple[Treatment, ...]
    zone: str
    two_trips: bool
    #: jet-lag buffer days per (arrival in minutes, low risk): every frame of a trip asks again
    buffers: dict[tuple[int, bool], int] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Outcome:
    """The result of one way of planning: placements per unit and the trips, or a blocker."""

    units: tuple[Unit, ...]
    placed: tuple[Placed | None, ...]
    #: per visit: (arrival, departure) in minutes
    trips: tuple[tuple[int, int], ...]
    frames: dict[int, Frame]
    blocker: Blocker | None = None
    #: the order the treatments were placed in (None = the request's)
    order: tuple[int, ...] | None = None

    @property
    def feasible(self) -> bool:
        """Whether every unit found a slot."""
        return self.blocker is None


def context(request, catalog: Catalog) -> Context:
    """The shared state of one planning run for a request."""
    treatments = resolve(request, catalog)
    zone = treatments[0].clinic.timezone
    clock = Clock(zone, request.arrival.astimezone(ZoneInfo(zone)).date())
    rules = catalog.rules
    hours = OpenHours(clock, request.traveller.home_timezone, rules.home_awake)
    two = any(t.protocol.visits > 1 for t in treatments)
    return Context(request, rules, clock, hours, treatments, zone, two)


def buffer_days(ctx: Context, arrival: int, low_risk: bool = False) -> int:
    """The jet-lag buffer in days for an arrival (minutes), computed once per arrival."""
    found = ctx.buffers.get((arrival, low_risk))
    if found is None:
        home, when = ctx.request.traveller.home_timezone, ctx.clock.at(arrival, ctx.zone)
        found = ctx.buffers[(arrival, low_risk)] = jetlag_buffer_days(home, ctx.zone, when, ctx.rules, low_risk)
    return found


def plan_buffer_days(ctx: Context, arrival: int) -> int:
    """The plan's jet-lag buffer: the low-risk one when every invasive step requested is low risk."""
    steps = [s for t in ctx.treatments for s in t.protocol.steps if s.invasive and t.counts.get(s.id, 0)]
    return buffer_days(ctx, arrival, bool(steps) and all(s.low_risk for s in steps))


def trip_frame(ctx: Context, arrival: int, departure: int | None) -> Frame:
    """The bounds of one trip: arrival and departure days, jet-lag day, the stay limit."""
    day = ctx.clock.day(arrival, ctx.zone)
    return Frame(
        arrival=arrival,
        departure=departure,
        arrival_day=day,
        jetlag_day=day + buffer_days(ctx, arrival),
        low_risk_day=day + buffer_days(ctx, arrival, low_risk=True),
        departure_day=None if departure is None else ctx.clock.day(departure, ctx.zone),
        last_day=day + ctx.rules.max_stay_days,
    )


def shortest_departure(ctx: Context, own: list[tuple[Unit, Placed]], frame: Frame, visit: int) -> int:
    """The earliest departure after these placements: the fly-after date at the default time, or later.

    Never before the trip's minimum stay (``Protocol.min_stay``: dental trip 1 is at least 3 days).
    """
    clock, rules = ctx.clock, ctx.rules
    in_person = [(u, p) for u, p in own if u.step.kind.in_person]
    day = max([p.day + u.step.fly_after_days for u, p in in_person] + [frame.arrival_day + min_stay(ctx, visit) - 1])
    needed = max([p.end + rules.clinic_to_departure_hours * 60 for _, p in in_person] + [frame.arrival + 1])
    departure = clock.local(day, rules.default_departure_time, ctx.zone)
    if departure >= needed:
        return departure
    if clock.day(needed, ctx.zone) == day:
        return needed
    return max(needed, clock.local(day + 1, rules.default_departure_time, ctx.zone))


def min_stay(ctx: Context, visit: int) -> int:
    """The fewest days (dates, arrival and departure counted) a trip of these treatments lasts: 1 at least."""
    stays = [t.protocol.min_stay.days for t in ctx.treatments if t.protocol.min_stay is not None]
    return max((days[visit - 1] for days in stays if visit <= len(days)), default=1)
