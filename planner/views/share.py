"""Sharing a trip with its client: the facilitator's link page and the client's read-only plan."""

from __future__ import annotations

from datetime import UTC, datetime, time

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from planner import limits
from planner.clock import utcnow
from planner.database import writes_on_read
from planner.forms.sharing import ActionForm, ClientLinkForm, FeedForm, SeenForm
from planner.security import no_store
from planner.services.workspace import sharing

blueprint = Blueprint("share", __name__)


def _link_url(token: str) -> str:
    return f"{current_app.config['PLANNER_BASE_URL'].rstrip('/')}{url_for('share.client_plan', token=token)}"


def _manage_page(trip_id: int, form: ClientLinkForm, made=None):
    shared = sharing.sharing_of(current_user.id, trip_id)
    if shared is None:
        abort(404)
    new_url = _link_url(made[1]) if made else None
    return render_template(
        "share/manage.html", shared=shared, form=form, feed_form=FeedForm(), action=ActionForm(), new_url=new_url
    )


@blueprint.get("/trips/<int:trip_id>/sharing")
@login_required
@no_store
def manage(trip_id: int):
    """The trip's client links and calendar feeds, with forms to add, rotate and revoke them."""
    return _manage_page(trip_id, ClientLinkForm(today=utcnow().date()))


@blueprint.post("/trips/<int:trip_id>/sharing")
@login_required
@no_store
def create(trip_id: int):
    """A new client link; its address is shown once, on this response."""
    form = ClientLinkForm(today=utcnow().date())
    if not form.validate_on_submit():
        return _manage_page(trip_id, form), 422
    expires_at = None
    if form.expires_on.data is not None:
        expires_at = datetime.combine(form.expires_on.data, time.max, tzinfo=UTC)
    made = sharing.create_client_link(current_user.id, trip_id, hide_costs=form.hide_costs.data, expires_at=expires_at)
    if made is None:
        abort(404)
    return _manage_page(trip_id, ClientLinkForm(today=utcnow().date(), formdata=None), made)


@blueprint.post("/trips/<int:trip_id>/sharing/<int:link_id>/rotate")
@login_required
@no_store
def rotate(trip_id: int, link_id: int):
    """Replace a link by a new one with the same options (the old address stops working)."""
    if not ActionForm().validate_on_submit():
        abort(400)
    made = sharing.rotate_client_link(current_user.id, trip_id, link_id, utcnow())
    if made is None:
        abort(404)
    return _manage_page(trip_id, ClientLinkForm(today=utcnow().date(), formdata=None), made)


@blueprint.post("/trips/<int:trip_id>/sharing/<int:link_id>/revoke")
@login_required
def revoke(trip_id: int, link_id: int):
    """Revoke a client link: it answers "not found" from now on."""
    if not ActionForm().validate_on_submit():
        abort(400)
    if not sharing.revoke_client_link(current_user.id, trip_id, link_id, utcnow()):
        abort(404)
    flash("The link is revoked.", "success")
    return redirect(url_for("share.manage", trip_id=trip_id))


@blueprint.get("/shared/<token>")
@limits.token_pages
@no_store
def client_plan(token: str):
    """The client's read-only plan; it records nothing (previewers GET it too), its script does."""
    view = sharing.open_client_link(token, utcnow())
    if view is None:
        abort(404)
    return render_template("share/client.html", view=view, token=token)


@blueprint.post("/shared/<token>/seen")
@limits.token_pages
@no_store
def client_saw(token: str):
    """Sent by the client's page on the reader's first interaction: record what the client saw."""
    form = SeenForm()
    if not form.validate_on_submit():
        abort(400)
    recorded = sharing.record_client_saw(token, form.version.data, utcnow())
    if recorded is None:
        abort(404)
    # 409: the plan changed after the page was shown; the client saw the earlier one
    return Response(status=204 if recorded else 409)


@blueprint.get("/shared/<token>/trip.ics")
@limits.token_pages
@writes_on_read
@no_store
def client_calendar(token: str):
    """The trip as a one-off .ics download from the client's link."""
    found = sharing.client_calendar(token, utcnow())
    if found is None:
        abort(404)
    body, filename = found
    response = Response(body, content_type="text/calendar; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
