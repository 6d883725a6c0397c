"""Jinja filters of the planner pages: money, dates and times formatted by Babel in the request's locale.

A page formats the same few amounts and dates many times, and Babel's formatting is slow, so
each text is kept per process under what decides it: the locale; the amount's text and currency;
a date, or a datetime's wall-clock reading (aware datetimes compare as instants, so the zone's
wall clock is the key, never the instant).

English keeps the house patterns ("Monday 1 March 2027", "Tue 17 Nov 2026"); every other locale
writes the same fields with its CLDR skeleton, so Korean reads "2027년 3월 1일 월요일", not English
order with Korean names.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_skeleton, format_time, get_day_names
from babel.numbers import format_currency
from flask import Blueprint
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from planner.i18n import DEFAULT_LOCALE, words_for
from planner.i18n.web import current_locale
from planner.services import current_catalog
from planner.services.planning.zones import zone_labels

#: distinct texts kept per formatter: far more than a page needs, bounded for a long-running worker
_KEPT = 4096


#: the house's English pattern → the CLDR skeleton other locales write the same fields with
_SKELETONS = {
    "EEEE d MMMM y": "yMMMMEEEEd",
    "EEE d MMM": "MMMEd",
    "EEE d MMM y": "yMMMEd",
    "MMMM y": "yMMMM",
}


@lru_cache(maxsize=_KEPT)
def _money(amount: str, currency: str, locale: str) -> str:
    return format_currency(Decimal(amount), currency, locale=words_for(locale).babel_locale)


@lru_cache(maxsize=_KEPT)
def _date(value: date, pattern: str, locale: str) -> str:
    if locale == DEFAULT_LOCALE:
        return format_date(value, pattern, locale=locale)
    return format_skeleton(_SKELETONS[pattern], value, locale=words_for(locale).babel_locale)


@lru_cache(maxsize=_KEPT)
def _time(value: datetime, pattern: str, locale: str) -> str:
    return format_time(value, pattern, locale=words_for(locale).babel_locale)


def _wall(value: date | datetime) -> date | datetime:
    """A date as it is, a datetime as its naive wall-clock reading (what the patterns print)."""
    return value.replace(tzinfo=None) if isinstance(value, datetime) else value


def money(amount: Decimal, currency: str) -> str:
    """An amount with its currency, in the currency's usual digits: "₩25,000", "€1,252.12"."""
    return _money(str(amount), currency, current_locale())


def long_day(value: date | datetime) -> str:
    """A date in words: "Monday 1 March 2027"."""
    return _date(_wall(value), "EEEE d MMMM y", current_locale())


def short_day(value: date | datetime) -> str:
    """A short date: "Mon 1 Mar"."""
    return _date(_wall(value), "EEE d MMM", current_locale())


def month_title(value: date) -> str:
    """A month and year: "March 2027"."""
    return _date(_wall(value), "MMMM y", current_locale())


def clock(value: datetime) -> str:
    """A 24-hour wall-clock time: "14:30"."""
    return _time(_wall(value), "HH:mm", current_locale())


@lru_cache(maxsize=_KEPT)
def _city(zone: str, locale: str) -> str:
    return words_for(locale).city(zone)


def zone_words(zone: str) -> str:
    """A zone as people name it: "Seoul time", "Lisbon time", "UTC"."""
    if zone in ("UTC", "Etc/UTC"):
        return "UTC"
    return _("%(city)s time", city=_city(zone, current_locale()))


def _zone_name(value: datetime) -> str:
    key = getattr(value.tzinfo, "key", None)
    if key is None:
        # a fixed offset (UTC from the database): its name, never a bare "+00:00"
        return "UTC" if value.utcoffset() == UTC.utcoffset(None) else value.strftime("UTC%z")
    return key


def when(value: datetime, zone: str | None = None) -> str:
    """A moment as people write it, in ``zone`` (else its own) and naming it: "Tue 17 Nov 2026, 14:30 Seoul time"."""
    local = value.astimezone(ZoneInfo(zone)) if zone else value
    name = _zone_name(local)
    words = zone_words(name) if "/" in name or name == "UTC" else name
    return _("%(day)s, %(time)s %(zone)s", day=day(local), time=clock(local), zone=words)


def day(value: date | datetime) -> str:
    """A date with its year, as people write it: "Tue 17 Nov 2026"."""
    return _date(_wall(value), "EEE d MMM y", current_locale())


@lru_cache(maxsize=16)
def _weekday_names(locale: str) -> tuple[str, ...]:
    names = get_day_names("abbreviated", locale=words_for(locale).babel_locale)
    return tuple(names[number] for number in range(7))


def weekday_names() -> tuple[str, ...]:
    """The month grid's column heads, Monday first, in the request's language ("Mon", "월", "周一")."""
    return _weekday_names(current_locale())


#: the clinic tiers as the pages name them
_TIERS = {"local": _l("local"), "specialized": _l("specialized"), "university": _l("university"), "*": _l("any")}


def tier_name(tier: str) -> str:
    """A clinic tier in words ("local", "university"), in the request's language."""
    name = _TIERS.get(tier)
    return str(name) if name is not None else tier.replace("_", " ")


#: a step's kind as the treatment page names it
_STEP_KINDS = {
    "consultation": _l("Consultation"),
    "procedure": _l("Procedure"),
    "session": _l("Session"),
    "check": _l("Check"),
    "remote": _l("Remote"),
    "lab": _l("Lab"),
    "rest": _l("Rest"),
}
#: a trip's status as its badge names it
_STATUSES = {
    "draft": _l("draft"),
    "proposed": _l("proposed"),
    "confirmed": _l("confirmed"),
    "completed": _l("completed"),
    "cancelled": _l("cancelled"),
    "archived": _l("archived"),
}


def step_kind_name(kind) -> str:
    """A step kind in words ("Consultation"), in the request's language."""
    value = getattr(kind, "value", kind)
    name = _STEP_KINDS.get(value)
    return str(name) if name is not None else str(value).capitalize()


def status_name(status: str) -> str:
    """A trip status in words ("confirmed"), in the request's language."""
    name = _STATUSES.get(status)
    return str(name) if name is not None else status


def place_names() -> dict[str, str]:
    """Zone name → its place in the request's language ("Seoul, South Korea", "서울, 대한민국")."""
    return zone_labels(current_locale())


def whole_number(value) -> str:
    """A number rounded to a whole one, grouped as the request's locale groups digits: "1,250"."""
    return words_for(current_locale()).number(round(value))


def _shipped(thing) -> bool:
    """True for the base catalog's own protocol or clinic (or its id), False for a facilitator's own."""
    if thing is None:
        return False
    try:
        base = current_catalog()
    except Exception:  # noqa: BLE001 - no catalog loaded: nothing is translated
        return False
    if isinstance(thing, str):
        return thing in base.protocols or thing in base.clinics
    ident = getattr(thing, "id", None)
    shipped = base.protocols.get(ident) or base.clinics.get(ident)
    return shipped is thing or (shipped is not None and shipped == thing)


def catalog_of(text: str | None, thing) -> str:
    """A catalog text in the request's language when ``thing`` (a protocol, a clinic, or its id)
    is the base catalog's; a facilitator's own protocol or clinic is shown as they typed it."""
    if not text:
        return text or ""
    return words_for(current_locale()).catalog(text) if _shipped(thing) else text


def register_filters(blueprint: Blueprint) -> None:
    """Make the filters available to every template of the app."""
    for name, function in (
        ("money", money),
        ("long_day", long_day),
        ("short_day", short_day),
        ("month_title", month_title),
        ("clock", clock),
        ("when", when),
        ("day", day),
        ("zone_words", zone_words),
        ("catalog_of", catalog_of),
    ):
        blueprint.add_app_template_filter(function, name)
    blueprint.add_app_template_global(place_names, "zone_labels")
    blueprint.add_app_template_global(weekday_names, "weekday_names")
    blueprint.add_app_template_global(tier_name, "tier_name")
    blueprint.add_app_template_global(whole_number, "whole_number")
    blueprint.add_app_template_global(step_kind_name, "step_kind_name")
    blueprint.add_app_template_global(status_name, "status_name")
