"""Sharing a trip with its client: the facilitator's link page and the client's read-only plan."""

from __future__ import annotations

from datetime import UTC, datetime, time

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from planner import limits
from planner.clock import utcnow
from planner.database import writes_on_read
from planner.extensions import db
from planner.forms.sharing import ActionForm, ClientLinkForm, FeedForm, SeenForm
from planner.i18n import normalize, words_for
from planner.models import Trip
from planner.security import no_store
from planner.services import documents
from planner.services.accounts.roles import assigned_only
from planner.services.workspace import facilitator_trips, sharing
from planner.views import shown_once
from planner.views.client_page import client_page
from planner.views.confirm import Confirmation, answer, ask, to_the_question

blueprint = Blueprint("share", __name__)


def _link_url(token: str) -> str:
    return f"{current_app.config['PLANNER_BASE_URL'].rstrip('/')}{url_for('share.client_plan', token=token)}"


def _manage_page(shared: sharing.Sharing, form: ClientLinkForm, new_url: str | None = None):
    feed_form = FeedForm(formdata=None, data={"discreet": shown_once.discreet_choice()})
    return render_template(
        "share/manage.html", shared=shared, form=form, feed_form=feed_form, action=ActionForm(), new_url=new_url
    )


def _shared(trip_id: int) -> sharing.Sharing:
    shared = sharing.sharing_of(current_user.agency_id, trip_id)
    if shared is None:
        abort(404)
    return shared


def _link_form(shared: sharing.Sharing, **kwargs) -> ClientLinkForm:
    return ClientLinkForm(today=utcnow().date(), caution=sharing.share_caution(shared.trip), **kwargs)


@blueprint.get("/trips/<int:trip_id>/sharing")
@login_required
@no_store
def manage(trip_id: int):
    """The trip's client links and calendar feeds; a link just made is shown here, this once."""
    shared = _shared(trip_id)
    token = shown_once.take("link", trip_id)
    return _manage_page(shared, _link_form(shared), _link_url(token) if token else None)


@blueprint.post("/trips/<int:trip_id>/sharing")
@login_required
@no_store
def create(trip_id: int):
    """A new client link, then back to the sharing page (POST → redirect → GET), which shows it once."""
    shared = _shared(trip_id)
    form = _link_form(shared)
    if not form.validate_on_submit():
        return _manage_page(shared, form), 422
    expires_at = None
    if form.expires_on.data is not None:
        expires_at = datetime.combine(form.expires_on.data, time.max, tzinfo=UTC)
    made = sharing.create_client_link(
        current_user.agency_id, trip_id, hide_costs=form.hide_costs.data, expires_at=expires_at
    )
    if made is None:
        abort(404)
    shown_once.keep("link", trip_id, made[1])
    return redirect(url_for("share.manage", trip_id=trip_id, _anchor="new-link"), code=303)


def _link_question(trip_id: int, link_id: int, rotate: bool) -> Confirmation:
    link = sharing.owned_link(current_user.agency_id, trip_id, link_id)
    if link is None or link.revoked_at is not None:
        abort(404)
    back = url_for("share.manage", trip_id=trip_id)
    if rotate:
        return Confirmation(
            title=_("Replace link %(link)d with a new address?", link=link_id),
            what=_(
                "A new address with the same options is made and shown once; the address you sent before "
                "stops working at once, so the client needs the new one."
            ),
            undo=_("The old address cannot be brought back."),
            action=url_for("share.rotate", trip_id=trip_id, link_id=link_id),
            button=_("Replace the address"),
            back=back,
        )
    return Confirmation(
        title=_("Revoke link %(link)d?", link=link_id),
        what=_("Whoever opens this address from now on sees “not found”, the client included. The trip itself stays."),
        undo=_("A revoked link cannot be turned back on; you can make a new link afterwards."),
        action=url_for("share.revoke", trip_id=trip_id, link_id=link_id),
        button=_("Revoke the link"),
        back=back,
    )


@blueprint.route("/trips/<int:trip_id>/sharing/<int:link_id>/rotate", methods=["GET", "POST"])
@login_required
@no_store
def rotate(trip_id: int, link_id: int):
    """Ask, then replace a link by a new one with the same options (the old address stops working)."""
    question = _link_question(trip_id, link_id, rotate=True)
    if request.method == "GET":
        return ask(question)
    said = answer()
    if said == "expired":
        abort(400)
    if said == "unconfirmed":
        return to_the_question(question.action)
    made = sharing.rotate_client_link(current_user.agency_id, trip_id, link_id, utcnow())
    if made is None:
        abort(404)
    shown_once.keep("link", trip_id, made[1])
    return redirect(url_for("share.manage", trip_id=trip_id, _anchor="new-link"), code=303)


@blueprint.route("/trips/<int:trip_id>/sharing/<int:link_id>/revoke", methods=["GET", "POST"])
@login_required
@no_store
def revoke(trip_id: int, link_id: int):
    """Ask, then revoke a client link: it answers "not found" from now on."""
    question = _link_question(trip_id, link_id, rotate=False)
    if request.method == "GET":
        return ask(question)
    said = answer()
    if said == "expired":
        abort(400)
    if said == "unconfirmed":
        return to_the_question(question.action)
    if not sharing.revoke_client_link(current_user.agency_id, trip_id, link_id, utcnow()):
        abort(404)
    flash(_("The link is revoked."), "success")
    return redirect(url_for("share.manage", trip_id=trip_id))


@blueprint.get("/shared/<token>")
@limits.token_pages
@no_store
def client_plan(token: str):
    """The client's read-only plan; it records nothing (previewers GET it too), its script does."""
    page = client_page(token, normalize(request.args.get("lang")))
    if page is None:
        abort(404)
    return page


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
    body, filename, lang = found
    response = Response(body, content_type="text/calendar; charset=utf-8")
    response.headers["Content-Language"] = lang
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _pdf(body: bytes, filename: str, lang: str) -> Response:
    response = Response(body, content_type="application/pdf")
    response.headers["Content-Language"] = lang
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@blueprint.get("/shared/<token>/itinerary.pdf")
@limits.token_pages
@no_store
def client_itinerary(token: str):
    """The trip as a PDF itinerary from the client's link, in the client's language."""
    found = sharing.client_itinerary(token, utcnow())
    if found is None:
        abort(404)
    return _pdf(*found)


@blueprint.get("/trips/<int:trip_id>/itinerary.pdf")
@login_required
@no_store
def trip_itinerary(trip_id: int):
    """The facilitator's copy of a trip's PDF itinerary (costs included), in the client's language."""
    trip = db.first_or_404(
        facilitator_trips.owned_trips(current_user.agency_id, assigned_only(current_user)).where(Trip.id == trip_id)
    )
    words = words_for(trip.shown_language)
    return _pdf(documents.itinerary_pdf(trip, words=words, now=utcnow()), documents.FILENAME, words.lang)
