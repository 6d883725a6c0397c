"""The shortest stay of a trip, kept across plans: a booked departure asks for its order and its date."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from planner.core.catalog import Catalog
from planner.core.schedule.context import Context, Outcome

#: per (request without its departure, catalog id): the shortest stay's order and departure, shared by plans
_SHORTEST: dict[tuple, tuple[Catalog, tuple[int, ...] | None, int | None]] = {}
#: requests kept before the shared cache starts afresh
SHORTEST_LIMIT = 2_000


def shortest_of(
    ctx: Context, catalog: Catalog, search: Callable[[Context], Outcome]
) -> tuple[tuple[int, ...] | None, int | None]:
    """The shortest stay's order and departure (minutes; None: it cannot work), searched once per trip.

    It does not depend on the booked departure, and a plan with a departure needs it twice: to place
    in the shortest stay's order, and to say "you could leave on …". The entry keeps its catalog, so
    that catalog's id stays its own.
    """
    key = (replace(ctx.request, departure=None), id(catalog))
    found = _SHORTEST.get(key)
    if found is None:
        if len(_SHORTEST) >= SHORTEST_LIMIT:
            _SHORTEST.clear()
        best = search(ctx)
        found = _SHORTEST[key] = (catalog, best.order, best.trips[0][1] if best.feasible else None)
    return found[1], found[2]
