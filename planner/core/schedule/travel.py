"""Time-zone differences and the jet-lag buffer, by the travel rules of the catalog."""

from __future__ import annotations

import math
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from planner.core.model import TravelRules


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


def jetlag_buffer_days(home: str, destination: str, when: datetime, rules: TravelRules, low_risk: bool = False) -> int:
    """Whole days after arrival before an invasive step may happen.

    Beyond the threshold: a share of the adjustment time (days per zone by direction), rounded
    up, at most ``jetlag_buffer_max_days``. At or below it: 1 day (jet lag clears in 1–3 days),
    0 with no difference. A low-risk step (``Step.low_risk``) waits ``low_risk_buffer_days`` at most.
    """
    zones, direction = zone_difference(home, destination, when)
    if direction == "none":
        return 0
    if zones <= rules.jetlag_threshold_zones:
        full = 1
    else:
        per_zone = rules.east_days_per_zone if direction == "east" else rules.west_days_per_zone
        full = max(1, math.ceil(zones * per_zone * rules.jetlag_buffer_share))
        full = min(full, rules.jetlag_buffer_max_days)
    return min(full, rules.low_risk_buffer_days) if low_risk else full
