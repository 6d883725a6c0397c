"""Placing occurrences: earliest slot that keeps every rule, with bounded backtracking."""

from __future__ import annotations

from datetime import time
from typing import NamedTuple

from planner.core.model import StepKind
from planner.core.schedule.days import GRID_MINUTES, MINUTES_PER_DAY, Clock, OpenHours, grid_start
from planner.core.schedule.links import links_of
from planner.core.schedule.links import on_grid as _on_grid
from planner.core.schedule.units import Blocker, Frame, Placed, Rules, Unit

#: candidate slots tried in one placement before giving up (keeps worst cases bounded)
SEARCH_BUDGET = 5000


class _Why(NamedTuple):
    """A Blocker without its unit: built at every candidate walk, so a plain tuple (a Blocker only on failure)."""

    rule: str
    anchor: int | None = None
    days: int = 0
    anchor_day: int | None = None


#: rules of a fixed bound: moving earlier units cannot help
FIXED_RULES = ("departure", "fly_after", "limit", "pin")


class Placer:
    """Places units in the given order; ``place`` returns a placement per unit or a Blocker."""

    def __init__(self, units: list[Unit], frames: dict[int, Frame], clock: Clock, hours: OpenHours, rules: Rules):
        self.units = units
        self.frames = frames
        self.clock = clock
        self.hours = hours
        self.rules = rules
        self.placed: list[Placed | None] = [None] * len(units)
        self.blocker: Blocker | None = None
        self._deepest = -1
        self._last: list[_Why | None] = [None] * len(units)
        #: a day a unit must reach before it can help a later unit's window (skip-ahead on backtracking)
        self._floor: list[int] = [-(10**6)] * len(units)
        self._lo: list[int] = [0] * len(units)
        self._budget = SEARCH_BUDGET
        for i, unit in enumerate(units):
            if unit.pin is not None:
                day = self._day(unit, unit.pin)
                self.placed[i] = Placed(day, unit.pin, unit.pin + unit.step.minutes, day)
        # the unit list never changes during a search, so every relation between units is looked up once
        self._links = links_of(units, self.placed)
        self._need = self._follow_up_days()

    def place(self) -> list[Placed] | Blocker:
        """Place every unit, backtracking to the last related unit when one cannot fit."""
        free = [i for i, u in enumerate(self.units) if u.pin is None]
        stack: list = []
        pos = 0
        while pos < len(free):
            i = free[pos]
            if len(stack) == pos:
                stack.append(self._candidates(i))
            slot = next(stack[pos], None)
            if slot is not None:
                self.placed[i] = slot
                pos += 1
                continue
            stack.pop()
            self.placed[i] = None
            # a fixed bound (departure, stay limit, pin) only gets worse when earlier units move
            fixed = self._last[i] is not None and self._last[i].rule in FIXED_RULES
            target = -1 if fixed or self._budget <= 0 else self._jump_target(free, pos)
            last = self._last[i]
            if target >= 0 and last is not None and last.rule == "window" and last.anchor in free[: target + 1]:
                target = free.index(last.anchor)
                needed = max(self._lo[i], self._floor[i]) - last.days
                self._floor[last.anchor] = max(self._floor[last.anchor], needed)
            if target < 0:
                return self.blocker or Blocker(i, "limit")
            while pos - 1 > target:
                pos -= 1
                stack.pop()
                self.placed[free[pos]] = None
            pos = target
        return list(self.placed)

    def _jump_target(self, free: list[int], pos: int) -> int:
        """The position of the latest earlier unit whose move could help unit ``free[pos]``."""
        unit = self.units[free[pos]]
        for back in range(pos - 1, -1, -1):
            other = self.units[free[back]]
            if other.treatment == unit.treatment or (other.step.invasive and unit.step.invasive):
                return back
        return -1

    def _day(self, unit: Unit, minutes: int) -> int:
        return self.clock.day(minutes, unit.clinic.timezone)

    def _fail(self, i: int, why: _Why) -> None:
        if i >= self._deepest:  # the unit furthest along explains the failure best
            self._deepest = i
            self.blocker = Blocker(i, *why)

    def _bounds(self, i: int):
        """Day range, earliest start and latest end for a unit, with the rule closing the range."""
        unit, step, links = self.units[i], self.units[i].step, self._links[i]
        frame = self.frames[unit.visit]
        lo_day, lo_min, hi_end = frame.arrival_day, frame.arrival, None
        hi_day, hi_rule, hi_anchor, hi_days, hi_anchor_day = frame.last_day, "limit", None, 0, None
        if links.in_person:
            lo_min = frame.arrival + self.rules.arrival_minutes
            if frame.departure is not None:
                hi_end = frame.departure - self.rules.departure_minutes
                hi_day, hi_rule = frame.departure_day, "departure"
                if step.fly_after_days > 0:
                    hi_day, hi_rule, hi_days = hi_day - step.fly_after_days, "fly_after", step.fly_after_days
        elif links.either:
            # in person on a day of the stay (``_candidates`` bounds it by the flight home), else by video after it
            lo_min = frame.arrival + self.rules.arrival_minutes
            hi_day = max(hi_day, frame.departure_day + 401)
        elif links.remote:
            lo_day = frame.departure_day + 1
            lo_min = frame.departure
            hi_day = max(hi_day, lo_day + 400)
        if step.invasive:
            lo_day = max(lo_day, frame.low_risk_day if step.low_risk else frame.jetlag_day)
        if links.previous is not None:
            previous = self.placed[links.previous]
            lo_day = max(lo_day, previous.day + step.min_gap_days)
            lo_min = max(lo_min, previous.end)
        for rule, other in links.anchors:
            anchor = self.placed[other]
            lo_day = max(lo_day, anchor.day + rule.min_days)
            lo_min = max(lo_min, anchor.end)
            if rule.max_days is not None and anchor.day + rule.max_days < hi_day:
                hi_day, hi_rule, hi_anchor, hi_days = anchor.day + rule.max_days, "window", other, rule.max_days
                hi_anchor_day = anchor.day
        for j, latest, earliest, pin_day in links.pinned:
            lo_day = max(lo_day, earliest)
            if latest < hi_day:
                hi_day, hi_rule, hi_anchor, hi_anchor_day = latest, "pin", j, pin_day
        return lo_day, hi_day, lo_min, hi_end, _Why(hi_rule, hi_anchor, hi_days, hi_anchor_day)

    def _follow_up_days(self) -> list[int]:
        """Per unit, the first day it can take without closing the window of a follow-up after the trip.

        A remote follow-up starts after the departure date whatever else moves, so a unit whose
        window (directly, or through the windows of the units between) would end before then can
        never lead to a plan: the search skips such days instead of walking every slot in them.
        """
        need = [-(10**6)] * len(self.units)
        for i in range(len(self.units) - 1, -1, -1):
            frame = self.frames[self.units[i].visit]
            links = self._links[i]
            # a call that may be held in person has no need to wait for the flight home
            if links.remote and not links.either and self.units[i].pin is None and frame.departure_day is not None:
                need[i] = frame.departure_day + 1
            for j, max_days in self._links[i].windows:
                need[i] = max(need[i], need[j] - max_days)
        return need

    def _candidates(self, i: int):
        """Slots for a unit in time order: day rules first, then open spans on the grid."""
        unit, step, links = self.units[i], self.units[i].step, self._links[i]
        lo_day, hi_day, lo_min, hi_end, why = self._bounds(i)
        self._last[i] = why
        self._lo[i] = lo_day
        self._floor[i] = -(10**6)
        follow_up_day = self._need[i]
        minutes, on_grid = step.minutes, links.on_grid
        zone, end_of_day = unit.clinic.timezone, 10**9
        frame = self.frames[unit.visit]
        # the last day a call that may be held in person is a visit; after it, a video call from home
        here_until = frame.departure_day if links.either else None
        # a video call takes a day with a waking hour at home first; only then the nearest hour of a day without one
        for awake in (True, False) if links.remote else (True,):
            earliest = None
            for day in range(lo_day, hi_day + 1):
                if day < self._floor[i]:
                    continue
                if not self._day_allowed(i, day):
                    continue
                if earliest is None:
                    earliest = day
                if day < follow_up_day:
                    # what the follow-up's failure would teach by backtracking here, without the walk there
                    for j, max_days in links.followers:
                        self._fail(j, _Why("window", i, max_days, day))
                    self._floor[i] = max(self._floor[i], follow_up_day)
                    continue
                # a step with a latest start (a fasting checkup in the morning) starts no later than it that day
                latest = end_of_day if step.latest_start is None else self.clock.local(day, step.latest_start, zone)
                here, first, last_end = False, lo_min, hi_end
                if here_until is not None:
                    here = day <= here_until
                    if here:
                        last_end = frame.departure - self.rules.departure_minutes
                    else:
                        first = max(lo_min, frame.departure)
                for start, end in self._spans(unit, day, here, awake):
                    t = grid_start(start, first) if on_grid else max(start, first)
                    while t + minutes <= end and (last_end is None or t + minutes <= last_end) and t <= latest:
                        self._budget -= 1
                        if self._budget <= 0:
                            self._fail(i, why)
                            return
                        clash = self._clash(i, t, t + minutes)
                        if clash is None:
                            yield Placed(day, t, t + minutes, earliest)
                            clash = t + 1
                        t = grid_start(start, clash) if on_grid else t + GRID_MINUTES
        self._fail(i, why)

    def _spans(self, unit: Unit, day: int, here: bool = False, awake: bool = True):
        """Open spans of a day; for a video call, ``awake`` = the waking ones, else the nearest of a day without."""
        if not _on_grid(unit.step):
            begin = self.clock.local(day, time(0), unit.clinic.timezone)
            return ((begin, begin + MINUTES_PER_DAY),)
        if unit.step.kind is not StepKind.REMOTE or here:
            return self.hours.spans(unit.clinic, day) if awake else ()
        spans = self.hours.spans(unit.clinic, day, True)
        if any(end - start >= unit.step.minutes for start, end in spans):
            return spans if awake else ()
        # no hour is both open at the clinic and awake at home (UTC−3 and Seoul): a call never vetoes the
        # treatment; it takes the slot nearest the waking hours, and the plan warns (``remote_hour``)
        return () if awake else self.hours.least_bad(unit.clinic, day, unit.step.minutes)

    def _day_allowed(self, i: int, day: int) -> bool:
        step, links, placed = self.units[i].step, self._links[i], self.placed
        if step.per_week_max is not None:
            days = [p.day for j in links.same_step if (p := placed[j]) is not None and day - 6 <= p.day <= day + 6]
            # fewer neighbours than the limit leave room in every 7-day window: only then skip the walk
            if len(days) >= step.per_week_max:
                for first in range(day - 6, day + 1):
                    if sum(1 for d in days if first <= d <= first + 6) + 1 > step.per_week_max:
                        return False
        for j, rest_days in links.rivals:
            p = placed[j]
            if p is not None and (p.day <= day <= p.day + rest_days or day <= p.day <= day + step.rest_days):
                return False
        return True

    def _clash(self, i: int, start: int, end: int) -> int | None:
        """The end of the first appointment the patient cannot combine with [start, end), or None."""
        placed = self.placed
        for j, gap in self._links[i].meets:
            p = placed[j]
            if p is not None and start < p.end + gap and p.start < end + gap:
                return p.end + gap
        return None
