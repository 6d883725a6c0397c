"""How the scheduler names things for the edge: keys, titles and closures as codes and values.

The words themselves are chosen at the edge, in the caller's language (``planner.wording``):
the core hands over catalog texts (step titles), ISO dates and numbers.
"""

from __future__ import annotations

from datetime import date

from planner.core.model import Clinic
from planner.core.schedule.units import Unit


def key_of(unit: Unit) -> str:
    """The appointment key of a unit: "<protocol>-<step>-<n>"."""
    return f"{unit.prefix}-{unit.step.id}-{unit.n}"


def name_of(unit: Unit, here: bool = False) -> str:
    """The step's catalog title (its in-person title when ``here``)."""
    return unit.step.held_in_person_title() if here else unit.step.title


def title_of(unit: Unit, here: bool = False) -> dict:
    """A unit's title as values: the catalog title, which occurrence and of how many ("(2 of 5)" at the edge)."""
    return {"title": name_of(unit, here), "n": unit.n, "total": unit.total}


def closure_reason(clinic: Clinic, day: date) -> tuple[str, dict] | None:
    """Why a clinic is shut on a date when that is a holiday or closure (not its weekly day off): a code and values."""
    reason = clinic.closed_reason(day)
    if reason is None or reason.endswith("s closed"):
        return None
    if reason in ("closed", "clinic closure"):
        return "closure", {"date": day.isoformat()}
    return "holiday", {"date": day.isoformat(), "name": reason}
