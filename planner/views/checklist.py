"""The documents checklist: the facilitator ticks items off on the trip page; pages show it."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from planner.clock import utcnow
from planner.extensions import db
from planner.forms.checklist import ChecklistForm
from planner.i18n.web import current_words
from planner.models import Trip
from planner.security import no_store
from planner.services.accounts.roles import assigned_only
from planner.services.documents.checklist import save_ticks, trip_checklist
from planner.services.documents.nationalities import nationality_name
from planner.services.workspace.facilitator_trips import owned_trips

blueprint = Blueprint("checklist", __name__)


@blueprint.app_context_processor
def _checklist_values() -> dict:
    """``documents_checklist(trip)`` in templates: the trip's items in the page's language (a client's
    page renders inside ``client_language``, so its list is in the client's), and the form to tick them."""

    def documents_checklist(trip: Trip):
        return trip_checklist(trip, current_words())

    def checklist_form(items) -> ChecklistForm:
        return ChecklistForm(formdata=None, items=items)

    def country(code: str) -> str:
        return nationality_name(code, current_words())

    return {"documents_checklist": documents_checklist, "checklist_form": checklist_form, "nationality_name": country}


@blueprint.post("/trips/<int:trip_id>/checklist")
@login_required
@no_store
def save(trip_id: int):
    """Store the ticked items, then back to the trip page's checklist (POST → redirect → GET)."""
    trip = db.first_or_404(owned_trips(current_user.agency_id, assigned_only(current_user)).where(Trip.id == trip_id))
    form = ChecklistForm(items=trip_checklist(trip, current_words()))
    if not form.validate_on_submit():
        if form.csrf_token.errors:
            abort(400)
        flash(_("Documents checklist: %(reason)s", reason=" ".join(map(str, form.done.errors))), "error")
        return redirect(url_for("facilitator_trips.show", trip_id=trip_id, _anchor="checklist-heading"), code=303)
    save_ticks(trip, form.done.data or [], utcnow())
    flash(_("The documents checklist is saved."), "success")
    return redirect(url_for("facilitator_trips.show", trip_id=trip_id, _anchor="checklist-heading"), code=303)
