"""Travel rules: time-zone difference, jet lag, reaching the clinic, fitness to fly."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo


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


def utc_offset_hours(zone: str, when: datetime) -> Decimal:
    """The zone's UTC offset in hours at a given instant."""
    offset = when.astimezone(ZoneInfo(zone)).utcoffset()
    return Decimal(int(offset.total_seconds())) / 3600


def zone_difference(home: str, destination: str, when: datetime) -> tuple[Decimal, str]:
    """Zones crossed, min(|Δ|, 24 − |Δ|), and the direction of the body-clock shift.

    Direction is "east" when the destination's clock is ahead (phase advance) along the
    shorter way round, "west" otherwise, "none" when there is no difference.
    """
    delta = utc_offset_hours(destination, when) - utc_offset_hours(home, when)
    delta = ((delta + 12) % 24) - 12  # into [-12, 12)
    if delta == 0:
        return Decimal(0), "none"
    return abs(delta), ("east" if delta > 0 else "west")


def jetlag_buffer_days(home: str, destination: str, when: datetime, rules: TravelRules) -> int:
    """Whole days after arrival before an invasive step may happen.

    Beyond the threshold: a share of the adjustment time (days per zone by direction),
    rounded up. At or below it: 1 day (jet lag clears in 1–3 days), 0 with no difference.
    """
    zones, direction = zone_difference(home, destination, when)
    if direction == "none":
        return 0
    if zones <= rules.jetlag_threshold_zones:
        return 1
    per_zone = rules.east_days_per_zone if direction == "east" else rules.west_days_per_zone
    return max(1, math.ceil(zones * per_zone * rules.jetlag_buffer_share))
