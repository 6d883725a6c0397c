"""Calendar subscription feeds: the public feed URL and the facilitator's feed pages."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from planner import limits
from planner.clock import utcnow
from planner.forms.sharing import ActionForm, FeedForm
from planner.security import no_store
from planner.services.workspace import feeds
from planner.views import shown_once
from planner.views.confirm import Confirmation, answer, ask, to_the_question

blueprint = Blueprint("feeds", __name__)


def _not_found() -> Response:
    # plain text, never a page with links or a redirect to /login: calendar apps read this
    return Response(_("No calendar at this address.") + "\n", status=404, mimetype="text/plain")


@blueprint.get("/feeds/<token>.ics")
@limits.feed
def feed(token: str):
    """A subscribed calendar: ETag, Last-Modified, 304 and HEAD; the token in the URL is the credential."""
    found = feeds.feed_for_token(token, utcnow().date())
    if found is None:
        return _not_found()
    revalidated = request.if_none_match.contains(found.etag)
    if revalidated:
        # the calendar app holds these bytes already: answer 304 without building a body
        response = Response(status=304)
    else:
        response = Response(found.body, content_type="text/calendar; charset=utf-8")
        response.headers["Content-Disposition"] = 'inline; filename="calendar.ics"'
    # private: no shared cache may keep it; no-cache: calendar apps revalidate with the ETag
    response.headers["Cache-Control"] = "private, no-cache"
    response.headers["Content-Language"] = found.lang
    response.set_etag(found.etag)
    response.last_modified = found.last_modified
    return response if revalidated else response.make_conditional(request)


@blueprint.get("/feeds")
@login_required
@no_store
def index():
    """The facilitator's all-clients feeds and a form for a new one."""
    mine = feeds.owner_feeds(current_user.agency_id, current_user.id)
    form = FeedForm(formdata=None, data={"discreet": shown_once.discreet_choice()})
    return render_template("feeds/index.html", feeds=mine, form=form, action=ActionForm())


def _back_of(feed) -> str:
    if feed.trip_id is not None:
        return url_for("share.manage", trip_id=feed.trip_id)
    return url_for("feeds.index")


def _made(feed, token: str):
    """Keep the new address for its page, and the discreet choice for the next form; then redirect there."""
    shown_once.keep("feed", feed.id, token)
    shown_once.remember_discreet(feed.discreet)
    return redirect(url_for("feeds.created", feed_id=feed.id), code=303)


@blueprint.post("/feeds")
@login_required
@no_store
def create():
    """A new all-clients feed, then its page (POST → redirect → GET), which shows the address once."""
    form = FeedForm()
    if not form.validate_on_submit():
        flash(_("The form expired; please try again."), "error")
        return redirect(url_for("feeds.index"))
    feed, token = feeds.create_owner_feed(
        current_user.agency_id, discreet=form.discreet.data, created_by=current_user.id
    )
    return _made(feed, token)


@blueprint.post("/trips/<int:trip_id>/feeds")
@login_required
@no_store
def create_for_trip(trip_id: int):
    """A new feed of one trip, then its page (POST → redirect → GET), which shows the address once."""
    form = FeedForm()
    if not form.validate_on_submit():
        flash(_("The form expired; please try again."), "error")
        return redirect(url_for("share.manage", trip_id=trip_id))
    made = feeds.create_trip_feed(
        current_user.agency_id, trip_id, discreet=form.discreet.data, created_by=current_user.id
    )
    if made is None:
        abort(404)
    return _made(*made)


@blueprint.get("/feeds/<int:feed_id>/new")
@login_required
@no_store
def created(feed_id: int):
    """The new feed's addresses, this once; a reload or Back shows that they were shown already."""
    feed = feeds.owned_feed(current_user.agency_id, feed_id)
    if feed is None:
        abort(404)
    token = shown_once.take("feed", feed_id)
    links = feeds.subscription(current_app.config["PLANNER_BASE_URL"], token) if token else None
    return render_template("feeds/created.html", feed=feed, links=links, back=_back_of(feed))


@blueprint.route("/feeds/<int:feed_id>/revoke", methods=["GET", "POST"])
@login_required
@no_store
def revoke(feed_id: int):
    """Ask, then revoke a feed: calendars subscribed to it stop updating."""
    feed = feeds.owned_feed(current_user.agency_id, feed_id)
    if feed is None or feed.revoked_at is not None:
        abort(404)
    question = Confirmation(
        title=_("Revoke feed %(id)s?", id=feed_id),
        what=_(
            "Calendars subscribed to this address stop updating, and the address answers “not found” from now on."
            " What they already show stays there until removed in each calendar app."
        ),
        undo=_("A revoked feed cannot be turned back on; you can make a new subscription address afterwards."),
        action=url_for("feeds.revoke", feed_id=feed_id),
        button=_("Revoke the feed"),
        back=_back_of(feed),
    )
    if request.method == "GET":
        return ask(question)
    said = answer()
    if said == "expired":
        flash(_("The form expired; please try again."), "error")
        return redirect(question.action)
    if said == "unconfirmed":
        return to_the_question(question.action)
    feeds.revoke_feed(current_user.agency_id, feed_id, utcnow())
    flash(_("The feed is revoked: calendars subscribed to it no longer update."), "success")
    return redirect(_back_of(feed))
