"""The oracle's placement rules (1–13), checked on any set of appointments.

Independent of the scheduler: only the domain types and the clinic/travel helpers. The
brute-force search reuses ``breaches`` on partial assignments; rules_oracle.py adds the
plan-level rules.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from planner.core.catalog.load import Catalog
from planner.core.model.clinic import Clinic
from planner.core.model.itinerary import Appointment, Visit
from planner.core.model.protocol import Protocol, Step, StepKind
from planner.core.model.trip import TripRequest
from planner.core.schedule.travel import jetlag_buffer_days

#: the spec's fixed transfer time between appointments at two different clinics
CLINIC_CHANGE = timedelta(minutes=60)


@dataclass(frozen=True)
class Breach:
    """One broken rule and the appointments involved."""

    rule: str
    keys: tuple[str, ...]
    detail: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.detail} [{', '.join(self.keys)}]"


@dataclass(frozen=True)
class Treatment:
    """A requested treatment resolved against the catalog."""

    protocol: Protocol
    clinic: Clinic
    occurrences: dict[str, int]


def resolve(request: TripRequest, catalog: Catalog) -> dict[str, Treatment]:
    """Each requested protocol with its clinic and occurrences per step, by protocol id."""
    result = {}
    for wanted in request.treatments:
        protocol = catalog.protocols[wanted.protocol]
        clinic = (
            catalog.clinics[wanted.clinic] if wanted.clinic else catalog.clinic_for(protocol.id, wanted.clinic_tier)
        )
        result[protocol.id] = Treatment(protocol, clinic, protocol.occurrences(wanted.count))
    return result


def local_day(moment: datetime, clinic: Clinic) -> date:
    """The calendar date of an instant in the clinic's zone."""
    return moment.astimezone(ZoneInfo(clinic.timezone)).date()


def _start_day(appt: Appointment, clinic: Clinic) -> date:
    return local_day(appt.start, clinic)


def _fits_open(appt: Appointment, clinic: Clinic) -> bool:
    zone = ZoneInfo(clinic.timezone)
    start, end = appt.start.astimezone(zone), appt.end.astimezone(zone)
    if start.date() != end.date() or end <= start:
        return False
    return any(a <= start.time() and end.time() <= b for a, b in clinic.open_intervals(start.date()))


def breaches(
    appointments: tuple[Appointment, ...],
    visits: tuple[Visit, ...],
    request: TripRequest,
    catalog: Catalog,
    complete: frozenset[str] | None = None,
) -> list[Breach]:
    """Placement rules 1–13 broken by these appointments.

    ``complete`` names the "<protocol>-<step>" pairs whose occurrences are all placed (None =
    every pair): counts and ordering windows are only judged on complete steps, which lets a
    search check a partial assignment.
    """
    treatments = resolve(request, catalog)
    by_visit = {v.number: v for v in visits}
    out: list[Breach] = []
    steps: dict[str, Step] = {}
    placed: dict[tuple[str, str], list[Appointment]] = defaultdict(list)
    for appt in appointments:
        t = treatments.get(appt.protocol)
        if t is None or appt.step not in {s.id for s in t.protocol.steps}:
            out.append(Breach("unknown", (appt.key,), "no such requested protocol step"))
            continue
        steps[appt.key] = step = t.protocol.step(appt.step)
        placed[(appt.protocol, appt.step)].append(appt)
        out.extend(_single(appt, step, t, by_visit, request, catalog))
    for group in placed.values():
        group.sort(key=lambda a: a.occurrence)
    every = frozenset(f"{p}-{s.id}" for p, t in treatments.items() for s in t.protocol.steps)
    done = every if complete is None else complete
    out.extend(_counts(treatments, placed, done))
    out.extend(_spacing(treatments, placed, done))
    in_person = [a for a in appointments if a.key in steps and a.in_person]
    in_person.sort(key=lambda a: a.start)
    out.extend(_overlaps(in_person))
    out.extend(_invasive(appointments, steps, treatments))
    out.extend(_visits(appointments, steps, treatments, by_visit))
    return out


def _single(appt, step: Step, t: Treatment, by_visit: dict[int, Visit], request, catalog) -> list[Breach]:
    """Rules that concern one appointment alone (1, 1b, 3, 10, 11, 12)."""
    rules, clinic, key = catalog.rules, t.clinic, (appt.key,)
    out = []
    if appt.clinic != clinic.id:
        out.append(Breach("clinic", key, f"at {appt.clinic}, the treatment's clinic is {clinic.id}"))
    if appt.kind != step.kind or appt.invasive != step.invasive:
        out.append(Breach("step", key, "kind or invasive flag differs from the protocol step"))
    visit = by_visit.get(appt.visit)
    if visit is None:
        return out + [Breach("13 visits", key, f"visit {appt.visit} is not in the plan")]
    timed = step.kind.in_person or step.kind is StepKind.REMOTE
    if timed and appt.end - appt.start != timedelta(minutes=step.minutes):
        out.append(Breach("duration", key, f"lasts {appt.end - appt.start}, the step takes {step.minutes} min"))
    if timed and step.needs_clinic_open and not _fits_open(appt, clinic):
        out.append(
            Breach("1 clinic open", key, f"{appt.start:%Y-%m-%d %H:%M}–{appt.end:%H:%M} not in one open interval")
        )
    day = local_day(appt.start, clinic)
    if timed and step.latest_start is not None:
        local_start = appt.start.astimezone(ZoneInfo(clinic.timezone))
        if local_start.time() > step.latest_start:
            out.append(Breach("1b latest start", key, f"starts {local_start:%H:%M}, after {step.latest_start:%H:%M}"))
    if appt.held_in_person and not step.in_person_if_present:
        out.append(Breach("12 remote", key, "held in person, but the step is a video call from home only"))
    if appt.in_person:
        if appt.start < visit.arrival + timedelta(hours=rules.arrival_to_clinic_hours):
            out.append(Breach("3 arrival", key, "starts too soon after the arrival flight"))
        latest = visit.departure - timedelta(hours=rules.clinic_to_departure_hours) if visit.departure else None
        if latest is not None and appt.end > latest:
            out.append(Breach("3 departure", key, "ends too close to the departure flight"))
    if step.invasive:
        home = request.traveller.home_timezone
        buffer = jetlag_buffer_days(home, clinic.timezone, visit.arrival, rules, step.low_risk)
        if day < local_day(visit.arrival, clinic) + timedelta(days=buffer):
            out.append(Breach("10 jet lag", key, f"invasive within the {buffer}-day jet-lag buffer"))
    if step.kind is not StepKind.REMOTE and step.fly_after_days and visit.departure is not None:
        if local_day(visit.departure, clinic) < day + timedelta(days=step.fly_after_days):
            out.append(Breach("11 fit to fly", key, f"flight home sooner than {step.fly_after_days} days after"))
    if step.kind is StepKind.REMOTE and not appt.in_person:
        first = by_visit.get(1)
        if first is None or first.departure is None or appt.start < first.departure:
            out.append(Breach("12 remote", key, "remote follow-up before the visit-1 departure"))
        home = ZoneInfo(request.traveller.home_timezone)
        start, end = appt.start.astimezone(home), appt.end.astimezone(home)
        awake_from, awake_to = catalog.rules.home_awake
        outside = _outside_awake(appt.start, step.minutes, home, catalog.rules.home_awake)
        # outside waking hours only when no slot of that clinic day is awake at home, and then the nearest one
        best = min(
            (_outside_awake(t, step.minutes, home, catalog.rules.home_awake) for t in _slots(appt, clinic, step)),
            default=0,
        )
        if outside > best:
            out.append(Breach("12 remote", key, f"{start:%H:%M}–{end:%H:%M} at home is outside waking hours"))
    return out


def _slots(appt: Appointment, clinic: Clinic, step: Step):
    """Every 30-minute grid start of the appointment's clinic date that holds the step in one open interval."""
    zone = ZoneInfo(clinic.timezone)
    on = appt.start.astimezone(zone).date()
    for a, b in clinic.open_intervals(on):
        t = datetime.combine(on, a, zone)
        while t + timedelta(minutes=step.minutes) <= datetime.combine(on, b, zone):
            yield t
            t += timedelta(minutes=30)


def _outside_awake(start: datetime, minutes: int, home: ZoneInfo, awake) -> int:
    """Minutes of a call outside the patient's waking hours (the nearest waking day's)."""
    local = start.astimezone(home)
    best = None
    for d in (local.date() - timedelta(days=1), local.date(), local.date() + timedelta(days=1)):
        a, b = datetime.combine(d, awake[0], home), datetime.combine(d, awake[1], home)
        end = start + timedelta(minutes=minutes)
        outside = max(timedelta(0), a - start) + max(timedelta(0), end - b)
        best = outside if best is None else min(best, outside)
    return int(best.total_seconds() // 60)


def _counts(treatments, placed, done) -> list[Breach]:
    """Rule 4: occurrences 1..n of every step, exactly."""
    out = []
    for pid, t in treatments.items():
        for sid, n in t.occurrences.items():
            if f"{pid}-{sid}" not in done:
                continue
            numbers = [a.occurrence for a in placed.get((pid, sid), [])]
            if sorted(numbers) != list(range(1, n + 1)):
                out.append(Breach("4 counts", (f"{pid}-{sid}",), f"occurrences {sorted(numbers)}, expected 1..{n}"))
    for (pid, sid), group in placed.items():
        for appt in group:
            if appt.key != f"{pid}-{sid}-{appt.occurrence}":
                out.append(Breach("4 counts", (appt.key,), "key is not <protocol>-<step>-<occurrence>"))
    return out


def _spacing(treatments, placed, done) -> list[Breach]:
    """Rules 5, 6 and 7: per-week maximum, gaps between occurrences, windows after other steps."""
    out = []
    for (pid, sid), group in placed.items():
        t = treatments[pid]
        step, day = t.protocol.step(sid), partial(_start_day, clinic=t.clinic)
        if step.per_week_max is not None:
            for first in group:
                week = [a for a in group if 0 <= (day(a) - day(first)).days < 7]
                if len(week) > step.per_week_max:
                    keys = tuple(a.key for a in week)
                    out.append(Breach("5 per week", keys, f"more than {step.per_week_max} in 7 days"))
        for before, after in zip(group, group[1:], strict=False):
            if (day(after) - day(before)).days < step.min_gap_days:
                out.append(Breach("6 gap", (before.key, after.key), f"less than {step.min_gap_days} days apart"))
        for rule in step.after:
            anchors = placed.get((pid, rule.step), [])
            if f"{pid}-{sid}" not in done or f"{pid}-{rule.step}" not in done or not anchors:
                continue
            anchor = anchors[0] if rule.anchor == "first" else anchors[-1]
            anchor_day = local_day(anchor.end, t.clinic)
            for appt in group:
                gap = (day(appt) - anchor_day).days
                if gap < rule.min_days or (rule.max_days is not None and gap > rule.max_days):
                    window = f"{rule.min_days}..{rule.max_days if rule.max_days is not None else '∞'}"
                    out.append(Breach("7 after", (appt.key, anchor.key), f"{gap} days after, window {window}"))
                elif gap == 0 and appt.start < anchor.end:
                    out.append(Breach("7 after", (appt.key, anchor.key), "same day but starts before the other ends"))
    return out


def _overlaps(in_person: list[Appointment]) -> list[Breach]:
    """Rule 2: in-person appointments never overlap; an hour between different clinics."""
    out = []
    for i, a in enumerate(in_person):
        for b in in_person[i + 1 :]:
            gap = CLINIC_CHANGE if a.clinic != b.clinic else timedelta(0)
            if b.start < a.end + gap and a.start < b.end + gap:
                out.append(Breach("2 overlap", (a.key, b.key), "overlap" + (" or under an hour apart" if gap else "")))
    return out


def _invasive(appointments, steps, treatments) -> list[Breach]:
    """Rules 8 and 9: one treatment's invasive steps a day, and rest days after them."""
    out = []
    invasive = [a for a in appointments if a.key in steps and steps[a.key].invasive]
    for i, a in enumerate(invasive):
        clinic = treatments[a.protocol].clinic
        for b in invasive[i + 1 :]:
            if a.protocol == b.protocol:
                continue
            gap = (local_day(b.start, clinic) - local_day(a.start, clinic)).days
            if gap == 0:
                out.append(Breach("8 invasive", (a.key, b.key), "two treatments' invasive steps on one date"))
            first, second, days = (a, b, gap) if gap > 0 else (b, a, -gap)
            rest = steps[first.key].rest_days
            if 0 < days <= rest:
                out.append(Breach("9 rest", (first.key, second.key), f"inside {rest} rest days"))
    return out


def _visits(appointments, steps, treatments, by_visit) -> list[Breach]:
    """Rule 13: appointments in their step's trip or earlier; trip 2 after the visit gap."""
    out = []
    for appt in appointments:
        if appt.key in steps and not 1 <= appt.visit <= steps[appt.key].visit:
            belongs = steps[appt.key].visit
            out.append(Breach("13 visits", (appt.key,), f"in visit {appt.visit}, step belongs to {belongs}"))
    first, second = by_visit.get(1), by_visit.get(2)
    if second is not None and first is not None and first.departure is not None:
        clinic = next(iter(treatments.values())).clinic
        gap = max((t.protocol.visit_gap.min_days for t in treatments.values() if t.protocol.visit_gap), default=0)
        if (local_day(second.arrival, clinic) - local_day(first.departure, clinic)).days < gap:
            out.append(Breach("13 visits", (), f"visit 2 arrives less than {gap} days after visit 1 leaves"))
    return out
