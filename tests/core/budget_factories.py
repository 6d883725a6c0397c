"""Hand-made catalogs, requests and plans for the budget tests (no loader, no scheduler)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from planner.core.catalog.load import Catalog
from planner.core.model.clinic import Clinic
from planner.core.model.costs import Costs
from planner.core.model.itinerary import Appointment, Plan, Visit
from planner.core.model.money import MoneyRange, Rates
from planner.core.model.protocol import Count, PriceRange, Protocol, Step, StepKind
from planner.core.model.trip import Insurance, Traveller, TreatmentRequest, TripRequest

SEOUL = ZoneInfo("Asia/Seoul")
WEEKDAYS = ((time(9), time(18)),)


def krw(low, typical, high) -> MoneyRange:
    """A KRW range from whole numbers."""
    return MoneyRange(Decimal(low), Decimal(typical), Decimal(high), "KRW")


def make_costs(**overrides) -> Costs:
    """Round everyday costs in KRW, easy to multiply by hand."""
    values = dict(
        lodging={"budget": krw(100_000, 120_000, 150_000), "mid": krw(200_000, 250_000, 300_000)},
        airport_transfer=krw(18_000, 50_000, 100_000),
        local_transport=krw(3_000, 5_000, 10_000),
        meals=krw(40_000, 60_000, 80_000),
        interpreter=krw(130_000, 200_000, 400_000),
        keta=krw(10_000, 10_000, 10_000),
        sources={"lodging.mid": "test mid lodging", "lodging": "test lodging", "keta": "test keta"},
    )
    values.update(overrides)
    return Costs(**values)


def make_rates(**per_unit) -> Rates:
    """A KRW-based table: 1 USD = 1,400 KRW, 1 JPY = 9.5 KRW, 1 EUR = 1,500 KRW unless overridden."""
    table = {"USD": Decimal("1400"), "JPY": Decimal("9.5"), "EUR": Decimal("1500")}
    table.update({k: Decimal(v) for k, v in per_unit.items()})
    return Rates(date(2026, 1, 5), "KRW", table, "test rates")


def acupuncture(nhi_covered: bool = True) -> Protocol:
    """Consultation then counted sessions, priced by tier in KRW (seed 000 figures)."""
    return Protocol(
        id="acu",
        name="Acupuncture course",
        category="korean-medicine",
        summary="",
        steps=(
            Step("consult", StepKind.CONSULTATION, "Consultation", 40),
            Step(
                "session",
                StepKind.SESSION,
                "Acupuncture session",
                30,
                count=Count(1, 12, 6),
                counted=True,
                prices={
                    "local": PriceRange(Decimal(20_000), Decimal(35_000), Decimal(50_000), "KRW", "seed 000"),
                    "university": PriceRange(Decimal(70_000), Decimal(100_000), Decimal(150_000), "KRW", "seed 000"),
                },
            ),
        ),
        count=Count(1, 12, 6),
        nhi_covered=nhi_covered,
    )


def stem_cells() -> Protocol:
    """A joint injection priced in USD, with a lab step and a priced remote follow-up."""
    return Protocol(
        id="joint",
        name="Stem cells, one joint",
        category="stem-cell",
        summary="",
        steps=(
            Step("harvest", StepKind.PROCEDURE, "Fat harvest", 90, invasive=True),
            Step("culture", StepKind.LAB, "Cell culture", 0, needs_clinic_open=False),
            Step(
                "inject",
                StepKind.PROCEDURE,
                "Joint injection",
                60,
                visit=2,
                prices={"*": PriceRange(Decimal(8_000), Decimal(12_000), Decimal(25_000), "USD", "seed 003")},
            ),
            Step(
                "followup",
                StepKind.REMOTE,
                "Video follow-up",
                20,
                visit=2,
                prices={"*": PriceRange(Decimal("50.50"), Decimal("75.25"), Decimal(100), "USD")},
            ),
        ),
    )


def make_clinic(clinic_id: str = "c-local", tier: str = "local") -> Clinic:
    """A Seoul clinic open on weekdays."""
    return Clinic(
        id=clinic_id,
        name=clinic_id,
        city="Seoul",
        address="",
        timezone="Asia/Seoul",
        hours=(WEEKDAYS,) * 5 + ((), ()),
        tier=tier,
    )


def make_catalog(rates: Rates | None = None, costs: Costs | None = None, nhi_covered: bool = True) -> Catalog:
    """Two protocols, a local clinic and a university hospital."""
    protocols = {p.id: p for p in (acupuncture(nhi_covered), stem_cells())}
    clinics = {c.id: c for c in (make_clinic("c-local", "local"), make_clinic("c-uni", "university"))}
    return Catalog(protocols, clinics, costs or make_costs(), rates or make_rates())


def seoul(day: date, hour: int = 10) -> datetime:
    """A Seoul wall-clock time on a date."""
    return datetime.combine(day, time(hour), SEOUL)


def make_request(**overrides) -> TripRequest:
    """One traveller arriving 5 Jan 2026, no interpreter, no K-ETA unless asked."""
    values = dict(
        traveller=Traveller("Ana", "Europe/Lisbon"),
        arrival=seoul(date(2026, 1, 5), 8),
        treatments=(TreatmentRequest("acu", 6, "c-local"),),
        needs_keta=False,
        insurance=Insurance(),
    )
    values.update(overrides)
    return TripRequest(**values)


def appointment(
    protocol: str, step: str, n: int, day: date, clinic: str = "c-local", kind=StepKind.SESSION, visit: int = 1
):
    """One appointment at 10:00 Seoul time on a day."""
    start = seoul(day)
    return Appointment(
        key=f"{protocol}-{step}-{n}",
        protocol=protocol,
        step=step,
        occurrence=n,
        kind=kind,
        title=step,
        start=start,
        end=start + timedelta(minutes=30),
        clinic=clinic,
        visit=visit,
    )


def make_plan(appointments=(), nights: int | None = 10, arrival: date = date(2026, 1, 5), visits=None) -> Plan:
    """A feasible plan of one visit of ``nights`` nights (None = departure unknown)."""
    start = seoul(arrival, 8)
    departure = seoul(arrival + timedelta(days=nights), 18) if nights is not None else None
    if visits is None:
        visits = (Visit(1, start, departure),)
    return Plan(
        feasible=departure is not None,
        arrival=start,
        departure=departure,
        earliest_departure=departure,
        appointments=tuple(appointments),
        days=(),
        visits=tuple(visits),
    )


def acupuncture_plan(sessions: int, clinic: str = "c-local", nights: int | None = 20) -> Plan:
    """A consultation then ``sessions`` sessions, one a day from 6 Jan 2026."""
    first = date(2026, 1, 6)
    appointments = [appointment("acu", "consult", 1, first, clinic, StepKind.CONSULTATION)]
    appointments += [appointment("acu", "session", i + 1, first + timedelta(days=i), clinic) for i in range(sessions)]
    return make_plan(appointments, nights)
