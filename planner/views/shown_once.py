"""A new secret address, shown once after POST → redirect → GET, so that a reload never makes another.

The POST that makes a link or a feed keeps its token in the signed, HttpOnly session cookie
(never in the database unhashed, never in a log, never in a URL); the page it redirects to takes
it out and shows it. Taken once, it is gone: a reload, Back or another tab shows no address.
"""

from __future__ import annotations

from flask import session

KEY = "shown_once"
#: the last "Discreet titles" choice, so the next feed form is ticked as the facilitator left it
DISCREET_KEY = "feed_discreet"


def keep(kind: str, target: int, token: str) -> None:
    """Hold ``token`` for the next page that shows a ``kind`` ("link", "feed") of ``target`` (an id)."""
    session[KEY] = {"kind": kind, "target": target, "token": token}


def take(kind: str, target: int) -> str | None:
    """The token kept for this page, removed from the session; None when there is none (or another's)."""
    if KEY not in session:
        return None
    # popped whoever asks: a token its own page did not show at once is never shown later
    slot = session.pop(KEY, None)
    if not isinstance(slot, dict) or slot.get("kind") != kind or slot.get("target") != target:
        return None
    return slot.get("token")


def remember_discreet(discreet: bool) -> None:
    """Keep the facilitator's last choice of discreet titles for the next feed form."""
    session[DISCREET_KEY] = bool(discreet)


def discreet_choice() -> bool:
    """The last choice of discreet titles; discreet until the facilitator unticks it."""
    return bool(session.get(DISCREET_KEY, True))
