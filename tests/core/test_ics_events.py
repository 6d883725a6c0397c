"""What each event says: times and zones, statuses, rest days, flights, alarms, labels, revisions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import icalendar
import pytest
from ics_checks import check_calendar, content_lines
from ics_factories import STAMP, checkup_trip, knee_trip, make_catalog, options

from planner.core.calendar.writer import Revision, render_calendar

CATALOG = make_catalog()


def events_of(data: bytes) -> dict[str, icalendar.Event]:
    """Event key (the UID between the trip prefix and the host) → event."""
    calendar = icalendar.Calendar.from_ical(data)
    found = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        key = uid.split("@")[0].removeprefix("trip-0f1e2d3c-").removeprefix("trip-9a8b7c6d-")
        found[key] = event
    return found


def raw_lines(data: bytes, key: str) -> dict[str, str]:
    """Property name (with parameters) → value, as written, in the event whose UID has this key."""
    current: dict[str, str] = {}
    for line in content_lines(data):
        if line.name == "BEGIN" and line.value == "VEVENT":
            current = {}
        head = ";".join([line.name, *(f"{k}={v}" for k, v in line.params.items())])
        current.setdefault(head, line.value)
        if line.name == "END" and line.value == "VEVENT" and f"-{key}@" in current.get("UID", ""):
            return current
    raise KeyError(key)


KNEE = render_calendar([knee_trip()], CATALOG, options())


@pytest.mark.parametrize(
    ("key", "start", "end"),
    [
        ("knee-svf-consult-1", "DTSTART;TZID=Asia/Seoul:20260406T143000", "DTEND;TZID=Asia/Seoul:20260406T153000"),
        ("knee-svf-harvest-1", "DTSTART;TZID=Asia/Seoul:20260408T090000", "DTEND;TZID=Asia/Seoul:20260408T120000"),
        # a remote follow-up once home is in the home zone (rule 14)
        ("knee-svf-video-1", "DTSTART;TZID=Europe/Lisbon:20260426T100000", "DTEND;TZID=Europe/Lisbon:20260426T103000"),
        # rest days: all-day, the two days after the harvest, DTEND exclusive (rule 12)
        ("rest-knee-svf-harvest-1", "DTSTART;VALUE=DATE:20260409", "DTEND;VALUE=DATE:20260411"),
        # flights start in the departure zone and end in the arrival zone (rule 11)
        ("flight-out", "DTSTART;TZID=Europe/Lisbon:20260405T120500", "DTEND;TZID=Asia/Seoul:20260406T074000"),
        ("flight-home", "DTSTART;TZID=Asia/Seoul:20260412T183000", "DTEND;TZID=Europe/Lisbon:20260413T061500"),
    ],
)
def test_event_times_as_written(key, start, end):
    props = raw_lines(KNEE, key)
    for expected in (start, end):
        head, _, value = expected.rpartition(":")
        assert props[head] == value


@pytest.mark.parametrize(
    ("key", "status", "transp"),
    [
        ("knee-svf-consult-1", "TENTATIVE", "OPAQUE"),
        ("knee-svf-harvest-1", "CONFIRMED", "OPAQUE"),  # pinned by the clinic
        ("rest-knee-svf-harvest-1", "CONFIRMED", "TRANSPARENT"),
        ("flight-out", "CONFIRMED", "OPAQUE"),
    ],
)
def test_status_and_transparency(key, status, transp):
    event = events_of(KNEE)[key]
    assert (str(event["STATUS"]), str(event["TRANSP"])) == (status, transp)


def test_confirmed_keys_and_second_trip_proposal():
    events = events_of(render_calendar([checkup_trip()], CATALOG, options()))
    assert str(events["checkup-exam-1"]["STATUS"]) == "CONFIRMED"
    results = events["checkup-results-1"]
    assert results.decoded("DTSTART") == date(2026, 10, 16) and results.decoded("DTEND") == date(2026, 10, 17)
    second = events["visit-2"]
    # trip 2 arrives 11 December and leaves 14 December: four days, DTEND the day after
    assert (second.decoded("DTSTART"), second.decoded("DTEND")) == (date(2026, 12, 11), date(2026, 12, 15))
    assert str(second["STATUS"]) == "TENTATIVE"
    assert "visit-1" not in events


def test_flight_description_writes_both_local_times():
    text = str(events_of(KNEE)["flight-out"]["DESCRIPTION"])
    assert "2026-04-05 12:05 (Europe/Lisbon)" in text and "2026-04-06 07:40 (Asia/Seoul)" in text


def test_flight_with_only_an_offset_is_written_in_utc():
    trip = knee_trip()
    plus_one = timezone(timedelta(hours=1))
    outbound = replace(trip.request.outbound, departs=datetime(2026, 4, 5, 12, 5, tzinfo=plus_one))
    data = render_calendar([replace(trip, request=replace(trip.request, outbound=outbound))], CATALOG, options())
    props = raw_lines(data, "flight-out")
    assert props["DTSTART"] == "20260405T110500Z" and props["DTEND"] == "20260405T224000Z"
    assert "2026-04-05 12:05 (UTC+01:00)" in str(events_of(data)["flight-out"]["DESCRIPTION"])
    check_calendar(data)


def test_flight_end_from_its_hours_or_unknown():
    trip = knee_trip()
    inbound = replace(trip.request.inbound, arrives=None, hours=Decimal("14.5"))
    data = render_calendar([replace(trip, request=replace(trip.request, inbound=inbound))], CATALOG, options())
    flight = events_of(data)["flight-home"]
    assert flight.decoded("DTEND") - flight.decoded("DTSTART") == timedelta(hours=14, minutes=30)
    unknown = replace(inbound, hours=None)
    data = render_calendar([replace(trip, request=replace(trip.request, inbound=unknown))], CATALOG, options())
    flight = events_of(data)["flight-home"]
    assert "DTEND" not in flight and "Arrival time unknown." in str(flight["DESCRIPTION"])
    check_calendar(data)


def test_preparation_is_in_the_description_and_in_alarms():
    harvest = events_of(KNEE)["knee-svf-harvest-1"]
    triggers = sorted(alarm.decoded("TRIGGER") for alarm in harvest.walk("VALARM"))
    assert triggers == [-timedelta(days=7), -timedelta(hours=8)]
    for alarm in harvest.walk("VALARM"):
        note = str(alarm["DESCRIPTION"]).removeprefix("Preparation: ")
        assert note in str(harvest["DESCRIPTION"])  # nothing depends on the alarm firing (rule 19)


def test_location_is_clinic_name_and_address():
    expected = "강남 관절 줄기세포 의원, 서울특별시 강남구 테헤란로 123, 4층"
    assert str(events_of(KNEE)["knee-svf-consult-1"]["LOCATION"]) == expected
    assert str(events_of(KNEE)["knee-svf-video-1"]["LOCATION"]).startswith("Video call with 강남")


def test_label_prefixes_every_title_in_a_feed():
    trip = replace(knee_trip(), label="Ana S.")
    events = events_of(render_calendar([trip], CATALOG, options()))
    assert all(str(event["SUMMARY"]).startswith("Ana S.: ") for event in events.values())


def test_uids_are_built_from_keys_and_stable_when_times_move():
    trip = knee_trip()
    day = timedelta(days=1)
    moved = replace(
        trip.plan, appointments=tuple(replace(a, start=a.start + day, end=a.end + day) for a in trip.plan.appointments)
    )
    first = set(events_of(KNEE))
    second = set(events_of(render_calendar([replace(trip, plan=moved)], CATALOG, options())))
    assert first == second
    uids = {str(e["UID"]) for e in icalendar.Calendar.from_ical(KNEE).walk("VEVENT")}
    assert "trip-0f1e2d3c-knee-svf-consult-1@planner.example" in uids


def test_same_input_gives_same_bytes():
    assert render_calendar([knee_trip()], make_catalog(), options()) == KNEE


def test_revisions_give_sequence_and_stamp():
    seoul_stamp = datetime(2026, 3, 5, 18, 0, 7, 123456, tzinfo=timezone(timedelta(hours=9)))
    trip = replace(knee_trip(), revisions={"knee-svf-consult-1": Revision(3, seoul_stamp)})
    data = render_calendar([trip], CATALOG, options())
    consult, check = raw_lines(data, "knee-svf-consult-1"), raw_lines(data, "knee-svf-check-1")
    assert (consult["SEQUENCE"], consult["DTSTAMP"]) == ("3", "20260305T090007Z")
    assert (check["SEQUENCE"], check["DTSTAMP"]) == ("0", STAMP.strftime("%Y%m%dT%H%M%SZ"))


def test_home_zone_utc_is_written_with_z():
    trip = knee_trip()
    appointments = tuple(replace(a, timezone="UTC") if a.step == "video" else a for a in trip.plan.appointments)
    data = render_calendar([replace(trip, plan=replace(trip.plan, appointments=appointments))], CATALOG, options())
    assert raw_lines(data, "knee-svf-video-1")["DTSTART"] == "20260426T090000Z"
    assert b"TZID=UTC" not in data
    check_calendar(data)
