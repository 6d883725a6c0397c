"""Planning rules that are not per step (rules.toml): travel, jet lag, fitness to fly, visa limits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from decimal import Decimal


@dataclass(frozen=True)
class TravelRules:
    """Planning rules that are not per step; each has a source in the catalog (rules.toml)."""

    #: hours from landing to being able to attend a clinic (immigration + airport transfer)
    arrival_to_clinic_hours: int = 3
    #: hours an in-person appointment must end before the departure flight
    clinic_to_departure_hours: int = 5
    #: jet lag matters beyond this many zones (CDC Yellow Book 2024)
    jetlag_threshold_zones: int = 3
    #: days to adjust per zone travelling east / west (Sack 2007)
    east_days_per_zone: Decimal = Decimal("1")
    west_days_per_zone: Decimal = Decimal("0.67")
    #: share of the adjustment time to wait before an invasive step
    jetlag_buffer_share: Decimal = Decimal("0.5")
    #: the longest wait before an invasive step, in days (keeps a procedure trip at the sources' stays)
    jetlag_buffer_max_days: int = 3
    #: the wait before a low-risk invasive step (a checkup under light sedation, an IV drip), at most
    low_risk_buffer_days: int = 1
    #: a flight longer than this many hours is long-haul (WHO WRIGHT)
    long_flight_hours: int = 4
    #: warn about clots for a long flight within this many days after a procedure
    clot_risk_days: int = 14
    #: C-3-3 medical visa stay limit
    visa_days: int = 90
    #: the longest stay the planner accepts
    max_stay_days: int = 365
    #: remote follow-ups must fall in these hours at the patient's home
    home_awake: tuple[time, time] = (time(8), time(21))
    #: departure time proposed when the planner finds the shortest stay
    default_departure_time: time = time(18)
