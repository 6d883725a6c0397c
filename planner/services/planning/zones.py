"""Home time zones to choose from, each with its difference to Seoul at a moment the caller gives.

Places are named in the caller's locale (Babel's CLDR names: "Seoul, South Korea", "서울, 대한민국");
a typed place is found by its English name, its name in the caller's locale, or its zone name.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone_location

from planner.core.scenario import CLINIC_ZONE
from planner.i18n import DEFAULT_LOCALE, ENGLISH, Words, words_for

#: zone names that are aliases kept for old systems; a patient looks for a city
_LEGACY_PREFIXES = ("Etc/", "SystemV/", "US/", "Canada/", "Brazil/", "Chile/", "Mexico/")


#: the language of the place names when the caller names none
LABEL_LOCALE = DEFAULT_LOCALE
#: cities Babel's English data writes without their accents
_CITY_SPELLINGS = {"America/Sao_Paulo": "São Paulo", "America/Bogota": "Bogotá", "Asia/Ho_Chi_Minh": "Ho Chi Minh City"}
#: what people type for a country whose English name is longer
_COUNTRY_WORDS = {"korea": "south korea", "usa": "united states", "us": "united states", "uk": "united kingdom"}


@dataclass(frozen=True)
class ZoneChoice:
    """A time zone name, how people name its place, and how far Seoul's clock is from it."""

    name: str
    difference: str
    label: str = ""


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


def difference_to_seoul(zone: str, moment: datetime, words: Words = ENGLISH) -> str:
    """Plain words for Seoul's clock against a zone's at a moment: "Seoul is 8 h ahead"."""
    instant = moment.astimezone(ZoneInfo(CLINIC_ZONE))
    minutes = int((instant.utcoffset() - instant.astimezone(ZoneInfo(zone)).utcoffset()).total_seconds() // 60)
    if minutes == 0:
        return words.gettext("Same time as Seoul")
    hours, rest = divmod(abs(minutes), 60)
    if hours and rest:
        amount = words.gettext("%(hours)d h %(minutes)d min", hours=hours, minutes=rest)
    elif hours:
        amount = words.gettext("%(hours)d h", hours=hours)
    else:
        amount = words.gettext("%(minutes)d min", minutes=rest)
    if minutes > 0:
        return words.gettext("Seoul is %(amount)s ahead", amount=amount)
    return words.gettext("Seoul is %(amount)s behind", amount=amount)


def zone_choices(now: datetime, locale: str = LABEL_LOCALE) -> tuple[ZoneChoice, ...]:
    """Every pickable zone with its difference to Seoul at ``now`` (an aware datetime), in ``locale``.

    Worked out once per quarter of an hour (UTC) and locale: clocks change on a quarter-hour
    boundary, and doing it for every request of the home page took most of its time.
    """
    return _choices_at(quarter_hour(now), words_for(locale).locale)


def quarter_hour(now: datetime) -> datetime:
    """The start of ``now``'s quarter of an hour in UTC: zone differences change only on such a boundary."""
    instant = now.astimezone(UTC)
    return instant.replace(minute=instant.minute - instant.minute % 15, second=0, microsecond=0)


@lru_cache(maxsize=12)
def _choices_at(moment: datetime, locale: str) -> tuple[ZoneChoice, ...]:
    labels = zone_labels(locale)
    words = words_for(locale)
    return tuple(ZoneChoice(name, difference_to_seoul(name, moment, words), labels[name]) for name in zone_names())


def _plain(text: str) -> str:
    """Text as a search key: no accents, no case, words joined by single spaces ("São_Paulo" → "sao paulo")."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.split(r"[\W_]+", bare.casefold())).strip()


@lru_cache(maxsize=8)
def zone_labels(locale: str = LABEL_LOCALE) -> dict[str, str]:
    """Zone name → how people name the place in ``locale``: "Lisbon, Portugal", "São Paulo, Brazil" (Babel)."""
    territories = get_global("zone_territories")
    names = Locale.parse(locale).territories
    spellings = _CITY_SPELLINGS if locale == DEFAULT_LOCALE else {}
    labels = {}
    for zone in zone_names():
        city = spellings.get(zone) or get_timezone_location(zone, locale=locale, return_city=True)
        country = names.get(territories.get(zone, ""), "")
        labels[zone] = f"{city}, {country}" if country and country != city else city
    # two zones of one place (America/Indiana/Indianapolis and America/Indianapolis) keep their names apart
    counts = Counter(labels.values())
    return {zone: label if counts[label] == 1 else f"{label} ({zone})" for zone, label in labels.items()}


@lru_cache(maxsize=8)
def _search_keys(locale: str = LABEL_LOCALE) -> tuple[dict[str, str], dict[str, tuple[str, tuple[str, ...]]]]:
    """Plain search key → zone (zone names, labels, cities), and country → its name and zones, in ``locale``."""
    territories = get_global("zone_territories")
    names = Locale.parse(locale).territories
    keys: dict[str, str] = {}
    countries: dict[str, tuple[str, list[str]]] = {}
    for zone, label in zone_labels(locale).items():
        city = label.split(" (")[0].split(", ")[0]
        for key in (zone, label, city, zone.rsplit("/", 1)[-1]):
            keys.setdefault(_plain(key), zone)
        country = names.get(territories.get(zone, ""), "")
        if country:
            countries.setdefault(_plain(country), (country, []))[1].append(zone)
    return keys, {key: (name, tuple(zones)) for key, (name, zones) in countries.items()}


class UnknownZone(ValueError):
    """Typed text names no time zone, or a country with several: the message says what to type."""


def find_zone(text: str, words: Words = ENGLISH, whose: str = "your") -> str:
    """The zone a patient means by a zone name, a city or a country ("Lisbon", "são paulo", "Korea"),
    named in English or in ``words``' locale ("서울"); the error message is in that locale, and asks for
    "your city" or, with ``whose="their"`` (a facilitator typing a client's zone), "their city"."""
    key = _plain(text)
    found = _find(key, words.locale)
    if found is None and words.locale != LABEL_LOCALE:
        found = _find(key, LABEL_LOCALE)
    if found is None:
        if whose == "their":
            raise UnknownZone(
                words.gettext(
                    "Choose a time zone from the list: type their city or country, e.g. Lisbon, São Paulo or Seoul."
                )
            )
        raise UnknownZone(
            words.gettext(
                "Choose a time zone from the list: type your city or country, e.g. Lisbon, São Paulo or Seoul."
            )
        )
    if isinstance(found, str):
        return found
    country, zones, locale = found
    labels = zone_labels(words.locale)
    some = sorted(labels[zone].split(", ")[0] for zone in zones)[:4]
    # English keeps the plain commas its pages always wrote ("Azores, Lisbon, Madeira")
    cities = ", ".join(some) if words.locale == LABEL_LOCALE else words.list(some)
    if locale != words.locale:
        country = Locale.parse(words.locale).territories.get(get_global("zone_territories").get(zones[0], ""), country)
    if whose == "their":
        raise UnknownZone(
            words.gettext(
                "%(country)s has several time zones: type their city, e.g. %(cities)s.", country=country, cities=cities
            )
        )
    raise UnknownZone(
        words.gettext(
            "%(country)s has several time zones: type your city, e.g. %(cities)s.", country=country, cities=cities
        )
    )


def _find(key: str, locale: str):
    """The zone ``key`` names in ``locale``; (country, its zones, locale) for a country of several; else None."""
    keys, countries = _search_keys(locale)
    if key in keys:
        return keys[key]
    country, zones = countries.get(key) or countries.get(_COUNTRY_WORDS.get(key, ""), ("", ()))
    if len(zones) == 1:
        return zones[0]
    if zones:
        return country, zones, locale
    return None
