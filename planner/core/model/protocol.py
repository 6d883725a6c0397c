"""Treatment protocols: a protocol is a few steps, each a kind of visit with its rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from decimal import Decimal
from enum import StrEnum


class StepKind(StrEnum):
    """What kind of visit a step is."""

    CONSULTATION = "consultation"
    PROCEDURE = "procedure"  # invasive
    SESSION = "session"  # a repeated treatment
    CHECK = "check"  # in person, after a procedure
    REMOTE = "remote"  # video follow-up once home
    LAB = "lab"  # work at the clinic that needs no visit (cell culture)
    REST = "rest"  # recovery days

    @property
    def in_person(self) -> bool:
        """Whether the patient has to be at the clinic."""
        return self in (StepKind.CONSULTATION, StepKind.PROCEDURE, StepKind.SESSION, StepKind.CHECK)


@dataclass(frozen=True)
class Count:
    """How many times a step (or a protocol's counted steps) happens."""

    min: int
    max: int
    default: int


@dataclass(frozen=True)
class After:
    """An ordering rule: this step comes after another step by min..max days.

    Days are counted between calendar dates in the clinic's zone; 0 means the same day is
    allowed (and then this step starts after the other one ends). ``max_days`` None means no
    upper bound. ``anchor`` is which occurrence of the other step the window is measured from.
    """

    step: str
    min_days: int = 0
    max_days: int | None = None
    anchor: str = "last"  # "first" or "last"


@dataclass(frozen=True)
class PriceRange:
    """A price range per occurrence in one currency (Decimal amounts)."""

    low: Decimal
    typical: Decimal
    high: Decimal
    currency: str
    source: str = ""


@dataclass(frozen=True)
class Preparation:
    """A preparation instruction that becomes a reminder before the visit."""

    text: str
    hours_before: int = 0  # e.g. fasting 8 hours before; 0 = general note
    source: str = ""


@dataclass(frozen=True)
class Step:
    """One kind of visit within a protocol, with its rules."""

    id: str
    kind: StepKind
    title: str
    minutes: int
    count: Count = Count(1, 1, 1)
    #: share of the protocol's sessions count (see Protocol.counted_steps)
    counted: bool = False
    #: at most N occurrences in any rolling 7 days (None = no limit)
    per_week_max: int | None = None
    #: at least N calendar days between two occurrences of this step (0 = same day allowed)
    min_gap_days: int = 1
    after: tuple[After, ...] = ()
    needs_clinic_open: bool = True
    invasive: bool = False
    #: an invasive step of low risk (a checkup under light sedation, an IV drip): a shorter jet-lag wait
    low_risk: bool = False
    #: days after this step on which no other invasive step may happen
    rest_days: int = 0
    #: the earliest long-haul flight is this many days after the step (0 = same day)
    fly_after_days: int = 0
    #: which trip it belongs to, for protocols that need two trips
    visit: int = 1
    #: price per occurrence by clinic tier ("*" = any tier)
    prices: dict[str, PriceRange] = field(default_factory=dict, hash=False, compare=False)
    preparation: tuple[Preparation, ...] = ()
    description: str = ""
    source: str = ""
    #: the latest start, clinic local time (a fasting checkup runs in the morning); None = any time
    latest_start: time | None = None
    #: a remote step the clinic may hold in person: while the patient is still there, it is a visit
    in_person_if_present: bool = False
    #: the title of that visit ("" = the step's title)
    in_person_title: str = ""

    def held_in_person_title(self) -> str:
        """The title when the step is held in person."""
        return self.in_person_title or self.title

    def price_for(self, tier: str) -> PriceRange | None:
        """The price range for a clinic tier, falling back to the any-tier price."""
        return self.prices.get(tier) or self.prices.get("*")


@dataclass(frozen=True)
class VisitGap:
    """Days between the end of trip 1 and the start of trip 2 for two-trip protocols."""

    min_days: int
    typical_days: int
    max_days: int
    source: str = ""


@dataclass(frozen=True)
class MinStay:
    """The fewest days of each trip (arrival and departure dates counted), with the source."""

    days: tuple[int, ...]  # one per visit
    source: str = ""


@dataclass(frozen=True)
class Protocol:
    """A treatment template: ordered steps with rules, prices and sources."""

    id: str
    name: str
    category: str
    summary: str
    steps: tuple[Step, ...]
    #: the number of counted occurrences (sessions) the patient may choose
    count: Count | None = None
    visit_gap: VisitGap | None = None
    #: typical stay in days (low, high) shown to patients
    typical_stay: tuple[int, int] | None = None
    #: the fewest days of each trip, when the sources give more than the steps need (dental trip 1 ≥ 3)
    min_stay: MinStay | None = None
    cautions: tuple[str, ...] = ()
    insurance_note: str = ""
    #: whether Korean National Health Insurance partly covers it for residents
    nhi_covered: bool = False
    sources: tuple[str, ...] = ()

    def step(self, step_id: str) -> Step:
        """The step with this id (KeyError if none)."""
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    @property
    def counted_steps(self) -> tuple[Step, ...]:
        """Steps that share the patient's chosen count, in order (intensive, maintenance)."""
        return tuple(s for s in self.steps if s.counted)

    @property
    def visits(self) -> int:
        """How many trips the protocol needs at most."""
        return max(s.visit for s in self.steps)

    def occurrences(self, chosen: int | None) -> dict[str, int]:
        """How many times each step happens for a chosen count (None = the default).

        The chosen count fills the counted steps in order, each up to its own maximum and the
        last one taking the rest; uncounted steps happen ``count.default`` times.
        """
        result = {s.id: s.count.default for s in self.steps if not s.counted}
        counted = self.counted_steps
        if counted:
            remaining = chosen if chosen is not None else (self.count.default if self.count else 0)
            for i, step in enumerate(counted):
                take = remaining if i == len(counted) - 1 else min(remaining, step.count.max)
                result[step.id] = take
                remaining -= take
        return result
