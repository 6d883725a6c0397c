"""The byte rules, checked on a Hangul-heavy file, and the checker shown to catch each break."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import ics_checks
import pytest
from ics_checks import JS_DIR, check_bytes, check_calendar, ical_js_events
from ics_factories import CLINIC, knee_trip, make_catalog, options

import planner.core.calendar.writer
from planner.core.calendar.writer import render_calendar

HANGUL = "서울특별시 강남구 테헤란로 줄기세포 관절 클리닉 의원 " * 4


def hangul_calendar() -> bytes:
    """The knee trip at a clinic whose name, address and calendar name are long Hangul text."""
    clinic = replace(CLINIC, name=HANGUL.strip(), address=HANGUL.strip())
    catalog = make_catalog()
    catalog = replace(catalog, clinics={**catalog.clinics, CLINIC.id: clinic})
    return render_calendar([knee_trip()], catalog, options(name=HANGUL.strip()))


def test_hangul_lines_are_folded_between_characters():
    data = hangul_calendar()
    check_bytes(data)
    folded = [line for line in data.split(b"\r\n") if line.startswith(b" ") and line[1:2] >= b"\xe0"]
    assert folded, "expected folds inside Hangul text"
    assert max(len(line) for line in data.split(b"\r\n")) <= 75
    assert HANGUL.strip() in data.decode().replace("\r\n ", "")


@pytest.mark.parametrize(
    "broken",
    [
        b"\xef\xbb\xbfBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",  # BOM
        b"BEGIN:VCALENDAR\nEND:VCALENDAR\n",  # LF only
        b"BEGIN:VCALENDAR\r\nX:a\rb\r\nEND:VCALENDAR\r\n",  # raw CR
        b"BEGIN:VCALENDAR\r\nEND:VCALENDAR",  # no final CRLF
        b"BEGIN:VCALENDAR\r\nX:" + b"a" * 80 + b"\r\nEND:VCALENDAR\r\n",  # long line
        b"BEGIN:VCALENDAR\r\nX:\xea\xb0\r\n \x80\r\nEND:VCALENDAR\r\n",  # fold inside a character
    ],
)
def test_byte_checker_catches_each_break(broken):
    with pytest.raises((AssertionError, UnicodeDecodeError)):
        check_bytes(broken)


def test_floating_time_and_tzid_utc_are_caught():
    data = render_calendar([knee_trip()], make_catalog(), options())
    for bad in (
        data.replace(b"DTSTAMP:20260301T093000Z", b"DTSTAMP:20260301T093000", 1),
        data.replace(b"DTSTART;TZID=Asia/Seoul:", b"DTSTART;TZID=UTC:", 1),
    ):
        with pytest.raises(AssertionError):
            check_calendar(bad)


def test_feed_has_matching_refresh_and_ttl():
    data = render_calendar([knee_trip()], make_catalog(), options(refresh=timedelta(hours=12)))
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n" in data
    assert b"\r\nX-PUBLISHED-TTL:PT12H\r\n" in data
    check_calendar(data, feed=True)
    assert planner.core.calendar.writer.PRODID in data.decode()


@pytest.mark.parametrize(("ci", "outcome"), [("true", pytest.fail.Exception), ("", pytest.skip.Exception)])
def test_missing_ical_js_fails_on_ci_and_skips_locally(monkeypatch, tmp_path, ci, outcome):
    monkeypatch.setattr(ics_checks, "JS_DIR", tmp_path)
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome):
        ical_js_events(b"")
    assert JS_DIR != tmp_path
