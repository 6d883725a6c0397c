"""Calendar subscription feeds: the public feed URL and the facilitator's feed pages."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from planner import limits
from planner.clock import utcnow
from planner.forms.sharing import ActionForm, FeedForm
from planner.security import no_store
from planner.services.workspace import feeds

blueprint = Blueprint("feeds", __name__)


def _not_found() -> Response:
    # plain text, never a page with links or a redirect to /login: calendar apps read this
    return Response("No calendar at this address.\n", status=404, mimetype="text/plain")


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
    response.set_etag(found.etag)
    response.last_modified = found.last_modified
    return response if revalidated else response.make_conditional(request)


@blueprint.get("/feeds")
@login_required
@no_store
def index():
    """The facilitator's all-clients feeds and a form for a new one."""
    mine = feeds.owner_feeds(current_user.id)
    return render_template("feeds/index.html", feeds=mine, form=FeedForm(), action=ActionForm())


@blueprint.post("/feeds")
@login_required
@no_store
def create():
    """A new all-clients feed; its address is shown once, on this response."""
    form = FeedForm()
    if not form.validate_on_submit():
        flash("The form expired; please try again.", "error")
        return redirect(url_for("feeds.index"))
    feed, token = feeds.create_owner_feed(current_user.id, discreet=form.discreet.data)
    links = feeds.subscription(current_app.config["PLANNER_BASE_URL"], token)
    return render_template("feeds/created.html", feed=feed, links=links, back=url_for("feeds.index"))


@blueprint.post("/trips/<int:trip_id>/feeds")
@login_required
@no_store
def create_for_trip(trip_id: int):
    """A new feed of one trip; its address is shown once, on this response."""
    form = FeedForm()
    if not form.validate_on_submit():
        flash("The form expired; please try again.", "error")
        return redirect(url_for("share.manage", trip_id=trip_id))
    made = feeds.create_trip_feed(current_user.id, trip_id, discreet=form.discreet.data)
    if made is None:
        abort(404)
    feed, token = made
    links = feeds.subscription(current_app.config["PLANNER_BASE_URL"], token)
    return render_template("feeds/created.html", feed=feed, links=links, back=url_for("share.manage", trip_id=trip_id))


@blueprint.post("/feeds/<int:feed_id>/revoke")
@login_required
def revoke(feed_id: int):
    """Revoke a feed: calendars subscribed to it stop updating."""
    if not ActionForm().validate_on_submit():
        flash("The form expired; please try again.", "error")
        return redirect(url_for("feeds.index"))
    feed = feeds.revoke_feed(current_user.id, feed_id, utcnow())
    if feed is None:
        abort(404)
    flash("The feed is revoked: calendars subscribed to it no longer update.", "success")
    if feed.trip_id is not None:
        return redirect(url_for("share.manage", trip_id=feed.trip_id))
    return redirect(url_for("feeds.index"))
