"""Home Assistant's strict parser (PyPI ``ical``) reads every golden file and a CLI calendar."""

from __future__ import annotations

from pathlib import Path

import pytest
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar

GOLDEN = sorted((Path(__file__).parents[1] / "golden").glob("*.ics"))


def test_the_golden_files_are_there():
    assert len(GOLDEN) >= 5


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.name)
def test_strict_reader_agrees_with_icalendar(path: Path):
    text = path.read_text(encoding="utf-8")
    strict = IcsCalendarStream.calendar_from_ics(text)
    ours = list(Calendar.from_ical(text).walk("VEVENT"))
    assert sorted(e.uid for e in strict.events) == sorted(str(e["UID"]) for e in ours)
    starts = {e.uid: e.dtstart for e in strict.events}
    for event in ours:
        expected = event.decoded("DTSTART")
        assert starts[str(event["UID"])] == expected
