"""The trip's itinerary as a PDF for the client: the shared page's plan, laid out for print (A4).

The plan is the one the shared page shows (``planned_trip`` and ``plan_page``, worded in the
client's language); ``templates/documents/itinerary.html`` and its stylesheet lay it out, and
WeasyPrint (on Pango) makes the PDF, embedding the fonts it used: the stylesheet names the Noto
families that cover Hangul, Han, Kana, Cyrillic and Arabic (docs/deployment.md, Fonts).

The current quote shows as the shared page shows it (documents/quote_view.py): only once sent to the
client, and never when costs are hidden.

It needs an app context and no request, so a mail job can attach the same file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from flask import render_template

from planner.i18n import Words
from planner.i18n.web import client_language
from planner.models import Trip
from planner.services.accounts.agencies import contact_for
from planner.services.documents.checklist import trip_checklist
from planner.services.documents.emergency import HELP_NUMBERS, HelpNumber
from planner.services.documents.pdf import write_pdf
from planner.services.documents.quote_view import ClientQuote, client_quote
from planner.services.planning.plan_view import PlanPage, plan_page
from planner.services.planning.revisions import planned_trip

#: the file name a download or an attachment gets: it says nothing of the client or the treatment
FILENAME = "trip-itinerary.pdf"


@dataclass(frozen=True)
class Itinerary:
    """What the print template shows of one trip."""

    trip: Trip
    #: the client's name as the facilitator wrote it (else the traveller's in the request)
    client_name: str
    #: the facilitator's name and contact (their login email); None for a patient's own trip
    coordinator: tuple[str, str] | None
    #: the plan's sections; None when the trip no longer plans
    shown: PlanPage | None
    hide_costs: bool
    help_numbers: tuple[HelpNumber, ...]
    #: when the file was made (the caller's clock)
    made_at: datetime
    #: the documents checklist (issue 13, item 6): items with ``.label`` (text), ``.done`` (bool) and
    #: ``.source`` (text), shown in that order; empty until the checklist exists
    checklist: Sequence = ()
    #: the current quote as the shared page shows it; None for a draft, a cancelled one or hidden costs
    quote: ClientQuote | None = None


def itinerary(
    trip: Trip, *, words: Words, now: datetime, hide_costs: bool = False, checklist: Sequence = ()
) -> Itinerary:
    """What the itinerary of ``trip`` shows, its plan worded in ``words``' language."""
    planned = planned_trip(trip, words=words)
    shown = plan_page(planned, words) if planned is not None else None
    owner = contact_for(trip)
    coordinator = (owner.display_name or owner.email, owner.email) if owner is not None else None
    if trip.client is not None:
        name = trip.client.name
    else:
        name = planned.request.traveller.name if planned is not None else ""
    quote = None if hide_costs else client_quote(trip, now.date())
    return Itinerary(trip, name or "", coordinator, shown, hide_costs, HELP_NUMBERS, now, tuple(checklist), quote)


def itinerary_pdf(trip: Trip, *, words: Words, now: datetime, hide_costs: bool = False) -> bytes:
    """The trip's itinerary as PDF bytes in ``words``' language (pass the client's: ``trip.shown_language``).

    ``hide_costs`` leaves the budget and the quote out, as a client link that hides costs does. The documents
    checklist comes with each item's state, as the shared page shows it. Needs an app
    context (a request's or a job's); writes nothing.
    """
    checklist = trip_checklist(trip, words)
    return render_pdf(itinerary(trip, words=words, now=now, hide_costs=hide_costs, checklist=checklist), words)


def render_pdf(shown: Itinerary, words: Words) -> bytes:
    """An itinerary laid out by the print template and stylesheet, as PDF bytes in ``words``' language."""
    with client_language(words.locale):
        page = render_template("documents/itinerary.html", doc=shown)
        style = render_template("documents/itinerary.css")
    return write_pdf(page, style)
