"""Read-only links for a facilitator's client: create, rotate, revoke, open; what the client last saw."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from planner.core.calendar import CalendarOptions, render_calendar
from planner.core.model import Plan
from planner.extensions import db
from planner.i18n import words_for
from planner.models import FeedToken, ShareLink, Trip
from planner.services.accounts.agencies import contact_for
from planner.services.accounts.tokens import hash_token, new_token
from planner.services.documents import FILENAME as ITINERARY_FILENAME
from planner.services.documents import itinerary_pdf
from planner.services.planning.change_log import History, history_of
from planner.services.planning.custom_catalog import catalog_for
from planner.services.planning.plan_view import PlanPage, plan_page
from planner.services.planning.revisions import planned_trip
from planner.services.workspace.calendar_events import trip_events
from planner.services.workspace.feeds import calendar_name

CLIENT = "client"


@dataclass(frozen=True)
class Sharing:
    """What the facilitator's sharing page shows for one trip."""

    trip: Trip
    links: list[ShareLink]
    feeds: list[FeedToken]


@dataclass(frozen=True)
class ClientView:
    """A trip as its client sees it through a link: the plan page's sections, costs hidden or not."""

    trip: Trip
    #: what the plan sections show; None when the trip no longer plans
    shown: PlanPage | None
    hide_costs: bool
    #: the fingerprint of the appointments shown, which the page sends back once a person reads it
    seen_version: str | None = None
    #: the trip's history of changes, split at the client's last look
    history: History | None = None
    #: the facilitator's name and contact (their login email), for "your coordinator"
    coordinator: tuple[str, str] | None = None


def sharing_of(owner_id: int, trip_id: int) -> Sharing | None:
    """One of the owner's trips with its client links and feeds, newest first; None if not theirs."""
    trip = _owned_trip(owner_id, trip_id)
    if trip is None:
        return None
    links = db.session.scalars(
        select(ShareLink).where(ShareLink.trip_id == trip.id, ShareLink.kind == CLIENT).order_by(ShareLink.id.desc())
    )
    feeds = db.session.scalars(select(FeedToken).where(FeedToken.trip_id == trip.id).order_by(FeedToken.id.desc()))
    return Sharing(trip, list(links), list(feeds))


def create_client_link(
    owner_id: int, trip_id: int, *, hide_costs: bool, expires_at: datetime | None
) -> tuple[ShareLink, str] | None:
    """A new read-only link to one of the owner's trips and its token (shown once); None if not theirs."""
    trip = _owned_trip(owner_id, trip_id)
    if trip is None:
        return None
    link, token = _new_link(trip, hide_costs, expires_at)
    db.session.commit()
    return link, token


def rotate_client_link(owner_id: int, trip_id: int, link_id: int, now: datetime) -> tuple[ShareLink, str] | None:
    """Revoke a link and make a new one with the same options (for a link sent to the wrong person)."""
    old = _owned_link(owner_id, trip_id, link_id)
    if old is None:
        return None
    old.revoked_at = old.revoked_at or now
    link, token = _new_link(old.trip, old.hide_costs, old.expires_at)
    db.session.commit()
    return link, token


def revoke_client_link(owner_id: int, trip_id: int, link_id: int, now: datetime) -> bool:
    """Revoke one of the owner's client links (it answers 404 from now on); False if not theirs."""
    link = _owned_link(owner_id, trip_id, link_id)
    if link is None:
        return False
    link.revoked_at = link.revoked_at or now
    db.session.commit()
    return True


def open_client_link(token: str, now: datetime, language: str | None = None) -> ClientView | None:
    """The trip behind a live client link; None if the link is dead. It writes nothing.

    The plan is worded in ``language`` when given (the reader's own ``?lang=``), else in the trip's
    language (the client's): never in the language of whoever happens to be logged in.

    A GET or HEAD is not a person reading: link previewers (chat apps, mail scanners) fetch the
    page too. What the client saw is recorded by ``record_client_saw``, from the page's own script.
    """
    link = _live_link(token, now)
    if link is None:
        return None
    owner = contact_for(link.trip)
    coordinator = (owner.display_name or owner.email, owner.email) if owner is not None else None
    words = words_for(language or link.trip.shown_language)
    planned = planned_trip(link.trip, words=words)
    # the client's history starts when the trip was first shared with them
    shared = min(other.created_at for other in link.trip.links if other.kind == CLIENT)
    history = history_of(link.trip, since=shared)
    if planned is None:
        return ClientView(link.trip, None, link.hide_costs, history=history, coordinator=coordinator)
    seen = _fingerprint(seen_appointments(planned.plan))
    return ClientView(link.trip, plan_page(planned, words), link.hide_costs, seen, history, coordinator)


def record_client_saw(token: str, version: str, now: datetime) -> bool | None:
    """Record what the client saw, if the plan is still the one the page showed (``version``).

    None if the link is dead; False if the plan changed since the page was rendered (the client
    saw the earlier plan, which this must not claim they saw).
    """
    link = _live_link(token, now)
    if link is None:
        return None
    planned = planned_trip(link.trip)
    if planned is None:
        return False
    seen = seen_appointments(planned.plan)
    if _fingerprint(seen) != version:
        return False
    link.trip.client_seen = seen
    link.trip.client_seen_at = now
    db.session.commit()
    return True


def _fingerprint(seen: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(seen, sort_keys=True).encode()).hexdigest()[:32]


def client_calendar(token: str, now: datetime) -> tuple[bytes, str, str] | None:
    """The .ics of the trip behind a live client link, its file name and its language tag (the client's);
    None if the link is dead."""
    link = _live_link(token, now)
    if link is None:
        return None
    return trip_calendar(link.trip)


def trip_calendar(trip: Trip) -> tuple[bytes, str, str]:
    """The trip's .ics as its client gets it (shared page, "your plan" mail): bytes, file name, language tag."""
    words = words_for(trip.shown_language)  # the client's language, whatever the facilitator's
    options = CalendarOptions(
        calendar_uid=f"trip-{trip.uuid}",
        name=calendar_name(trip, trip.discreet, words),
        host=current_app.config["PLANNER_HOST"],
        stamp=trip.calendar_changed_at.astimezone(UTC),
        discreet=trip.discreet,
        words=words,
    )
    catalog = catalog_for(trip.owner_id)
    events = trip_events([trip], catalog, words=words)
    return render_calendar(events, catalog, options), "treatment-trip.ics", words.lang


def client_itinerary(token: str, now: datetime) -> tuple[bytes, str, str] | None:
    """The PDF itinerary of the trip behind a live client link (no budget when the link hides costs),
    its file name and its language tag (the client's); None if the link is dead."""
    link = _live_link(token, now)
    if link is None:
        return None
    words = words_for(link.trip.shown_language)
    body = itinerary_pdf(link.trip, words=words, now=now, hide_costs=link.hide_costs)
    return body, ITINERARY_FILENAME, words.lang


def seen_appointments(plan: Plan) -> dict[str, str]:
    """Appointment key → start (ISO, UTC): what a client who opens the plan now has seen."""
    return {a.key: a.start.astimezone(UTC).isoformat() for a in plan.appointments}


def link_of_token(trip: Trip, token: str, now: datetime) -> ShareLink:
    """The trip's client link whose token is ``token``, made (flushed, not committed) when there is none.

    A message builder that derives its token from the message (the same on every try) gets the same
    link back on a retry. A new link takes the options of the newest live one (costs hidden, expiry),
    else shows the costs and never expires.
    """
    token_hash = hash_token(token)
    found = db.session.scalar(select(ShareLink).where(ShareLink.token_hash == token_hash))
    if found is not None:
        return found
    live = [
        link
        for link in trip.links
        if link.kind == CLIENT and link.revoked_at is None and (link.expires_at is None or link.expires_at > now)
    ]
    newest = max(live, key=lambda link: link.id, default=None)
    hide_costs = newest.hide_costs if newest is not None else False
    link = ShareLink(
        trip=trip,
        kind=CLIENT,
        token_hash=token_hash,
        hide_costs=hide_costs,
        expires_at=newest.expires_at if newest is not None else None,
    )
    db.session.add(link)
    db.session.flush()
    return link


def _owned_trip(owner_id: int, trip_id: int) -> Trip | None:
    return db.session.scalar(select(Trip).where(Trip.id == trip_id, Trip.owner_id == owner_id))


#: a trip's status as its client reads it
CLIENT_STATUS_WORDS = {
    "draft": _l("Draft: your coordinator is still planning it"),
    "proposed": _l("Proposed: waiting for the clinic to confirm the times"),
    "confirmed": _l("Confirmed by the clinic"),
    "completed": _l("Completed"),
    "cancelled": _l("Cancelled"),
    "archived": _l("Archived"),
}


def share_caution(trip: Trip) -> str | None:
    """Why sharing this trip with the client needs a second thought, or None when it is ready to share."""
    if trip.status in ("cancelled", "archived"):
        return _("This trip is cancelled.") if trip.status == "cancelled" else _("This trip is archived.")
    if trip.status == "draft" and trip.problem_count:
        return _("This trip is still a draft and its plan does not work yet.")
    if trip.status == "draft":
        return _("This trip is still a draft: the clinic has not been asked to confirm it.")
    if trip.problem_count:
        return _("This plan does not work yet: the client will see its problems.")
    return None


def owned_link(owner_id: int, trip_id: int, link_id: int) -> ShareLink | None:
    """One of the owner's client links of that trip; None if not theirs."""
    return _owned_link(owner_id, trip_id, link_id)


def _owned_link(owner_id: int, trip_id: int, link_id: int) -> ShareLink | None:
    return db.session.scalar(
        select(ShareLink)
        .join(Trip, Trip.id == ShareLink.trip_id)
        .where(ShareLink.id == link_id, ShareLink.kind == CLIENT, Trip.id == trip_id, Trip.owner_id == owner_id)
    )


def _new_link(trip: Trip, hide_costs: bool, expires_at: datetime | None) -> tuple[ShareLink, str]:
    token, token_hash = new_token()
    link = ShareLink(trip=trip, kind=CLIENT, token_hash=token_hash, hide_costs=hide_costs, expires_at=expires_at)
    db.session.add(link)
    db.session.flush()
    return link, token


def client_link_trip(token: str, now: datetime) -> Trip | None:
    """The trip behind a live client link, or None (revoked, expired, unknown)."""
    link = _live_link(token, now)
    return link.trip if link is not None else None


def _live_link(token: str, now: datetime) -> ShareLink | None:
    query = select(ShareLink).where(ShareLink.token_hash == hash_token(token), ShareLink.kind == CLIENT)
    link = db.session.scalar(query)
    if link is None or link.revoked_at is not None:
        return None
    if link.expires_at is not None and link.expires_at <= now:
        return None
    return link
