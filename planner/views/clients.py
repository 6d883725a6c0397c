"""A facilitator's clients: list, search, sort, create, edit, delete."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from planner.clock import utcnow
from planner.core.model import has_control
from planner.database import writes_on_read
from planner.extensions import db
from planner.forms.clients import ClientForm
from planner.forms.sharing import ActionForm
from planner.security import no_store
from planner.services.accounts import agencies, audit
from planner.services.accounts.roles import assigned_only
from planner.services.planning.zones import zone_names
from planner.services.workspace import clients
from planner.services.workspace import facilitator_trips as trips
from planner.views.confirm import answer, to_the_question

blueprint = Blueprint("clients", __name__, url_prefix="/clients")


@blueprint.before_request
@login_required
def _facilitators_only() -> None:
    """Every page here is a facilitator's: anonymous visitors are sent to log in."""


def _owned_client(client_id: int):
    return db.first_or_404(
        clients.owned(current_user.agency_id, assigned_only(current_user)).where(clients.Client.id == client_id)
    )


@blueprint.get("/")
@no_store
def index():
    """The clients, searched by name or contact, sorted by name or next appointment, 50 a page."""
    search = request.args.get("q", "")[:200]
    if has_control(search):
        flash(_("The search must not contain control characters (such as a NUL byte)."), "error")
        search = ""
    sort = request.args.get("sort", "name")
    if sort not in clients.SORTS:
        sort = "name"
    page = request.args.get("page", "1")
    number = int(page) if page.isdigit() and len(page) < 7 else 1
    listing = clients.list_clients(
        current_user.agency_id, search, sort, utcnow(), number, coordinator_id=assigned_only(current_user)
    )
    return render_template("clients/index.html", listing=listing, rows=listing.rows, search=search, sort=sort)


@blueprint.route("/new", methods=["GET", "POST"])
@no_store
def create():
    """Add a client."""
    form = ClientForm()
    duplicates = []
    if form.validate_on_submit():
        duplicates = (
            []
            if form.add_anyway.data
            else clients.likely_duplicates(current_user.agency_id, form.values(), assigned_only(current_user))
        )
        if not duplicates:
            client = clients.create_client(current_user.agency_id, form.values(), coordinator_id=current_user.id)
            flash(_("%(name)s added.", name=client.name), "success")
            return redirect(url_for("clients.show", client_id=client.id))
    return render_template("clients/form.html", form=form, client=None, zones=zone_names(), duplicates=duplicates)


def _notes_seen(client) -> None:
    """A page about to show the client's notes goes in the audit log (who and when, not the notes)."""
    if client.notes:
        audit.record_now(current_user.id, "notes_viewed", client.id)


@blueprint.get("/<int:client_id>")
@writes_on_read
@no_store
def show(client_id: int):
    """One client: details, notes and trips."""
    client = _owned_client(client_id)
    _notes_seen(client)
    return render_template(
        "clients/show.html",
        client=client,
        trips=clients.trips_by_date(client),
        status_names=trips.STATUS_NAMES,
        coordinators=agencies.coordinators(current_user.agency_id),
        action=ActionForm(),
    )


@blueprint.post("/<int:client_id>/coordinator")
@no_store
def assign(client_id: int):
    """Assign the client to one of the agency's coordinators (owners only: planner.views.gate)."""
    client = _owned_client(client_id)
    chosen = request.form.get("coordinator_id", "")
    eligible = {member.id: member for member in agencies.coordinators(current_user.agency_id)}
    member = eligible.get(int(chosen)) if chosen.isascii() and chosen.isdigit() and len(chosen) < 10 else None
    if not ActionForm().validate_on_submit() or (chosen and member is None):
        flash(_("The coordinator was not changed: choose one of the agency's members."), "error")
    else:
        client.coordinator_id = member.id if member else None
        db.session.commit()
        flash(_("Saved."), "success")
    return redirect(url_for("clients.show", client_id=client.id))


@blueprint.route("/<int:client_id>/edit", methods=["GET", "POST"])
@writes_on_read
@no_store
def edit(client_id: int):
    """Edit a client (the form shows the notes: opening it is logged)."""
    client = _owned_client(client_id)
    if request.method == "GET":
        _notes_seen(client)
    form = ClientForm(obj=client, current_language=client.language)
    if form.validate_on_submit():
        clients.update_client(client, form.values())
        flash(_("Saved."), "success")
        return redirect(url_for("clients.show", client_id=client.id))
    return render_template("clients/form.html", form=form, client=client, zones=zone_names())


@blueprint.route("/<int:client_id>/delete", methods=["GET", "POST"])
@no_store
def delete(client_id: int):
    """Ask, then delete a client with all their trips (POST with the CSRF token)."""
    client = _owned_client(client_id)
    if request.method == "POST":
        if answer() != "confirmed":
            # a POST that did not come from this page's button (no confirm=yes) deletes nothing
            return to_the_question(url_for("clients.delete", client_id=client.id))
        name = client.name
        clients.delete_client(client)
        flash(_("%(name)s and their trips were deleted.", name=name), "success")
        return redirect(url_for("clients.index"))
    return render_template("clients/delete.html", client=client)
