"""A longer stay never pushes a procedure later, and a call that may be held in person is (issue 8, item 4).

For random trips over the shipped catalog (every protocol, homes around the world, a booked flight
home), booking a later flight home with the same arrival never moves any in-person step's start
later (for plans of one trip: see the test for two); and a follow-up the
clinic may hold in person (``in_person_if_present``) is a video call after the trip only when no
day of its window inside the stay had a free clinic slot.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import event, given, note, settings
from hypothesis import strategies as st
from oracle_placement import CLINIC_CHANGE
from rules_oracle import violations
from scenario_strategies import ORIGINS
from strategies import examples
from worded import plan

from planner.core.catalog import load_catalog
from planner.core.model import Plan, StepKind
from planner.core.model.trip import Traveller, TreatmentRequest, TripRequest

CATALOG = load_catalog()
SEOUL = ZoneInfo("Asia/Seoul")
PROTOCOLS = sorted(CATALOG.protocols)


@st.composite
def stays(draw) -> tuple[TripRequest, TripRequest]:
    """A trip with a booked flight home, and the same trip with a later flight home."""
    chosen = draw(st.lists(st.sampled_from(PROTOCOLS), min_size=1, max_size=2, unique=True))
    treatments = []
    for protocol_id in chosen:
        count = CATALOG.protocols[protocol_id].count
        wanted = draw(st.integers(count.min, count.max)) if count is not None and draw(st.booleans()) else None
        treatments.append(TreatmentRequest(protocol_id, count=wanted))
    day = date(2027, 1, 4) + timedelta(days=draw(st.integers(0, 364)))
    arrival = datetime.combine(day, time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 30]))), SEOUL)
    departure = arrival + timedelta(days=draw(st.integers(2, 45)), hours=draw(st.integers(0, 12)))
    later = departure + timedelta(days=draw(st.integers(1, 60)), hours=draw(st.integers(0, 6)))
    request = TripRequest(Traveller("Ana", draw(st.sampled_from(ORIGINS))), arrival, tuple(treatments), departure)
    return request, TripRequest(request.traveller, arrival, request.treatments, later)


def _starts(result: Plan) -> dict[str, datetime]:
    """The start of every in-person step (not a held call: it may move into a longer stay)."""
    return {a.key: a.start for a in result.appointments if a.kind.in_person}


def _free_slot(result: Plan, call, day: date, earliest: datetime) -> bool:
    """Whether the clinic had a 30-minute-grid slot for the call on that date inside its trip, clear of visits."""
    clinic = CATALOG.clinics[call.clinic]
    visit = next(v for v in result.visits if v.number == call.visit)
    rules = CATALOG.rules
    first = max(earliest, visit.arrival + timedelta(hours=rules.arrival_to_clinic_hours))
    last = visit.departure - timedelta(hours=rules.clinic_to_departure_hours)
    length = call.end - call.start
    others = [a for a in result.appointments if a.in_person and a.key != call.key]
    for a, b in clinic.open_intervals(day):
        t, close = datetime.combine(day, a, SEOUL), datetime.combine(day, b, SEOUL)
        while t + length <= close:
            clear = all(
                not (t < o.end + gap and o.start < t + length + gap)
                for o in others
                for gap in [CLINIC_CHANGE if o.clinic != call.clinic else timedelta(0)]
            )
            if first <= t and t + length <= last and clear:
                return True
            t += timedelta(minutes=30)
    return False


def _calls_held_when_they_can_be(result: Plan) -> None:
    by_key = {a.key: a for a in result.appointments}
    for call in result.appointments:
        protocol = CATALOG.protocols[call.protocol.split("~")[0]]
        step = protocol.step(call.step)
        if step.kind is not StepKind.REMOTE or not step.in_person_if_present or call.in_person:
            continue
        visit = next(v for v in result.visits if v.number == call.visit)
        for rule in step.after:
            total = sum(1 for a in result.appointments if a.protocol == call.protocol and a.step == rule.step)
            anchor = by_key.get(f"{call.protocol}-{rule.step}-{1 if rule.anchor == 'first' else total}")
            if anchor is None:
                continue
            anchor_day = anchor.start.astimezone(SEOUL).date()
            until = visit.departure.astimezone(SEOUL).date()
            for offset in range(rule.min_days, (rule.max_days or rule.min_days) + 1):
                on = anchor_day + timedelta(days=offset)
                if on <= until:
                    assert not _free_slot(result, call, on, anchor.end), f"{call.key} could be held in person on {on}"


@settings(max_examples=examples(60), deadline=None)
@given(stays())
def test_a_longer_stay_never_pushes_a_procedure_later(pair):
    shorter, longer = pair
    note(f"{shorter}\nlater flight home: {longer.departure}")
    short_plan, long_plan = plan(shorter, CATALOG), plan(longer, CATALOG)
    event(f"feasible: {short_plan.feasible}, {long_plan.feasible}")
    event(f"held in person: {any(a.held_in_person for a in long_plan.appointments)}")
    for request, result in ((shorter, short_plan), (longer, long_plan)):
        if result.feasible:
            assert violations(result, request, CATALOG) == []
            _calls_held_when_they_can_be(result)
    if short_plan.feasible and len(short_plan.visits) == 1:
        assert long_plan.feasible, f"works until {shorter.departure}, not until {longer.departure}"
    # a second trip arrives the visit gap after the first one leaves, so a later flight home moves it on
    # and can pull a first-trip step later to keep its window (a cultured-cell harvest within 35 days of
    # the injection), and two trips that become one are another plan: compare one-trip plans
    if short_plan.feasible and long_plan.feasible and len(short_plan.visits) == len(long_plan.visits) == 1:
        later = _starts(long_plan)
        for key, start in _starts(short_plan).items():
            assert later[key] <= start, f"{key}: {start} with the shorter stay, {later[key]} with the longer"
