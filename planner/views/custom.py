"""A facilitator's own protocols (copies of catalog ones, edited) and clinics."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from planner.clock import utcnow
from planner.core.catalog import CatalogError
from planner.extensions import db
from planner.forms.custom import ProtocolForm
from planner.forms.custom_clinic import ClinicForm, clinic_form_data
from planner.forms.custom_data import protocol_form_data
from planner.i18n.web import current_words
from planner.models import CustomClinic, CustomProtocol
from planner.security import no_store
from planner.services import current_catalog
from planner.services.planning import custom_catalog
from planner.services.workspace import custom_edits
from planner.views.gate import visible_trip

blueprint = Blueprint("custom", __name__, url_prefix="/own")


@blueprint.before_request
@login_required
def _facilitators_only() -> None:
    """Every page here is a facilitator's: anonymous visitors are sent to log in."""


def _owned_protocol(row_id: int) -> CustomProtocol:
    return db.first_or_404(custom_catalog.owned_protocols(current_user.agency_id).where(CustomProtocol.id == row_id))


def _owned_clinic(row_id: int) -> CustomClinic:
    return db.first_or_404(custom_catalog.owned_clinics(current_user.agency_id).where(CustomClinic.id == row_id))


@blueprint.get("/")
@no_store
def index():
    """The facilitator's protocols and clinics, and a way to copy a catalog protocol."""
    protocols, clinics = custom_catalog.listing(current_user.agency_id)
    base = sorted(current_catalog().protocols.values(), key=lambda p: p.name)
    return render_template("custom/index.html", protocols=protocols, clinics=clinics, base=base)


@blueprint.route("/protocols/new", methods=["GET", "POST"])
@no_store
def new_protocol():
    """Copy a catalog protocol (``?from=ID``) and edit it before the first save."""
    base_id = request.args.get("from", "")
    if base_id not in current_catalog().protocols:
        abort(404)
    return _protocol_page(None, custom_catalog.protocol_copy(base_id))


@blueprint.route("/protocols/<int:row_id>", methods=["GET", "POST"])
@no_store
def edit_protocol(row_id: int):
    """Edit one of the facilitator's protocols."""
    row = _owned_protocol(row_id)
    return _protocol_page(row, row.document)


def _protocol_page(row: CustomProtocol | None, kept: dict):
    form = ProtocolForm() if request.method == "POST" else ProtocolForm(data=protocol_form_data(kept))
    if form.is_submitted() and form.add_step.data:
        form.add_blank_step()
    elif form.validate_on_submit():
        document = form.document(kept)
        if form.typed_ok():
            try:
                saved = custom_edits.save_protocol(current_user.agency_id, document, row, now=utcnow())
            except CatalogError as error:
                form.show_error(error)
            else:
                flash(_("Protocol '%(id)s' saved.", id=saved.protocol_id), "success")
                return redirect(url_for("custom.edit_protocol", row_id=saved.id))
    return render_template("custom/protocol.html", form=form.with_blank_rows(), row=row)


@blueprint.route("/clinics/new", methods=["GET", "POST"])
@no_store
def new_clinic():
    """Add a clinic."""
    return _clinic_page(None, custom_catalog.blank_clinic())


@blueprint.route("/clinics/<int:row_id>", methods=["GET", "POST"])
@no_store
def edit_clinic(row_id: int):
    """Edit one of the facilitator's clinics."""
    row = _owned_clinic(row_id)
    return _clinic_page(row, row.document)


def _clinic_page(row: CustomClinic | None, kept: dict):
    choices = custom_catalog.categories(current_user.agency_id)
    if request.method == "POST":
        form = ClinicForm(category_choices=choices)
    else:
        form = ClinicForm(data=clinic_form_data(kept), category_choices=choices)
    if form.validate_on_submit():
        try:
            saved = custom_edits.save_clinic(current_user.agency_id, form.document(kept), row, now=utcnow())
        except CatalogError as error:
            form.show_error(error)
        else:
            flash(_("Clinic '%(id)s' saved.", id=saved.clinic_id), "success")
            return redirect(url_for("custom.edit_clinic", row_id=saved.id))
    return render_template("custom/clinic.html", form=form, row=row)


@blueprint.post("/protocols/<int:row_id>/delete")
def delete_protocol(row_id: int):
    """Delete a protocol no trip uses."""
    return _deleted(_owned_protocol(row_id), "protocol")


@blueprint.post("/clinics/<int:row_id>/delete")
def delete_clinic(row_id: int):
    """Delete a clinic no trip uses."""
    return _deleted(_owned_clinic(row_id), "clinic")


def _deleted(row: CustomProtocol | CustomClinic, subject: str):
    using = custom_edits.delete_entry(row, now=utcnow())
    if using:
        # a coordinator who sees only their clients reads the others' trips by number (a title names treatments)
        shown = [
            (trip.title if visible_trip(current_user, trip.id) else "") or _("trip %(id)s", id=trip.id)
            for trip in using[:5]
        ]
        titles = current_words().list(shown)
        if subject == "protocol":
            message = ngettext(
                "Not deleted: %(num)d trip uses this protocol (%(titles)s).",
                "Not deleted: %(num)d trips use this protocol (%(titles)s).",
                len(using),
                titles=titles,
            )
        else:
            message = ngettext(
                "Not deleted: %(num)d trip uses this clinic (%(titles)s).",
                "Not deleted: %(num)d trips use this clinic (%(titles)s).",
                len(using),
                titles=titles,
            )
        flash(message, "error")
    else:
        flash(_("The protocol was deleted.") if subject == "protocol" else _("The clinic was deleted."), "success")
    return redirect(url_for("custom.index"))
