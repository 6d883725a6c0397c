"""Reminders by email: asked for and stopped on the shared page; stopped by a message's unsubscribe link."""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from planner import limits
from planner.clock import utcnow
from planner.extensions import csrf
from planner.forms.reminders import ReminderForm, StopRemindersForm
from planner.i18n.web import client_language
from planner.security import no_store
from planner.services.reminders import subscriptions
from planner.views.client_page import client_page

blueprint = Blueprint("reminders", __name__)


def _back(token: str):
    return redirect(url_for("share.client_plan", token=token, _anchor="reminders"), code=303)


@blueprint.post("/shared/<token>/reminders")
@limits.token_pages
@no_store
def subscribe(token: str):
    """Send the trip's reminders to the address typed on the shared page."""
    language = subscriptions.language_of_link(token, utcnow())
    if language is None:
        abort(404)
    with client_language(language):
        form = ReminderForm()
        if not form.validate_on_submit():
            if "csrf_token" in form.errors:
                abort(400)
            # the page again, the address as typed and the reason beside it
            return client_page(token, None, form=form, status=422) or abort(404)
        if subscriptions.subscribe(token, form.email.data, utcnow()) is None:
            abort(404)
        flash(_("Reminders will be sent to %(address)s.", address=form.email.data.strip()), "success")
    return _back(token)


@blueprint.post("/shared/<token>/reminders/stop")
@limits.token_pages
@no_store
def stop(token: str):
    """Stop the trip's reminders from the shared page."""
    language = subscriptions.language_of_link(token, utcnow())
    if language is None:
        abort(404)
    with client_language(language):
        if not StopRemindersForm().validate_on_submit():
            abort(400)
        if subscriptions.stop_for_trip(token, utcnow()) is None:
            abort(404)
        flash(_("No more reminders will be sent for this trip."), "success")
    return _back(token)


@blueprint.route("/reminders/stop/<token>", methods=["GET", "POST"])
@csrf.exempt  # RFC 8058: a mail client's one-click POST carries no CSRF token; the page's own form does
@limits.token_pages
@no_store
def unsubscribe(token: str):
    """GET asks (a link previewer stops nothing); POST stops: the page's button, or a mail client's one click."""
    subscription = subscriptions.subscription_of_token(token)
    if subscription is None:
        abort(404)
    if request.method == "POST" and request.form.get("List-Unsubscribe") == "One-Click":
        subscriptions.unsubscribe(token, utcnow())
        return Response(status=204)
    with client_language(subscription.trip.shown_language) as words:
        form = StopRemindersForm()
        if request.method == "POST":
            if not form.validate_on_submit():
                abort(400)
            subscriptions.unsubscribe(token, utcnow())
            stopped = True
        else:
            stopped = subscription.stopped_at is not None
        page = render_template("reminders/unsubscribe.html", form=form, token=token, stopped=stopped)
    response = Response(page, content_type="text/html; charset=utf-8")
    response.headers["Content-Language"] = words.lang
    return response
