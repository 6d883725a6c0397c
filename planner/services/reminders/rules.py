"""Which reminders a trip's plan calls for, and when each is due: a pure function of the neutral plan.

Each reminder is a code with JSON-able values (worded at the edge, in the client's language), the
instant it is due (UTC), the instant of what it reminds of, and a stable key: the trip, the code, what
it is about and that thing's date, so a moved appointment is a new occurrence with a new key.

Due times are chosen where the client is at the time: in the clinics' zone during a stay, else at
home; at 09:00 local, or at 18:00 the evening before for a fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from planner.core.catalog import Catalog
from planner.core.model import Appointment, Plan, StepKind, TripRequest

FASTING = "fasting"  # a fast of under a day, from the evening before
PREPARATION = "preparation"  # a longer lead, e.g. stop anti-inflammatory painkillers 7 days before
INTERPRETER = "book_interpreter"
VISA = "visa_papers"
VIDEO = "video_follow_up"
CODES = (FASTING, PREPARATION, INTERPRETER, VISA, VIDEO)

#: the local hour a reminder arrives at, and the evening hour of a fasting reminder
MORNING = time(9, 0)
EVENING = time(18, 0)
#: a city interpreter service is booked 5–7 days ahead (FACTS "interpreter"): remind at the 7-day end
INTERPRETER_DAYS = 7
#: the visa papers: 4 weeks before arrival. A C-3-3 application needs papers from others (the clinic's
#: reservation confirmation, the facilitator's registration certificate, proof of funds, home medical
#: records) and the consulate's time; a K-ETA must be applied for at least 72 h before departure (FACTS
#: "K-ETA"), and 4 weeks leave room to apply for a visa if it is refused. Planner estimate — G.
VISA_WEEKS = 4


@dataclass(frozen=True)
class Reminder:
    """One reminder: what (code and values), when it is due, what it is before, and its stable key."""

    code: str
    #: JSON-able: "start" (ISO, UTC) and "timezone" of what it reminds of; a preparation's catalog "text"…
    params: dict = field(hash=False, compare=False)
    #: when to send it (aware, UTC)
    due_at: datetime
    #: the instant of what it reminds of (aware, UTC); it is not sent once that has passed
    event_at: datetime
    #: "<trip>/<code>/<subject>/<local date of the event>"
    key: str


def trip_reminders(plan: Plan, request: TripRequest, catalog: Catalog, *, trip_key: str) -> tuple[Reminder, ...]:
    """The reminders of a trip's plan, by due time; every one is due before what it reminds of."""
    home = request.traveller.home_timezone
    found: list[Reminder] = []
    for appointment in plan.appointments:
        found += _preparations(plan, appointment, catalog, home, trip_key)
        if appointment.kind == StepKind.REMOTE and not appointment.in_person:
            due = _local_at(appointment.start - timedelta(days=1), MORNING, appointment.timezone)
            found.append(_reminder(VIDEO, appointment, due, trip_key, appointment.key))
    if not request.resident:
        found += _visits(plan, request, home, trip_key)
    return tuple(sorted((r for r in found if r.due_at < r.event_at), key=lambda r: (r.due_at, r.key)))


def _preparations(plan: Plan, appointment: Appointment, catalog: Catalog, home: str, trip_key: str) -> list[Reminder]:
    protocol = catalog.protocols.get(appointment.protocol)
    if protocol is None:
        return []
    try:
        step = protocol.step(appointment.step)
    except KeyError:
        return []
    found = []
    for index, note in enumerate(step.preparation):
        if note.hours_before <= 0:  # a general note: it is in the plan, not a dated reminder
            continue
        deadline = appointment.start - timedelta(hours=note.hours_before)
        zone = _zone_at(plan, deadline, home)
        if note.hours_before < 24:
            due = min(_local_at(appointment.start - timedelta(days=1), EVENING, zone), deadline - timedelta(hours=1))
            code = FASTING
        else:
            due = _local_at(deadline, MORNING, zone)
            if due > deadline:
                due = _local_at(deadline - timedelta(days=1), MORNING, zone)
            code = PREPARATION
        extra = {"text": note.text, "hours": note.hours_before}
        found.append(_reminder(code, appointment, due, trip_key, f"{appointment.key}-{index}", extra))
    return found


def _visits(plan: Plan, request: TripRequest, home: str, trip_key: str) -> list[Reminder]:
    found = []
    for visit in plan.visits:
        in_person = [a for a in plan.appointments if a.visit == visit.number and a.in_person]
        arrival = visit.arrival.astimezone(UTC)
        values = {"start": arrival.isoformat(), "timezone": "Asia/Seoul", "visit": visit.number}
        due = _local_at(arrival - timedelta(weeks=VISA_WEEKS), MORNING, home)
        visa = values | {"keta": request.needs_keta, "weeks": VISA_WEEKS}
        found.append(Reminder(VISA, visa, due, arrival, _key(trip_key, VISA, f"visit-{visit.number}", arrival, home)))
        if request.interpreter and in_person:
            first = min(in_person, key=lambda a: a.start)
            due = _local_at(first.start - timedelta(days=INTERPRETER_DAYS), MORNING, _zone_at(plan, first.start, home))
            extra = {"visit": visit.number, "days": INTERPRETER_DAYS}
            found.append(_reminder(INTERPRETER, first, due, trip_key, f"visit-{visit.number}", extra))
    return found


def _reminder(code: str, appointment: Appointment, due: datetime, trip_key: str, subject: str, extra=None) -> Reminder:
    start = appointment.start.astimezone(UTC)
    values = {"start": start.isoformat(), "timezone": appointment.timezone} | (extra or {})
    return Reminder(code, values, due, start, _key(trip_key, code, subject, start, appointment.timezone))


def _key(trip_key: str, code: str, subject: str, event_at: datetime, zone: str) -> str:
    return f"{trip_key}/{code}/{subject}/{event_at.astimezone(ZoneInfo(zone)).date().isoformat()}"


def _local_at(moment: datetime, clock: time, zone: str) -> datetime:
    """``clock`` on the local date of ``moment`` in ``zone``, as a UTC instant."""
    tz = ZoneInfo(zone)
    day = moment.astimezone(tz).date()
    return datetime.combine(day, clock, tzinfo=tz).astimezone(UTC)


def _zone_at(plan: Plan, moment: datetime, home: str) -> str:
    """Where the client is at ``moment``: in Seoul during a stay, else at home."""
    for visit in plan.visits:
        if visit.arrival <= moment and (visit.departure is None or moment <= visit.departure):
            return "Asia/Seoul"
    return home
