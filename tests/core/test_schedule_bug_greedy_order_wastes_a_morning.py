"""Bug: placing treatments strictly in the request's order called a workable trip impossible.

Arrival Saturday 20 Dec 2025 just after midnight, flight home Tuesday 23 Dec at 12:00 (so in-person
visits must end by 07:00 that day): the clinic is open Saturday 09:00–13:00 and Monday. Treatment A is
a 30-minute consultation; treatment B a 2-hour consultation then two 2-hour sessions on different
days. Placing A first put it at 09:00 on Saturday, leaving B's consultation and first session no
room before 13:00, so B's sessions slid to Monday and Wednesday: "stay until 24 December". Placing
B first fits everything (B on Saturday morning, A and B's second session on Monday). Found by the
brute-force comparison; the scheduler now tries the other orders of the treatments when the
request's order fails, and takes the earliest shortest stay over every order.
"""

from __future__ import annotations

from factories import make_catalog, make_clinic, make_request, seoul
from rules_oracle import violations

from planner.core.model.protocol import After, Count, Protocol, Step, StepKind
from planner.core.model.trip import TreatmentRequest
from planner.core.schedule.run import plan

SHORT = Protocol("a", "A", "any", "", (Step("consult", StepKind.CONSULTATION, "Short consultation", 30),))
CHAIN = Protocol(
    "b",
    "B",
    "any",
    "",
    (
        Step("consult", StepKind.CONSULTATION, "Long consultation", 120),
        Step(
            "session",
            StepKind.SESSION,
            "Session",
            120,
            count=Count(0, 2, 1),
            counted=True,
            min_gap_days=1,
            after=(After("consult"),),
        ),
    ),
    count=Count(1, 2, 1),
)
CATALOG = make_catalog(SHORT, CHAIN, clinics=(make_clinic(id="c-a"),))
TREATMENTS = (TreatmentRequest("a", clinic="c-a"), TreatmentRequest("b", count=2, clinic="c-a"))
ARRIVAL = seoul(2025, 12, 20, 0, 0)


def test_the_trip_works_with_the_treatments_placed_in_another_order():
    request = make_request(*TREATMENTS, arrival=ARRIVAL, departure=seoul(2025, 12, 23, 12), home="Europe/Lisbon")
    result = plan(request, CATALOG)
    assert result.feasible, [p.message for p in result.problems]
    assert violations(result, request, CATALOG) == []
    days = sorted({a.start.date().isoformat() for a in result.appointments})
    assert days == ["2025-12-20", "2025-12-22"]


def test_the_shortest_stay_is_the_earliest_over_every_order():
    request = make_request(*TREATMENTS, arrival=ARRIVAL, home="Europe/Lisbon")
    result = plan(request, CATALOG)
    assert result.feasible
    # everything ends on Monday 22 December: leave that evening
    assert result.departure.date().isoformat() == "2025-12-22"
    assert result.earliest_departure == result.departure
    assert violations(result, request, CATALOG) == []
