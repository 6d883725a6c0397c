"""Bug: a two-trip plan showed the jet-lag warning twice with the same words, once per trip.

Each trip has its own jet-lag buffer, flight home and stay, so a plan of two trips can hold two
notices of one kind; each now says which trip it is about ("On the second trip, …"). One trip
keeps the plain words.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from worded import plan

from planner.core.catalog.load import load_catalog
from planner.core.model.trip import Traveller, TreatmentRequest, TripRequest

SEOUL = ZoneInfo("Asia/Seoul")
CATALOG = load_catalog()
PER_TRIP = ("jetlag_buffer", "clot_risk", "visa_limit")


def _request(protocol: str, departure: datetime | None = None) -> TripRequest:
    arrival = datetime(2026, 7, 6, 21, 30, tzinfo=SEOUL)
    return TripRequest(Traveller("Ana", "Europe/Lisbon"), arrival, (TreatmentRequest(protocol),), departure)


def test_two_trips_name_their_trip_in_every_per_trip_notice():
    result = plan(_request("dental-implant-two-stage"), CATALOG)
    assert result.feasible and len(result.visits) == 2
    notices = [w for w in result.warnings if w.code in PER_TRIP]
    messages = [w.message for w in notices]
    assert len(messages) == len(set(messages)), messages
    jetlag = [w.message for w in notices if w.code == "jetlag_buffer"]
    assert [m.split(",")[0] for m in jetlag] == ["On the first trip", "On the second trip"]
    clots = [w.message.split(" on ")[0] for w in notices if w.code == "clot_risk"]
    assert clots == ["The flight home from the first trip", "The flight home from the second trip"]


@pytest.mark.parametrize("code", ["jetlag_buffer", "clot_risk"])
def test_one_trip_keeps_the_plain_words(code):
    result = plan(_request("stem-cell-knee-svf", datetime(2026, 7, 20, 18, tzinfo=SEOUL)), CATALOG)
    assert result.feasible and len(result.visits) == 1
    words = [w.message for w in result.warnings if w.code == code]
    assert len(words) == 1 and "trip" not in words[0]
