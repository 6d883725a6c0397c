"""Jinja filters of the planner pages: money, dates and times formatted by Babel."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from babel.dates import format_date, format_time
from babel.numbers import format_currency
from flask import Blueprint

from planner.services.plan_view import LOCALE


def money(amount: Decimal, currency: str) -> str:
    """An amount with its currency, in the currency's usual digits: "₩25,000", "€1,252.12"."""
    return format_currency(amount, currency, locale=LOCALE)


def long_day(value: date | datetime) -> str:
    """A date in words: "Monday 1 March 2027"."""
    return format_date(value, "EEEE d MMMM y", locale=LOCALE)


def short_day(value: date | datetime) -> str:
    """A short date: "Mon 1 Mar"."""
    return format_date(value, "EEE d MMM", locale=LOCALE)


def month_title(value: date) -> str:
    """A month and year: "March 2027"."""
    return format_date(value, "MMMM y", locale=LOCALE)


def clock(value: datetime) -> str:
    """A 24-hour wall-clock time: "14:30"."""
    return format_time(value, "HH:mm", locale=LOCALE)


def register_filters(blueprint: Blueprint) -> None:
    """Make the filters available to every template of the app."""
    for name, function in (
        ("money", money),
        ("long_day", long_day),
        ("short_day", short_day),
        ("month_title", month_title),
        ("clock", clock),
    ):
        blueprint.add_app_template_filter(function, name)
