"""``flask plan --lang``: the text plan and the calendar in the planner's other languages."""

from __future__ import annotations

import json

from icalendar import Calendar

from planner.i18n import words_for

GOOD = {
    "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-02-28T16:00",
    "departure": "2027-03-21T11:00",
    "treatments": [{"protocol": "acupuncture-chronic-pain", "count": 6, "clinic_tier": "local"}],
    "lodging": "mid",
    "currency": "EUR",
}


def _scenario(tmp_path) -> str:
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(GOOD))
    return str(path)


def test_the_text_plan_in_korean_writes_korean_dates(runner, tmp_path):
    result = runner.invoke(args=["plan", _scenario(tmp_path), "--lang", "ko"])
    assert result.exit_code == 0, result.output
    from datetime import date

    # the days are dated as Koreans write them (Babel's pattern), not "Sun 28 Feb 2027"
    assert words_for("ko").date(date(2027, 2, 28), "yMMMEd") in result.output
    assert "Sun 28 Feb 2027" not in result.output
    assert "EUR" in result.output


def test_a_tag_naming_a_locale_is_read_as_it(runner, tmp_path):
    result = runner.invoke(args=["plan", _scenario(tmp_path), "--lang", "zh-CN"])
    assert result.exit_code == 0, result.output
    assert "Sun 28 Feb 2027" not in result.output


def test_an_unknown_language_is_refused_naming_the_option(runner, tmp_path):
    result = runner.invoke(args=["plan", _scenario(tmp_path), "--lang", "pt"])
    assert result.exit_code == 2
    assert "--lang" in result.stderr and "ko" in result.stderr and "zh_Hans" in result.stderr


def test_the_calendar_in_korean_says_so_and_stays_valid(runner, tmp_path):
    result = runner.invoke(args=["plan", _scenario(tmp_path), "--format", "ics", "--lang", "ko"])
    assert result.exit_code == 0, result.output
    body = result.stdout_bytes
    calendar = Calendar.from_ical(body)
    events = list(calendar.walk("VEVENT"))
    assert events
    for event in events:
        assert event["SUMMARY"].params["LANGUAGE"] == "ko"
        assert event["DESCRIPTION"].params["LANGUAGE"] == "ko"
    english = runner.invoke(args=["plan", _scenario(tmp_path), "--format", "ics"]).stdout_bytes
    assert b";LANGUAGE=" not in english


def test_the_korean_calendar_passes_the_file_rules_and_other_readers(runner, tmp_path):
    from tests.core.ics_checks import check_calendar, icalendar_events, vobject_events

    body = runner.invoke(args=["plan", _scenario(tmp_path), "--format", "ics", "--lang", "ko"]).stdout_bytes
    check_calendar(body)
    assert vobject_events(body) == icalendar_events(body)
