"""Who is acting in this request: the logged-in member or the API token's account, for the histories.

The workspace gate and the API's ``token_required`` set it; a patient's own page, the command line
and background jobs leave it None (a trip's history then says "by the patient" or names the cause).
"""

from __future__ import annotations

from contextvars import ContextVar

_acting: ContextVar[int | None] = ContextVar("planner_acting_user", default=None)


def act_as(user_id: int | None) -> None:
    """Name the account acting until the end of the request (None: nobody)."""
    _acting.set(user_id)


def acting_user_id() -> int | None:
    """The account acting in this request, or None."""
    return _acting.get()
