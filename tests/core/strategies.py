"""Hypothesis strategies for trip requests over synthetic protocols, and the objects they need."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from hypothesis import settings
from hypothesis import strategies as st

from planner.core.catalog.load import Catalog
from planner.core.model.clinic import Clinic, public_holidays
from planner.core.model.costs import Costs
from planner.core.model.money import MoneyRange, Rates
from planner.core.model.protocol import After, Count, Protocol, Step, StepKind, VisitGap
from planner.core.model.rules import TravelRules
from planner.core.model.trip import Flight, Pin, Traveller, TreatmentRequest, TripRequest

SEOUL = ZoneInfo("Asia/Seoul")
HOME_ZONES = (
    "Europe/Lisbon",
    "America/New_York",
    "America/Los_Angeles",
    "Asia/Tokyo",
    "Asia/Seoul",
    "Australia/Sydney",
    "Asia/Kolkata",
    "Pacific/Auckland",
    "Europe/Berlin",
    "Asia/Dubai",
    "America/Sao_Paulo",  # UTC−3: no clinic hour is also awake at home
)
WEEKDAY = ((time(9), time(18)),)


def krw(amount: int) -> MoneyRange:
    """A flat KRW range."""
    return MoneyRange(Decimal(amount), Decimal(amount), Decimal(amount), "KRW")


def make_clinic(clinic_id: str = "c-a", tier: str = "local", evening: bool = False, saturday: bool = True) -> Clinic:
    """A Seoul clinic: weekdays 09–18 (or to 20), Saturday morning, lunch 13–14, closed Sundays."""
    weekday = ((time(9), time(20)),) if evening else WEEKDAY
    hours = (weekday,) * 5 + ((((time(9), time(13)),),) if saturday else ((),)) + ((),)
    return Clinic(clinic_id, clinic_id, "Seoul", "Gangnam", "Asia/Seoul", hours, (time(13), time(14)), tier=tier)


def make_catalog(protocols: list[Protocol], clinics: list[Clinic] | None = None) -> Catalog:
    """A catalog of these protocols and clinics (one local clinic by default), default rules."""
    clinics = clinics or [make_clinic()]
    costs = Costs({"mid": krw(200_000)}, krw(18_000), krw(3_000), krw(50_000), krw(200_000), krw(10_000))
    rates = Rates(date(2026, 1, 5), "KRW", {"KRW": Decimal(1)})
    return Catalog({p.id: p for p in protocols}, {c.id: c for c in clinics}, costs, rates, TravelRules())


minutes = st.sampled_from([30, 60, 90, 120])


@st.composite
def protocols(draw, protocol_id: str = "p0", two_trips: bool = True, remote: bool = True) -> Protocol:
    """A synthetic protocol: a consultation, then some of procedures, sessions, a check, a follow-up."""
    steps = [Step("consult", StepKind.CONSULTATION, "Consultation", draw(minutes))]
    last_invasive = None
    if draw(st.booleans()):
        rest, fly = draw(st.integers(0, 2)), draw(st.integers(0, 3))
        window = After("consult", draw(st.integers(0, 1)), draw(st.none() | st.integers(1, 5)))
        harvest = Step("harvest", StepKind.PROCEDURE, "Harvest", draw(minutes), after=(window,), invasive=True)
        # a fasting procedure runs in the morning: sometimes a latest start, now and then a tight one
        latest = draw(st.none() | st.sampled_from([time(9), time(9, 30), time(10), time(11, 30), time(15)]))
        steps.append(_with(harvest, rest_days=rest, fly_after_days=fly, latest_start=latest))
        last_invasive = "harvest"
        if draw(st.booleans()):
            same_day = After("harvest", 0, draw(st.integers(0, 2)))
            inject = Step("inject", StepKind.PROCEDURE, "Injection", draw(minutes), after=(same_day,), invasive=True)
            steps.append(_with(inject, rest_days=draw(st.integers(0, 2)), fly_after_days=fly))
            last_invasive = "inject"
    count = None
    if draw(st.booleans()):
        low = draw(st.integers(1, 3))
        high = draw(st.integers(low, 6))
        count = Count(low, high, draw(st.integers(low, high)))
        spacing = {"per_week_max": draw(st.none() | st.integers(1, 3)), "min_gap_days": draw(st.integers(0, 2))}
        steps.append(
            Step(
                "session",
                StepKind.SESSION,
                "Session",
                draw(minutes),
                count=Count(0, high, count.default),
                counted=True,
                after=(After("consult", draw(st.integers(0, 1))),),
                **spacing,
            )
        )
    if last_invasive and draw(st.booleans()):
        low = draw(st.integers(1, 3))
        window = After(last_invasive, low, low + draw(st.integers(0, 4)))
        steps.append(Step("check", StepKind.CHECK, "Check", 30, after=(window,)))
    if remote and draw(st.booleans()):
        anchor = last_invasive or "consult"
        low = draw(st.integers(3, 10))
        steps.append(Step("followup", StepKind.REMOTE, "Video follow-up", 30, after=(After(anchor, low, low + 14),)))
    gap = None
    if two_trips and last_invasive and draw(st.integers(0, 4)) == 0:
        gap = VisitGap(draw(st.integers(10, 40)), 60, 120)
        window = After(last_invasive, gap.min_days, None)
        steps.append(Step("second", StepKind.PROCEDURE, "Second stage", 60, after=(window,), invasive=True, visit=2))
    return Protocol(
        protocol_id, protocol_id, draw(st.sampled_from(["acupuncture", "stem-cell"])), "", tuple(steps), count, gap
    )


def _with(step: Step, **changes) -> Step:
    """A copy of a step with some fields changed."""
    fields = {name: getattr(step, name) for name in step.__dataclass_fields__}
    return Step(**(fields | changes))


def _korean_holidays() -> list[date]:
    return sorted(d for year in range(2025, 2029) for d in public_holidays("KR", year))


#: arrival dates: anywhere in four years, or around a Korean public holiday (Seollal, Chuseok…)
arrival_dates = st.dates(date(2025, 1, 1), date(2028, 12, 31)) | st.builds(
    lambda day, shift: day + timedelta(days=shift), st.sampled_from(_korean_holidays()), st.integers(-4, 2)
)
#: landing times: any minute, with late evenings and nights well represented
landing_times = st.builds(time, st.integers(0, 23), st.integers(0, 59)) | st.sampled_from(
    [time(21, 30), time(22, 45), time(23, 55), time(5, 10)]
)


@st.composite
def trips(draw, max_treatments: int = 3, pins: bool = True) -> tuple[TripRequest, Catalog]:
    """A random but meaningful trip request and the catalog it refers to."""
    n = draw(st.integers(1, max_treatments))
    chosen = [draw(protocols(f"p{i}")) for i in range(n)]
    clinics = [make_clinic("c-a", "local"), make_clinic("c-b", "specialized", evening=True, saturday=False)]
    catalog = make_catalog(chosen, clinics)
    treatments = []
    for protocol in chosen:
        count = draw(st.none() | st.integers(protocol.count.min, protocol.count.max)) if protocol.count else None
        where = draw(st.sampled_from([("c-a", None), ("c-b", None), (None, "local"), (None, "specialized")]))
        treatments.append(TreatmentRequest(protocol.id, count, *where))
    return _request(draw, tuple(treatments), (chosen[0].id, "consult") if pins else None), catalog


def _request(draw, treatments: tuple[TreatmentRequest, ...], pin: tuple[str, str] | None) -> TripRequest:
    """A request for these treatments: arrival, maybe a departure, a home zone, maybe a pin."""
    arrival_zone = draw(st.sampled_from([SEOUL, ZoneInfo("UTC")]))
    landing = datetime.combine(draw(arrival_dates), draw(landing_times), SEOUL).astimezone(arrival_zone)
    departure = None
    if draw(st.booleans()):
        stay = timedelta(days=draw(st.integers(1, 40)), hours=draw(st.integers(-12, 12)))
        departure = (landing + stay).replace(second=0, microsecond=0)
    inbound = draw(st.none() | st.builds(lambda h: Flight(landing, hours=Decimal(h)), st.integers(2, 14)))
    pinned = ()
    if pin and draw(st.integers(0, 3)) == 0:
        day = landing.astimezone(SEOUL).date() + timedelta(days=draw(st.integers(0, 3)))
        start = datetime.combine(day, time(draw(st.sampled_from([9, 10, 15, 16]))), SEOUL)
        pinned = (Pin(*pin, 1, start),)
    home = draw(st.sampled_from(HOME_ZONES))
    request = TripRequest(Traveller("Ana", home), landing, treatments, departure, inbound=inbound, pins=pinned)
    return request


@st.composite
def real_trips(draw, catalog: Catalog) -> TripRequest:
    """A random request over the shipped catalog's protocols (1–3 different ones, counts in range)."""
    ids = draw(st.lists(st.sampled_from(sorted(catalog.protocols)), min_size=1, max_size=3, unique=True))
    treatments = []
    for protocol_id in ids:
        protocol = catalog.protocols[protocol_id]
        count = draw(st.none() | st.integers(protocol.count.min, protocol.count.max)) if protocol.count else None
        treatments.append(TreatmentRequest(protocol_id, count))
    first = catalog.protocols[ids[0]].steps[0]
    return _request(draw, tuple(treatments), (ids[0], first.id) if first.kind.in_person else None)


def examples(base: int) -> int:
    """Examples for a property: ``base`` under the dev profile, scaled up under "ci"."""
    return max(1, base * settings().max_examples // 100)
