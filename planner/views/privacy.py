"""A client's data: download it all as JSON, or erase it for good."""

from __future__ import annotations

import json

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from planner.clock import utcnow
from planner.database import writes_on_read
from planner.forms.sharing import EraseForm
from planner.security import no_store
from planner.services.accounts import audit
from planner.services.accounts import users as accounts
from planner.services.workspace import privacy

#: next to the password field when it is not the facilitator's current password
WRONG_PASSWORD = _l("This is not your current password; nothing was erased.")

blueprint = Blueprint("privacy", __name__, url_prefix="/clients/<int:client_id>")


@blueprint.before_request
@login_required
def _facilitators_only() -> None:
    """Every page here is a facilitator's: anonymous visitors are sent to log in."""


@blueprint.get("/export.json")
@writes_on_read
@no_store
def export(client_id: int):
    """Everything stored about the client, as a JSON download."""
    document = privacy.export_client(current_user.agency_id, client_id, utcnow())
    if document is None:
        abort(404)
    audit.record_now(current_user.id, "export", client_id)
    body = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    response = Response(body, mimetype="application/json")
    response.headers["Content-Disposition"] = f'attachment; filename="client-{client_id}.json"'
    return response


@blueprint.route("/erase", methods=["GET", "POST"])
@no_store
def erase(client_id: int):
    """Confirm (the client's name and the facilitator's password), then erase the client and all they own."""
    client = privacy.owned_client(current_user.agency_id, client_id)
    if client is None:
        abort(404)
    form = EraseForm(client_name=client.name)
    if form.validate_on_submit():
        if accounts.password_confirmed(current_user, form.password.data):
            name = client.name
            audit.record(current_user.id, "erase", client_id)  # committed by the erasure, with it
            privacy.erase_client(current_user.agency_id, client_id)
            flash(_("%(name)s and all their trips, links and calendar feeds are erased.", name=name), "success")
            return redirect(url_for("clients.index"))
        form.password.errors.append(str(WRONG_PASSWORD))
    return render_template("share/erase.html", client=client, form=form), 422 if form.errors else 200
