"""Reading TOML-shaped tables with checks that name the field and the reason (CatalogError)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

from planner.core.catalog.reasons import english

_TIME = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_CURRENCY = re.compile(r"[A-Z]{3}")


class CatalogError(ValueError):
    """A mistake in the catalog: which file, which protocol or clinic, which field, and why."""

    def __init__(
        self,
        file: str = "",
        protocol: str = "",
        field: str = "",
        reason: str = "",
        *,
        subject: str = "protocol",
        code: str = "",
        params: dict | None = None,
    ):
        self.file = file
        #: the reason as a code and its values, worded at the edge (``planner.wording.errors.catalog_reason``);
        #: "" for a reason that exists only in English (a file's own mistakes)
        self.code = code
        self.params = params or {}
        #: the protocol id, clinic id or section the mistake is in ("" when none applies)
        self.protocol = protocol
        self.field = field
        self.reason = reason
        #: what ``protocol`` names: "protocol" or "clinic"
        self.subject = subject
        super().__init__(self._line())

    def _line(self) -> str:
        where = f"{self.subject} '{self.protocol}'" if self.protocol else ""
        return ": ".join(part for part in (self.file, where, self.field, self.reason) if part)


class Invalid(Exception):
    """A field-level mistake raised while reading; the caller adds the file and the subject."""

    def __init__(self, field: str, reason: str = "", *, code: str = "", **params):
        if code and not reason:
            reason = english(code, params)
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason
        self.code = code
        self.params = params


def _describe(value: Any) -> str:
    """A short name for a value's TOML type, for messages."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, (float, Decimal)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, date):
        return "a date"
    return type(value).__name__


class Table:
    """A TOML table being read: remembers its path and which keys were used, to reject typos."""

    def __init__(self, data: Any, path: str = ""):
        if not isinstance(data, dict):
            raise Invalid(path or "(top level)", f"must be a table, got {_describe(data)}")
        self.data = data
        self.path = path
        self._used: set[str] = set()

    def at(self, key: str) -> str:
        """The dotted path of a key in this table."""
        return f"{self.path}.{key}" if self.path else key

    def has(self, key: str) -> bool:
        """Whether the key is present (and mark it used)."""
        self._used.add(key)
        return key in self.data

    def raw(self, key: str) -> Any:
        """The value of a required key, untyped."""
        self._used.add(key)
        if key not in self.data:
            raise self._missing(key)
        return self.data[key]

    def _missing(self, key: str) -> Invalid:
        return Invalid(self.at(key), code="missing")

    def expect(self, keys: Iterable[str]) -> Table:
        """Reject keys outside ``keys`` before reading, so a typo is reported rather than a missing key."""
        allowed = set(keys)
        for key in self.data:
            if key not in allowed:
                raise _unknown(self.at(str(key)), str(key), allowed)
        return self

    def integer(
        self, key: str, default: int | None = None, *, minimum: int | None = 0, required: bool = False
    ) -> int | None:
        """An integer key, at least ``minimum`` (if given)."""
        if not self.has(key):
            if required:
                raise self._missing(key)
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(self.at(key), f"must be a whole number, got {_describe(value)}")
        if minimum is not None and value < minimum:
            raise Invalid(self.at(key), code="at_least", minimum=minimum, value=value)
        return value

    def text(self, key: str, default: str | None = None, *, required: bool = False) -> str:
        """A string key; a required one must not be blank."""
        if not self.has(key):
            if required or default is None:
                raise self._missing(key)
            return default
        value = self.data[key]
        if not isinstance(value, str):
            raise Invalid(self.at(key), f"must be a string, got {_describe(value)}")
        if required and not value.strip():
            raise Invalid(self.at(key), code="empty")
        return value

    def flag(self, key: str, default: bool) -> bool:
        """A boolean key."""
        if not self.has(key):
            return default
        value = self.data[key]
        if not isinstance(value, bool):
            raise Invalid(self.at(key), f"must be true or false, got {_describe(value)}")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        """An optional list of strings."""
        return tuple(string(v, f"{self.at(key)}[{i}]") for i, v in enumerate(self.items(key)))

    def items(self, key: str, *, required: bool = False) -> list:
        """A list key (empty when absent and not required)."""
        if not self.has(key):
            if required:
                raise self._missing(key)
            return []
        value = self.data[key]
        if not isinstance(value, list):
            raise Invalid(self.at(key), f"must be a list, got {_describe(value)}")
        return value

    def table(self, key: str, *, required: bool = False) -> Table | None:
        """A sub-table, or None when absent and not required."""
        if not self.has(key):
            if required:
                raise self._missing(key)
            return None
        return Table(self.data[key], self.at(key))

    def amount(self, key: str) -> Decimal:
        """A required money amount or rate: an integer, a TOML decimal or a decimal string."""
        value = self.raw(key)
        if isinstance(value, bool) or isinstance(value, float):
            raise Invalid(self.at(key), f"must be a decimal number, got {_describe(value)}")
        if isinstance(value, (int, Decimal, str)):
            try:
                amount = Decimal(str(value).replace(",", "").strip())
            except InvalidOperation:
                raise Invalid(self.at(key), f"must be a number, got '{value}'") from None
            if not amount.is_finite():
                raise Invalid(self.at(key), f"must be a finite number, got '{value}'")
            return amount
        raise Invalid(self.at(key), f"must be a number, got {_describe(value)}")

    def done(self) -> None:
        """Reject keys nobody read: they are typos or unsupported."""
        for key in self.data:
            if key not in self._used:
                raise _unknown(self.at(str(key)), str(key), self._used)


def _unknown(path: str, key: str, allowed: Iterable[str]) -> Invalid:
    """An unknown key, with the closest allowed key as a hint."""
    hint = difflib.get_close_matches(key, sorted(allowed), n=1)
    if hint:
        return Invalid(path, f"unknown key; did you mean '{hint[0]}'?")
    return Invalid(path, f"unknown key (expected one of: {', '.join(sorted(allowed))})")


def string(value: Any, path: str) -> str:
    """A value that must be a string."""
    if not isinstance(value, str):
        raise Invalid(path, f"must be a string, got {_describe(value)}")
    return value


def slug(value: str, path: str) -> str:
    """An id: lowercase letters, digits and single hyphens."""
    if not _SLUG.fullmatch(value):
        raise Invalid(path, code="bad_id", value=value)
    return value


def currency(value: str, path: str, known: frozenset[str] | None) -> str:
    """An ISO currency code, among the known ones when a rate table is given."""
    if not _CURRENCY.fullmatch(value):
        raise Invalid(path, f"'{value}' is not a currency code (three capital letters, e.g. KRW)")
    if known is not None and value not in known:
        raise Invalid(path, f"unknown currency '{value}' (the rate table has {', '.join(sorted(known))})")
    return value


def clock(value: Any, path: str) -> time:
    """A time of day written "HH:MM"."""
    if not isinstance(value, str) or not _TIME.fullmatch(value):
        shown = f"'{value}'" if isinstance(value, str) else _describe(value)
        raise Invalid(path, f"must be a time written HH:MM (24-hour), got {shown}")
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def interval(value: Any, path: str) -> tuple[time, time]:
    """An interval written ["HH:MM", "HH:MM"] whose end is after its start."""
    if not isinstance(value, list) or len(value) != 2:
        raise Invalid(path, 'must be a pair of times, e.g. ["09:00", "18:00"]')
    start, end = clock(value[0], f"{path}[0]"), clock(value[1], f"{path}[1]")
    if end <= start:
        raise Invalid(path, code="interval_order", start=str(value[0]), end=str(value[1]))
    return start, end


def day(value: Any, path: str) -> date:
    """A calendar date: a TOML date or a string YYYY-MM-DD."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise Invalid(path, f"must be a date written YYYY-MM-DD, got {value!r}")


def hhmm(value: time) -> str:
    """A time of day as "HH:MM"."""
    return value.strftime("%H:%M")
