"""Jinja filters of the planner pages: money, dates and times formatted by Babel.

A page formats the same few amounts and dates many times, and Babel's formatting is slow, so
each text is kept per process under what decides it: the amount's text and currency; a date, or
a datetime's wall-clock reading (aware datetimes compare as instants, so the zone's wall clock
is the key, never the instant).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time, get_timezone_location
from babel.numbers import format_currency
from flask import Blueprint

from planner.services.planning.plan_view import LOCALE
from planner.services.planning.zones import zone_labels

#: distinct texts kept per formatter: far more than a page needs, bounded for a long-running worker
_KEPT = 4096


@lru_cache(maxsize=_KEPT)
def _money(amount: str, currency: str) -> str:
    return format_currency(Decimal(amount), currency, locale=LOCALE)


@lru_cache(maxsize=_KEPT)
def _date(value: date, pattern: str) -> str:
    return format_date(value, pattern, locale=LOCALE)


@lru_cache(maxsize=_KEPT)
def _time(value: datetime, pattern: str) -> str:
    return format_time(value, pattern, locale=LOCALE)


def _wall(value: date | datetime) -> date | datetime:
    """A date as it is, a datetime as its naive wall-clock reading (what the patterns print)."""
    return value.replace(tzinfo=None) if isinstance(value, datetime) else value


def money(amount: Decimal, currency: str) -> str:
    """An amount with its currency, in the currency's usual digits: "₩25,000", "€1,252.12"."""
    return _money(str(amount), currency)


def long_day(value: date | datetime) -> str:
    """A date in words: "Monday 1 March 2027"."""
    return _date(_wall(value), "EEEE d MMMM y")


def short_day(value: date | datetime) -> str:
    """A short date: "Mon 1 Mar"."""
    return _date(_wall(value), "EEE d MMM")


def month_title(value: date) -> str:
    """A month and year: "March 2027"."""
    return _date(_wall(value), "MMMM y")


def clock(value: datetime) -> str:
    """A 24-hour wall-clock time: "14:30"."""
    return _time(_wall(value), "HH:mm")


@lru_cache(maxsize=_KEPT)
def zone_words(zone: str) -> str:
    """A zone as people name it: "Seoul time", "Lisbon time", "UTC"."""
    if zone in ("UTC", "Etc/UTC"):
        return "UTC"
    return f"{get_timezone_location(zone, locale=LOCALE, return_city=True)} time"


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
    return f"{_date(_wall(local), 'EEE d MMM y')}, {clock(local)} {words}"


def day(value: date | datetime) -> str:
    """A date with its year, as people write it: "Tue 17 Nov 2026"."""
    return _date(_wall(value), "EEE d MMM y")


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
    ):
        blueprint.add_app_template_filter(function, name)
    blueprint.add_app_template_global(zone_labels, "zone_labels")
