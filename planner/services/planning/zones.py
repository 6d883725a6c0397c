"""Home time zones to choose from, each with its difference to Seoul at a moment the caller gives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from planner.core.scenario import CLINIC_ZONE

#: zone names that are aliases kept for old systems; a patient looks for a city
_LEGACY_PREFIXES = ("Etc/", "SystemV/", "US/", "Canada/", "Brazil/", "Chile/", "Mexico/")


@dataclass(frozen=True)
class ZoneChoice:
    """A time zone name and how far Seoul's clock is from it."""

    name: str
    difference: str


@lru_cache(maxsize=1)
def zone_names() -> tuple[str, ...]:
    """The IANA zone names a patient can pick, sorted (cities, not legacy aliases)."""
    return tuple(
        sorted(
            name
            for name in available_timezones()
            if "/" in name and not name.startswith(_LEGACY_PREFIXES) and name != "localtime"
        )
    )


def difference_to_seoul(zone: str, moment: datetime) -> str:
    """Plain words for Seoul's clock against a zone's at a moment: "Seoul is 8 h ahead"."""
    instant = moment.astimezone(ZoneInfo(CLINIC_ZONE))
    minutes = int((instant.utcoffset() - instant.astimezone(ZoneInfo(zone)).utcoffset()).total_seconds() // 60)
    if minutes == 0:
        return "Same time as Seoul"
    hours, rest = divmod(abs(minutes), 60)
    amount = f"{hours} h" + (f" {rest} min" if rest else "") if hours else f"{rest} min"
    return f"Seoul is {amount} {'ahead' if minutes > 0 else 'behind'}"


def zone_choices(now: datetime) -> tuple[ZoneChoice, ...]:
    """Every pickable zone with its difference to Seoul at ``now`` (an aware datetime)."""
    return tuple(ZoneChoice(name, difference_to_seoul(name, now)) for name in zone_names())
