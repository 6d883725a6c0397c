"""Hand-built catalogs, plans and trips for the calendar tests (no scheduler needed)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from planner.core.calendar.writer import CalendarOptions, TripEvents
from planner.core.catalog.load import Catalog
from planner.core.model.clinic import Clinic
from planner.core.model.costs import Costs
from planner.core.model.itinerary import Appointment, Plan, Visit
from planner.core.model.money import MoneyRange, Rates
from planner.core.model.protocol import Preparation, Protocol, Step, StepKind
from planner.core.model.trip import Flight, Traveller, TreatmentRequest, TripRequest

SEOUL = ZoneInfo("Asia/Seoul")
STAMP = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)

_WEEKDAY = ((time(9), time(18)),)
_HOURS = (_WEEKDAY,) * 5 + (((time(9), time(13)),), ())

STEM_CELLS = Protocol(
    id="knee-svf",
    name="Knee stem-cell injection (fat-derived SVF)",
    category="stem-cells",
    summary="Fat harvest and same-day injection into the knee (seed 003).",
    steps=(
        Step("consult", StepKind.CONSULTATION, "Orthopaedic consultation and MRI review", 60),
        Step(
            "harvest",
            StepKind.PROCEDURE,
            "Fat harvest by liposuction and knee injection",
            180,
            invasive=True,
            rest_days=2,
            fly_after_days=2,
            preparation=(
                Preparation("Fast from midnight; water until 2 hours before", hours_before=8),
                Preparation("Stop aspirin and ibuprofen", hours_before=168),
            ),
            description="Liposuction under local anaesthesia; the cells are injected the same day.",
        ),
        Step("check", StepKind.CHECK, "Wound check after liposuction", 30),
        Step("video", StepKind.REMOTE, "Video follow-up on the knee injection", 30, needs_clinic_open=True),
    ),
)

CHECKUP = Protocol(
    id="checkup",
    name="Comprehensive health checkup",
    category="checkup",
    summary="One morning visit after an overnight fast.",
    steps=(
        Step(
            "exam",
            StepKind.CONSULTATION,
            "Health checkup with endoscopy",
            240,
            preparation=(Preparation("No food after 20:00 the evening before", hours_before=12),),
        ),
        Step("results", StepKind.LAB, "Checkup results ready", 60),
    ),
)

CLINIC = Clinic(
    id="gangnam-joint",
    name="강남 관절 줄기세포 의원",
    city="Seoul",
    address="서울특별시 강남구 테헤란로 123, 4층",
    timezone="Asia/Seoul",
    hours=_HOURS,
    lunch=(time(13), time(14)),
)

CHECKUP_CLINIC = Clinic(
    id="sinchon-health",
    name="Sinchon Health; Screening, Centre",
    city="Seoul",
    address="50 Yonsei-ro, Seodaemun-gu",
    timezone="Asia/Seoul",
    hours=_HOURS,
)


def make_catalog() -> Catalog:
    """A catalog with the two protocols and clinics above."""
    krw = MoneyRange(Decimal(1), Decimal(2), Decimal(3), "KRW")
    costs = Costs(lodging={"mid": krw}, airport_transfer=krw, local_transport=krw, meals=krw, interpreter=krw, keta=krw)
    return Catalog(
        protocols={p.id: p for p in (STEM_CELLS, CHECKUP)},
        clinics={c.id: c for c in (CLINIC, CHECKUP_CLINIC)},
        costs=costs,
        rates=Rates(date(2026, 3, 1), "KRW", {"USD": Decimal("1380")}),
    )


def seoul(day: date, hour: int, minute: int = 0) -> datetime:
    """A time at the clinic."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=SEOUL)


def appointment(protocol: Protocol, step_id: str, start: datetime, n: int = 1, **changes) -> Appointment:
    """An appointment of a step at a time, as the scheduler would place it."""
    step = protocol.step(step_id)
    clinic = CLINIC if protocol is STEM_CELLS else CHECKUP_CLINIC
    fields = dict(
        key=f"{protocol.id}-{step.id}-{n}",
        protocol=protocol.id,
        step=step.id,
        occurrence=n,
        kind=step.kind,
        title=step.title,
        start=start,
        end=start + timedelta(minutes=step.minutes),
        clinic=clinic.id,
        invasive=step.invasive,
        timezone=clinic.timezone,
        preparation=tuple(p.text for p in step.preparation),
    )
    fields.update(changes)
    return Appointment(**fields)


def knee_trip(home: str = "Europe/Lisbon", first: date = date(2026, 4, 6), **request_changes) -> TripEvents:
    """A knee stem-cell trip: flights, consult, harvest with rest, check, and a remote follow-up."""
    home_zone = ZoneInfo(home)
    arrival = seoul(first, 7, 40)
    departure = seoul(first + timedelta(days=6), 18, 30)
    video = datetime.combine(first + timedelta(days=20), time(10), tzinfo=home_zone)
    appointments = (
        appointment(STEM_CELLS, "consult", seoul(first, 14, 30)),
        appointment(STEM_CELLS, "harvest", seoul(first + timedelta(days=2), 9), pinned=True),
        appointment(STEM_CELLS, "check", seoul(first + timedelta(days=5), 11)),
        appointment(STEM_CELLS, "video", video, timezone=home),
    )
    plan = Plan(
        feasible=True,
        arrival=arrival,
        departure=departure,
        earliest_departure=departure,
        appointments=appointments,
        days=(),
        visits=(Visit(1, arrival, departure),),
    )
    fields = dict(
        traveller=Traveller("Ana Silva", home),
        arrival=arrival,
        treatments=(TreatmentRequest(STEM_CELLS.id),),
        departure=departure,
        outbound=Flight(
            departs=datetime.combine(first - timedelta(days=1), time(12, 5), tzinfo=home_zone),
            arrives=arrival,
            number="KE 914",
            origin=_city(home),
            destination="Seoul Incheon",
        ),
        inbound=Flight(
            departs=departure,
            arrives=datetime.combine(first + timedelta(days=7), time(6, 15), tzinfo=home_zone),
            number="KE 913",
            origin="Seoul Incheon",
            destination=_city(home),
        ),
    )
    fields.update(request_changes)
    return TripEvents(plan=plan, request=TripRequest(**fields), uid_prefix="trip-0f1e2d3c")


def _city(home: str) -> str:
    """The home zone's city, as a traveller names the airport ("New York"): its zone is the home zone."""
    return home.rsplit("/", 1)[-1].replace("_", " ")


def checkup_trip(first: date = date(2026, 10, 12)) -> TripEvents:
    """A health checkup with results, a second trip proposed, and no flights given."""
    arrival = seoul(first, 6)
    exam = appointment(CHECKUP, "exam", seoul(first + timedelta(days=1), 8))
    results = appointment(CHECKUP, "results", seoul(first + timedelta(days=4), 9))
    second = seoul(first + timedelta(days=60), 9)
    plan = Plan(
        feasible=True,
        arrival=arrival,
        departure=None,
        earliest_departure=seoul(first + timedelta(days=4), 18),
        appointments=(exam, results),
        days=(),
        visits=(Visit(1, arrival, None, proposed=True), Visit(2, second, second + timedelta(days=3), proposed=True)),
    )
    request = TripRequest(
        traveller=Traveller("John O'Neil", "America/New_York"),
        arrival=arrival,
        treatments=(TreatmentRequest(CHECKUP.id),),
    )
    return TripEvents(plan=plan, request=request, uid_prefix="trip-9a8b7c6d", confirmed=frozenset({exam.key}))


def options(**changes) -> CalendarOptions:
    """Calendar options for a one-off download (no refresh) unless changed."""
    fields = dict(calendar_uid="planner-trip-0f1e2d3c", name="Ana — Seoul 2026", host="planner.example", stamp=STAMP)
    fields.update(changes)
    return CalendarOptions(**fields)


def scenarios() -> dict[str, tuple[list[TripEvents], CalendarOptions]]:
    """Named calendars covering every kind of event; the golden files are made from these."""
    knee = knee_trip()
    return {
        "knee-lisbon": ([knee], options()),
        "knee-new-york-dst": ([knee_trip("America/New_York", date(2026, 3, 2))], options()),
        "knee-sydney": ([knee_trip("Australia/Sydney", date(2026, 9, 21))], options()),
        "checkup-second-trip": ([checkup_trip()], options(calendar_uid="planner-trip-9a8b7c6d", name="John")),
        "feed-two-clients": (
            [replace(knee, label="Ana S."), replace(checkup_trip(), label="John O., Jr; VIP")],
            options(calendar_uid="planner-feed-7", name="Clinic desk, all clients", refresh=timedelta(hours=12)),
        ),
        "knee-discreet": ([knee], options(discreet=True)),
    }
