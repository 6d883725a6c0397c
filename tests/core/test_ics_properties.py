"""Generated plans (any zone, date, text — Korean, control characters, CRLF) obey every file rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ics_checks import check_calendar, ical_js_events, icalendar_events, vobject_events
from ics_factories import CLINIC, STEM_CELLS, appointment, knee_trip, make_catalog, options

from planner.core.calendar.events import one_line
from planner.core.calendar.writer import Revision, TripEvents, render_calendar
from planner.core.model.itinerary import Plan

HOMES = [
    "Europe/Lisbon",
    "America/New_York",
    "Australia/Sydney",
    "Asia/Kolkata",
    "America/St_Johns",
    "Pacific/Auckland",
    "Europe/Dublin",
    "Asia/Seoul",
    "UTC",
]
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from('강남줄기세포의원테헤란로 ,;:\\"\r\n'),
    ),
    max_size=80,
)


@st.composite
def calendars(draw):
    """A trip with generated appointments, flights, text and options, and its catalog."""
    home = draw(st.sampled_from(HOMES))
    first = draw(st.dates(min_value=date(2025, 1, 1), max_value=date(2031, 12, 31)))
    home_zone = ZoneInfo(home)
    appointments = []
    for n, (step, day, minute, length) in enumerate(
        draw(
            st.lists(
                st.tuples(
                    st.sampled_from([s.id for s in STEM_CELLS.steps]),
                    st.integers(0, 40),
                    st.integers(0, 24 * 60 - 1),
                    st.integers(5, 600),
                ),
                max_size=8,
            )
        ),
        start=1,
    ):
        remote = step == "video"
        zone = home_zone if remote else ZoneInfo("Asia/Seoul")
        start = datetime.combine(first + timedelta(days=day), time(minute // 60, minute % 60), tzinfo=zone)
        changes = {"timezone": home} if remote else {}
        appointments.append(appointment(STEM_CELLS, step, start, n=n, end=start + timedelta(minutes=length), **changes))
    base = knee_trip(home if home != "UTC" else "Europe/Lisbon", first)
    request = replace(base.request, traveller=replace(base.request.traveller, home_timezone=home))
    if draw(st.booleans()):
        outbound = replace(request.outbound, origin=draw(TEXT), number=draw(TEXT))
        request = replace(request, outbound=outbound, inbound=None)
    plan: Plan = replace(base.plan, appointments=tuple(appointments))
    keys = [a.key for a in appointments]
    revisions = (
        {
            key: Revision(draw(st.integers(0, 50)), datetime(2025, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds))
            for key, seconds in draw(st.dictionaries(st.sampled_from(keys), st.integers(0, 10**8))).items()
        }
        if keys
        else {}
    )
    trip = TripEvents(
        plan=plan,
        request=request,
        uid_prefix="trip-4c1d",
        revisions=revisions,
        confirmed=frozenset(draw(st.sets(st.sampled_from(keys))) if keys else ()),
        label=draw(TEXT),
    )
    clinic = replace(CLINIC, name=draw(TEXT), address=draw(TEXT))
    catalog = replace(make_catalog(), clinics={**make_catalog().clinics, CLINIC.id: clinic})
    refresh = draw(st.none() | st.integers(60, 7 * 86400).map(lambda s: timedelta(seconds=s)))
    opts = options(name=draw(TEXT.filter(lambda t: t.strip())), discreet=draw(st.booleans()), refresh=refresh)
    return trip, catalog, opts


def _usable(trip: TripEvents, opts) -> bool:
    """Calendars whose name is only control characters are refused (see test_ics_errors)."""
    return bool(one_line(opts.name))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calendars())
def test_every_generated_calendar_follows_every_file_rule(generated):
    trip, catalog, opts = generated
    if not _usable(trip, opts):
        return
    data = render_calendar([trip], catalog, opts)
    check_calendar(data, feed=opts.refresh is not None)
    assert render_calendar([trip], catalog, opts) == data
    if opts.discreet:
        text = data.decode().replace("\r\n ", "")
        assert all(step.title not in text for step in STEM_CELLS.steps)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calendars())
def test_generated_calendars_read_alike_in_three_readers(generated):
    trip, catalog, opts = generated
    if not _usable(trip, opts):
        return
    data = render_calendar([trip], catalog, opts)
    expected = icalendar_events(data)
    assert vobject_events(data) == expected
    assert ical_js_events(data) == expected
