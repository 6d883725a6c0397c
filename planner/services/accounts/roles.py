"""What each role of an agency may do: one table, read by the web pages and the API alike.

- ``owner``: everything, and manages the members;
- ``coordinator``: plans, clients, trips, clinics, messages, quotes and payments, for the
  clients assigned to them (or every client when the owner lets coordinators see all);
- ``finance``: quotes, payments and receipts, with the client's name: never a plan or a note;
- ``viewer``: reads everything a coordinator who sees all reads, and changes nothing.
"""

from __future__ import annotations

from planner.models.agency import ROLES

#: each ability and the roles that have it
ABILITIES: dict[str, frozenset[str]] = {
    "health": frozenset({"owner", "coordinator", "viewer"}),  # plans, notes, appointments, messages
    "write": frozenset({"owner", "coordinator"}),  # change clients, trips, plans, clinics, links
    "money": frozenset(ROLES),  # read quotes, payments, receipts
    "money_write": frozenset({"owner", "coordinator", "finance"}),  # make quotes, record payments
    "members": frozenset({"owner"}),  # invite, remove, change roles
}


def can(user, ability: str) -> bool:
    """Whether the (logged-in, current) member may use ``ability`` (a key of ABILITIES)."""
    return getattr(user, "removed_at", None) is None and user.role in ABILITIES[ability]


def assigned_only(user) -> int | None:
    """The member's id when they see only the clients assigned to them (a coordinator, unless all are shown)."""
    if user.role == "coordinator" and not user.agency.coordinators_see_all:
        return user.id
    return None
