"""The SQL conditions of what a member sees: their agency's rows, and only their clients' when the role says so.

``coordinator_id`` is planner.services.accounts.roles.assigned_only(user): None for a member who
sees every client of the agency, the member's id for a coordinator who sees only theirs.
"""

from __future__ import annotations

from sqlalchemy import select

from planner.models import Client, Trip


def client_scope(owner_id: int, coordinator_id: int | None = None) -> tuple:
    """The conditions on Client of the clients a member sees."""
    if coordinator_id is None:
        return (Client.owner_id == owner_id,)
    return (Client.owner_id == owner_id, Client.coordinator_id == coordinator_id)


def trip_scope(owner_id: int, coordinator_id: int | None = None) -> tuple:
    """The conditions on Trip of the trips a member sees."""
    if coordinator_id is None:
        return (Trip.owner_id == owner_id,)
    mine = select(Client.id).where(*client_scope(owner_id, coordinator_id))
    return (Trip.owner_id == owner_id, Trip.client_id.in_(mine))
