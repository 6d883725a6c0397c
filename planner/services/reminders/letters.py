"""A reminder's letter, in the client's language, with its one-click unsubscribe link (RFC 8058).

Built when the message is sent (``LETTERS["reminder"]``): the unsubscribe token is made here, its
hash kept on the reminder's row (committed with the record's "sent"), so the token exists only in
the message. The body names no treatment: a time, a place's city and the catalog's preparation note.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import current_app, url_for
from markupsafe import escape

from planner.extensions import db
from planner.i18n import Words, words_for
from planner.models import MailRecord, SentReminder
from planner.services.accounts.tokens import new_token
from planner.services.mail.letters import Letter
from planner.services.reminders import rules


class NoReminder(LookupError):
    """The record's reminder row is gone (erased with its client): nothing to send."""


def _when(words: Words, params: dict) -> str:
    zone = params["timezone"]
    local = datetime.fromisoformat(params["start"]).astimezone(ZoneInfo(zone))
    city = words.gettext("%(city)s time", city=words.city(zone))
    day = words.date(local.date(), "full")
    return words.gettext("%(day)s, %(time)s %(zone)s", day=day, time=words.time(local), zone=city)


def _day(words: Words, params: dict) -> str:
    local = datetime.fromisoformat(params["start"]).astimezone(ZoneInfo(params["timezone"]))
    return words.date(local.date(), "full")


def reminder_lines(code: str, params: dict, words: Words) -> list[str]:
    """What a reminder says, paragraph by paragraph, in ``words``' language."""
    _ = words.gettext
    when = _when(words, params)
    if code == rules.FASTING:
        return [
            _("Your appointment is on %(when)s.", when=when),
            _("Preparation: %(note)s", note=words.catalog(params["text"])),
        ]
    if code == rules.PREPARATION:
        return [
            _("Your appointment is on %(when)s.", when=when),
            _("Start now: %(note)s", note=words.catalog(params["text"])),
        ]
    if code == rules.VIDEO:
        return [_("Your video follow-up is tomorrow, %(when)s.", when=when), _("Check your camera and connection.")]
    if code == rules.INTERPRETER:
        return [
            _("Your first appointment is on %(when)s.", when=when),
            _(
                "If you need a medical interpreter, book one now: "
                "city interpreter services are booked 5 to 7 days ahead."
            ),
        ]
    if params.get("keta"):
        return [
            _("You arrive in Korea on %(day)s.", day=_day(words, params)),
            _("Apply for your K-ETA online now; it must be done at least 72 hours before you leave."),
        ]
    return [
        _("You arrive in Korea on %(day)s.", day=_day(words, params)),
        _(
            "Gather your medical visa (C-3-3) papers now: the clinic's treatment reservation confirmation, "
            "your coordinator's registration certificate, proof of funds and your medical records."
        ),
    ]


def unsubscribe_url(token: str) -> str:
    """The address of a reminder's unsubscribe page (GET asks, POST stops; RFC 8058 one-click POST too)."""
    base = current_app.config["PLANNER_BASE_URL"].rstrip("/")
    with current_app.test_request_context():
        path = url_for("reminders.unsubscribe", token=token)
    return f"{base}{path}"


def reminder_letter(record: MailRecord) -> Letter:
    """The letter of a reminder's MailRecord: plain text, HTML, and the List-Unsubscribe headers."""
    sent = db.session.scalar(db.select(SentReminder).where(SentReminder.mail_record_id == record.id))
    if sent is None:
        raise NoReminder(record.id)
    words = words_for(sent.subscription.trip.shown_language)
    token, token_hash = new_token()
    sent.unsubscribe_hash = token_hash  # committed with the record's "sent"; a failed try makes another
    link = unsubscribe_url(token)
    lines = reminder_lines(sent.code, sent.params, words)
    stop = words.gettext("To stop these reminders, open this link: %(link)s", link=link)
    text = "\n\n".join([*lines, stop]) + "\n"
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in lines)
    html = (
        f'<!doctype html><html lang="{words.lang}" dir="{words.dir}"><body>{paragraphs}'
        f'<p><a href="{escape(link)}">{escape(words.gettext("Stop these reminders"))}</a></p></body></html>'
    )
    headers = (("List-Unsubscribe", f"<{link}>"), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
    return Letter(text=text, html=html, headers=headers)
