"""Bad input gets a ValueError naming the field and the reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from ics_factories import STAMP, knee_trip, make_catalog, options

from planner.core.calendar.writer import Revision, render_calendar

CATALOG = make_catalog()
TRIP = knee_trip()
CONSULT = TRIP.plan.appointments[0]


def with_consult(**changes):
    """The knee trip with its consultation changed."""
    appointments = (replace(CONSULT, **changes), *TRIP.plan.appointments[1:])
    return replace(TRIP, plan=replace(TRIP.plan, appointments=appointments))


@pytest.mark.parametrize(
    ("trips", "opts", "message"),
    [
        (
            [with_consult(start=CONSULT.start.replace(tzinfo=None))],
            options(),
            "appointment knee-svf-consult-1 start: .* has no time zone",
        ),
        ([with_consult(timezone="Mars/Olympus")], options(), "appointment knee-svf-consult-1 start: .*not a known"),
        ([with_consult(timezone="KST")], options(), "appointment knee-svf-consult-1 start: 'KST' is not an IANA"),
        ([with_consult(clinic="nowhere")], options(), "appointment knee-svf-consult-1: clinic 'nowhere' is not"),
        ([with_consult(step="nothing")], options(), "appointment knee-svf-consult-1: step knee-svf/nothing is not"),
        ([with_consult(end=CONSULT.start)], options(), "appointment knee-svf-consult-1: end .* is not after start"),
        ([TRIP, TRIP], options(), r"trips\[1\].uid_prefix: event UID .* is already used"),
        ([replace(TRIP, uid_prefix="trip 1")], options(), r"trips\[0\].uid_prefix: 'trip 1' must be"),
        (
            [replace(TRIP, revisions={CONSULT.key: Revision(-1, STAMP)})],
            options(),
            r"trips\[0\].revisions\['knee-svf-consult-1'\].sequence: -1 must be",
        ),
        (
            [replace(TRIP, revisions={CONSULT.key: Revision(1, datetime(2026, 3, 1))})],
            options(),
            r"trips\[0\].revisions\['knee-svf-consult-1'\].stamp: .* has no time zone",
        ),
        ([TRIP], options(stamp=datetime(2026, 3, 1)), "options.stamp: .* has no time zone"),
        ([TRIP], options(calendar_uid=""), "options.calendar_uid: '' must be"),
        ([TRIP], options(host="planner example"), "options.host: 'planner example' must be a host name"),
        ([TRIP], options(name=" \r\n "), "options.name: a calendar needs a name"),
        ([TRIP], options(refresh=timedelta(0)), "options.refresh: 0:00:00 must be a positive"),
        ([TRIP], options(refresh=timedelta(milliseconds=1500)), "options.refresh: .* whole number of seconds"),
    ],
)
def test_bad_input_names_field_and_reason(trips, opts, message):
    with pytest.raises(ValueError, match=message):
        render_calendar(trips, CATALOG, opts)


def test_flight_arriving_before_it_departs():
    inbound = replace(TRIP.request.inbound, arrives=TRIP.request.inbound.departs - timedelta(hours=1))
    trip = replace(TRIP, request=replace(TRIP.request, inbound=inbound))
    with pytest.raises(ValueError, match="flight-home: arrival .* is not after departure"):
        render_calendar([trip], CATALOG, options())


def test_naive_flight_time():
    outbound = replace(TRIP.request.outbound, departs=datetime(2026, 4, 5, 12))
    trip = replace(TRIP, request=replace(TRIP.request, outbound=outbound))
    with pytest.raises(ValueError, match="flight-out departs: 2026-04-05T12:00:00 has no time zone"):
        render_calendar([trip], CATALOG, options())
