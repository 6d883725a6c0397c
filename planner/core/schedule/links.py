"""How the units of one search relate to each other: worked out once, read at every candidate slot."""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.core.model import Step, StepKind
from planner.core.schedule.units import Placed, Unit

#: minutes between appointments at different clinics (getting across town)
CHANGE_CLINIC_MINUTES = 60


@dataclass
class Links:
    """One unit's relations to the others, worked out once per search."""

    in_person: bool
    remote: bool
    #: a remote step that is held in person on a day of the stay (``Step.in_person_if_present``)
    either: bool
    on_grid: bool
    previous: int | None  # the step's previous occurrence
    anchors: tuple  # (After rule, anchor unit) in rule order
    pinned: tuple  # (pinned unit, latest day, earliest day, pin day) for pins that depend on this unit
    same_step: tuple[int, ...]  # other occurrences of the step (per-week rule)
    rivals: tuple[tuple[int, int], ...]  # (invasive unit of another treatment, its rest days)
    meets: tuple[tuple[int, int], ...]  # (unit taking the patient's time, minutes needed between)
    followers: list[tuple[int, int]] = field(default_factory=list)  # (remote follow-up, window days)
    windows: list[tuple[int, int]] = field(default_factory=list)  # (free unit with a window from this one, days)


#: unit relations per unit list, shared by every placement and plan (re-planning keeps the treatments)
_SHARED: dict[tuple, tuple[tuple[Step, ...], list[Links]]] = {}
#: unit lists kept before the shared cache starts afresh
SHARED_LIMIT = 2_000


def links_of(units: list[Unit], placed: list[Placed | None]) -> list[Links]:
    """The relations of every unit (pinned units are already in ``placed``), read-only once built."""
    # links read only these values; the cached entry keeps its steps alive, so their ids stay theirs
    key = tuple(
        (id(u.step), u.treatment, u.n, u.total, u.clinic.id, None if u.pin is None else placed[k].day)
        for k, u in enumerate(units)
    )
    found = _SHARED.get(key)
    if found is None:
        if len(_SHARED) >= SHARED_LIMIT:
            _SHARED.clear()
        found = _SHARED[key] = (tuple(u.step for u in units), _build(units, placed))
    return found[1]


def _build(units: list[Unit], placed: list[Placed | None]) -> list[Links]:
    index = {(u.treatment, u.step.id, u.n): k for k, u in enumerate(units)}
    totals: dict[tuple[int, str], int] = {}
    steps: dict[tuple[int, str], list[int]] = {}
    for k, u in enumerate(units):
        totals.setdefault((u.treatment, u.step.id), u.total)
        steps.setdefault((u.treatment, u.step.id), []).append(k)
    shared = _Shared(
        index,
        totals,
        steps,
        pins=[(j, u) for j, u in enumerate(units) if u.pin is not None],
        invasive=[(j, u.treatment, u.step.rest_days) for j, u in enumerate(units) if u.step.invasive],
        takers=[
            (j, u.clinic.id)
            for j, u in enumerate(units)
            if u.step.kind is not StepKind.LAB and u.step.kind is not StepKind.REST
        ],
        meets={},
        taker_at={},
        rivals={},
    )
    shared.taker_at.update((j, k) for k, (j, _) in enumerate(shared.takers))
    links = [_unit_links(i, units, placed, shared) for i in range(len(units))]
    for j, i, max_days in _followers(units, links):
        links[i].followers.append((j, max_days))
    for i, found in enumerate(links):
        if units[i].pin is None:
            for rule, anchor in found.anchors:
                if rule.max_days is not None:
                    links[anchor].windows.append((i, rule.max_days))
    return links


@dataclass(frozen=True)
class _Shared:
    """Lookups over the whole unit list, built once for all units' links."""

    index: dict[tuple[int, str, int], int]
    totals: dict[tuple[int, str], int]
    steps: dict[tuple[int, str], list[int]]
    pins: list
    invasive: list[tuple[int, int, int]]
    takers: list[tuple[int, str]]
    #: per clinic id, (unit, minutes needed between) for every taker; per treatment, its rivals
    meets: dict[str, tuple[tuple[int, int], ...]]
    taker_at: dict[int, int]  # a taker's position in ``takers``
    rivals: dict[int, tuple[tuple[int, int], ...]]

    def meets_of(self, i: int, clinic: str) -> tuple[tuple[int, int], ...]:
        """Every other unit taking the patient's time, with the minutes needed between it and unit ``i``."""
        found = self.meets.get(clinic)
        if found is None:
            found = self.meets[clinic] = tuple(
                (j, CHANGE_CLINIC_MINUTES if other != clinic else 0) for j, other in self.takers
            )
        k = self.taker_at.get(i)
        return found if k is None else found[:k] + found[k + 1 :]

    def rivals_of(self, treatment: int) -> tuple[tuple[int, int], ...]:
        """The invasive units of the other treatments, with their rest days."""
        found = self.rivals.get(treatment)
        if found is None:
            found = self.rivals[treatment] = tuple((j, rest) for j, t, rest in self.invasive if t != treatment)
        return found


def _unit_links(i: int, units: list[Unit], placed: list[Placed | None], shared: _Shared) -> Links:
    unit, step = units[i], units[i].step
    anchors = []
    for rule in step.after:
        total = shared.totals.get((unit.treatment, rule.step), 0)
        key = (unit.treatment, rule.step, 1 if rule.anchor == "first" else total)
        other = shared.index.get(key) if total else None
        if other is not None:
            anchors.append((rule, other))
    pinned = []
    for j, other in shared.pins:
        if other.treatment != unit.treatment or j == i:
            continue
        pin_day = placed[j].day
        if other.step.id == step.id and other.n > unit.n:
            pinned.append((j, pin_day - step.min_gap_days * (other.n - unit.n), -(10**6), pin_day))
        for rule in other.step.after:
            if rule.step == step.id and unit.n == (1 if rule.anchor == "first" else unit.total):
                earliest = pin_day - rule.max_days if rule.max_days is not None else -(10**6)
                pinned.append((j, pin_day - rule.min_days, earliest, pin_day))
    takes_time = step.kind.in_person or step.kind is StepKind.REMOTE
    clinic = unit.clinic.id
    return Links(
        in_person=step.kind.in_person,
        remote=step.kind is StepKind.REMOTE,
        either=step.kind is StepKind.REMOTE and step.in_person_if_present,
        on_grid=on_grid(step),
        previous=shared.index.get((unit.treatment, step.id, unit.n - 1)),
        anchors=tuple(anchors),
        pinned=tuple(pinned),
        same_step=tuple(j for j in shared.steps[(unit.treatment, step.id)] if j != i),
        rivals=shared.rivals_of(unit.treatment) if step.invasive else (),
        meets=shared.meets_of(i, clinic) if takes_time else (),
    )


def _followers(units: list[Unit], links: list[Links]):
    """(remote follow-up, its anchor, window days) for the free follow-ups with one window, from a free unit."""
    for j, other in enumerate(units):
        found = links[j]
        if not found.remote or found.either or other.pin is not None or found.pinned or found.previous is not None:
            continue
        if len(found.anchors) != 1:
            continue
        rule, anchor = found.anchors[0]
        if units[anchor].pin is None and len(other.step.after) == 1 and rule.max_days is not None:
            yield j, anchor, rule.max_days


def on_grid(step: Step) -> bool:
    """Whether a step needs an open interval (and so starts on the grid)."""
    return step.needs_clinic_open and step.kind is not StepKind.REST
