"""Clinic confirmations on the trip page: asked, confirmed (pins the time) or declined, per appointment."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from planner.clock import utcnow
from planner.extensions import db
from planner.forms.confirmations import FORMS
from planner.models import Trip
from planner.security import no_store
from planner.services.accounts.roles import assigned_only
from planner.services.planning.custom_catalog import catalog_for
from planner.services.planning.plan_input import at_seoul
from planner.services.planning.plans import reason_of
from planner.services.planning.revisions import planned_trip
from planner.services.workspace import confirmations
from planner.services.workspace.facilitator_trips import TRANSITIONS, owned_trips

blueprint = Blueprint("confirmations", __name__)

#: a confirmation's state in words
STATE_WORDS = {
    "not_asked": _l("not asked"),
    "asked": _l("asked, waiting for the clinic"),
    "confirmed": _l("confirmed"),
    "declined": _l("declined"),
}
#: a clinic contact's kind in words
CONTACT_WORDS = {"email": _l("Email"), "phone": _l("Phone"), "messenger": _l("Messenger")}


@blueprint.app_context_processor
def _confirmation_values() -> dict:
    """``confirmation_rows(trip, planned)`` and the words and forms the trip page's section needs."""

    def ready_to_confirm(trip: Trip, rows) -> bool:
        return confirmations.all_confirmed(rows) and "confirmed" in TRANSITIONS.get(trip.status, ())

    def clinic_of(trip: Trip, clinic_id: str):
        return catalog_for(trip.owner_id).clinics.get(clinic_id)

    return {
        "clinic_of": clinic_of,
        "confirmation_rows": confirmations.confirmation_rows,
        "all_confirmed": confirmations.all_confirmed,
        "ready_to_confirm": ready_to_confirm,
        "confirmation_state_words": STATE_WORDS,
        "contact_words": CONTACT_WORDS,
    }


def _back(trip_id: int):
    return redirect(url_for("facilitator_trips.show", trip_id=trip_id, _anchor="confirmations-heading"), code=303)


@blueprint.post("/trips/<int:trip_id>/confirmations/<protocol>/<step>/<int:occurrence>/<state>")
@login_required
@no_store
def record(trip_id: int, protocol: str, step: str, occurrence: int, state: str):
    """Record that the clinic was asked, confirmed or declined one appointment (POST → redirect → GET)."""
    trip = db.first_or_404(owned_trips(current_user.agency_id, assigned_only(current_user)).where(Trip.id == trip_id))
    if state not in FORMS:
        abort(404)
    form = FORMS[state]()
    if not form.validate_on_submit():
        if form.csrf_token.errors:
            abort(400)
        for name, errors in form.errors.items():
            flash(_("%(field)s: %(reason)s", field=form[name].label.text, reason=" ".join(map(str, errors))), "error")
        return _back(trip_id)
    details = {key: value for key, value in form.data.items() if key not in ("csrf_token", "date", "time")}
    if state == "confirmed":
        details["start"] = at_seoul(form.date.data, form.time.data)
    if state == "declined" and form.date.data and form.time.data:
        details["alternative_start"] = at_seoul(form.date.data, form.time.data)
    identity = (protocol, step, occurrence)
    try:
        confirmations.change(trip, planned_trip(trip), identity, state, details, user_id=current_user.id, now=utcnow())
    except confirmations.Refused as refused:
        flash(_refusal(form, refused), "error")
        return _back(trip_id)
    flash(_("Saved: the appointment is %(state)s.", state=STATE_WORDS[state]), "success")
    if state == "confirmed":
        rows = confirmations.confirmation_rows(trip, planned_trip(trip))
        if confirmations.all_confirmed(rows):
            flash(_("Every in-person appointment is confirmed: the trip is ready to confirm to the client."), "success")
    return _back(trip_id)


def _refusal(form, refused: confirmations.Refused) -> str:
    """Why a change is refused, naming the field."""
    if refused.code == "pin":
        return _("%(field)s: %(reason)s", field=form.time.label.text, reason=reason_of(refused.error))
    if refused.code == "transition":
        return _("That answer does not follow the appointment's current state; reload the page.")
    return _("That appointment is not in the plan any more; reload the page.")
