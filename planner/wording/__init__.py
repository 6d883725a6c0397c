"""The engine's words, chosen at the edge in the caller's language.

The core (``planner.core``) returns codes and JSON-able values: a Notice's ``code``/``text`` and
``params``, an Unscheduled's ``rule`` and ``params``, a Day's ``note_code``, an Appointment's
``moved_code``, ``name`` and ``total``. ``localize(plan, words)`` returns the plan with every text
field filled in one language, so templates, the API, the .ics writer and the text renderer keep
reading ``.message``, ``.title``, ``.reason``, ``.note`` and ``.moved_by``.

One voice: the sentences read right to the patient and to the facilitator (no "you").
"""

from __future__ import annotations

from dataclasses import replace

from planner.core.model import Appointment, Plan, Unscheduled
from planner.i18n import ENGLISH, Words
from planner.wording.notices import notice_text
from planner.wording.phrases import (
    _day,
    _days,
    _lower,
    _title,
    _weekday,
    appointment_title,
    day_note,
    fix_label,
    fix_text,
    moved_text,
    title_text,
)

__all__ = [
    "appointment_title",
    "day_note",
    "fix_label",
    "fix_text",
    "localize",
    "moved_text",
    "notice_text",
    "title_text",
    "unscheduled_text",
]


def unscheduled_text(item: Unscheduled, words: Words = ENGLISH) -> str:
    """Why an occurrence could not be placed, in one sentence."""
    p, rule = item.params, item.rule
    if rule == "stay_too_short":
        return words.gettext("It does not fit before the flight home on %(date)s.", date=_day(words, p.get("date")))
    if rule == "fit_to_fly":
        return words.gettext(
            "It must be at least %(days)s before the flight home on %(date)s, to be fit to fly.",
            days=_days(words, p.get("days", 0)),
            date=_day(words, p.get("date")),
        )
    if rule == "window_missed":
        return words.gettext(
            "The %(anchor)s on %(weekday)s leaves no open day within %(days)s.",
            anchor=_lower(_title(words, p, "anchor", "anchor_n", "anchor_total")),
            weekday=_weekday(words, p.get("date")),
            days=_days(words, p.get("days", 0)),
        )
    if rule == "pin_conflict":
        if p.get("outside_stay"):
            return words.gettext(
                "The confirmed time is outside the stay: change the flight or ask the clinic to move it."
            )
        return words.gettext(
            "The confirmed %(pinned)s on %(date)s leaves no room for it before.",
            pinned=_lower(_title(words, p, "pinned", "pinned_n", "pinned_total")),
            date=_day(words, p.get("date")),
        )
    if rule == "waits_for_unscheduled":
        return words.gettext(
            "It waits for the %(step)s, which is not scheduled yet.",
            step=_lower(_title(words, p, "waits_for", "waits_n", "waits_total")),
        )
    if rule == "cannot_fit":
        return words.gettext("It cannot be fitted within %(days)d days of arrival.", days=p.get("days", 0))
    return item.reason or rule


def _appointment(appointment: Appointment, words: Words) -> Appointment:
    return replace(
        appointment,
        title=appointment_title(appointment, words),
        moved_by=moved_text(appointment.moved_code, appointment.moved_params, words),
        preparation=tuple(words.catalog(text) for text in appointment.preparation),
    )


def _unscheduled(item: Unscheduled, words: Words) -> Unscheduled:
    title = title_text(words, item.name or item.title, item.occurrence, item.total)
    return replace(item, title=title, reason=unscheduled_text(item, words))


def localize(plan: Plan, words: Words = ENGLISH) -> Plan:
    """The plan with every text field in ``words``' language (the plan itself, shared by caches, is not changed).

    Localizing again (in another language) is fine: titles are built from ``name``, the catalog text.
    """
    return replace(
        plan,
        appointments=tuple(_appointment(a, words) for a in plan.appointments),
        days=tuple(replace(d, note=day_note(d, words)) for d in plan.days),
        problems=tuple(replace(n, message=notice_text(n, words)) for n in plan.problems),
        warnings=tuple(replace(n, message=notice_text(n, words)) for n in plan.warnings),
        unscheduled=tuple(_unscheduled(u, words) for u in plan.unscheduled),
    )
