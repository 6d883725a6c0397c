"""The JSON scenario: a trip request as plain data, validated field by field."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from planner.core.catalog import Catalog
from planner.core.model import (
    NO_LODGING,
    Flight,
    Insurance,
    Pin,
    Protocol,
    Traveller,
    TreatmentRequest,
    TripRequest,
    has_control,
    is_known_zone,
    lives_in_korea,
)
from planner.core.scenario.pins import pin_errors
from planner.core.scenario.values import MAX_FLIGHT_HOURS, MAX_PRICE, MAX_TRAVELLERS, ScenarioError
from planner.core.scenario.values import decimal as _decimal
from planner.core.scenario.values import integer as _integer
from planner.core.scenario.values import kind as _kind

#: times without an offset are local at the clinics
CLINIC_ZONE = "Asia/Seoul"

_KEYS = frozenset(
    ("traveller", "arrival", "departure", "treatments", "lodging", "currency")
    + ("travellers", "interpreter", "insurance", "flights", "pins", "keta")
)
_TREATMENT_KEYS = frozenset(("protocol", "count", "clinic", "clinic_tier"))
_FLIGHT_KEYS = frozenset(("number", "origin", "hours", "price", "currency"))
_PIN_KEYS = frozenset(("protocol", "step", "occurrence", "start"))
#: the years a date may fall in: plans reach years past arrival (second visits, follow-ups, the
#: shortest-stay search), and dates near year 1 or 9999 overflow Python's date range on the way
YEARS = (1900, 2999)
#: the longest text a scenario field may hold (a traveller's name is shorter, see TEXT_LIMITS)
TEXT_MAX = 200
#: fields with a tighter bound than TEXT_MAX, as the plan form's own limits
TEXT_LIMITS = {"traveller.name": 80, "traveller.home_timezone": 64}


def _object(value: object, path: str, allowed: frozenset[str]) -> dict:
    if not isinstance(value, dict):
        raise ScenarioError(path or "scenario", code="not_object", kind=_kind(value))
    for key in value:
        if key not in allowed:
            where = f"{path}.{key}" if path else str(key)
            raise ScenarioError(where, code="unknown_key", keys=", ".join(sorted(allowed)))
    return value


def _text(value: object, path: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ScenarioError(path, code="not_text", kind=_kind(value))
    if has_control(value):
        raise ScenarioError(path, code="control_characters")
    limit = TEXT_LIMITS.get(path, TEXT_MAX)
    if len(value) > limit:
        raise ScenarioError(path, code="too_long", limit=limit, length=len(value))
    return value.strip()


def _boolean(value: object, path: str) -> bool:
    if not isinstance(value, bool):
        raise ScenarioError(path, code="not_boolean", kind=_kind(value))
    return value


def _zone(value: object, path: str) -> str:
    name = _text(value, path)
    if not is_known_zone(name):
        raise ScenarioError(path, code="unknown_zone", name=repr(name))
    return name


def _moment(value: object, path: str) -> datetime:
    """An aware datetime; without an offset the time is local at the clinics."""
    text = _text(value, path)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ScenarioError(path, code="not_moment", text=repr(text)) from None
    if not YEARS[0] <= moment.year <= YEARS[1]:
        raise ScenarioError(path, code="outside_years", text=repr(text), first=YEARS[0], last=YEARS[1])
    if moment.tzinfo is None:
        return moment.replace(tzinfo=ZoneInfo(CLINIC_ZONE))
    return moment.astimezone(ZoneInfo(CLINIC_ZONE))


def _currency(value: object, path: str, catalog: Catalog) -> str:
    code = _text(value, path).upper()
    if code not in catalog.rates.currencies:
        raise ScenarioError(
            path, code="unknown_currency", currency=repr(code), known=", ".join(catalog.rates.currencies)
        )
    return code


def _treatment(value: object, path: str, catalog: Catalog) -> TreatmentRequest:
    entry = _object(value, path, _TREATMENT_KEYS)
    if "protocol" not in entry:
        raise ScenarioError(f"{path}.protocol", code="required")
    protocol_id = _text(entry["protocol"], f"{path}.protocol")
    protocol = catalog.protocols.get(protocol_id)
    if protocol is None:
        raise ScenarioError(f"{path}.protocol", code="unknown_protocol", protocol=repr(protocol_id))
    count = None
    if entry.get("count") is not None:
        count = _count(entry["count"], f"{path}.count", protocol)
    if "clinic" in entry and "clinic_tier" in entry:
        raise ScenarioError(path, code="clinic_or_tier")
    clinic = tier = None
    if "clinic" in entry:
        clinic = _text(entry["clinic"], f"{path}.clinic")
        if clinic not in catalog.clinics:
            raise ScenarioError(f"{path}.clinic", code="unknown_clinic", clinic=repr(clinic))
        offered = catalog.clinics[clinic].categories
        if offered and protocol.category not in offered:
            raise ScenarioError(
                f"{path}.clinic",
                code="clinic_not_offering",
                clinic=catalog.clinics[clinic].name,
                protocol=protocol.name,
            )
    elif "clinic_tier" in entry:
        tier = _text(entry["clinic_tier"], f"{path}.clinic_tier")
        tiers = sorted({c.tier for c in catalog.clinics.values()})
        if tier not in tiers:
            raise ScenarioError(f"{path}.clinic_tier", code="unknown_tier", tier=repr(tier), known=", ".join(tiers))
        if catalog.clinic_for(protocol_id, tier) is None:
            raise ScenarioError(f"{path}.clinic_tier", code="no_tier_clinic", tier=tier, protocol=protocol.name)
    return TreatmentRequest(protocol_id, count, clinic, tier)


def _count(value: object, path: str, protocol: Protocol) -> int:
    if protocol.count is None:
        raise ScenarioError(path, code="no_count", protocol=protocol.name)
    count = _integer(value, path, 0)
    if not protocol.count.min <= count <= protocol.count.max:
        low, high = protocol.count.min, protocol.count.max
        raise ScenarioError(path, code="count_out_of_range", low=low, high=high, protocol=protocol.name, got=count)
    return count


def _flight(value: object, path: str, departs: datetime, landing: datetime | None, catalog: Catalog) -> Flight:
    entry = _object(value, path, _FLIGHT_KEYS)
    hours = None
    if entry.get("hours") is not None:
        hours = _decimal(entry["hours"], f"{path}.hours", MAX_FLIGHT_HOURS, positive=True)
    price = _decimal(entry["price"], f"{path}.price", MAX_PRICE) if entry.get("price") is not None else None
    currency = ""
    if price is not None:
        if "currency" not in entry:
            raise ScenarioError(f"{path}.currency", code="currency_with_price")
        currency = _currency(entry["currency"], f"{path}.currency", catalog)
    number = _text(entry["number"], f"{path}.number") if "number" in entry else ""
    origin = _text(entry["origin"], f"{path}.origin") if "origin" in entry else ""
    return Flight(departs, landing, number, origin, hours=hours, price=price, price_currency=currency)


def _flights(value: object, arrival: datetime, departure: datetime | None, catalog: Catalog):
    entry = _object(value, "flights", frozenset(("outbound", "inbound")))
    outbound = inbound = None
    if entry.get("outbound") is not None:
        outbound = _flight(entry["outbound"], "flights.outbound", arrival, arrival, catalog)
        if outbound.hours is not None:
            # the scenario gives the landing time; the take-off is that many hours earlier
            outbound = replace(outbound, departs=arrival - timedelta(minutes=int(outbound.hours * 60)))
    if entry.get("inbound") is not None:
        if departure is None:
            raise ScenarioError("flights.inbound", code="inbound_needs_departure")
        inbound = _flight(entry["inbound"], "flights.inbound", departure, None, catalog)
    return outbound, inbound


def _pins(value: object, treatments: tuple[TreatmentRequest, ...], catalog: Catalog) -> tuple[Pin, ...]:
    if not isinstance(value, list):
        raise ScenarioError("pins", code="not_list", kind=_kind(value))
    chosen = {t.protocol: t for t in treatments}
    pins = []
    for i, item in enumerate(value):
        path = f"pins[{i}]"
        entry = _object(item, path, _PIN_KEYS)
        for key in sorted(_PIN_KEYS):
            if key not in entry:
                raise ScenarioError(f"{path}.{key}", code="required")
        protocol_id = _text(entry["protocol"], f"{path}.protocol")
        if protocol_id not in chosen:
            raise ScenarioError(f"{path}.protocol", code="not_a_treatment", protocol=repr(protocol_id))
        protocol = catalog.protocols[protocol_id]
        step_id = _text(entry["step"], f"{path}.step")
        if step_id not in {s.id for s in protocol.steps}:
            raise ScenarioError(f"{path}.step", code="no_step", protocol=protocol_id, step=repr(step_id))
        occurrence = _integer(entry["occurrence"], f"{path}.occurrence", 1)
        times = protocol.occurrences(chosen[protocol_id].count).get(step_id, 0)
        if occurrence > times:
            raise ScenarioError(
                f"{path}.occurrence", code="occurrence", step=step_id, times=times, occurrence=occurrence
            )
        pins.append(Pin(protocol_id, step_id, occurrence, _moment(entry["start"], f"{path}.start")))
    return tuple(pins)


def parse_scenario(data: object, catalog: Catalog) -> TripRequest:
    """Validate a scenario (parsed JSON) against the catalog and build the trip request."""
    scenario = _object(data, "", _KEYS)
    for key in ("traveller", "arrival", "treatments"):
        if key not in scenario:
            raise ScenarioError(key, code="required")
    person = _object(scenario["traveller"], "traveller", frozenset(("name", "home_timezone")))
    if "home_timezone" not in person:
        raise ScenarioError("traveller.home_timezone", code="required")
    name = _text(person["name"], "traveller.name") if "name" in person else ""
    traveller = Traveller(name, _zone(person["home_timezone"], "traveller.home_timezone"))

    arrival = _moment(scenario["arrival"], "arrival")
    departure = None
    if scenario.get("departure") is not None:
        departure = _moment(scenario["departure"], "departure")
        if departure <= arrival:
            raise ScenarioError(
                "departure", code="departure_before", departure=departure.isoformat(), arrival=arrival.isoformat()
            )
        days = (departure.date() - arrival.date()).days
        if days > catalog.rules.max_stay_days:
            limit = catalog.rules.max_stay_days
            raise ScenarioError("departure", code="stay_too_long", days=days, limit=limit)

    items = scenario["treatments"]
    if not isinstance(items, list):
        raise ScenarioError("treatments", code="not_list", kind=_kind(items))
    if not items:
        raise ScenarioError("treatments", code="no_treatment")
    treatments = tuple(_treatment(item, f"treatments[{i}]", catalog) for i, item in enumerate(items))
    seen = [t.protocol for t in treatments]
    for i, protocol_id in enumerate(seen):
        if protocol_id in seen[:i]:
            name = catalog.protocols[protocol_id].name
            raise ScenarioError(f"treatments[{i}].protocol", code="already_chosen", protocol=name)

    currency = _currency(scenario.get("currency", catalog.rates.base), "currency", catalog)

    insurance = Insurance()
    if scenario.get("insurance") is not None:
        entry = _object(scenario["insurance"], "insurance", frozenset(("nhi", "patient_share")))
        share = _decimal(entry.get("patient_share", "0.3"), "insurance.patient_share")
        if share > 1:
            raise ScenarioError("insurance.patient_share", code="out_of_range", low=0, high=1, got=share)
        insurance = Insurance(_boolean(entry.get("nhi", False), "insurance.nhi"), share)
    # a resident (home in Seoul, or enrolled in NHI) needs no hotel or K-ETA unless the scenario asks
    resident = lives_in_korea(traveller, insurance)
    lodging = _text(scenario.get("lodging", NO_LODGING if resident else "mid"), "lodging")
    if lodging != NO_LODGING and lodging not in catalog.costs.lodging:
        known = ", ".join(sorted((*catalog.costs.lodging, NO_LODGING)))
        raise ScenarioError("lodging", code="unknown_lodging", lodging=repr(lodging), known=known)
    outbound, inbound = None, None
    if scenario.get("flights") is not None:
        outbound, inbound = _flights(scenario["flights"], arrival, departure, catalog)
    request = TripRequest(
        traveller=traveller,
        arrival=arrival,
        treatments=treatments,
        departure=departure,
        lodging=lodging,
        currency=currency,
        travellers=_integer(scenario.get("travellers", 1), "travellers", 1, MAX_TRAVELLERS),
        interpreter=_boolean(scenario.get("interpreter", False), "interpreter"),
        insurance=insurance,
        outbound=outbound,
        inbound=inbound,
        pins=_pins(scenario.get("pins", []), treatments, catalog),
        needs_keta=_boolean(scenario.get("keta", not resident), "keta"),
    )
    # a confirmed time that could only trap the trip is refused at entry, naming the pin
    refused = pin_errors(request, catalog)
    if refused:
        raise ScenarioError(refused[0].field, refused[0].reason)
    return request
