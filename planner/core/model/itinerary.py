"""The plan: what the scheduler decided — appointments, days, problems and warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from planner.core.model.protocol import StepKind


@dataclass(frozen=True)
class Appointment:
    """One occurrence of a step, placed at a time (aware datetimes)."""

    #: stable within a trip: "<protocol>-<step>-<n>" (used for calendar UIDs and pins)
    key: str
    protocol: str
    step: str
    occurrence: int  # 1-based
    kind: StepKind
    title: str
    start: datetime
    end: datetime
    clinic: str  # clinic id
    visit: int = 1
    invasive: bool = False
    pinned: bool = False
    #: display time zone: the clinic's, or the patient's home zone for remote follow-ups
    timezone: str = "Asia/Seoul"
    preparation: tuple[str, ...] = ()
    #: why it is not earlier, in words (filled at the edge by ``planner.wording.localize``)
    moved_by: str = ""
    #: a remote step held at the clinic because the patient is still there (``Step.in_person_if_present``)
    held_in_person: bool = False
    #: why it is not earlier, as a code ("holiday", "closure"; "" when nothing pushed it) and its values
    moved_code: str = ""
    moved_params: dict = field(default_factory=dict, hash=False, compare=False)
    #: what the edge titles it with: the step's catalog title (its in-person title when held in person)
    #: and how many occurrences the step has ("(2 of 5)")
    name: str = ""
    total: int = 1

    @property
    def in_person(self) -> bool:
        """Whether the patient has to be at the clinic."""
        return self.kind.in_person or self.held_in_person


@dataclass(frozen=True)
class Notice:
    """A problem (the trip cannot work as asked) or a warning (it can, with a caveat)."""

    code: str  # machine-readable, e.g. "stay_too_short", "clot_risk", "holiday_moved" (stable: in the API)
    #: one or two plain sentences, filled at the edge in the caller's language (``planner.wording``)
    message: str = ""
    #: for problems, a suggested fix the UI can apply ("departure" → an ISO datetime, …)
    fix: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    protocol: str = ""
    step: str = ""
    #: which sentence says it (a code can have several: "pin_outside_stay" …; "" → the code's own)
    text: str = ""
    #: the sentence's values, JSON-able: ISO dates, numbers, ids, catalog titles as catalog texts
    params: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Unscheduled:
    """An occurrence a plan that does not work could not place, and why in plain words."""

    protocol: str
    step: str
    occurrence: int  # 1-based
    title: str  # the step's catalog title; "(n of N)" is added at the edge
    reason: str  # one plain sentence, filled at the edge (``planner.wording``)
    #: the rule that closed its window: "stay_too_short", "fit_to_fly", "window_missed", "pin_conflict",
    #: "cannot_fit", or "waits_for_unscheduled" (an earlier step it depends on is not placed)
    rule: str
    clinic: str = ""  # clinic id (the budget prices it at this clinic's tier)
    visit: int = 1
    total: int = 1
    name: str = ""  # the step's catalog title (``title`` is worded at the edge from it)
    #: the reason's values, JSON-able (its sentence is chosen by ``rule``)
    params: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Day:
    """One date of a stay and what happens on it."""

    date: date
    #: "arrival", "departure", "appointments", "rest", "free", "travel" (arrival and departure)
    kind: str
    appointments: tuple[str, ...] = ()  # appointment keys
    note: str = ""  # in words, filled at the edge (``planner.wording``)
    visit: int = 1
    #: why the day is marked: "holiday", "closure", "rest_after" ("" for none) and its values
    note_code: str = ""
    note_params: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Visit:
    """One trip to the clinics (two-trip protocols have two)."""

    number: int
    arrival: datetime
    departure: datetime | None
    #: True when the planner proposes these dates (a second trip, or the shortest stay)
    proposed: bool = False


@dataclass(frozen=True)
class Plan:
    """The scheduler's answer for a trip request."""

    feasible: bool
    arrival: datetime
    departure: datetime | None
    #: the earliest departure the treatments allow (None if they cannot fit at all)
    earliest_departure: datetime | None
    appointments: tuple[Appointment, ...]
    days: tuple[Day, ...]
    visits: tuple[Visit, ...]
    problems: tuple[Notice, ...] = ()
    warnings: tuple[Notice, ...] = ()
    #: whole days after arrival before an invasive step may happen
    jetlag_buffer_days: int = 0
    #: occurrences a plan that does not work could not place (its appointments are the placed part)
    unscheduled: tuple[Unscheduled, ...] = ()
