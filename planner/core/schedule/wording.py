"""How the scheduler names things for patients: keys, titles, dates, closures."""

from __future__ import annotations

from datetime import date

from planner.core.model import Clinic
from planner.core.schedule.units import Unit


def key_of(unit: Unit) -> str:
    """The appointment key of a unit: "<protocol>-<step>-<n>"."""
    return f"{unit.prefix}-{unit.step.id}-{unit.n}"


def title_of(unit: Unit, here: bool = False) -> str:
    """The step title (its in-person title when ``here``), with "(n of N)" for repeated steps."""
    title = unit.step.held_in_person_title() if here else unit.step.title
    return title if unit.total == 1 else f"{title} ({unit.n} of {unit.total})"


def zone_name(zone: str) -> str:
    """A zone as people name it in a sentence: "Seoul time" (the page's Babel names are richer; see views)."""
    return f"{zone.rsplit('/', 1)[-1].replace('_', ' ')} time"


def long_date(day: date) -> str:
    """A date for patients: "Friday 14 March"."""
    return f"{day:%A} {day.day} {day:%B}"


def short_date(day: date) -> str:
    """A date without the weekday: "14 March"."""
    return f"{day.day} {day:%B}"


def closure_reason(clinic: Clinic, day: date) -> str:
    """Why a clinic is shut on a date when that is a holiday or closure (not its weekly day off)."""
    reason = clinic.closed_reason(day)
    if reason is None or reason.endswith("s closed"):
        return ""
    if reason in ("closed", "clinic closure"):
        return f"the clinic is closed on {short_date(day)}"
    return f"{short_date(day)} is {reason}"
