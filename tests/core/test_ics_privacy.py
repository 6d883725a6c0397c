"""Discreet mode keeps treatments out of the file; user text cannot add properties."""

from __future__ import annotations

from dataclasses import replace

import icalendar
import pytest
from ics_checks import check_calendar, content_lines
from ics_factories import CHECKUP, STEM_CELLS, checkup_trip, knee_trip, make_catalog, options

from planner.core.calendar.writer import render_calendar

CATALOG = make_catalog()


def treatment_words() -> list[str]:
    """Every protocol name and step title, description and preparation note in the catalog."""
    words = []
    for protocol in (STEM_CELLS, CHECKUP):
        words += [protocol.name, protocol.id]
        for step in protocol.steps:
            words += [step.title, step.description, *(note.text for note in step.preparation)]
    words += ["liposuction", "injection", "stem", "endoscopy", "checkup", "knee", "harvest", "svf"]
    return [word for word in words if word]


def readable_text(data: bytes) -> str:
    """The file as a reader sees it: unfolded, unescaped, lower-cased."""
    values = [line.value for line in content_lines(data)]
    return "\n".join(values).replace("\\,", ",").replace("\\;", ";").replace("\\n", "\n").lower()


def test_discreet_calendar_names_no_treatment():
    data = render_calendar([knee_trip(), checkup_trip()], CATALOG, options(discreet=True))
    text = readable_text(data)  # UIDs included: keys name the steps, so discreet UIDs are hashed
    for word in treatment_words():
        assert word.lower() not in text, word
    calendar = icalendar.Calendar.from_ical(data)
    titles = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert "Appointment — 강남 관절 줄기세포 의원" in titles
    assert all(str(alarm["DESCRIPTION"]) for alarm in calendar.walk("VALARM"))
    check_calendar(data)
    again = render_calendar([knee_trip(), checkup_trip()], CATALOG, options(discreet=True))
    assert again == data  # hashed UIDs are as stable as the keys


def test_the_same_search_finds_the_words_without_discreet_mode():
    text = readable_text(render_calendar([knee_trip(), checkup_trip()], CATALOG, options()))
    assert all(word.lower() in text for word in ("liposuction", "endoscopy", STEM_CELLS.steps[1].title.lower()))


INJECTIONS = [
    "Eve\r\nATTENDEE:mailto:eve@example.com",
    "Eve\rATTENDEE:mailto:eve@example.com",
    "Eve\nATTENDEE:mailto:eve@example.com",
    "Eve\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil",
    "Eve\x00\x1b[31m\x7f",
]


@pytest.mark.parametrize("text", INJECTIONS)
def test_user_text_cannot_inject_properties(text):
    trip = knee_trip()
    outbound = replace(trip.request.outbound, origin=text, number=text)
    trip = replace(trip, label=text, request=replace(trip.request, outbound=outbound))
    data = render_calendar([trip], CATALOG, options(name=text))
    names = [line.name for line in content_lines(data)]
    assert "ATTENDEE" not in names
    assert names.count("BEGIN") == names.count("END")
    assert names.count("UID") == 1 + len(icalendar.Calendar.from_ical(data).walk("VEVENT"))
    for byte in (b"\x00", b"\x1b", b"\x7f"):
        assert byte not in data
    check_calendar(data)


@pytest.mark.parametrize(
    ("label", "title_start"),
    [
        ("Ana, S.; VIP", "Ana, S.; VIP: "),
        ("C:\\New\\notes", "C:\\New\\notes: "),
        ("  two\r\nlines  ", "two lines: "),
    ],
)
def test_text_is_escaped_and_reads_back_unchanged(label, title_start):
    data = render_calendar([replace(knee_trip(), label=label)], CATALOG, options())
    summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")]
    assert all(summary.startswith(title_start) for summary in summaries)
