"""The patient's confirmation pages and actions: replacing or revoking the private link, deleting the trip."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from planner import limits
from planner.security import no_store
from planner.services.planning import trips
from planner.views.confirm import Confirmation, answer, ask, to_the_question

_CSS = "css/planner.css"
#: action → (question, what happens, what cannot be undone, button)
_WORDS = {
    "replace_link": (
        _l("Replace your private link?"),
        _l(
            "You get a new address for this trip; the one you have now (and any copy you sent or bookmarked)"
            " stops working."
        ),
        _l("The old address cannot be brought back: bookmark the new one."),
        _l("Replace the link"),
    ),
    "revoke_link": (
        _l("Revoke your private link?"),
        _l(
            "Nobody can open this trip any more, you included: the trip stays stored, but this address is its only key."
        ),
        _l("A revoked link cannot be turned back on, and the trip cannot be reached again."),
        _l("Revoke the link"),
    ),
    "delete": (
        _l("Delete this trip?"),
        _l("This deletes the trip, its confirmed times and everything saved with it; this address stops working."),
        _l("A deleted trip cannot be brought back. Download the calendar first if you want to keep the dates."),
        _l("Delete the trip"),
    ),
}


def question_of(token: str, action: str) -> Confirmation:
    """What the action does, for its confirmation page (404 for a dead link; nothing is written)."""
    trips.saved_scenario(token)  # 404 for a dead link
    title, what, undo, button = (str(text) for text in _WORDS[action])
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


@limits.token_pages
@no_store
def ask_first(token: str):
    """The confirmation page of replacing or revoking the private link, or deleting the trip."""
    action = {"replace": "replace_link", "revoke": "revoke_link"}.get(request.path.rsplit("/", 1)[-1], "delete")
    return ask(question_of(token, action))


@limits.token_pages
def replace_link(token: str):
    """A new private link, once confirmed; the old one stops working."""
    refused = confirmed_or_refused(token, "replace_link")
    if refused is not None:
        return refused
    fresh = trips.replace_link(token)
    flash(_("Here is your new private link: bookmark it. The old one no longer works."))
    return redirect(url_for("planner.trip", token=fresh))


@limits.token_pages
def revoke_link(token: str):
    """Revoke the private link, once confirmed: nobody can open the trip with it any more."""
    refused = confirmed_or_refused(token, "revoke_link")
    if refused is not None:
        return refused
    trips.revoke_link(token)
    return redirect(url_for("planner.closed", what="revoked"), code=303)


@limits.token_pages
def delete(token: str):
    """Delete the trip and everything stored with it, once confirmed; the link stops working."""
    refused = confirmed_or_refused(token, "delete")
    if refused is not None:
        return refused
    trips.delete_trip(token)
    return redirect(url_for("planner.closed", what="deleted"), code=303)


@no_store
def closed(what: str):
    """What a revoked link or a deleted trip leaves (a GET, so reload and Back resend nothing)."""
    return render_template(f"planner/{what}.html")


def add_routes(blueprint: Blueprint) -> None:
    """The patient's link and delete pages, on the planner's blueprint (their endpoints are planner.*)."""
    for action in ("link/replace", "link/revoke", "delete"):
        blueprint.add_url_rule(f"/t/<token>/{action}", "ask_first", ask_first, methods=["GET"])
    blueprint.add_url_rule("/t/<token>/link/replace", "replace_link", replace_link, methods=["POST"])
    blueprint.add_url_rule("/t/<token>/link/revoke", "revoke_link", revoke_link, methods=["POST"])
    blueprint.add_url_rule("/t/<token>/delete", "delete", delete, methods=["POST"])
    blueprint.add_url_rule("/trip-<any(revoked, deleted):what>", "closed", closed, methods=["GET"])
