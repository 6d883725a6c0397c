"""Brute force on small trips: the scheduler's feasibility and shortest stay match an exhaustive search.

The search tries every date for every occurrence (arrival date to departure date), prunes on the
oracle's date rules, then for each date tries every order of that day's appointments, each at
the earliest 30-minute slot that fits. Arrivals, opening hours, departures and durations all lie
on the 30-minute grid, so a left-justified schedule exists whenever any schedule does: the
search is exact, and the oracle alone judges every candidate.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from itertools import permutations

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from oracle_placement import breaches, resolve
from strategies import HOME_ZONES, SEOUL, arrival_dates, examples, make_catalog, make_clinic, protocols

from planner.core.model.itinerary import Appointment, Visit
from planner.core.model.trip import Traveller, TreatmentRequest, TripRequest
from planner.core.schedule.run import plan

SLOT = timedelta(minutes=30)
#: rules that depend on the time of day, judged only once a whole day is timed
TIMED = {"1 clinic open", "1b latest start", "2 overlap", "3 arrival", "3 departure", "duration", "12 remote"}
HORIZON_DAYS = 8
MAX_OCCURRENCES = 4


@st.composite
def small_trips(draw):
    """One or two treatments, at most four occurrences, one visit, on the 30-minute grid."""
    chosen = [draw(protocols(f"p{i}", two_trips=False, remote=False)) for i in range(draw(st.integers(1, 2)))]
    catalog = make_catalog(chosen, [make_clinic("c-a"), make_clinic("c-b", "specialized", evening=True)])
    treatments, total = [], 0
    for protocol in chosen:
        fixed = sum(s.count.default for s in protocol.steps if not s.counted)
        count = None
        if protocol.count:
            count = draw(st.integers(protocol.count.min, protocol.count.max))
            fixed += count
        total += fixed
        treatments.append(TreatmentRequest(protocol.id, count, draw(st.sampled_from(["c-a", "c-b"]))))
    assume(total <= MAX_OCCURRENCES)
    landing = datetime.combine(
        draw(arrival_dates), time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 30]))), SEOUL
    )
    request = TripRequest(Traveller("Ana", draw(st.sampled_from(HOME_ZONES))), landing, tuple(treatments))
    return request, catalog


def _occurrences(request, catalog) -> list[tuple[str, str, int]]:
    """Every (protocol, step, n) to place, each step after the steps it depends on."""
    return [
        (pid, step.id, n)
        for pid, t in resolve(request, catalog).items()
        for step in t.protocol.steps
        for n in range(1, t.occurrences[step.id] + 1)
    ]


def _appointment(request, catalog, occurrence, start: datetime) -> Appointment:
    pid, sid, n = occurrence
    t = resolve(request, catalog)[pid]
    step = t.protocol.step(sid)
    end = start + timedelta(minutes=step.minutes)
    return Appointment(
        f"{pid}-{sid}-{n}", pid, sid, n, step.kind, step.title, start, end, t.clinic.id, invasive=step.invasive
    )


def _complete(appointments, request, catalog) -> frozenset[str]:
    """The "<protocol>-<step>" pairs with all their occurrences among these appointments."""
    placed = [f"{a.protocol}-{a.step}" for a in appointments]
    return frozenset(
        f"{pid}-{sid}"
        for pid, t in resolve(request, catalog).items()
        for sid, n in t.occurrences.items()
        if placed.count(f"{pid}-{sid}") == n
    )


def _timed_day(request, catalog, visit: Visit, day: date, todo: list, ready: list[Appointment]):
    """Appointments for this day's occurrences at the earliest slots, in some order that works, or None."""
    for order in permutations(todo):
        placed, ok = [], True
        for occurrence in order:
            start = max(datetime.combine(day, time(0), SEOUL), visit.arrival)
            start = start + (-(start - datetime.combine(day, time(0), SEOUL)) % SLOT)
            while start.date() == day:
                candidate = _appointment(request, catalog, occurrence, start)
                trial = tuple(ready + placed + [candidate])
                if not breaches(trial, (visit,), request, catalog, _complete(trial, request, catalog)):
                    placed.append(candidate)
                    break
                start += SLOT
            else:
                ok = False
                break
        if ok:
            return placed
    return None


def feasible(request: TripRequest, catalog) -> bool:
    """Whether any placement of every occurrence keeps every rule (exhaustive)."""
    visit = Visit(1, request.arrival, request.departure)
    todo = _occurrences(request, catalog)
    first, last = request.arrival.date(), request.departure.date()
    dates = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    every = frozenset(f"{pid}-{sid}" for pid, sid, _ in todo)

    def search(i: int, chosen: list[tuple[tuple, date]]) -> bool:
        if i == len(todo):
            return _timed(chosen)
        for day in dates:
            trial = chosen + [(todo[i], day)]
            provisional = tuple(
                _appointment(request, catalog, o, datetime.combine(d, time(9), SEOUL)) for o, d in trial
            )
            found = breaches(provisional, (visit,), request, catalog, _complete(provisional, request, catalog))
            if any(b.rule not in TIMED and "same day" not in b.detail for b in found):
                continue
            if search(i + 1, trial):
                return True
        return False

    def _timed(chosen) -> bool:
        ready: list[Appointment] = []
        for day in sorted({d for _, d in chosen}):
            placed = _timed_day(request, catalog, visit, day, [o for o, d in chosen if d == day], ready)
            if placed is None:
                return False
            ready += placed
        return not breaches(tuple(ready), (visit,), request, catalog, every)

    return search(0, [])


@settings(max_examples=examples(8), deadline=None)
@given(small_trips(), st.sampled_from([time(12), time(18), time(23, 30)]))
def test_scheduler_and_brute_force_agree_on_every_departure_and_the_shortest_stay(trip, leave_at):
    request, catalog = trip
    verdicts = {}
    for n in range(HORIZON_DAYS):
        departure = datetime.combine(request.arrival.date() + timedelta(days=n), leave_at, SEOUL)
        if departure <= request.arrival:
            continue
        asked = replace(request, departure=departure)
        verdicts[departure.date()] = brute = feasible(asked, catalog)
        assert plan(asked, catalog).feasible == brute, f"departure {departure}: brute force says {brute}"
    shortest = plan(request, catalog)
    possible = [day for day, ok in verdicts.items() if ok]
    # the shortest stay may leave at any time of its date; 23:30 is the most lenient time of a date
    if possible:
        assert shortest.feasible and shortest.departure.astimezone(SEOUL).date() <= min(possible)
    if leave_at == time(23, 30) and possible:
        assert shortest.departure.astimezone(SEOUL).date() == min(possible)
    elif leave_at == time(23, 30) and shortest.feasible:
        assert shortest.departure.astimezone(SEOUL).date() > max(verdicts, default=request.arrival.date())
