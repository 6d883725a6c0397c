"""The trip request: who travels, when, which treatments, and the options chosen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class Traveller:
    """The patient."""

    name: str
    home_timezone: str  # IANA name, e.g. "Europe/Lisbon"


@dataclass(frozen=True)
class Flight:
    """One flight. Times are timezone-aware; ``hours`` is the flight time if known."""

    departs: datetime
    arrives: datetime | None = None
    number: str = ""
    origin: str = ""  # airport code or city, free text
    destination: str = ""
    hours: Decimal | None = None
    price: Decimal | None = None  # per traveller, in ``price_currency``
    price_currency: str = ""

    @property
    def long_haul(self) -> bool:
        """Over 4 hours (clot risk); unknown duration counts as long-haul, to be safe."""
        return self.hours is None or self.hours > 4


@dataclass(frozen=True)
class Pin:
    """An appointment the clinic confirmed at a real time: a fixed point for the scheduler."""

    protocol: str  # the treatment's protocol id
    step: str
    occurrence: int  # 1-based
    start: datetime  # timezone-aware


@dataclass(frozen=True)
class TreatmentRequest:
    """One treatment chosen for the trip."""

    protocol: str
    count: int | None = None  # sessions, where the protocol has a count; None = its default
    clinic: str | None = None  # a clinic id, or …
    clinic_tier: str | None = None  # … a tier ("local", "specialized", "university")


@dataclass(frozen=True)
class Insurance:
    """Korean National Health Insurance for registered residents (ARC holders enrolled in NHI)."""

    nhi: bool = False
    #: the patient's share of covered treatments, 0..1 (to be confirmed with the clinic)
    patient_share: Decimal = Decimal("0.3")


#: the zone of a patient who lives in Korea (the clinics' zone)
KOREA_ZONE = "Asia/Seoul"
#: lodging that costs nothing: the patient lives here or stays with family
NO_LODGING = "none"


def lives_in_korea(traveller: Traveller, insurance: Insurance) -> bool:
    """A resident: home time zone Asia/Seoul, or enrolled in National Health Insurance (ARC holders)."""
    return traveller.home_timezone == KOREA_ZONE or insurance.nhi


@dataclass(frozen=True)
class TripRequest:
    """Everything the scheduler and the budget need to plan one trip.

    ``arrival`` is when the arrival flight lands; ``departure`` when the return flight leaves
    (None = find the shortest stay). Both are timezone-aware.
    """

    traveller: Traveller
    arrival: datetime
    treatments: tuple[TreatmentRequest, ...]
    departure: datetime | None = None
    lodging: str = "mid"  # "budget", "mid", "upscale", or "none" (no hotel)
    currency: str = "KRW"
    travellers: int = 1  # people on the trip (lodging is shared, meals are not)
    interpreter: bool = False
    insurance: Insurance = Insurance()
    outbound: Flight | None = None
    inbound: Flight | None = None  # the flight home
    pins: tuple[Pin, ...] = ()
    needs_keta: bool = True

    @property
    def resident(self) -> bool:
        """Whether the patient lives in Korea: no hotel, airport transfer, K-ETA or visa unless asked."""
        return lives_in_korea(self.traveller, self.insurance)
