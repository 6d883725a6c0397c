"""The direct iCalendar writer against icalendar's own functions and RFC 5545's line rules."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Event, vDuration
from icalendar.parser import Contentline

from planner.core.calendar.text import duration, fold, lines_to_bytes, text

#: text with Hangul, emoji, escapes and control characters
wide_text = st.text(alphabet=st.sampled_from(list("aZ09 ,;:\\^\"'\n\t강남구한의원🙂é")), max_size=300)


@given(wide_text)
def test_fold_matches_icalendar(value: str):
    line = "DESCRIPTION:" + text(value)
    assert fold(line) == Contentline(line).to_ical()


@given(wide_text)
def test_folded_lines_stay_within_75_octets_and_whole_characters(value: str):
    body = lines_to_bytes(["SUMMARY:" + text(value)])
    assert body.endswith(b"\r\n")
    for physical in body.split(b"\r\n")[:-1]:
        assert len(physical) <= 75
        physical.decode("utf-8")  # a split character would not decode
    unfolded = body.replace(b"\r\n ", b"").decode()
    assert unfolded == "SUMMARY:" + text(value) + "\r\n"


@given(wide_text)
def test_text_escaping_round_trips_through_icalendar(value: str):
    body = lines_to_bytes(["BEGIN:VEVENT", "SUMMARY:" + text(value), "END:VEVENT"])
    assert str(Event.from_ical(body)["SUMMARY"]) == value


@given(st.timedeltas(min_value=timedelta(days=-400), max_value=timedelta(days=400)))
def test_duration_matches_icalendar(value: timedelta):
    assert duration(value) == vDuration(value).to_ical().decode()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (timedelta(hours=12), "PT12H"),
        (timedelta(days=-1), "-P1D"),
        (timedelta(hours=-1, minutes=-30), "-PT1H30M"),
        (timedelta(days=7), "P7D"),
    ],
)
def test_duration_table(value: timedelta, expected: str):
    assert duration(value) == expected
