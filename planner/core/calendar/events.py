"""What goes into the calendar for one trip: appointments, rest days, flights, proposed trips."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from planner.core.calendar.entry import Alarm, Entry, in_zone, one_line, paragraph
from planner.core.calendar.flights import flight_entry
from planner.core.catalog import Catalog
from planner.core.model import Appointment, Clinic, Plan, Preparation, Step, StepKind, TripRequest
from planner.i18n import ENGLISH, Words

__all__ = ["Alarm", "Entry", "entries_for", "in_zone", "one_line", "paragraph"]


_ALL_DAY_KINDS = (StepKind.LAB, StepKind.REST)
#: added to each appointment of a plan that does not work yet (no treatment named: fine in discreet mode); the
#: reasons are said once, in the arrival day's note, not again on every event
NOT_YET = "Not final: this plan does not work yet (see the note on your arrival day and your plan before booking)."


def entries_for(
    plan: Plan,
    request: TripRequest,
    catalog: Catalog,
    *,
    confirmed: frozenset[str] = frozenset(),
    label: str = "",
    discreet: bool = False,
    words: Words = ENGLISH,
) -> tuple[Entry, ...]:
    """Every event of one trip, in a stable order (by start, then key), in the language of ``words``."""
    _ = words.gettext
    prefix = _("%(label)s: ", label=one_line(label)) if one_line(label) else ""
    entries: list[Entry] = []
    # each treatment's cautions go with its first appointment (the plan lists them in time order),
    # never in discreet mode
    first_of: dict[str, str] = {}
    for appointment in plan.appointments:
        first_of.setdefault(appointment.protocol, appointment.key)
    for appointment in plan.appointments:
        clinic = _clinic(catalog, appointment)
        step = _step(catalog, appointment)
        status = "CONFIRMED" if appointment.pinned or appointment.key in confirmed else "TENTATIVE"
        cautions = ()
        if not discreet and first_of.get(appointment.protocol) == appointment.key:
            cautions = catalog.protocols[appointment.protocol].cautions
        entry = _appointment(appointment, step, clinic, status, prefix, discreet, cautions, words)
        if not plan.feasible:  # the placed part of a plan that does not work: say so where it is read
            entry = replace(entry, description=f"{entry.description}\n{_(NOT_YET)}")
        entries.append(entry)
        if (appointment.invasive or step.invasive) and step.rest_days > 0:
            entries.append(_rest(appointment, step, clinic, status, prefix, discreet, words))
    clinic_zone = _clinic_zone(plan, catalog)
    for key, flight in (("flight-out", request.outbound), ("flight-home", request.inbound)):
        if flight is not None:
            entries.append(flight_entry(key, flight, request, prefix, clinic_zone, words))
    for visit in plan.visits:
        if visit.proposed and visit.number > 1:
            first = in_zone(visit.arrival, clinic_zone, f"visit {visit.number} arrival").date()
            last = first if visit.departure is None else in_zone(visit.departure, clinic_zone, "departure").date()
            what = _("Proposed trip") if discreet else _("Proposed trip %(number)s for treatment", number=visit.number)
            entries.append(
                Entry(
                    key=f"visit-{visit.number}",
                    title=f"{prefix}{what}",
                    start=first,
                    end=max(last, first) + timedelta(days=1),
                    status="TENTATIVE",
                    description=_("Dates proposed by the planner; book flights once the clinic confirms."),
                    transparent=True,
                )
            )
    if not plan.feasible or not entries:
        entries.append(_not_working(plan, clinic_zone, prefix, discreet, words))
    return tuple(sorted(entries, key=lambda e: (_instant(e.start, clinic_zone), e.key)))


def _not_working(plan: Plan, clinic_zone: str, prefix: str, discreet: bool, words: Words = ENGLISH) -> Entry:
    """An all-day note on the arrival day: the plan does not work yet (a calendar has one event at least)."""
    day = in_zone(plan.arrival, clinic_zone, "arrival").date()
    _ = words.gettext
    lines = [_("The planner could not fit every appointment into this trip yet; see your plan.")]
    if not discreet:
        lines += [paragraph(problem.message) for problem in plan.problems]
    return Entry(
        key="plan-status",
        title=f"{prefix}{_('Trip plan: not working yet')}",
        start=day,
        end=day + timedelta(days=1),
        status="TENTATIVE",
        description="\n".join(lines),
        transparent=True,
    )


def _instant(value: datetime | date, clinic_zone: str) -> datetime:
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return datetime(value.year, value.month, value.day, tzinfo=ZoneInfo(clinic_zone)).astimezone(UTC)


def _clinic_zone(plan: Plan, catalog: Catalog) -> str:
    """The zone of the clinics the trip goes to (dates of all-day items are counted there)."""
    for appointment in plan.appointments:
        clinic = catalog.clinics.get(appointment.clinic)
        if clinic is not None:
            return clinic.timezone
    return "Asia/Seoul"


def _clinic(catalog: Catalog, appointment: Appointment) -> Clinic:
    try:
        return catalog.clinics[appointment.clinic]
    except KeyError:
        message = f"appointment {appointment.key}: clinic {appointment.clinic!r} is not in the catalog"
        raise ValueError(message) from None


def _step(catalog: Catalog, appointment: Appointment) -> Step:
    try:
        return catalog.protocols[appointment.protocol].step(appointment.step)
    except KeyError:
        raise ValueError(
            f"appointment {appointment.key}: step {appointment.protocol}/{appointment.step} is not in the catalog"
        ) from None


def _appointment(
    appointment: Appointment,
    step: Step,
    clinic: Clinic,
    status: str,
    prefix: str,
    discreet: bool,
    cautions: tuple[str, ...] = (),
    words: Words = ENGLISH,
) -> Entry:
    _ = words.gettext
    field = f"appointment {appointment.key}"
    start = in_zone(appointment.start, appointment.timezone, f"{field} start")
    end = in_zone(appointment.end, appointment.timezone, f"{field} end")
    # Lab work (cell culture) takes no patient time and may last no minutes: it is an all-day item.
    all_day = appointment.kind in _ALL_DAY_KINDS
    if end < start or (end == start and not all_day):
        raise ValueError(f"{field}: end {end.isoformat()} is not after start {start.isoformat()}")
    clinic_name = words.catalog(clinic.name)
    address = words.catalog(clinic.address) if clinic.address else ""
    place = one_line(_("%(clinic)s, %(address)s", clinic=clinic_name, address=address) if address else clinic_name)
    remote = appointment.kind == StepKind.REMOTE and not appointment.in_person
    location = _("Video call with %(place)s", place=place) if remote else place
    notes = _preparations(appointment, step)
    if discreet:
        title = _("Appointment — %(clinic)s", clinic=one_line(clinic_name))
        lines = [_("Appointment; the details are in your plan.")]
        if notes:
            lines.append(_("Preparation needed before this appointment; see your plan."))
        alarms = tuple(Alarm(_before(note), _("Preparation reminder for your appointment")) for note in notes)
    else:
        title = one_line(appointment.title or words.catalog(step.title))
        lines = [paragraph(words.catalog(step.description or step.title))]
        lines += [_("Preparation: %(note)s", note=paragraph(words.catalog(note.text))) for note in notes]
        alarms = tuple(
            Alarm(_before(note), _("Preparation: %(note)s", note=one_line(words.catalog(note.text)))) for note in notes
        )
    if remote:
        lines.append(_("Times are in your home time zone (%(zone)s).", zone=appointment.timezone))
    if appointment.moved_by and not discreet:
        lines.append(_("Not earlier because %(reason)s.", reason=paragraph(appointment.moved_by)))
    if cautions:
        lines.append(_("Before this treatment:"))
        lines += [f"- {paragraph(words.catalog(text))}" for text in cautions]
    if all_day:
        return Entry(
            key=appointment.key,
            title=f"{prefix}{title}",
            start=start.date(),
            end=max(end.date(), start.date()) + timedelta(days=1),
            status=status,
            location=location,
            description="\n".join(lines),
            transparent=True,
        )
    return Entry(
        key=appointment.key,
        title=f"{prefix}{title}",
        start=start,
        end=end,
        status=status,
        location=location,
        description="\n".join(lines),
        alarms=alarms,
    )


def _preparations(appointment: Appointment, step: Step) -> tuple[Preparation, ...]:
    """The step's preparation notes, then any extra ones the scheduler attached."""
    known = {note.text for note in step.preparation}
    extra = tuple(Preparation(text) for text in appointment.preparation if text not in known)
    return step.preparation + extra


def _before(note: Preparation) -> timedelta:
    # A note without a lead time (a general instruction) is a reminder the day before.
    return timedelta(hours=note.hours_before) if note.hours_before > 0 else timedelta(days=1)


def _rest(
    appointment: Appointment,
    step: Step,
    clinic: Clinic,
    status: str,
    prefix: str,
    discreet: bool,
    words: Words = ENGLISH,
) -> Entry:
    _ = words.gettext
    day = in_zone(appointment.start, clinic.timezone, f"appointment {appointment.key} start").date()
    first = day + timedelta(days=1)
    title = (
        _("Rest days")
        if discreet
        else _("Rest after %(step)s", step=one_line(appointment.title or words.catalog(step.title)))
    )
    return Entry(
        key=f"rest-{appointment.key}",
        title=f"{prefix}{title}",
        start=first,
        end=first + timedelta(days=step.rest_days),
        status=status,
        description=words.ngettext(
            # the English keeps the golden files' "day(s)"; a translation has its plural forms
            "%(num)d day(s) of rest: no other procedure, keep the plans light.",
            "%(num)d day(s) of rest: no other procedure, keep the plans light.",
            step.rest_days,
        ),
        transparent=True,
    )
