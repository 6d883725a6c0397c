"""The letters of "plan" and "changes", built from their MailRecord when they are sent (``records.LETTERS``).

The record holds the address, the discreet subject and the trip's id; everything else (the plan,
the changes, the link) is read from the trip at send time, so no health detail is stored with it.

The share link: only a link's hash is stored, so "your plan" cannot reuse a link made earlier. It
makes a client link of its own at send time, whose token is derived from the app's secret key and
the record's random Message-ID (HMAC-SHA256): a retry derives the same token and finds the same
link (``sharing.link_of_token``), so a message makes at most one link, and the raw token is never
stored or logged. The link is flushed with the sending and committed only once the message is sent.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from flask import current_app

from planner.clock import utcnow
from planner.extensions import db
from planner.i18n import Words, words_for
from planner.models import MailRecord, Trip
from planner.services.accounts.agencies import contact_for
from planner.services.documents import FILENAME as ITINERARY_FILE
from planner.services.documents import itinerary_pdf
from planner.services.mail.letters import Attachment, Letter
from planner.services.mail.records import MailError, single_address
from planner.services.messages.content import Body, Moved, changes_body, plan_body
from planner.services.planning.change_log import history_of
from planner.services.planning.revisions import planned_trip
from planner.services.workspace import sharing

#: the kinds a facilitator sends from a trip page (and the API)
KINDS = ("plan", "changes")
#: the .ics's name in the mail: nothing in it says treatment
CALENDAR_FILE = "travel-plan.ics"


def N_(message: str) -> str:
    """Mark a message for translation; it is translated where it is shown."""
    return message


SUBJECTS = {"plan": N_("Your travel plan"), "changes": N_("Your travel plan changed")}
NO_CLIENT = N_("This trip has no client to write to.")
NO_EMAIL = N_("The client's contact is not an email address: write one in Contact on the client's page.")
NO_CHANGES = N_("Nothing has moved since the client last looked: there is no change to send.")


class MessageProblem(MailError):
    """A message that cannot be sent about this trip; ``field`` names what to fix ("contact", "kind")."""

    def __init__(self, message: str, field: str, **values) -> None:
        super().__init__(message, **values)
        self.field = field


def client_words(trip: Trip) -> Words:
    """The client's words (their language, whatever the facilitator's)."""
    return words_for(trip.shown_language)


def subject(kind: str, words: Words) -> str:
    """The discreet subject line, in the client's language: never a treatment, nor the trip's title."""
    return words.gettext(SUBJECTS[kind])


def recipient(trip: Trip) -> str:
    """The client's email address (their contact), else MessageProblem naming the contact."""
    if trip.client is None:
        raise MessageProblem(NO_CLIENT, "client")
    try:
        return single_address(trip.client.contact)
    except MailError:
        raise MessageProblem(NO_EMAIL, "contact") from None


def coordinator(trip: Trip) -> str:
    """The facilitator as the client knows them: their name and email."""
    owner = contact_for(trip)
    if owner is None:
        return ""
    return f"{owner.display_name} <{owner.email}>" if owner.display_name else owner.email


def changes_to_tell(trip: Trip) -> list[Moved]:
    """What moved since the client last looked (all since the first share, if they never looked), oldest first."""
    shared = [link.created_at for link in trip.links if link.kind == sharing.CLIENT]
    history = history_of(trip, since=min(shared) if shared else None)
    return [Moved(c.kind, c.title, c.before, c.after) for c in reversed(history.since_seen)]


def link_token(message_id: str) -> str:
    """The share-link token of a "plan" message: HMAC of its Message-ID, 43 URL-safe characters like any token."""
    key = str(current_app.config["SECRET_KEY"]).encode()
    digest = hmac.new(key, b"plan-message-link\0" + message_id.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def share_url(token: str) -> str:
    return f"{current_app.config['PLANNER_BASE_URL'].rstrip('/')}/shared/{token}"


def plan_attachments(trip: Trip, *, words: Words, now, hide_costs: bool = False) -> tuple[Attachment, ...]:
    """What "your plan" carries, in the client's language: the trip's calendar (the shared page's .ics) and
    the PDF itinerary (the shared page's, without the budget when the message's link hides costs)."""
    ics, _name, _lang = sharing.trip_calendar(trip)
    pdf = itinerary_pdf(trip, words=words, now=now, hide_costs=hide_costs)
    return (Attachment(CALENDAR_FILE, ics, "text/calendar"), Attachment(ITINERARY_FILE, pdf, "application/pdf"))


def attachment_names(kind: str) -> tuple[str, ...]:
    """The names of the files a kind of message carries, for the preview."""
    return (CALENDAR_FILE, ITINERARY_FILE) if kind == "plan" else ()


def body(kind: str, trip: Trip, words: Words, link: str | None) -> Body:
    """The body of a message of ``kind`` about ``trip`` (``link``: the plan's address, None in a preview)."""
    client = trip.client
    common = {
        "name": client.name if client is not None else "",
        "discreet": trip.discreet,
        "coordinator": coordinator(trip),
        "home": client.home_timezone if client is not None else "UTC",
        "words": words,
    }
    if kind == "changes":
        return changes_body(changes=changes_to_tell(trip), **common)
    planned = planned_trip(trip, words=words)
    return plan_body(plan=planned.plan if planned is not None else None, link=link, **common)


def _trip_of(record: MailRecord) -> Trip:
    trip = db.session.get(Trip, record.trip_id) if record.trip_id is not None else None
    if trip is None or trip.owner_id != record.owner_id:
        raise LookupError("the message's trip is gone")
    return trip


def plan_letter(record: MailRecord) -> Letter:
    """ "Your plan": a client link of its own (see the module), the day-by-day plan, the calendar attached."""
    trip = _trip_of(record)
    words = client_words(trip)
    now = utcnow()
    link = sharing.link_of_token(trip, link_token(record.message_id), now)
    if link.revoked_at is not None:  # revoked between two tries: send no dead link
        raise LookupError("the message's link was revoked")
    made = body("plan", trip, words, share_url(link_token(record.message_id)))
    attachments = plan_attachments(trip, words=words, now=now, hide_costs=link.hide_costs)
    return Letter(made.text(), made.html(words), attachments)


def changes_letter(record: MailRecord) -> Letter:
    """ "Your plan changed": what moved since the client last looked, in their home zone and Seoul time."""
    trip = _trip_of(record)
    words = client_words(trip)
    made = body("changes", trip, words, None)
    return Letter(made.text(), made.html(words))
