"""Bug: a video follow-up after the trip had ``moved_by`` naming a holiday, but no warning said so.

Only in-person appointments got a ``holiday_moved`` warning, so a follow-up pushed past a
holiday carried a reason the patient never saw. Every appointment with ``moved_by`` now has a
warning naming it (a follow-up's date in the patient's home zone), and only steps that need the
clinic open (not cell processing) are ever moved by a closure.

The shipped results call is held in person inside a stay this long (``in_person_if_present``), so
the call that must wait for the flight home is checked on the catalog without that flag.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from factories import from_home_only, harvest_protocol, make_catalog, make_request, seoul
from rules_oracle import violations
from worded import plan

from planner.core.catalog.load import load_catalog
from planner.core.model.trip import Traveller, TreatmentRequest, TripRequest

SEOUL = ZoneInfo("Asia/Seoul")


def test_the_checkup_results_call_after_liberation_day_is_warned_about():
    # the shrunk example: leaving Saturday 15 August 2026 (Liberation Day); Monday 17 is its alternative holiday
    request = TripRequest(
        Traveller("Ana", "Europe/Lisbon"),
        datetime(2026, 7, 6, 21, 30, tzinfo=SEOUL),
        (TreatmentRequest("dental-implant-two-stage"), TreatmentRequest("health-checkup")),
        datetime(2026, 8, 15, 21, 30, tzinfo=SEOUL),
    )
    catalog = from_home_only(load_catalog())
    result = plan(request, catalog)
    assert result.feasible and violations(result, request, catalog) == []
    results = next(a for a in result.appointments if a.key == "health-checkup-results-1")
    assert results.start.astimezone(SEOUL).date() == date(2026, 8, 18)
    assert "Liberation Day" in results.moved_by
    moved = [w for w in result.warnings if w.code == "holiday_moved" and w.step == "results"]
    assert len(moved) == 1
    assert moved[0].message.startswith(f"{results.title} is on 18 August (home time) because 17 August is")


def test_every_moved_appointment_has_its_warning_and_processing_is_never_moved():
    # Chuseok 2025 (5–8 October, with the alternative holiday) closes the clinic before the harvest day
    request = make_request("cells", arrival=seoul(2025, 10, 3, 8), home="Europe/Lisbon")
    result = plan(request, make_catalog(harvest_protocol()))
    assert result.feasible
    moved = [a for a in result.appointments if a.moved_by]
    assert moved, "the harvest waits for the clinic to reopen after Chuseok"
    assert all(a.step != "processing" for a in moved)
    warned = {(w.protocol, w.step) for w in result.warnings if w.code == "holiday_moved"}
    assert {(a.protocol, a.step) for a in moved} == warned
