"""What the plan page shows: month grids, each day with its appointments, follow-ups, one-click fixes."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from planner.core.model import Appointment, Clinic, Day, Notice, StepKind, holiday_name
from planner.i18n import DEFAULT_LOCALE, ENGLISH, Words
from planner.services.planning.plans import PlannedTrip, edge_words
from planner.services.planning.zones import difference_to_seoul
from planner.wording import fix_label

#: the locale of a page made without naming one (the callers pass the request's Words)
LOCALE = DEFAULT_LOCALE
_WEEKS = calendar.Calendar(firstweekday=calendar.MONDAY)


@dataclass(frozen=True)
class Cell:
    """One date of a month grid; ``kind`` is None outside the stay."""

    day: date
    kind: str | None = None
    appointments: int = 0
    #: the name of Korea's public holiday on this date (the clinics close), or None
    holiday: str | None = None
    #: True on the days of a trip the planner proposes (a second trip not booked yet)
    proposed: bool = False


@dataclass(frozen=True)
class Month:
    """A month of the stay as weeks from Monday; None pads the first and last week."""

    first: date
    weeks: tuple[tuple[Cell | None, ...], ...]

    @property
    def cells(self) -> tuple[Cell, ...]:
        """The month's dates, without the padding."""
        return tuple(cell for week in self.weeks for cell in week if cell is not None)


@dataclass(frozen=True)
class Visit:
    """An appointment as the page shows it: times in its display zone, its clinic and length."""

    appointment: Appointment
    clinic: Clinic | None
    start: datetime
    end: datetime

    @property
    def minutes(self) -> int:
        """How long the visit takes."""
        return int((self.end - self.start).total_seconds() // 60)


@dataclass(frozen=True)
class DayEntry:
    """One day of the stay with its visits, in time order."""

    day: Day
    visits: tuple[Visit, ...]


@dataclass(frozen=True)
class FixOffer:
    """A problem's fix as one button: its words and the hidden fields the button posts."""

    label: str
    fields: dict[str, str]


@dataclass(frozen=True)
class PlanPage:
    """What the plan partials show of a planned trip, on the patient's page and the facilitator's."""

    planned: PlannedTrip
    months: tuple[Month, ...]
    days: tuple[DayEntry, ...]
    follow_ups: tuple[Visit, ...]
    #: one button (or None) per problem, in the plan's order of problems
    offers: tuple[FixOffer | None, ...]
    #: Seoul's clock against the traveller's home on the day they land
    difference: str

    @property
    def plan(self):
        """The engine's plan."""
        return self.planned.plan

    @property
    def budget(self):
        """The plan's budget."""
        return self.planned.budget


def _visit(appointment: Appointment, planned: PlannedTrip) -> Visit:
    zone = ZoneInfo(appointment.timezone)
    clinic = planned.catalog.clinics.get(appointment.clinic)
    return Visit(appointment, clinic, appointment.start.astimezone(zone), appointment.end.astimezone(zone))


def months(planned: PlannedTrip) -> tuple[Month, ...]:
    """Month grids for every month that has a day of the stay."""
    days = {day.date: day for day in planned.plan.days}
    # a first trip's "shortest stay" is proposed too, but only a later trip is not booked at all
    proposed = {visit.number for visit in planned.plan.visits if visit.proposed and visit.number > 1}
    firsts = sorted({d.replace(day=1) for d in days})
    result = []
    for first in firsts:
        weeks = []
        for week in _WEEKS.monthdatescalendar(first.year, first.month):
            cells = []
            for d in week:
                if d.month != first.month:
                    cells.append(None)
                elif d in days:
                    day = days[d]
                    cells.append(Cell(d, day.kind, len(day.appointments), holiday_name("KR", d), day.visit in proposed))
                else:
                    cells.append(Cell(d, holiday=holiday_name("KR", d)))
            weeks.append(tuple(cells))
        result.append(Month(first, tuple(weeks)))
    return tuple(result)


def day_entries(planned: PlannedTrip) -> tuple[DayEntry, ...]:
    """Every day of the stay with its in-person visits."""
    by_key = {a.key: a for a in planned.plan.appointments}
    return tuple(
        DayEntry(day, tuple(_visit(by_key[key], planned) for key in day.appointments if key in by_key))
        for day in planned.plan.days
    )


def follow_ups(planned: PlannedTrip) -> tuple[Visit, ...]:
    """Video follow-ups once home, in the patient's home time."""
    return tuple(_visit(a, planned) for a in planned.plan.appointments if a.kind is StepKind.REMOTE and not a.in_person)


def fix_offer(notice: Notice, words: Words | None = None) -> FixOffer | None:
    """The button for a problem's fix ("Stay until April 5"), None when the engine has no fix.

    The button sends every part of the fix and its label names each ("Arrive on March 3, leave on March 12"),
    in ``words``' language (default: the request's).
    """
    fix = notice.fix
    fields = {f"fix_{name}": fix[name] for name in ("departure", "arrival", "count", "treatment") if fix.get(name)}
    label = fix_label(fix, words or edge_words())
    return FixOffer(label, fields) if label else None


def plan_page(planned: PlannedTrip, words: Words | None = None) -> PlanPage:
    """The plan page's calendar, days, follow-ups, fix buttons and time difference, in ``words``' locale
    (the request's when called under one, else English)."""
    words = words or _request_words()
    home = planned.request.traveller.home_timezone
    return PlanPage(
        planned,
        months(planned),
        day_entries(planned),
        follow_ups(planned),
        tuple(fix_offer(notice, words) for notice in planned.plan.problems),
        difference_to_seoul(home, planned.request.arrival, words),
    )


def _request_words() -> Words:
    """The request's Words under a Flask request (the facilitator's and the shared pages), else English."""
    from flask import has_request_context

    if not has_request_context():
        return ENGLISH
    from planner.i18n.web import current_words

    return current_words()
