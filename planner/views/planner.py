"""The patient's planner: the plan form, the plan page, fixes, saving and the private link."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from planner import limits
from planner.clock import utcnow
from planner.core.scenario import ScenarioError
from planner.forms.plan import ActionForm, FixForm, PinForm, PlanForm, ScenarioForm, TripFixForm
from planner.i18n.web import current_locale, current_words, prefer_page_language
from planner.security import no_store
from planner.services import current_catalog
from planner.services.planning import trips
from planner.services.planning.plan_input import (
    FormProblem,
    at_seoul,
    earliest_arrival,
    form_choices,
    form_data_from_scenario,
    planned_from_form,
)
from planner.services.planning.plans import PlannedTrip, apply_fix, calendar_file, plan_scenario, reason_of
from planner.services.planning.treatments import summarize
from planner.services.planning.zones import quarter_hour, zone_choices, zone_names
from planner.views import patient_confirm, unsaved_plans
from planner.views.plan_format import register_filters
from planner.views.plan_sections import plan_content
from planner.views.visitor_pages import visitor_page

blueprint = Blueprint("planner", __name__)
patient_confirm.add_routes(blueprint)
register_filters(blueprint)


def _plan_form(**kwargs) -> PlanForm:
    kwargs.setdefault("earliest_arrival", utcnow())
    return PlanForm(**kwargs, **form_choices(current_catalog()), zones=zone_names())


def _show_form(form: PlanForm, *, token: str | None = None, status: int = 200):
    catalog = current_catalog()
    protocols = [catalog.protocols[pid] for pid in sorted(catalog.protocols)]
    summaries = {protocol.id: summarize(catalog, protocol) for protocol in protocols}
    # the difference to Seoul is shown as it is today: the caller's clock, never the core's
    zones = zone_choices(utcnow(), current_locale())
    body = render_template(
        "planner/form.html",
        form=form,
        protocols=protocols,
        summaries=summaries,
        zones=zones,
        token=token,
        rates=catalog.rates,
    )
    return body, status


def _attach(form: PlanForm, problem: FormProblem) -> None:
    """Show a problem the engine found next to the field it concerns."""
    field = form.field_named(problem.field)
    if field is None:
        form.form_errors.append(problem.reason)
    else:
        field.errors = [*field.errors, problem.reason]


def _show_plan(
    planned: PlannedTrip,
    *,
    discreet: bool,
    page=None,
    token: str | None = None,
    pin_form: PinForm | None = None,
    plan_id: str | None = None,
    status: int = 200,
):
    """The plan page, for an unsaved plan (its scenario rides along in the forms) or a saved trip."""
    content = plan_content(planned, discreet=discreet, page=page, token=token, pin_form=pin_form, plan_id=plan_id)
    body = render_template("planner/plan.html", content=content)
    return body, status


@blueprint.get("/")
@blueprint.get("/plan")
@no_store
def new():
    """The plan form, with a treatment chosen when coming from its catalog page."""
    treatment = request.args.get("treatment", "")
    if treatment and treatment not in current_catalog().protocols:
        treatment = ""
    return visitor_page(lambda: _show_form(_blank_form(treatment))[0], treatment, quarter_hour(utcnow()))


def _blank_form(treatment: str) -> PlanForm:
    return _plan_form(data={"treatments": [{"protocol": treatment}], "currency": "USD", "lodging": "mid"})


@blueprint.post("/plan")
@no_store
def create():
    """Plan the form's trip and redirect to it (nothing is stored until the patient saves)."""
    form = _plan_form()
    if form.validate_on_submit():
        try:
            planned = planned_from_form(form.data)
        except FormProblem as problem:
            _attach(form, problem)
        else:
            return _shown(planned, discreet=form.discreet.data)
    return _show_form(form, status=400)


def _problem(message: str, status: int = 400):
    return render_template("planner/problem.html", message=message), status


def _shown(planned: PlannedTrip, *, discreet: bool):
    """Keep an unsaved plan in this browser and redirect to it (POST, redirect, GET: Back never resends)."""
    plan_id = unsaved_plans.keep(planned.scenario, discreet)
    if plan_id is None:  # too large for the cookie (only a hand-made scenario is): shown once, not kept
        return _show_plan(planned, discreet=discreet)
    return redirect(url_for("planner.unsaved", plan_id=plan_id), code=303)


@blueprint.get("/plan/unsaved/<plan_id>")
@blueprint.get("/plan/unsaved/<plan_id>/answers", endpoint="answers")
@no_store
def unsaved(plan_id: str):
    """An unsaved plan kept in this browser, or the plan form filled with its answers ("Change my answers")."""
    scenario, discreet = unsaved_plans.kept(plan_id)
    if scenario is None:
        return _problem(_("This browser no longer keeps that unsaved plan. Please plan the trip again."), 404)
    if request.endpoint == "planner.answers":
        return _show_form(_plan_form(data=form_data_from_scenario(scenario) | {"discreet": discreet}))
    try:
        planned = plan_scenario(scenario)
    except ScenarioError as error:  # the catalog changed since the plan was made
        return _problem(
            _("The plan cannot be made any more (%(field)s: %(reason)s).", field=error.field, reason=reason_of(error))
        )
    return _show_plan(planned, discreet=discreet, plan_id=plan_id)


@blueprint.post("/plan/fix")
@no_store
def fix():
    """Apply one suggested fix to an unsaved plan and redirect to the new plan."""
    form = FixForm()
    if not form.validate_on_submit() or form.scenario_data is None:
        return _problem(_("The plan could not be read. Please plan the trip again."))
    try:
        planned = plan_scenario(apply_fix(form.scenario_data, form.fix()))
    except ScenarioError as error:
        return _problem(
            _("That change could not be made (%(field)s: %(reason)s).", field=error.field, reason=reason_of(error))
        )
    return _shown(planned, discreet=form.discreet.data)


@blueprint.post("/plan/save")
@limits.plan_save
def save():
    """Save an unsaved plan and go to its private link."""
    form = ScenarioForm()
    if not form.validate_on_submit() or form.scenario_data is None:
        return _problem(_("The plan could not be read. Please plan the trip again."))
    try:
        token = trips.save_trip(form.scenario_data, discreet=form.discreet.data, language=current_locale())
    except ScenarioError as error:
        return _problem(
            _("The plan could not be saved (%(field)s: %(reason)s).", field=error.field, reason=reason_of(error))
        )
    flash(_("Saved. This page's address is your private link: bookmark it. Anyone with it can see and edit the trip."))
    return redirect(url_for("planner.trip", token=token))


def _ics(body: bytes, name: str):
    headers = {"Content-Disposition": f'attachment; filename="{name}.ics"', "Cache-Control": "no-store"}
    return current_app.response_class(body, mimetype="text/calendar", headers=headers)


@blueprint.post("/plan/calendar.ics")
def unsaved_calendar():
    """The unsaved plan as an .ics download."""
    form = ScenarioForm()
    if not form.validate_on_submit() or form.scenario_data is None:
        return _problem(_("The plan could not be read. Please plan the trip again."))
    try:
        planned = plan_scenario(form.scenario_data)
    except ScenarioError as error:
        return _problem(
            _("The calendar could not be made (%(field)s: %(reason)s).", field=error.field, reason=reason_of(error))
        )
    host = current_app.config["PLANNER_HOST"]
    words = current_words()
    return _ics(calendar_file(planned, host=host, discreet=form.discreet.data, words=words), "treatment-trip")


def _in_its_language(trip) -> None:
    """A saved trip's page speaks the language it was planned in, unless the reader chose one."""
    prefer_page_language(trip.language)


@blueprint.get("/t/<token>")
@limits.token_pages
@no_store
def trip(token: str):
    """A saved trip, opened with its private link and re-planned from its request and pins."""
    page = trips.open_trip(token, _in_its_language)
    return _show_plan(page.planned, discreet=page.trip.discreet, page=page, token=token)


@blueprint.route("/t/<token>/edit", methods=["GET", "POST"])
@limits.token_pages
@no_store
def edit(token: str):
    """Change a saved trip's request; the plan follows."""
    if request.method == "GET":
        page = trips.open_trip(token, _in_its_language)
        data = form_data_from_scenario(page.trip.scenario) | {"discreet": page.trip.discreet}
        return _show_form(_plan_form(data=data), token=token)
    trip = trips.saved_trip(token)
    _in_its_language(trip)
    saved = trip.scenario
    form = _plan_form(earliest_arrival=earliest_arrival(utcnow(), saved))
    if form.validate_on_submit():
        try:
            trips.edit_trip(token, form.data)
        except FormProblem as problem:
            _attach(form, problem)
        else:
            return redirect(url_for("planner.trip", token=token))
    return _show_form(form, token=token, status=400)


@blueprint.post("/t/<token>/fix")
@limits.token_pages
def trip_fix(token: str):
    """Apply one suggested fix to a saved trip."""
    form = TripFixForm()
    if not form.validate_on_submit():
        return _problem(_("The change could not be read. Please reload the page."))
    try:
        trips.fix_trip(token, form.fix())
    except ScenarioError as error:
        return _problem(
            _("That change could not be made (%(field)s: %(reason)s).", field=error.field, reason=reason_of(error))
        )
    return redirect(url_for("planner.trip", token=token))


@blueprint.post("/t/<token>/pin")
@limits.token_pages
@no_store
def pin(token: str):
    """Fix an appointment at the time the clinic confirmed."""
    _in_its_language(trips.saved_trip(token))  # a refusal is worded in the trip's language
    form = PinForm()
    if form.validate_on_submit():
        try:
            trips.pin_appointment(token, form.key.data, at_seoul(form.date.data, form.time.data))
        except ScenarioError as error:
            form.date.errors = [*form.date.errors, reason_of(error)]
        else:
            return redirect(url_for("planner.trip", token=token, _anchor=f"a-{form.key.data}"))
    page = trips.open_trip(token, _in_its_language)
    return _show_plan(page.planned, discreet=page.trip.discreet, page=page, token=token, pin_form=form, status=400)


@blueprint.post("/t/<token>/pins/<int:pin_id>/delete")
@limits.token_pages
def unpin(token: str, pin_id: int):
    """Let the planner choose the appointment's time again."""
    if ActionForm().validate_on_submit():
        trips.unpin(token, pin_id)
    return redirect(url_for("planner.trip", token=token))


@blueprint.get("/t/<token>/calendar.ics")
@limits.token_pages
def trip_calendar(token: str):
    """The saved trip as an .ics download."""
    return _ics(trips.trip_calendar(token, current_app.config["PLANNER_HOST"]), "treatment-trip")
