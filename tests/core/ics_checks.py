"""Every file-level rule of CALENDAR.md as one checker, and the three independent readers."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject

from planner.core.calendar.writer import PRODID

JS_DIR = Path(__file__).resolve().parents[1] / "js"
_DATE_TIME = re.compile(r"^\d{8}T\d{6}Z?$")
_DURATION = re.compile(r"^P(T(\d+H)?(\d+M)?(\d+S)?|\d+[DW](T.*)?)$")


@dataclass(frozen=True)
class Line:
    """One unfolded content line: name, parameters (upper-case names), raw value."""

    name: str
    params: dict[str, str]
    value: str


def content_lines(data: bytes) -> list[Line]:
    """Unfold and split the file into content lines (RFC 5545 section 3.1), independently of icalendar."""
    text = data.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "")
    lines = []
    for raw in text.split("\r\n")[:-1]:
        head, quoted, split_at = "", False, None
        for index, char in enumerate(raw):
            if char == '"':
                quoted = not quoted
            elif char == ":" and not quoted:
                split_at = index
                break
        assert split_at is not None, f"no ':' in content line {raw!r}"
        head, value = raw[:split_at], raw[split_at + 1 :]
        name, *params = head.split(";")
        lines.append(Line(name.upper(), {k.upper(): v for k, _, v in (p.partition("=") for p in params)}, value))
    return lines


def check_bytes(data: bytes) -> None:
    """Rules 1–3: framing, CRLF, no BOM, UTF-8, 75-octet lines, folds between characters, no raw CR."""
    assert data.startswith(b"BEGIN:VCALENDAR\r\n"), data[:40]
    assert data.endswith(b"END:VCALENDAR\r\n"), data[-40:]
    assert not data.startswith(b"\xef\xbb\xbf")
    data.decode("utf-8")
    assert b"\r\n" in data
    assert data.count(b"\n") == data.count(b"\r\n"), "a bare LF"
    assert data.count(b"\r") == data.count(b"\r\n"), "a bare CR"
    for physical in data.split(b"\r\n"):
        assert len(physical) <= 75, f"line of {len(physical)} octets: {physical!r}"
        physical.decode("utf-8")  # a fold inside a character leaves half of it on each line


def check_calendar(data: bytes, *, feed: bool = False) -> list[Line]:
    """Rules 1–19 that a file can show; returns the content lines for further checks."""
    check_bytes(data)
    lines = content_lines(data)
    top = _top_level(lines)
    assert top.get("VERSION") == ["2.0"]
    assert top.get("PRODID") == [PRODID]
    assert top.get("METHOD") == ["PUBLISH"]
    assert len(top.get("UID", [])) == 1 and top["UID"][0]
    assert len(top.get("NAME", [])) == 1 and top["NAME"] == top.get("X-WR-CALNAME")
    refresh = [line for line in lines if line.name == "REFRESH-INTERVAL"]
    ttl = top.get("X-PUBLISHED-TTL", [])
    if feed:
        assert len(refresh) == 1 and refresh[0].params.get("VALUE") == "DURATION"
        assert _DURATION.match(refresh[0].value) and ttl == [refresh[0].value]
    else:
        assert not refresh and not ttl
    _check_times(lines)
    _check_events(data)
    return lines


def _top_level(lines: list[Line]) -> dict[str, list[str]]:
    depth, found = 0, {}
    for line in lines:
        if line.name == "BEGIN":
            depth += 1
        elif line.name == "END":
            depth -= 1
        elif depth == 1:
            found.setdefault(line.name, []).append(line.value)
    return found


def _check_times(lines: list[Line]) -> None:
    """Rules 8–10: no floating or TZID=UTC times, every TZID an IANA zone defined before the events."""
    defined, stack, first_event = [], [], None
    observances: dict[str, list[tuple[str, dict[str, str]]]] = {}
    for index, line in enumerate(lines):
        if line.name == "BEGIN":
            stack.append(line.value)
            if line.value == "VEVENT" and first_event is None:
                first_event = index
            if line.value in ("STANDARD", "DAYLIGHT"):
                observances[defined[-1]].append((line.value, {}))
            continue
        if line.name == "END":
            stack.pop()
            continue
        if stack[-1] == "VTIMEZONE" and line.name == "TZID":
            assert first_event is None, "VTIMEZONE after an event"
            defined.append(line.value)
            observances[line.value] = []
        elif stack[-1] in ("STANDARD", "DAYLIGHT"):
            observances[defined[-1]][-1][1][line.name] = line.value
            assert line.name != "RDATE", "RDATE lists in a VTIMEZONE"
        elif "TZID" in line.params:
            assert line.params["TZID"] in defined, f"TZID {line.params['TZID']} has no VTIMEZONE"
        elif _DATE_TIME.match(line.value) and line.params.get("VALUE") != "DATE":
            assert line.value.endswith("Z"), f"floating time {line.name}:{line.value}"
    assert len(defined) == len(set(defined))
    for name, parts in observances.items():
        assert name.upper() != "UTC" and "/" in name
        ZoneInfo(name)
        kinds = [kind for kind, _ in parts]
        assert kinds.count("STANDARD") == 1 and kinds.count("DAYLIGHT") <= 1, (name, kinds)
        if "DAYLIGHT" in kinds:
            for _, props in parts:
                assert re.fullmatch(r"FREQ=YEARLY;BYDAY=-?\d[A-Z]{2};BYMONTH=\d{1,2}", props["RRULE"]), props


def _check_events(data: bytes) -> None:
    """Rules 12, 13, 15–19 on every event, as icalendar decodes them."""
    calendar = icalendar.Calendar.from_ical(data)
    uids = [str(event["UID"]) for event in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids)), "duplicate UID"
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        assert event["DTSTAMP"].to_ical().endswith(b"Z")
        assert int(event["SEQUENCE"]) >= 0
        assert str(event["STATUS"]) in ("TENTATIVE", "CONFIRMED")
        if "DTEND" in event:
            end = event.decoded("DTEND")
            assert isinstance(start, datetime) == isinstance(end, datetime), event["UID"]
            assert end > start, event["UID"]
        if not isinstance(start, datetime):
            assert str(event["TRANSP"]) == "TRANSPARENT"
        for alarm in event.walk("VALARM"):
            assert alarm["ACTION"] == "DISPLAY" and "TRIGGER" in alarm and str(alarm["DESCRIPTION"])


def _instant(value: date | datetime) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def icalendar_events(data: bytes) -> dict[str, str]:
    """UID → start (UTC, or the date of an all-day event), read by icalendar."""
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): _instant(e.decoded("DTSTART")) for e in calendar.walk("VEVENT")}


def vobject_events(data: bytes) -> dict[str, str]:
    """UID → start, read by vobject with validation on."""
    calendar = vobject.readOne(data.decode("utf-8"), validate=True)
    return {event.uid.value: _instant(event.dtstart.value) for event in calendar.vevent_list}


def ical_js_events(data: bytes) -> dict[str, str]:
    """UID → start, read by ical.js (Thunderbird's parser) through tests/js/read_events.mjs."""
    node = shutil.which("node")
    if node is None or not (JS_DIR / "node_modules" / "ical.js").is_dir():
        reason = "ical.js needs node and `npm ci --prefix tests/js`"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (CI=true: not skipping)")
        pytest.skip(reason)
    result = subprocess.run(
        [node, str(JS_DIR / "read_events.mjs")], input=data, capture_output=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr.decode()
    events = {}
    for event in json.loads(result.stdout)["events"]:
        start = event["start"]
        if "date" in start:
            events[event["uid"]] = start["date"]
            continue
        assert start["tzid"] not in (None, "floating"), f"ical.js read {event['uid']} as floating"
        events[event["uid"]] = start["utc"].replace(".000Z", "Z")
    return events


def ha_ical_events(data: bytes) -> dict[str, str]:
    """UID → start, read by Home Assistant's strict parser (PyPI ``ical``)."""
    from ical.calendar_stream import IcsCalendarStream

    calendar = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    return {event.uid: _instant(event.dtstart) for event in calendar.events}


def read_alike(data: bytes) -> dict[str, str]:
    """Every file rule checked, then icalendar, vobject and Home Assistant's ``ical`` read the same events."""
    check_calendar(data)
    expected = icalendar_events(data)
    assert vobject_events(data) == expected
    assert ha_ical_events(data) == expected
    return expected


def raw_lines_of(data: bytes, key: str) -> dict[str, tuple[str, str]]:
    """The event whose UID holds ``-key@``: property name → (its parameters as written, its value)."""
    found, inside = {}, False
    for line in content_lines(data):
        if line.name == "BEGIN" and line.value == "VEVENT":
            found, inside = {}, True
        elif line.name == "END" and line.value == "VEVENT":
            if f"-{key}@" in found.get("UID", ("", ""))[1]:
                return found
            inside = False
        elif inside:
            found[line.name] = (";".join(f"{k}={v}" for k, v in line.params.items()), line.value)
    raise AssertionError(f"no event {key}")
