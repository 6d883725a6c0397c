"""Hand-made catalog objects for core tests: a Seoul clinic, small protocols, trip requests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from planner.core.catalog.load import Catalog
from planner.core.model.clinic import Clinic
from planner.core.model.costs import Costs
from planner.core.model.money import MoneyRange, Rates
from planner.core.model.protocol import After, Count, Protocol, Step, StepKind, VisitGap
from planner.core.model.rules import TravelRules
from planner.core.model.trip import Traveller, TreatmentRequest, TripRequest

SEOUL = ZoneInfo("Asia/Seoul")

WEEKDAY = ((time(9), time(18)),)
#: Monday–Friday 09:00–18:00 with lunch 13:00–14:00, Saturday 09:00–13:00, Sunday closed
HOURS = (WEEKDAY,) * 5 + (((time(9), time(13)),), ())


def seoul(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    """An aware datetime in Seoul."""
    return datetime(y, m, d, hh, mm, tzinfo=SEOUL)


def make_clinic(**overrides) -> Clinic:
    """A Seoul clinic open weekdays and Saturday mornings, closed on Korean holidays."""
    clinic = Clinic(
        id="seoul-clinic",
        name="Seoul Clinic",
        city="Seoul",
        address="Gangnam-gu",
        timezone="Asia/Seoul",
        hours=HOURS,
        lunch=(time(13), time(14)),
    )
    return replace(clinic, **overrides)


def session_protocol(**overrides) -> Protocol:
    """Acupuncture-like: a consultation, then counted sessions at most twice a week."""
    steps = (
        Step("consult", StepKind.CONSULTATION, "Consultation", 60),
        Step(
            "session",
            StepKind.SESSION,
            "Acupuncture session",
            40,
            count=Count(1, 12, 6),
            counted=True,
            per_week_max=2,
            min_gap_days=2,
            after=(After("consult"),),
        ),
    )
    protocol = Protocol("acu", "Acupuncture", "acupuncture", "Sessions", steps, count=Count(3, 12, 6))
    return replace(protocol, **overrides)


def harvest_protocol(**overrides) -> Protocol:
    """Stem-cell-like: consultation, fat harvest, processing (lab), same-day injection, remote check."""
    steps = (
        Step("consult", StepKind.CONSULTATION, "Consultation", 60),
        Step(
            "harvest",
            StepKind.PROCEDURE,
            "Fat harvest",
            120,
            invasive=True,
            rest_days=2,
            fly_after_days=2,
            after=(After("consult", 0, None),),
        ),
        Step("processing", StepKind.LAB, "Cell processing", 90, after=(After("harvest", 0, 0),)),
        Step(
            "injection",
            StepKind.PROCEDURE,
            "Injection",
            60,
            invasive=True,
            rest_days=1,
            fly_after_days=2,
            after=(After("processing", 0, 0),),
        ),
        Step("followup", StepKind.REMOTE, "Video follow-up", 30, after=(After("injection", 28, 35),)),
    )
    protocol = Protocol("cells", "Stem cells", "stem-cell", "Harvest and injection", steps)
    return replace(protocol, **overrides)


def implant_protocol(**overrides) -> Protocol:
    """Two trips: placement, then the crown at least 90 days later."""
    steps = (
        Step("consult", StepKind.CONSULTATION, "Consultation", 60),
        Step(
            "placement",
            StepKind.PROCEDURE,
            "Implant placement",
            90,
            invasive=True,
            rest_days=1,
            fly_after_days=1,
            after=(After("consult", 0, None),),
        ),
        Step("crown", StepKind.PROCEDURE, "Crown fitting", 60, visit=2, after=(After("placement", 90, 180),)),
    )
    protocol = Protocol("implant", "Dental implant", "dental", "Two trips", steps, visit_gap=VisitGap(60, 90, 180))
    return replace(protocol, **overrides)


def make_catalog(
    *protocols: Protocol, clinics: tuple[Clinic, ...] | None = None, rules: TravelRules | None = None
) -> Catalog:
    """A catalog with these protocols (default: the three above) and clinics."""
    protocols = protocols or (session_protocol(), harvest_protocol(), implant_protocol())
    clinics = clinics or (make_clinic(),)
    krw = MoneyRange(Decimal(1), Decimal(1), Decimal(1), "KRW")
    costs = Costs(lodging={"mid": krw}, airport_transfer=krw, local_transport=krw, meals=krw, interpreter=krw, keta=krw)
    return Catalog(
        protocols={p.id: p for p in protocols},
        clinics={c.id: c for c in clinics},
        costs=costs,
        rates=Rates(date(2025, 1, 1), "KRW", {}),
        rules=rules or TravelRules(),
    )


def make_request(
    *treatments: TreatmentRequest | str,
    arrival: datetime | None = None,
    departure: datetime | None = None,
    home: str = "Asia/Seoul",
    **overrides,
) -> TripRequest:
    """A trip request; treatments may be given as protocol ids."""
    chosen = tuple(TreatmentRequest(t) if isinstance(t, str) else t for t in treatments)
    request = TripRequest(
        traveller=Traveller("Pat", home),
        arrival=arrival or seoul(2025, 3, 3, 8),
        departure=departure,
        treatments=chosen,
    )
    return replace(request, **overrides)


def from_home_only(catalog: Catalog) -> Catalog:
    """The catalog with every remote step held from home only (no ``in_person_if_present``)."""
    protocols = {
        pid: replace(p, steps=tuple(replace(s, in_person_if_present=False, in_person_title="") for s in p.steps))
        for pid, p in catalog.protocols.items()
    }
    return replace(catalog, protocols=protocols)
