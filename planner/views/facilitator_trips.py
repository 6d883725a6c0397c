"""A facilitator's trips for a client: plan one, move its status, pin confirmed times, copy it."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from planner.clock import utcnow
from planner.core.scenario import ScenarioError
from planner.extensions import db
from planner.forms.plan import ActionForm, PinForm, PlanForm, TripFixForm
from planner.forms.trips import DuplicateForm, StatusForm, TitleForm
from planner.models import Client, Trip
from planner.security import no_store
from planner.services.accounts.roles import assigned_only
from planner.services.planning.custom_catalog import catalog_for
from planner.services.planning.plan_input import (
    FormProblem,
    at_seoul,
    earliest_arrival,
    form_choices,
    form_field_of,
    scenario_from_form,
)
from planner.services.planning.plans import reason_of
from planner.services.planning.zones import zone_names
from planner.services.workspace import clients
from planner.services.workspace import facilitator_trips as trips
from planner.views.confirm import Confirmation, answer, ask, to_the_question

blueprint = Blueprint("facilitator_trips", __name__)

BACK_TO_DRAFT = _l("Appointment times changed, so the trip is back to draft: the clinic must confirm the new times.")


@blueprint.before_request
@login_required
def _facilitators_only() -> None:
    """Every page here is a facilitator's: anonymous visitors are sent to log in."""


def _owned_trip(trip_id: int) -> Trip:
    return db.first_or_404(
        trips.owned_trips(current_user.agency_id, assigned_only(current_user)).where(Trip.id == trip_id)
    )


def _owned_client(client_id: int) -> Client:
    return db.first_or_404(
        clients.owned(current_user.agency_id, assigned_only(current_user)).where(Client.id == client_id)
    )


def _plan_form(client_name: str, scenario: dict | None = None, **kwargs) -> PlanForm:
    """The plan form, worded for the facilitator about ``client_name``; ``scenario``: the trip being edited."""
    return PlanForm(
        **kwargs,
        zones=zone_names(),
        **form_choices(catalog_for(current_user.agency_id)),
        earliest_arrival=earliest_arrival(utcnow(), scenario),
        audience="facilitator",
        client_name=client_name,
    )


def _place_error(form: PlanForm, path: str, reason: str) -> None:
    """Put an engine error next to the form field it is about (or above the form)."""
    name = form_field_of(path)
    field = form._fields.get(name) if name and "-" not in name else None
    if name and "-" in name:
        _, index, part = name.split("-")
        field = form.treatments.entries[int(index)].form[part]
    if field is None:
        form.form_errors.append(reason)
    else:
        field.errors = [*field.errors, reason]


def _show_problem(form: PlanForm, problem: FormProblem) -> None:
    """Put a problem with a form value next to its field (or above the form)."""
    field = form.field_named(problem.field)
    if field is None:
        form.form_errors.append(problem.reason)
    else:
        field.errors = [*field.errors, problem.reason]


@blueprint.route("/clients/<int:client_id>/trips/new", methods=["GET", "POST"])
@no_store
def create(client_id: int):
    """Plan a trip for a client with the same form as the patient's."""
    client = _owned_client(client_id)
    form = _plan_form(client.name, data={"name": client.name, "home_timezone": client.home_timezone})
    if form.validate_on_submit():
        try:
            trip = trips.create_trip(client, scenario_from_form(form.data), discreet=form.discreet.data, now=utcnow())
        except FormProblem as problem:
            _show_problem(form, problem)
        except ScenarioError as error:
            _place_error(form, error.field, reason_of(error))
        else:
            flash(_("Trip planned. Check it, then propose it to the clinic."), "success")
            return redirect(url_for("facilitator_trips.show", trip_id=trip.id))
    return render_template("facilitator/new_trip.html", form=form, client=client, zones=zone_names())


@blueprint.get("/trips/<int:trip_id>")
@no_store
def show(trip_id: int):
    """The trip's plan, status, confirmed times and what changed since the client looked."""
    view = trips.trip_view(_owned_trip(trip_id), assigned_only(current_user))
    return _page(view)


def _page(view, *, pin_form=None, status_form=None, duplicate_form=None, title_form=None, status=200):
    statuses = [(s, trips.STATUS_WORDS[s]) for s in trips.TRANSITIONS[view.trip.status]]
    return render_template(
        "facilitator/trip.html",
        view=view,
        pin_form=pin_form or PinForm(formdata=None),
        status_form=status_form or StatusForm(formdata=None, statuses=statuses),
        duplicate_form=duplicate_form or DuplicateForm(formdata=None, clients=view.other_clients),
        title_form=title_form or TitleForm(formdata=None, data={"title": view.trip.title}),
        action_form=ActionForm(formdata=None),
        status_words=trips.STATUS_WORDS,
    ), status


@blueprint.route("/trips/<int:trip_id>/edit", methods=["GET", "POST"])
@no_store
def edit(trip_id: int):
    """Change the trip's request (treatments, dates, options) with the plan form; the plan follows."""
    trip = _owned_trip(trip_id)
    name = trip.client.name if trip.client else ""
    if request.method == "GET":
        form = _plan_form(name, trip.scenario, data=trips.request_form_data(trip))
    else:
        form = _plan_form(name, trip.scenario)
        if form.validate_on_submit():
            try:
                back_to_draft = trips.edit_request(trip, form.data, utcnow())
            except FormProblem as problem:
                _show_problem(form, problem)
            else:
                flash(_("Request saved; the trip is re-planned."), "success")
                if back_to_draft:
                    flash(str(BACK_TO_DRAFT), "warning")
                return redirect(url_for("facilitator_trips.show", trip_id=trip.id))
    status = 200 if request.method == "GET" else 400
    return render_template("facilitator/edit_trip.html", form=form, trip=trip, zones=zone_names()), status


@blueprint.post("/trips/<int:trip_id>/fix")
@no_store
def fix(trip_id: int):
    """Apply one of the plan's suggested fixes to the saved trip and re-plan it."""
    trip = _owned_trip(trip_id)
    form = TripFixForm()
    if not form.validate_on_submit():
        flash(_("The change could not be read. Please try again."), "error")
    else:
        try:
            back_to_draft = trips.fix_trip(trip, form.fix(), utcnow())
        except ScenarioError as error:
            flash(
                _("That change could not be made (%(field)s: %(reason)s).", field=error.field, reason=reason_of(error)),
                "error",
            )
        else:
            flash(_("Done: the trip is re-planned."), "success")
            if back_to_draft:
                flash(str(BACK_TO_DRAFT), "warning")
    return redirect(url_for("facilitator_trips.show", trip_id=trip.id))


@blueprint.post("/trips/<int:trip_id>/status")
@no_store
def change_status(trip_id: int):
    """Move the trip along draft → proposed → confirmed (or back to draft)."""
    trip = _owned_trip(trip_id)
    statuses = [(s, trips.STATUS_WORDS[s]) for s in trips.TRANSITIONS[trip.status]]
    form = StatusForm(statuses=statuses)
    if form.validate_on_submit():
        trips.set_status(trip, form.status.data, utcnow())
        flash(_("%(status)s.", status=trips.STATUS_WORDS[trip.status]), "success")
        return redirect(url_for("facilitator_trips.show", trip_id=trip.id))
    return _page(trips.trip_view(trip, assigned_only(current_user)), status_form=form, status=400)


@blueprint.post("/trips/<int:trip_id>/pins")
@no_store
def pin(trip_id: int):
    """Pin an appointment at the date and time the clinic confirmed; the rest is re-planned."""
    trip = _owned_trip(trip_id)
    form = PinForm()
    if form.validate_on_submit():
        try:
            trips.pin_appointment(trip, form.key.data, at_seoul(form.date.data, form.time.data), utcnow())
        except ScenarioError as error:
            form.date.errors = [*form.date.errors, reason_of(error)]
        else:
            flash(_("Confirmed time saved; the rest of the trip is planned around it."), "success")
            return redirect(url_for("facilitator_trips.show", trip_id=trip.id))
    return _page(trips.trip_view(trip, assigned_only(current_user)), pin_form=form, status=400)


@blueprint.post("/trips/<int:trip_id>/pins/<int:pin_id>/delete")
@no_store
def unpin(trip_id: int, pin_id: int):
    """Let the planner choose that appointment's time again."""
    trip = _owned_trip(trip_id)
    form = ActionForm()
    if form.validate_on_submit() and trips.unpin(trip, pin_id, utcnow()):
        flash(_("The appointment is no longer fixed."), "success")
        return redirect(url_for("facilitator_trips.show", trip_id=trip.id))
    return _page(trips.trip_view(trip, assigned_only(current_user)), status=404)


@blueprint.post("/trips/<int:trip_id>/duplicate")
@no_store
def duplicate(trip_id: int):
    """Copy the trip for another of the facilitator's clients, as a draft."""
    trip = _owned_trip(trip_id)
    form = DuplicateForm()
    if form.validate_on_submit():
        copy = trips.duplicate_trip(trip, _owned_client(form.client.data), utcnow())
        flash(_("Copied for %(name)s.", name=copy.client.name), "success")
        return redirect(url_for("facilitator_trips.show", trip_id=copy.id))
    return _page(trips.trip_view(trip, assigned_only(current_user)), duplicate_form=form, status=400)


@blueprint.post("/trips/<int:trip_id>/title")
@no_store
def rename(trip_id: int):
    """Give the trip its own title."""
    trip = _owned_trip(trip_id)
    form = TitleForm()
    if form.validate_on_submit():
        trips.rename(trip, form.title.data)
        flash(_("Title saved."), "success")
        return redirect(url_for("facilitator_trips.show", trip_id=trip.id))
    return _page(trips.trip_view(trip, assigned_only(current_user)), title_form=form, status=400)


@blueprint.route("/trips/<int:trip_id>/delete", methods=["GET", "POST"])
@no_store
def delete(trip_id: int):
    """Ask, then delete the trip with its confirmed times, links and feeds."""
    trip = _owned_trip(trip_id)
    name = trip.client.name if trip.client else _("the client")
    question = Confirmation(
        title=_("Delete “%(title)s”?", title=trip.title) if trip.title else _("Delete this trip?"),
        what=_(
            "This deletes the trip, its confirmed times and its history. The links you sent %(name)s and the"
            " trip's calendar subscriptions stop working at once."
            " To keep it out of the way instead, cancel or archive it.",
            name=name,
        ),
        undo=_("A deleted trip cannot be brought back."),
        action=url_for("facilitator_trips.delete", trip_id=trip.id),
        button=_("Delete the trip"),
        back=url_for("facilitator_trips.show", trip_id=trip.id),
    )
    if request.method == "GET":
        return ask(question)
    said = answer()
    if said == "expired":
        flash(_("The form expired; please try again."), "error")
    if said != "confirmed":
        return to_the_question(question.action)
    client_id = trip.client_id
    title = trip.title
    trips.delete_trip(trip)
    flash(_("%(title)s is deleted.", title=title) if title else _("The trip is deleted."), "success")
    return redirect(url_for("clients.show", client_id=client_id) if client_id else url_for("clients.index"))
