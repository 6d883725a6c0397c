"""Clinics from TOML-shaped dicts and back, rejecting every mistake with its field and reason."""

from __future__ import annotations

import re
from dataclasses import fields
from typing import Any

import holidays as holiday_calendars

from planner.core.catalog.protocols import TIERS
from planner.core.catalog.reader import CatalogError, Invalid, Table, day, hhmm, interval, slug, string
from planner.core.model import Clinic, Interval, is_known_zone
from planner.core.model.clinic import CONTACT_KINDS

#: weekday keys in the order of Clinic.hours (Monday = 0)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_LANGUAGE = re.compile(r"[a-z]{2,3}")


def parse_clinic(data: dict, *, where: str = "") -> Clinic:
    """A Clinic from a TOML-shaped dict; CatalogError names the field and the reason."""
    clinic_id = data.get("id", "") if isinstance(data, dict) and isinstance(data.get("id"), str) else ""
    try:
        return _clinic(Table(data))
    except Invalid as err:
        raise CatalogError(
            where, clinic_id, err.field, err.reason, subject="clinic", code=err.code, params=err.params
        ) from None


def _clinic(table: Table) -> Clinic:
    table.expect(f.name for f in fields(Clinic))
    tier = table.text("tier", required=True)
    if tier not in TIERS:
        raise Invalid("tier", f"unknown tier '{tier}' (one of: {', '.join(TIERS)})")
    lunch = table.raw("lunch") if table.has("lunch") else None
    openings = table.table("openings")
    clinic = Clinic(
        id=slug(table.text("id", required=True), "id"),
        name=table.text("name", required=True),
        city=table.text("city", required=True),
        address=table.text("address", required=True),
        timezone=_timezone(table.text("timezone", required=True)),
        hours=_week(table.table("hours", required=True)),
        lunch=interval(lunch, "lunch") if lunch is not None else None,
        holiday_country=_country(table.text("holiday_country", "KR")),
        closures=frozenset(day(v, f"closures[{i}]") for i, v in enumerate(table.items("closures"))),
        openings=_openings(openings) if openings else {},
        tier=tier,
        languages=tuple(_language(v, f"languages[{i}]") for i, v in enumerate(table.items("languages", required=True))),
        categories=tuple(
            slug(string(v, f"categories[{i}]"), f"categories[{i}]") for i, v in enumerate(table.items("categories"))
        ),
        sample=table.flag("sample", False),
        source=table.text("source", ""),
        contact=_contact(table),
    )
    table.done()
    if not clinic.languages:
        raise Invalid("languages", code="no_language")
    return clinic


def _contact(table: Table) -> tuple[tuple[str, str], ...]:
    """The optional [contact] table: email, phone, messenger (free text, each at most 200 characters)."""
    if not table.has("contact"):
        return ()
    contact = Table(table.raw("contact"), table.at("contact")).expect(CONTACT_KINDS)
    found = []
    for kind in CONTACT_KINDS:
        value = contact.text(kind, "").strip()
        if len(value) > 200:
            raise Invalid(contact.at(kind), "must be at most 200 characters")
        if value:
            found.append((kind, value))
    return tuple(found)


def _timezone(name: str) -> str:
    if not is_known_zone(name):
        raise Invalid("timezone", code="unknown_zone", name=name[:64])
    return name


def _country(code: str) -> str:
    """A country the `holidays` package knows, or "" for no public holidays."""
    if code and code not in holiday_calendars.list_supported_countries():
        raise Invalid(
            "holiday_country", f"unknown holiday country '{code}' (an ISO code the holidays package supports, e.g. KR)"
        )
    return code


def _language(value: Any, path: str) -> str:
    if not _LANGUAGE.fullmatch(string(value, path)):
        raise Invalid(path, f"'{value}' is not a language code (ISO 639, e.g. en, ko)")
    return value


def _day_hours(value: Any, path: str) -> tuple[Interval, ...]:
    """Opening intervals of one day, in order and not overlapping."""
    if not isinstance(value, list):
        raise Invalid(path, 'must be a list of intervals, e.g. [["09:00", "18:00"]] ([] = closed)')
    intervals = tuple(interval(v, f"{path}[{i}]") for i, v in enumerate(value))
    for i in range(1, len(intervals)):
        if intervals[i][0] < intervals[i - 1][1]:
            raise Invalid(f"{path}[{i}]", code="interval_overlap")
    return intervals


def _week(table: Table) -> tuple[tuple[Interval, ...], ...]:
    table.expect(WEEKDAYS)
    week = tuple(_day_hours(table.raw(name), table.at(name)) for name in WEEKDAYS)
    table.done()
    return week


def _openings(table: Table) -> dict:
    openings = {}
    for key in table.data:
        openings[day(key, table.at(str(key)))] = _day_hours(table.raw(key), table.at(str(key)))
    return openings


def clinic_to_dict(clinic: Clinic) -> dict[str, Any]:
    """The TOML-shaped dict of a clinic (parse_clinic reads it back to an equal clinic)."""
    data: dict[str, Any] = {
        "id": clinic.id,
        "name": clinic.name,
        "city": clinic.city,
        "address": clinic.address,
        "timezone": clinic.timezone,
        "tier": clinic.tier,
        "hours": {name: [_pair(i) for i in clinic.hours[n]] for n, name in enumerate(WEEKDAYS)},
        "holiday_country": clinic.holiday_country,
        "closures": sorted(clinic.closures),
        "openings": {d.isoformat(): [_pair(i) for i in hours] for d, hours in sorted(clinic.openings.items())},
        "languages": list(clinic.languages),
        "categories": list(clinic.categories),
        "sample": clinic.sample,
        "source": clinic.source,
    }
    if clinic.lunch is not None:
        data["lunch"] = _pair(clinic.lunch)
    if clinic.contact:
        data["contact"] = dict(clinic.contact)
    return data


def _pair(value: Interval) -> list[str]:
    return [hhmm(value[0]), hhmm(value[1])]
