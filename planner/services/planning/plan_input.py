"""The plan form's values as a scenario (the CLI's JSON format), and back for editing."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from flask_babel import gettext as _

from planner.core.catalog import Catalog
from planner.core.model import NO_LODGING, Insurance, Traveller, is_known_zone, lives_in_korea
from planner.core.scenario import CLINIC_ZONE, MAX_FLIGHT_HOURS, ScenarioError
from planner.services.planning.plans import PlannedTrip, plan_scenario, reason_of

SEOUL = ZoneInfo(CLINIC_ZONE)


class FormProblem(ValueError):
    """A form value the scenario cannot use: ``field`` is the form field's name."""

    def __init__(self, field: str, reason: str):
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


def form_choices(catalog: Catalog) -> dict:
    """The keyword-only choices of PlanForm, from the catalog."""
    protocols = [(pid, catalog.protocols[pid].name) for pid in sorted(catalog.protocols)]
    tiers = sorted({clinic.tier for clinic in catalog.clinics.values()})
    from planner.views.plan_format import tier_name

    clinics = [("", _("Let the planner choose"))]
    clinics += [(f"tier:{tier}", _("Any %(tier)s clinic", tier=tier_name(tier))) for tier in tiers]
    clinics += [(f"clinic:{cid}", catalog.clinics[cid].name) for cid in sorted(catalog.clinics)]
    counts = {pid: (p.count.min, p.count.max) if p.count else None for pid, p in catalog.protocols.items()}
    return {
        "protocols": protocols,
        "clinics": clinics,
        "counts": counts,
        "lodgings": [*sorted(catalog.costs.lodging, key=lambda tier: catalog.costs.lodging[tier].typical), NO_LODGING],
        "currencies": list(catalog.rates.currencies),
    }


def _resident(scenario: dict) -> bool:
    """As the scenario reads it: home in Seoul, or enrolled in NHI (no hotel unless asked)."""
    nhi = bool((scenario.get("insurance") or {}).get("nhi"))
    return lives_in_korea(Traveller("", str(scenario["traveller"].get("home_timezone", ""))), Insurance(nhi))


def _zone(name: str) -> ZoneInfo | None:
    return ZoneInfo(name) if is_known_zone(name) else None


def _hours(takeoff: datetime, landing: datetime, field: str) -> str:
    """The flight time in hours between two aware moments, as a decimal string."""
    minutes = int((landing - takeoff).total_seconds() // 60)
    if minutes <= 0:
        raise FormProblem(field, _("The flight must take off before it lands."))
    if minutes > MAX_FLIGHT_HOURS * 60:
        raise FormProblem(
            field, _("That is a flight of over %(hours)d hours: check the dates.", hours=MAX_FLIGHT_HOURS)
        )
    return str((Decimal(minutes) / 60).quantize(Decimal("0.01")))


def _treatment(entry: dict) -> dict | None:
    if not entry.get("protocol"):
        return None
    result: dict = {"protocol": entry["protocol"]}
    if entry.get("count") is not None:
        result["count"] = entry["count"]
    kind, _, value = (entry.get("clinic") or "").partition(":")
    if kind == "tier":
        result["clinic_tier"] = value
    elif kind == "clinic":
        result["clinic"] = value
    return result


def scenario_from_form(data: dict) -> dict:
    """A scenario from the form's typed values; raises FormProblem for a flight that cannot be."""
    home = _zone((data.get("home_timezone") or "").strip())
    arrival = datetime.combine(data["arrival_date"], data["arrival_time"], tzinfo=SEOUL)
    scenario: dict = {
        "traveller": {"home_timezone": (data.get("home_timezone") or "").strip()},
        "arrival": arrival.isoformat(),
        "treatments": [t for t in map(_treatment, data["treatments"]) if t is not None],
        "lodging": data["lodging"],
        "currency": data["currency"],
        "travellers": data["travellers"],
        "interpreter": bool(data.get("interpreter")),
        "insurance": {"nhi": data.get("insurance") == "nhi"},
    }
    if (data.get("name") or "").strip():
        scenario["traveller"]["name"] = data["name"].strip()
    outbound: dict = {}
    if data.get("outbound_number"):
        outbound["number"] = data["outbound_number"].strip().upper()
    if data.get("outbound_date") and data.get("outbound_time") and home is not None:
        takeoff = datetime.combine(data["outbound_date"], data["outbound_time"], tzinfo=home)
        outbound["hours"] = _hours(takeoff, arrival, "outbound_date")
    flights = {"outbound": outbound} if outbound else {}
    if not data.get("shortest") and data.get("departure_date") and data.get("departure_time"):
        departure = datetime.combine(data["departure_date"], data["departure_time"], tzinfo=SEOUL)
        scenario["departure"] = departure.isoformat()
        inbound: dict = {}
        if data.get("inbound_number"):
            inbound["number"] = data["inbound_number"].strip().upper()
        if data.get("inbound_date") and data.get("inbound_time") and home is not None:
            landing = datetime.combine(data["inbound_date"], data["inbound_time"], tzinfo=home)
            inbound["hours"] = _hours(departure, landing, "inbound_date")
        if inbound:
            flights["inbound"] = inbound
    if flights:
        scenario["flights"] = flights
    return scenario


def _local(value: str, zone: ZoneInfo) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment.replace(tzinfo=SEOUL).astimezone(zone) if moment.tzinfo is None else moment.astimezone(zone)


def _clinic_choice(entry: dict) -> str:
    if entry.get("clinic"):
        return f"clinic:{entry['clinic']}"
    if entry.get("clinic_tier"):
        return f"tier:{entry['clinic_tier']}"
    return ""


def form_data_from_scenario(scenario: dict) -> dict:
    """The form's values for a (valid) scenario, so that editing starts from what was saved."""
    person = scenario["traveller"]
    home = _zone(person["home_timezone"]) or SEOUL
    arrival = _local(scenario["arrival"], SEOUL)
    flights = scenario.get("flights") or {}
    treatments = [
        {"protocol": t["protocol"], "count": t.get("count"), "clinic": _clinic_choice(t)}
        for t in scenario["treatments"]
    ]
    data: dict = {
        "name": person.get("name", ""),
        "home_timezone": person["home_timezone"],
        "treatments": (treatments + [{"protocol": "", "count": None, "clinic": ""}])[:2],
        "arrival_date": arrival.date(),
        "arrival_time": arrival.time(),
        "lodging": scenario.get("lodging", NO_LODGING if _resident(scenario) else "mid"),
        "currency": scenario.get("currency", "KRW"),
        "travellers": scenario.get("travellers", 1),
        "interpreter": scenario.get("interpreter", False),
        "insurance": "nhi" if (scenario.get("insurance") or {}).get("nhi") else "visitor",
        "shortest": scenario.get("departure") is None,
    }
    outbound = flights.get("outbound") or {}
    data["outbound_number"] = outbound.get("number", "")
    if outbound.get("hours") is not None:
        takeoff = (arrival - timedelta(minutes=int(Decimal(str(outbound["hours"])) * 60))).astimezone(home)
        data["outbound_date"], data["outbound_time"] = takeoff.date(), takeoff.time()
    if scenario.get("departure"):
        departure = _local(scenario["departure"], SEOUL)
        data["departure_date"], data["departure_time"] = departure.date(), departure.time()
        inbound = flights.get("inbound") or {}
        data["inbound_number"] = inbound.get("number", "")
        if inbound.get("hours") is not None:
            landing = (departure + timedelta(minutes=int(Decimal(str(inbound["hours"])) * 60))).astimezone(home)
            data["inbound_date"], data["inbound_time"] = landing.date(), landing.time()
    return data


_TREATMENT_PATH = re.compile(r"^treatments\[(\d+)\](?:\.(\w+))?")
_FIELDS = {
    "traveller.home_timezone": "home_timezone",
    "traveller.name": "name",
    "arrival": "arrival_date",
    "departure": "departure_date",
    "lodging": "lodging",
    "currency": "currency",
    "travellers": "travellers",
    "interpreter": "interpreter",
    "insurance": "insurance",
    "flights.outbound": "outbound_number",
    "flights.inbound": "inbound_number",
}


def form_field_of(path: str) -> str | None:
    """The form field (its name) that a scenario error path points at, None for the whole form."""
    match = _TREATMENT_PATH.match(path)
    if match:
        index = min(int(match.group(1)), 1)
        part = {"count": "count", "clinic": "clinic", "clinic_tier": "clinic"}.get(match.group(2) or "", "protocol")
        return f"treatments-{index}-{part}"
    if path == "treatments":
        return "treatments-0-protocol"
    for prefix, field in _FIELDS.items():
        if path == prefix or path.startswith(prefix + "."):
            return field
    return None


def earliest_arrival(now: datetime, scenario: dict | None = None) -> datetime:
    """The earliest landing a plan form accepts: now, or the saved trip's own landing if that is earlier
    (a trip under way is edited without moving its past landing)."""
    if scenario is None:
        return now
    try:
        saved = _local(str(scenario["arrival"]), SEOUL)
    except (KeyError, TypeError, ValueError):
        return now
    return min(now, saved)


def at_seoul(day: date, clock: time) -> datetime:
    """A Seoul wall-clock time as an aware datetime."""
    return datetime.combine(day, clock, tzinfo=SEOUL)


def planned_from_form(data: dict) -> PlannedTrip:
    """Plan the form's values; a bad value raises FormProblem naming the form field."""
    scenario = scenario_from_form(data)
    try:
        return plan_scenario(scenario)
    except ScenarioError as error:
        raise FormProblem(form_field_of(error.field) or "", reason_of(error)) from None
