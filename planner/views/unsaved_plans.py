"""Unsaved plans kept in the browser's own session cookie, so that planning can answer with a redirect.

Planning and its one-click fixes are POSTs; each one keeps its scenario here under a short random
id and redirects to ``GET /plan/unsaved/<id>``, so Back and reload never ask to send a form again
and "Change my answers" rebuilds the form. Nothing is stored on the server: the scenario rides in
Flask's signed session cookie (the same cookie as the CSRF token), which ends with the browser
session, and never in a URL (the query string would reach access logs). The few latest plans are
kept, as long as the cookie stays well under the 4 kB browsers accept.
"""

from __future__ import annotations

import json
import secrets

from flask import session

#: the session key: a list of [id, scenario JSON, discreet], oldest first
KEY = "unsaved_plans"
#: how many plans a browser keeps (Back through a few fixes)
KEPT = 6
#: at most this many characters of JSON for every kept plan together (the cookie compresses it)
BUDGET = 2400


def _entries() -> list[list]:
    entries = session.get(KEY)
    if not isinstance(entries, list):
        return []
    return [e for e in entries if isinstance(e, list) and len(e) == 3 and all(isinstance(v, str) for v in e[:2])]


def keep(scenario: dict, discreet: bool) -> str | None:
    """Keep a planned scenario; its id, or None when it is too large for the cookie."""
    entry = [secrets.token_urlsafe(6), json.dumps(scenario, sort_keys=True, separators=(",", ":")), bool(discreet)]
    if len(json.dumps([entry])) > BUDGET:
        return None  # the plans kept before stay as they were
    entries = [*_entries(), entry][-KEPT:]
    while len(json.dumps(entries)) > BUDGET:
        entries = entries[1:]
    session[KEY] = entries
    return entry[0]


def kept(plan_id: str) -> tuple[dict | None, bool]:
    """The scenario and discreet choice kept under ``plan_id``; (None, False) when this browser has no such plan."""
    for entry_id, text, discreet in _entries():
        if entry_id == plan_id:
            return json.loads(text), bool(discreet)
    return None, False
