"""The scheduler's working values: units to place, the trip's frame in minutes, where a unit went, why not."""

from __future__ import annotations

from dataclasses import dataclass

from planner.core.model import Clinic, Step


@dataclass(frozen=True)
class Unit:
    """One occurrence of a step of one treatment, to be placed."""

    treatment: int
    prefix: str  # protocol id, "~2"-suffixed for a repeated protocol
    step: Step
    n: int
    total: int
    clinic: Clinic
    visit: int
    pin: int | None = None  # fixed start in minutes


@dataclass(frozen=True)
class Frame:
    """The bounds of one trip in minutes; departure None while searching for the shortest stay."""

    arrival: int
    departure: int | None
    arrival_day: int
    jetlag_day: int  # first day an invasive step may happen
    low_risk_day: int  # first day a low-risk invasive step may happen (checkup, IV drip)
    departure_day: int | None
    last_day: int  # searching never goes past this day


@dataclass(frozen=True)
class Rules:
    """The travel rules the placer needs, in minutes."""

    arrival_minutes: int
    departure_minutes: int


@dataclass(frozen=True)
class Blocker:
    """Why a unit found no slot: the rule that closed its window last."""

    unit: int
    rule: str  # "window", "departure", "fly_after", "limit", "pin", "closed"
    anchor: int | None = None  # the unit the window is measured from
    days: int = 0  # the window's width or the fly-after days
    anchor_day: int | None = None


@dataclass(frozen=True)
class Placed:
    """Where a unit went, and the earliest day the date rules allowed it."""

    day: int
    start: int
    end: int
    earliest_day: int


def held_here(unit: Unit, placed: Placed, frame: Frame) -> bool:
    """Whether a remote step is held in person: it may be, and it is before its trip's flight home."""
    return unit.step.in_person_if_present and frame.departure is not None and placed.start < frame.departure
