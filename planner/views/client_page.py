"""The client's shared page, rendered for its GET and again, with the typed address, for a refused reminders form."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Response, render_template

from planner.clock import utcnow
from planner.forms.reminders import ReminderForm, StopRemindersForm
from planner.i18n.web import client_language
from planner.services.reminders import subscriptions
from planner.services.workspace import sharing


@dataclass(frozen=True)
class Panel:
    """What the shared page's reminders section shows: where they go, and its two forms."""

    reminders: subscriptions.Reminders
    form: ReminderForm
    stop_form: StopRemindersForm


def reminder_panel(trip, form: ReminderForm | None = None) -> Panel:
    """The shared page's reminders section for ``trip`` (it reads only); ``form``: a refused one, as typed."""
    return Panel(
        subscriptions.reminders_of(trip), form or ReminderForm(formdata=None), StopRemindersForm(formdata=None)
    )


def client_page(token: str, chosen: str | None, *, form: ReminderForm | None = None, status: int = 200):
    """The page of a live client link in the reader's choice or the client's language; None for a dead link.

    ``form`` is a reminders form that was refused: the page shows it with what was typed and why.
    """
    view = sharing.open_client_link(token, utcnow(), chosen)
    if view is None:
        return None
    # the client's language, whatever the facilitator's (an explicit ?lang= is the reader's own choice)
    with client_language(chosen or view.trip.shown_language) as words:
        status_text = str(sharing.CLIENT_STATUS_WORDS[view.trip.status])
        panel = reminder_panel(view.trip, form)
        page = render_template("share/client.html", view=view, token=token, status_text=status_text, reminders=panel)
    response = Response(page, status=status, content_type="text/html; charset=utf-8")
    response.headers["Content-Language"] = words.lang
    return response
