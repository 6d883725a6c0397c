"""A facilitator's messages to a client about a trip: preview "your plan" or "your plan changed", then send."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from planner.clock import utcnow
from planner.extensions import db
from planner.forms.plan import ActionForm
from planner.i18n.web import current_words
from planner.models import Trip
from planner.security import no_store
from planner.services.accounts.roles import assigned_only
from planner.services.messages import sending
from planner.services.messages.letters import KINDS, MessageProblem
from planner.services.workspace import facilitator_trips as trips

blueprint = Blueprint("trip_messages", __name__)

#: each kind as the facilitator's buttons and headings name it
KIND_WORDS = {"plan": _l("Your plan"), "changes": _l("Your plan changed")}
#: a message's status on the trip page
STATUS_WORDS = {"queued": _l("queued"), "sent": _l("sent"), "failed": _l("failed")}


@blueprint.before_request
@login_required
def _facilitators_only() -> None:
    """Every page here is a facilitator's."""


def _owned_trip(trip_id: int, kind: str) -> Trip:
    if kind not in KINDS:
        abort(404)
    return db.first_or_404(
        trips.owned_trips(current_user.agency_id, assigned_only(current_user)).where(Trip.id == trip_id)
    )


@blueprint.get("/trips/<int:trip_id>/messages/<kind>")
@no_store
def preview(trip_id: int, kind: str):
    """The message as the client would get it, in their language; sending it is a button (nothing sent here)."""
    trip = _owned_trip(trip_id, kind)
    shown = sending.preview(trip, kind)
    problem = shown.problem.said_in(current_words()) if shown.problem is not None else None
    return render_template(
        "facilitator/message_preview.html",
        trip=trip,
        shown=shown,
        problem=problem,
        kind_words=KIND_WORDS,
        form=ActionForm(formdata=None),
    )


@blueprint.post("/trips/<int:trip_id>/messages/<kind>")
@no_store
def send(trip_id: int, kind: str):
    """Queue the message (sent at once without a job queue) and go back to the trip page."""
    trip = _owned_trip(trip_id, kind)
    form = ActionForm()
    if not form.validate_on_submit():
        flash(_("The form expired; please try again."), "error")
        return redirect(url_for("trip_messages.preview", trip_id=trip.id, kind=kind))
    try:
        record = sending.send(trip, kind, utcnow())
    except MessageProblem as refused:
        flash(refused.said_in(current_words()), "error")
        return redirect(url_for("trip_messages.preview", trip_id=trip.id, kind=kind))
    if record.status == "sent":
        flash(_("Sent to %(address)s.", address=record.recipient), "success")
    elif record.status == "queued":
        flash(_("Queued for %(address)s: it is sent in the background.", address=record.recipient), "success")
    else:
        flash(_("The message to %(address)s could not be sent; see Messages below.", address=record.recipient), "error")
    return redirect(url_for("facilitator_trips.show", trip_id=trip.id, _anchor="messages-heading"))


@blueprint.app_template_global("trip_messages")
def recent_messages(trip: Trip) -> list:
    """The trip's latest messages, for the trip page's Messages section (its owner's only)."""
    return sending.recent(current_user.agency_id, trip.id)


@blueprint.app_template_global("message_status_words")
def message_status_words(status: str) -> str:
    return str(STATUS_WORDS.get(status, status))
