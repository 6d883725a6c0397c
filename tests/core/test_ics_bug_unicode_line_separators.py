"""U+2028, U+2029 and U+0085 passed raw into .ics text: readers that split lines on them (JavaScript,
Python's splitlines) broke the event apart. They, and CR, are now escaped newlines; other controls go."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Event

from planner.core.calendar.text import lines_to_bytes, text

BREAKS = ["\u2028", "\u2029", "\u0085", "\r", "\r\n"]


@pytest.mark.parametrize("mark", BREAKS)
def test_each_line_break_is_an_escaped_newline(mark):
    assert text(f"Fast{mark}no water") == "Fast\\nno water"


def test_controls_are_dropped_and_tabs_stay():
    assert text("a\x00b\x1bc\x7fd\x9fe\tf") == "abcde\tf"


def _as_read(value: str) -> str:
    """What a reader should get back: every break a newline, controls other than tab gone."""
    value = value.replace("\r\n", "\n")
    for mark in "\r\u0085\u2028\u2029":
        value = value.replace(mark, "\n")
    return value.replace("\x00", "").replace("\x0b", "")


@given(
    st.text(
        alphabet=st.sampled_from(["\u2028", "\u2029", "\u0085", "\r", "\x00", "\x0b", "\t", "\n", "a", ";"]),
        max_size=80,
    )
)
def test_a_written_line_splits_nowhere_but_at_its_crlf(value):
    body = lines_to_bytes(["BEGIN:VEVENT", "DESCRIPTION:" + text(value), "END:VEVENT"]).decode()
    assert body.replace("\r\n ", "").splitlines() == ["BEGIN:VEVENT", "DESCRIPTION:" + text(value), "END:VEVENT"]
    assert str(Event.from_ical(body.encode())["DESCRIPTION"]) == _as_read(value)
