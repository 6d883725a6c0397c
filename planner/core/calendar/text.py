"""iCalendar content lines written directly: escaping, value formats and folding (RFC 5545).

The calendar used to go through icalendar's object model, which spent most of a large
render on generic property machinery. These functions write the same bytes, so the
golden files pin both; icalendar remains the reference for the rare cases (TZID names).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache

from icalendar import Parameters
from icalendar.timezone.tzid import tzid_from_tzinfo

#: a content line is cut after at most this many octets; each continuation adds one space
_CHUNK = 74
_CONTINUATION = 0x80  # UTF-8 continuation bytes are 0b10xxxxxx
_ESCAPES = b"\\^"
#: line breaks other than LF: CR, and the Unicode ones that JavaScript and some readers split lines on
_BREAKS = re.compile("\r\n|[\r\u0085\u2028\u2029]")
#: controls RFC 5545 forbids in TEXT (HTAB is allowed, LF is escaped)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def text(value: str) -> str:
    """A TEXT value escaped by RFC 5545 alone (a typed "\\N" stays as written).

    Every line break (CR, U+0085, U+2028, U+2029) is written as an escaped newline and other control
    characters are dropped: a raw one would end or split the content line in some readers.
    """
    value = _CONTROLS.sub("", _BREAKS.sub("\n", value))
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def plain(value: str) -> str:
    """A fixed value (UID, STATUS, ...) escaped as icalendar escapes a plain string."""
    return (
        value.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def duration(value: timedelta) -> str:
    """A DURATION value: "PT12H", "-P7D", "-PT1H30M"."""
    sign = ""
    if value.days < 0:
        sign, value = "-", -value
    hours, rest = divmod(value.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    clock = ""
    if value.seconds:
        clock = "T" + (f"{hours}H" if hours else "")
        clock += f"{minutes}M" if minutes or (hours and seconds) else ""
        clock += f"{seconds}S" if seconds else ""
    if value.days == 0 and clock:
        return f"{sign}P{clock}"
    return f"{sign}P{value.days}D{clock}"


def moment(name: str, value: datetime | date) -> str:
    """A DATE-TIME (with its TZID, or "Z" in UTC) or DATE content line."""
    if not isinstance(value, datetime):
        return f"{name};VALUE=DATE:{value.year:04}{value.month:02}{value.day:02}"
    stamp = f"{value.year:04}{value.month:02}{value.day:02}T{value.hour:02}{value.minute:02}{value.second:02}"
    zone = value.tzinfo
    tzid = None if zone is None else _tzid(zone)
    if tzid is None and zone is not None:
        tzid = value.tzname()
    if tzid == "UTC":
        return f"{name}:{stamp}Z"
    if tzid is None:
        return f"{name}:{stamp}"
    return f"{name};{_tzid_parameter(tzid)}:{stamp}"


@lru_cache(maxsize=256)
def _tzid(zone: tzinfo) -> str | None:
    # Zones equivalent to UTC (e.g. "Etc/Greenwich") are written with "Z", as icalendar does.
    return tzid_from_tzinfo(zone)


@lru_cache(maxsize=256)
def _tzid_parameter(tzid: str) -> str:
    return Parameters({"TZID": tzid}).to_ical().decode()


def fold(line: str) -> bytes:
    """One content line as UTF-8, folded to at most 75 octets a line, never inside a character."""
    data = line.encode()
    if len(data) <= _CHUNK:
        return data
    chunks = []
    start = 0
    while len(data) - start > _CHUNK:
        end = start + _CHUNK
        while data[end] & 0xC0 == _CONTINUATION:
            end -= 1
        # Like icalendar, keep a backslash or caret escape with the character it escapes.
        if data[end - 1] in _ESCAPES and end - start > 1:
            end -= 1
        chunks.append(data[start:end])
        start = end
    chunks.append(data[start:])
    return b"\r\n ".join(chunks)


def lines_to_bytes(lines: list[str]) -> bytes:
    """Content lines folded and ended with CRLF, as a calendar body."""
    return b"\r\n".join(map(fold, lines)) + b"\r\n"
