"""Bug: knee cells cultured for 21–35 days plus 12 acupuncture sessions had no "shortest stay".

The shortest stay always proposed two trips. The 12 sessions keep the first trip in Seoul for
weeks after the fat harvest, and the second trip comes at least 21 days after that (plus the
jet-lag wait), past the 35 days the cultured cells keep: the scheduler answered ``window_missed``
and "ask the clinic about other days" although one trip holding the injection works. When two
trips cannot work, the shortest stay is now one trip that holds every step.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from rules_oracle import violations
from worded import plan

from planner.core.catalog.load import load_catalog
from planner.core.model.trip import Traveller, TreatmentRequest, TripRequest

SEOUL = ZoneInfo("Asia/Seoul")
CATALOG = load_catalog()


def test_the_benchmark_trip_fits_in_one_stay():
    request = TripRequest(
        Traveller("Ana Silva", "Europe/Lisbon"),
        datetime(2027, 2, 28, 16, tzinfo=SEOUL),
        (
            TreatmentRequest("acupuncture-chronic-pain", 12, clinic_tier="local"),
            TreatmentRequest("stem-cell-knee-cultured"),
            TreatmentRequest("health-checkup"),
        ),
    )
    result = plan(request, CATALOG)
    assert result.feasible, result.problems
    assert violations(result, request, CATALOG) == []
    assert len(result.visits) == 1
    by_key = {a.key: a for a in result.appointments}
    harvest = by_key["stem-cell-knee-cultured-harvest-1"].start.date()
    injection = by_key["stem-cell-knee-cultured-injection-1"].start.date()
    assert 21 <= (injection - harvest).days <= 35
    sessions = [
        a for a in result.appointments if a.protocol == "acupuncture-chronic-pain" and a.kind.value == "session"
    ]
    assert len(sessions) == 12 and all(a.end < result.departure for a in sessions)
    asked = replace(request, departure=result.departure)
    assert plan(asked, CATALOG).feasible
