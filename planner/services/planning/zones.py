"""Home time zones to choose from, each with its difference to Seoul at a moment the caller gives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
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
    """Every pickable zone with its difference to Seoul at ``now`` (an aware datetime).

    Worked out once per quarter of an hour (UTC): clocks change on a quarter-hour boundary, and
    doing it for every request of the home page took most of its time.
    """
    return _choices_at(quarter_hour(now))


def quarter_hour(now: datetime) -> datetime:
    """The start of ``now``'s quarter of an hour in UTC: zone differences change only on such a boundary."""
    instant = now.astimezone(UTC)
    return instant.replace(minute=instant.minute - instant.minute % 15, second=0, microsecond=0)


@lru_cache(maxsize=2)
def _choices_at(moment: datetime) -> tuple[ZoneChoice, ...]:
    return tuple(ZoneChoice(name, difference_to_seoul(name, moment)) for name in zone_names())
