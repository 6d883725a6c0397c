"""Calendar subscription feeds: one per trip, one per facilitator; a secret token is the credential.

A feed GET reads and never writes: SEQUENCE and DTSTAMP come from the stored revisions (see
revisions.py). The rendered bytes are kept per process under a key of the database state they
depend on, so a revalidation (304) costs one query and no rendering.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from urllib.parse import quote

from flask import current_app
from sqlalchemy import bindparam, false, func, select
from sqlalchemy.orm import selectinload

from planner.core.calendar import CalendarOptions, render_calendar
from planner.extensions import db
from planner.i18n import ENGLISH, Words, words_for
from planner.models import Client, FeedToken, Trip, User
from planner.models.trip import SET_ASIDE
from planner.services.accounts.roles import assigned_only, can
from planner.services.accounts.tokens import hash_token, new_token
from planner.services.planning.custom_catalog import catalog_for
from planner.services.workspace.calendar_events import label as _label
from planner.services.workspace.calendar_events import trip_events
from planner.services.workspace.scope import trip_scope

#: how often subscribed calendars should fetch again (REFRESH-INTERVAL and X-PUBLISHED-TTL)
REFRESH = timedelta(hours=1)
#: a facilitator's feed leaves out trips that arrived longer ago than this (Google's ~1 MB limit)
WINDOW = timedelta(days=60)


@dataclass(frozen=True)
class Feed:
    """A rendered feed: its bytes, strong ETag (hash of the bytes) and true Last-Modified."""

    body: bytes
    etag: str
    last_modified: datetime
    #: the language tag of its words ("zh-Hans"): a trip feed speaks its client's language
    lang: str = "en"


@dataclass(frozen=True)
class Subscription:
    """The addresses of a feed: https, webcal:// and Google's "add by URL" link."""

    https: str
    webcal: str
    google: str


class _RenderedFeeds:
    """A small per-process LRU of rendered feeds, keyed by the state they were rendered from."""

    def __init__(self, size: int = 256):
        self._size = size
        self._items: OrderedDict[tuple, Feed] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> Feed | None:
        with self._lock:
            feed = self._items.get(key)
            if feed is not None:
                self._items.move_to_end(key)
            return feed

    def put(self, key: tuple, feed: Feed) -> None:
        with self._lock:
            self._items[key] = feed
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


def _rendered() -> _RenderedFeeds:
    """The current app's rendered feeds (per app, so that two apps never share bytes).

    PLANNER_FEED_CACHE_SIZE=0 turns the memo off: the benchmark measures a true full render so.
    """
    rendered = current_app.extensions.get("planner.feeds")
    if rendered is None:
        rendered = _RenderedFeeds(current_app.config.get("PLANNER_FEED_CACHE_SIZE", 256))
        current_app.extensions["planner.feeds"] = rendered
    return rendered


def subscription(base_url: str, token: str) -> Subscription:
    """The https, webcal:// and Google "add by URL" addresses of the feed with this token."""
    https = f"{base_url.rstrip('/')}/feeds/{token}.ics"
    webcal = "webcal://" + https.split("://", 1)[1]
    return Subscription(https, webcal, "https://calendar.google.com/calendar/r?cid=" + quote(webcal, safe=""))


def create_trip_feed(
    owner_id: int, trip_id: int, *, discreet: bool, created_by: int | None = None
) -> tuple[FeedToken, str] | None:
    """A new feed of one of the agency's trips and its token (shown once); None if no such trip."""
    trip = db.session.scalar(select(Trip).where(Trip.id == trip_id, Trip.owner_id == owner_id))
    if trip is None:
        return None
    token, token_hash = new_token()
    feed = FeedToken(token_hash=token_hash, trip_id=trip.id, discreet=discreet, created_by=created_by)
    db.session.add(feed)
    db.session.commit()
    return feed, token


def create_owner_feed(owner_id: int, *, discreet: bool = True, created_by: int | None = None) -> tuple[FeedToken, str]:
    """A new feed of all the agency's clients (discreet unless asked) and its token (shown once).

    It speaks the language of the member who made it (``created_by``).
    """
    token, token_hash = new_token()
    feed = FeedToken(token_hash=token_hash, owner_id=owner_id, discreet=discreet, created_by=created_by)
    db.session.add(feed)
    db.session.commit()
    return feed, token


def owner_feeds(owner_id: int, created_by: int) -> list[FeedToken]:
    """A member's own all-clients feeds, newest first (revoked ones included, marked)."""
    query = select(FeedToken).where(FeedToken.owner_id == owner_id, FeedToken.created_by == created_by)
    query = query.order_by(FeedToken.id.desc())
    return list(db.session.scalars(query))


def revoke_feed(owner_id: int, feed_id: int, now: datetime) -> FeedToken | None:
    """Revoke one of the owner's feeds (its URL answers 404 from now on); None if not theirs."""
    feed = _owned_feed(owner_id, feed_id)
    if feed is None:
        return None
    if feed.revoked_at is None:
        feed.revoked_at = now
    db.session.commit()
    return feed


def owned_feed(owner_id: int, feed_id: int) -> FeedToken | None:
    """One of the owner's feeds (all-clients, or of one of their trips); None if not theirs."""
    return _owned_feed(owner_id, feed_id)


def _owned_feed(owner_id: int, feed_id: int) -> FeedToken | None:
    feed = db.session.get(FeedToken, feed_id)
    if feed is None:
        return None
    if feed.owner_id is not None:
        return feed if feed.owner_id == owner_id else None
    trip = db.session.get(Trip, feed.trip_id)
    return feed if trip is not None and trip.owner_id == owner_id else None


#: the feed's state by token hash: what decides whether the memo's bytes still hold
_LOOKUP = (
    select(FeedToken.id, FeedToken.trip_id, Trip.updated_at, Trip.calendar_changed_at)
    .outerjoin(Trip, Trip.id == FeedToken.trip_id)
    .where(FeedToken.token_hash == bindparam("token_hash"), FeedToken.revoked_at.is_(None))
)


def _lookup(token_hash: str) -> tuple | None:
    """The feed's state row, read on a pooled DBAPI connection with the statement compiled once.

    A calendar app revalidates often and a 304 is nearly all of its cost, so this skips
    SQLAlchemy's per-execution machinery. The timestamps come back as the driver gives them:
    they only key the memo, never reach the calendar.
    """
    engine = db.engine
    sql, positional, names = _compiled(engine.dialect)
    arguments = (token_hash,) if positional else {names[0]: token_hash}
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute(sql, arguments)
        row = cursor.fetchone()
        cursor.close()
    finally:
        connection.close()  # back to the pool, which rolls back the read
    return row


@lru_cache(maxsize=8)
def _compiled(dialect) -> tuple[str, bool, tuple[str, ...]]:
    compiled = _LOOKUP.compile(dialect=dialect)
    names = tuple(compiled.positiontup or ()) if compiled.positional else tuple(compiled.params)
    return str(compiled), compiled.positional, names


def feed_for_token(token: str, today: date) -> Feed | None:
    """The calendar behind a feed token, or None if the token is unknown or revoked."""
    row = _lookup(hash_token(token))
    if row is None:
        return None
    feed_id, trip_id, updated_at, changed_at = row
    if trip_id is None:
        return _owner_feed(db.session.get(FeedToken, feed_id), today)
    key = ("trip", feed_id, updated_at, changed_at)
    return _rendered().get(key) or _trip_feed(db.session.get(FeedToken, feed_id), key)


def _trip_feed(feed: FeedToken, key: tuple) -> Feed | None:
    trip = db.session.get(Trip, feed.trip_id)
    if trip is None:
        return None
    discreet = feed.discreet or trip.discreet
    words = words_for(trip.shown_language)  # the client's language, whatever the facilitator's
    name = calendar_name(trip, discreet, words)
    options = _options(f"feed-{trip.uuid}", name, trip.calendar_changed_at, discreet, words)
    catalog = catalog_for(trip.owner_id)
    # a cancelled or archived trip's events leave subscribed calendars (the feed stays, empty)
    shown = [trip] if trip.status not in SET_ASIDE else []
    body = render_calendar(trip_events(shown, catalog, words=words), catalog, options)
    return _keep(key, body, trip.calendar_changed_at, words.lang)


def calendar_name(trip: Trip, discreet: bool, words: Words) -> str:
    """A trip calendar's name in ``words``' language ("Treatment trip · Knee, spring")."""
    _ = words.gettext
    if discreet:
        return _("Treatment trip")
    return _("Treatment trip · %(title)s", title=trip.title or _("plan"))


def _creator_scope(feed: FeedToken) -> tuple:
    """The trips an all-clients feed shows: those its maker sees (a coordinator's own clients, or all)."""
    creator = db.session.get(User, feed.created_by) if feed.created_by is not None else None
    if creator is None or not can(creator, "health"):  # gone, removed, or now finance: an empty calendar
        return (false(),)
    return trip_scope(feed.owner_id, assigned_only(creator))


def _owner_feed(feed: FeedToken, today: date) -> Feed:
    # one aggregate query decides whether the cached bytes still hold: counts catch deletions,
    # maxima catch edits (a client's rename changes the event titles of the feed)
    scope = _creator_scope(feed)
    state = db.session.execute(
        select(
            func.count(Trip.id),
            func.max(Trip.updated_at),
            func.max(Trip.calendar_changed_at),
            func.max(Client.updated_at),
            # the language of the member who made it: a new preference is a new calendar
            select(User.language).where(User.id == feed.created_by).scalar_subquery(),
        )
        .select_from(Trip)
        .outerjoin(Client, Client.id == Trip.client_id)
        .where(*scope)
    ).one()
    key = ("owner", feed.id, today, len(scope), *state)
    cached = _rendered().get(key)
    if cached is not None:
        return cached
    first_day = (today - WINDOW).isoformat()
    trips = [
        trip
        for trip in db.session.scalars(
            select(Trip)
            .where(*scope)
            .order_by(Trip.id)
            .options(selectinload(Trip.client), selectinload(Trip.pins), selectinload(Trip.revisions))
        )
        if str((trip.scenario or {}).get("arrival", ""))[:10] >= first_day and trip.status not in SET_ASIDE
    ]
    changed = [trip.calendar_changed_at for trip in trips] + [
        trip.client.updated_at for trip in trips if trip.client is not None
    ]
    last_modified = max(changed, default=feed.created_at)
    # the facilitator's own calendar: in their language preference (English without one)
    words = words_for(state[-1])
    name = words.gettext("Clients' appointments")
    options = _options(f"facilitator-{feed.owner_id}-{feed.id}", name, last_modified, feed.discreet, words)
    catalog = catalog_for(feed.owner_id)
    body = render_calendar(trip_events(trips, catalog, label_of=_label, words=words), catalog, options)
    return _keep(key, body, last_modified, words.lang)


def _options(calendar_uid: str, name: str, stamp: datetime, discreet: bool, words: Words = ENGLISH) -> CalendarOptions:
    host = current_app.config["PLANNER_HOST"]
    stamp = stamp.astimezone(UTC)
    return CalendarOptions(calendar_uid, name, host, stamp, discreet=discreet, refresh=REFRESH, words=words)


def _keep(key: tuple, body: bytes, last_modified: datetime, lang: str = "en") -> Feed:
    stamp = last_modified.astimezone(UTC).replace(microsecond=0)
    feed = Feed(body, hashlib.sha256(body).hexdigest()[:32], stamp, lang)
    _rendered().put(key, feed)
    return feed
