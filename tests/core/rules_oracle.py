"""An independent checker of the scheduler's rules: it reads a Plan and lists every rule it breaks.

It uses only the domain types and the clinic/travel helpers, never the scheduler's internals,
so a bug shared by both is unlikely. The placement rules (1–13) live in oracle_placement.py;
this module adds pins, arrival and departure, shortest stay, days, feasibility and warnings.
"""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from oracle_placement import Breach, breaches, local_day, resolve

from planner.core.catalog.load import Catalog
from planner.core.model.clinic import Clinic, holiday_name
from planner.core.model.itinerary import Appointment, Plan, Visit
from planner.core.model.trip import TripRequest
from planner.core.schedule.travel import jetlag_buffer_days


def violations(plan: Plan, request: TripRequest, catalog: Catalog) -> list[str]:
    """Every rule the plan breaks, one message each naming the rule and the appointments."""
    pinned = {a.key: a for a in plan.appointments if a.pinned}
    # a partial plan (one that does not work) keeps every rule among its placed part: counts and
    # windows are judged only on the steps it placed completely
    waiting = {f"{u.protocol}-{u.step}" for u in plan.unscheduled}
    steps = {f"{p}-{s.id}" for p, t in resolve(request, catalog).items() for s in t.protocol.steps}
    complete = frozenset(steps - waiting) if waiting else None
    found = [
        str(b) if not any(k in pinned for k in b.keys) else f"{b} (pinned, without a warning)"
        for b in breaches(plan.appointments, plan.visits, request, catalog, complete)
        if not _excused(b, pinned, plan)
    ]
    return found + [str(b) for b in _plan_rules(plan, request, catalog) + _partial(plan, request, catalog)]


def _partial(plan: Plan, request: TripRequest, catalog: Catalog) -> list[Breach]:
    """Placed and unscheduled occurrences together are exactly the requested ones; only a failing plan has gaps."""
    wanted = {
        f"{p}-{step}-{n}"
        for p, t in resolve(request, catalog).items()
        for step, total in t.occurrences.items()
        for n in range(1, total + 1)
    }
    placed = [a.key for a in plan.appointments]
    waiting = [f"{u.protocol}-{u.step}-{u.occurrence}" for u in plan.unscheduled]
    out = []
    if plan.feasible and waiting:
        out.append(Breach("partial", tuple(waiting), "a plan that works leaves occurrences unscheduled"))
    if sorted(placed + waiting) != sorted(wanted):
        out.append(
            Breach("partial", (), f"placed {sorted(placed)} + unscheduled {sorted(waiting)} != {sorted(wanted)}")
        )
    if any(not u.reason or not u.rule for u in plan.unscheduled):
        out.append(Breach("partial", tuple(waiting), "an unscheduled occurrence without a reason or rule"))
    return out


def _excused(breach: Breach, pinned: dict[str, Appointment], plan: Plan) -> bool:
    """A pinned appointment may break a rule if the plan warns about it (or names it in a problem)."""
    for key in breach.keys:
        appt = pinned.get(key)
        # a warning, or (in a plan that does not work) a problem, names the confirmed appointment
        notices = plan.warnings + plan.problems
        if appt and any((w.protocol, w.step) == (appt.protocol, appt.step) or key in w.message for w in notices):
            return True
    return False


def _plan_rules(plan: Plan, request: TripRequest, catalog: Catalog) -> list[Breach]:
    """Pins, arrival and departure, shortest stay, days, feasibility and warnings (14, 15)."""
    out = []
    clinic = next(iter(resolve(request, catalog).values())).clinic
    if plan.feasible == bool(plan.problems):
        out.append(Breach("15 feasible", (), f"feasible={plan.feasible} with {len(plan.problems)} problems"))
    by_key = {a.key: a for a in plan.appointments}
    wanted = {f"{p.protocol}-{p.step}-{p.occurrence}": p for p in request.pins}
    for key, appt in by_key.items():
        pin = wanted.get(key)
        if appt.pinned != (pin is not None) or (pin is not None and appt.start != pin.start):
            out.append(Breach("pins", (key,), "pinned flag or time differs from the request's pins"))
    if plan.feasible and set(wanted) - set(by_key):
        out.append(Breach("pins", tuple(sorted(set(wanted) - set(by_key))), "pinned appointments are missing"))
    arrivals = {plan.arrival, plan.visits[0].arrival} if plan.visits else set()
    if not plan.visits or plan.visits[0].number != 1 or arrivals != {request.arrival}:
        out.append(Breach("15 visits", (), "visit 1 must arrive with the request's arrival flight"))
        return out
    first = plan.visits[0]
    if request.departure is not None and not (plan.departure == first.departure == request.departure):
        out.append(Breach("14 departure", (), "departure differs from the request's"))
    if request.departure is None and plan.feasible:
        if plan.departure is None or first.departure != plan.departure or plan.earliest_departure is None:
            out.append(Breach("14 shortest stay", (), "no proposed departure"))
            return out
        if local_day(plan.earliest_departure, clinic) != local_day(plan.departure, clinic):
            out.append(Breach("14 shortest stay", (), "earliest_departure is not the proposed departure"))
    # the plan names the wait of its invasive steps: the low-risk one when every one of them is low risk
    treatments = resolve(request, catalog).values()
    invasive = [s for t in treatments for s in t.protocol.steps if s.invasive and t.occurrences.get(s.id)]
    low_risk = bool(invasive) and all(s.low_risk for s in invasive)
    home = request.traveller.home_timezone
    buffer = jetlag_buffer_days(home, clinic.timezone, request.arrival, catalog.rules, low_risk)
    if plan.jetlag_buffer_days != buffer:
        out.append(Breach("10 jet lag", (), f"plan says {plan.jetlag_buffer_days} buffer days, expected {buffer}"))
    return out + _days(plan, clinic) + _warnings(plan, request, catalog, clinic)


def _stay(visit: Visit, clinic: Clinic) -> list[date]:
    """Every date of a visit, arrival to departure."""
    arrival, departure = local_day(visit.arrival, clinic), local_day(visit.departure, clinic)
    return [arrival + timedelta(days=n) for n in range((departure - arrival).days + 1)]


def _days(plan: Plan, clinic: Clinic) -> list[Breach]:
    """Rule 15: each date of each visit once, each in-person appointment on its date."""
    expected = {d: v.number for v in plan.visits if v.departure is not None for d in _stay(v, clinic)}
    listed = [d.date for d in plan.days]
    out = []
    if len(listed) != len(set(listed)) or set(listed) != set(expected):
        missing, extra = sorted(set(expected) - set(listed)), sorted(set(listed) - set(expected))
        out.append(Breach("15 days", (), f"dates missing {missing}, extra {extra}, or repeated"))
    by_key = {a.key: a for a in plan.appointments}
    for day in plan.days:
        if day.date in expected and day.visit != expected[day.date]:
            out.append(Breach("15 days", (), f"{day.date} is marked visit {day.visit}"))
        for key in day.appointments:
            appt = by_key.get(key)
            if appt is None or (appt.in_person and local_day(appt.start, clinic) != day.date):
                out.append(Breach("15 days", (key,), f"listed on {day.date}, not its date"))
    # a time the clinic confirmed outside the stay stays in the plan, and a pin problem says so
    conflicts = {(p.protocol, p.step) for p in plan.problems if p.code == "pin_conflict"}
    for appt in plan.appointments:
        day_of = local_day(appt.start, clinic)
        if appt.pinned and day_of not in expected and (appt.protocol, appt.step) in conflicts:
            continue
        if appt.in_person and not any(d.date == day_of and appt.key in d.appointments for d in plan.days):
            out.append(Breach("15 days", (appt.key,), f"missing from the day {day_of}"))
    return out


def _warnings(plan: Plan, request: TripRequest, catalog: Catalog, clinic: Clinic) -> list[Breach]:
    """Clot risk, visa limit and holiday warnings: present when due, absent when baseless."""
    rules, codes, out = catalog.rules, {w.code for w in plan.warnings}, []
    risky = False
    # the route's length: the flight home's hours, else the flight out's; a resident who gives no
    # flight does not fly
    known = [f.hours for f in (request.inbound, request.outbound) if f is not None and f.hours is not None]
    flies = not (request.traveller.home_timezone == "Asia/Seoul" or request.insurance.nhi) or bool(
        request.inbound or request.outbound
    )
    for visit in (v for v in plan.visits if v.departure is not None):
        long_haul = flies and (not known or known[0] > rules.long_flight_hours)
        leaves = local_day(visit.departure, clinic)
        soon = [
            (leaves - local_day(a.start, clinic)).days
            for a in plan.appointments
            if a.invasive and a.visit == visit.number
        ]
        risky |= long_haul and any(0 <= days <= rules.clot_risk_days for days in soon)
    if risky != ("clot_risk" in codes):
        out.append(Breach("warning clot_risk", (), f"expected {risky}, plan says {'clot_risk' in codes}"))
    # the arrival day counts: a stay's days are its dates, arrival and departure included
    days = [len(_stay(v, clinic)) for v in plan.visits if v.departure is not None]
    due = any(n > rules.visa_days for n in days) and request.traveller.home_timezone != "Asia/Seoul"
    due = due and not request.insurance.nhi
    if due != ("visa_limit" in codes):
        out.append(Breach("warning visa_limit", (), f"expected {due} for stays of {days} days"))
    awake_from, awake_to = rules.home_awake
    home = ZoneInfo(request.traveller.home_timezone)
    for appt in plan.appointments:
        start, end = appt.start.astimezone(home), appt.end.astimezone(home)
        late = appt.kind.value == "remote" and not appt.pinned and not appt.in_person
        if late and (start.date() != end.date() or start.time() < awake_from or end.time() > awake_to):
            if not any(w.code == "remote_hour" and w.step == appt.step for w in plan.warnings):
                out.append(Breach("warning remote_hour", (appt.key,), "a call outside waking hours without a warning"))
    return out + _holiday_moved(plan, catalog)


def _holiday_moved(plan: Plan, catalog: Catalog) -> list[Breach]:
    """Every appointment with ``moved_by`` has a holiday warning naming it, and every reason is true.

    A reason is true when the clinic is closed the day before the appointment and the run of closed
    days ending there holds the named holiday or closure; each warning belongs to such an appointment.
    """
    out = []
    moved = [a for a in plan.appointments if a.moved_by]
    warned = [w for w in plan.warnings if w.code == "holiday_moved"]
    for appt in moved:
        if not any((w.protocol, w.step) == (appt.protocol, appt.step) and appt.title in w.message for w in warned):
            out.append(Breach("warning holiday_moved", (appt.key,), "moved by a holiday without a warning"))
        if not _true_reason(appt, catalog.clinics[appt.clinic]):
            out.append(Breach("warning holiday_moved", (appt.key,), f"{appt.moved_by!r} is no closure just before it"))
    for warning in warned:
        if not any((warning.protocol, warning.step) == (a.protocol, a.step) for a in moved):
            out.append(Breach("warning holiday_moved", (), f"warning without a moved appointment: {warning.message}"))
    return out


def _true_reason(appt: Appointment, clinic: Clinic) -> bool:
    """Whether the closed days right before the appointment's date hold the holiday or closure it names."""
    day = local_day(appt.start, clinic) - timedelta(days=1)
    for _ in range(366):
        if clinic.open_intervals(day):
            return False
        name = holiday_name(clinic.holiday_country, day) if clinic.holiday_country else None
        closed = day in clinic.closures or day in clinic.openings
        if (name and name in appt.moved_by) or (closed and f"{day.day} {day:%B}" in appt.moved_by):
            return True
        day -= timedelta(days=1)
    return False
