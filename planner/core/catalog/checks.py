"""Rules across a protocol's steps: unique ids, known and acyclic ordering, visits, the shared count."""

from __future__ import annotations

from planner.core.catalog.reader import Invalid
from planner.core.model import Protocol


def check_steps(protocol: Protocol) -> None:
    """Rules across steps: unique ids, known and acyclic ordering, visits, the shared count."""
    index: dict[str, int] = {}
    for i, step in enumerate(protocol.steps):
        if step.id in index:
            raise Invalid(f"steps[{i}].id", code="duplicate_step", step=step.id, other=index[step.id])
        index[step.id] = i
    for i, step in enumerate(protocol.steps):
        for j, after in enumerate(step.after):
            path = f"steps[{i}].after[{j}].step"
            if after.step == step.id:
                raise Invalid(path, code="after_itself", step=step.id)
            if after.step not in index:
                raise Invalid(path, code="unknown_step", step=after.step)
            if protocol.steps[index[after.step]].visit > step.visit:
                raise Invalid(path, code="later_visit", step=after.step, other=step.id)
    _check_cycles(protocol, index)
    visits = sorted({s.visit for s in protocol.steps})
    if visits != list(range(1, len(visits) + 1)):
        raise Invalid("steps", code="visit_gaps", visits=str(visits))
    if len(visits) > 1 and protocol.visit_gap is None:
        raise Invalid("visit_gap", code="gap_missing", visits=len(visits))
    if len(visits) == 1 and protocol.visit_gap is not None:
        raise Invalid("visit_gap", code="gap_unneeded")
    if protocol.min_stay is not None and len(protocol.min_stay.days) != len(visits):
        raise Invalid("min_stay.days", code="min_stay_count", visits=len(visits), given=len(protocol.min_stay.days))
    _check_count(protocol)


def _check_cycles(protocol: Protocol, index: dict[str, int]) -> None:
    state: dict[str, str] = {}

    def visit(step_id: str, chain: list[str]) -> None:
        if state.get(step_id) == "done":
            return
        if state.get(step_id) == "open":
            loop = " → ".join([*chain[chain.index(step_id) :], step_id])
            raise Invalid(f"steps[{index[step_id]}].after", code="cycle", loop=loop)
        state[step_id] = "open"
        for after in protocol.steps[index[step_id]].after:
            visit(after.step, [*chain, step_id])
        state[step_id] = "done"

    for step in protocol.steps:
        visit(step.id, [])


def _check_count(protocol: Protocol) -> None:
    counted = protocol.counted_steps
    if counted and protocol.count is None:
        raise Invalid("count", code="count_missing", step=counted[0].id)
    if protocol.count is not None and not counted:
        raise Invalid("count", code="count_unneeded")
    if counted:
        reachable = sum(s.count.max for s in counted)
        if reachable < protocol.count.max:
            raise Invalid("count.max", code="count_unreachable", max=protocol.count.max, reachable=reachable)
