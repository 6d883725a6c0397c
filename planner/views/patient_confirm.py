"""The patient's confirmation pages: replacing or revoking the private link, deleting the trip."""

from __future__ import annotations

from flask import redirect, url_for

from planner.services.planning import trips
from planner.views.confirm import Confirmation, answer, to_the_question

_CSS = "css/planner.css"
#: action → (question, what happens, what cannot be undone, button)
_WORDS = {
    "replace_link": (
        "Replace your private link?",
        "You get a new address for this trip; the one you have now (and any copy you sent or bookmarked)"
        " stops working.",
        "The old address cannot be brought back: bookmark the new one.",
        "Replace the link",
    ),
    "revoke_link": (
        "Revoke your private link?",
        "Nobody can open this trip any more, you included: the trip stays stored, but this address is its only key.",
        "A revoked link cannot be turned back on, and the trip cannot be reached again.",
        "Revoke the link",
    ),
    "delete": (
        "Delete this trip?",
        "This deletes the trip, its confirmed times and everything saved with it; this address stops working.",
        "A deleted trip cannot be brought back. Download the calendar first if you want to keep the dates.",
        "Delete the trip",
    ),
}


def question_of(token: str, action: str) -> Confirmation:
    """What the action does, for its confirmation page (404 for a dead link; nothing is written)."""
    trips.saved_scenario(token)  # 404 for a dead link
    title, what, undo, button = _WORDS[action]
    back = url_for("planner.trip", token=token)
    return Confirmation(title, what, undo, url_for(f"planner.{action}", token=token), button, back, _CSS)


def confirmed_or_refused(token: str, action: str):
    """None when the POST carries its confirmation; otherwise where to send the browser (nothing is done)."""
    question = question_of(token, action)
    said = answer()
    if said == "confirmed":
        return None
    # an expired form goes back to the trip (as before); a missing confirmation to the question
    return redirect(question.back) if said == "expired" else to_the_question(question.action)
