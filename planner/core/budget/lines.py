"""The lines of a trip budget, each in its source currency: treatments, stay, entry, flights."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from planner.core.catalog import Catalog
from planner.core.model import NO_LODGING, MoneyRange, Plan, StepKind, TripRequest

#: the clinics' zone when the plan names no clinic the catalog knows (Korea, no daylight saving)
DEFAULT_ZONE = "Asia/Seoul"


@dataclass(frozen=True)
class Text:
    """A budget text as a code and its JSON-able values, put in words at the edge (``planner.wording.budget``)."""

    code: str
    params: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class RawLine:
    """A budget line before conversion: its amount is in the source currency, unrounded."""

    code: str
    label: Text  # which label and its values ("treatment": title, count, tier)
    quantity: Decimal
    unit: str
    amount: MoneyRange
    notes: tuple[Text, ...] = ()  # the note's sentences, in order
    to_confirm: bool = False
    source: str = ""


@dataclass(frozen=True)
class Stay:
    """One visit's local dates; ``last`` is None when the departure is not known."""

    number: int
    first: date
    last: date | None
    proposed: bool

    @property
    def nights(self) -> int:
        """Nights between arrival and departure dates (0 when the departure is unknown)."""
        return (self.last - self.first).days if self.last else 0

    @property
    def days(self) -> int:
        """Calendar days of the stay, arrival and departure days included."""
        return self.nights + 1 if self.last else 0


def _share_percent(share: Decimal) -> str:
    """The patient's share as a percentage, a plain decimal string ("30", "12.5")."""
    return f"{(share * 100).normalize():f}"


def stay_zone(plan: Plan, catalog: Catalog) -> str:
    """The time zone in which stay dates are counted: the first known in-person clinic's."""
    for appointment in plan.appointments:
        clinic = catalog.clinics.get(appointment.clinic)
        if appointment.in_person and clinic is not None:
            return clinic.timezone
    return DEFAULT_ZONE


def stays(plan: Plan, zone: str) -> tuple[Stay, ...]:
    """The plan's visits as local dates; without visits, one stay from arrival to departure."""

    def local(moment: datetime | None) -> date | None:
        return moment.astimezone(ZoneInfo(zone)).date() if moment is not None else None

    if not plan.visits:
        departure = plan.departure or plan.earliest_departure
        return (Stay(1, local(plan.arrival), local(departure), plan.departure is None),)
    return tuple(Stay(v.number, local(v.arrival), local(v.departure), v.proposed) for v in plan.visits)


def treatment_lines(plan: Plan, request: TripRequest, catalog: Catalog) -> list[RawLine]:
    """One line per protocol step and clinic tier asked for, placed or not yet, priced per occurrence."""
    counts = Counter()
    for appointment in plan.appointments:
        clinic = catalog.clinics.get(appointment.clinic)
        counts[(appointment.protocol, appointment.step, clinic.tier if clinic else "")] += 1
    # a plan that does not work yet still costs every step asked for
    waiting = Counter()
    for item in plan.unscheduled:
        clinic = catalog.clinics.get(item.clinic)
        waiting[(item.protocol, item.step, clinic.tier if clinic else "")] += 1
    counts.update(waiting)
    share = request.insurance.patient_share
    if request.insurance.nhi and not Decimal(0) <= share <= Decimal(1):
        raise ValueError(f"insurance.patient_share must be between 0 and 1, got {share}")
    lines = []
    for (protocol_id, step_id, tier), count in counts.items():
        try:
            protocol = catalog.protocols[protocol_id]
            step = protocol.step(step_id)
        except KeyError:
            raise ValueError(f"appointment: step {protocol_id}/{step_id} is not in the catalog") from None
        price = step.price_for(tier)
        if price is None:
            continue
        amount = MoneyRange(price.low, price.typical, price.high, price.currency).times(count)
        unit = "session" if step.kind == StepKind.SESSION else "visit"
        notes, to_confirm = (), False
        if request.insurance.nhi and protocol.nhi_covered:
            amount = amount.times(share)
            notes = (Text("nhi_share", {"percent": _share_percent(share)}),)
            to_confirm = True
        later = waiting.get((protocol_id, step_id, tier), 0)
        if later:
            notes = (Text("not_scheduled", {"later": later, "count": count}), *notes)
        lines.append(
            RawLine(
                "treatment",
                Text("treatment", {"title": step.title, "count": count, "tier": tier}),
                Decimal(count),
                unit,
                amount,
                notes,
                to_confirm,
                price.source or step.source,
            )
        )
    return lines


def trip_params(stay: Stay, several: bool) -> dict:
    """Which trip a line is for: its number, whether its dates are proposed, whether there are several."""
    return {"trip": stay.number, "proposed": stay.proposed, "several": several}


def stay_lines(all_stays: tuple[Stay, ...], request: TripRequest, catalog: Catalog) -> list[RawLine]:
    """Lodging (one room a night) and meals (per traveller a day) for each stay with known dates."""
    costs = catalog.costs
    nightly = costs.lodging.get(request.lodging)
    if nightly is None and request.lodging != NO_LODGING:
        known = ", ".join(sorted((*costs.lodging, NO_LODGING)))
        raise ValueError(f"lodging: unknown tier {request.lodging!r} (known: {known})")
    several = len(all_stays) > 1
    lines = []
    for stay in all_stays:
        if stay.last is None:
            continue
        trip = trip_params(stay, several)
        if nightly is not None:
            lines.append(
                RawLine(
                    "lodging",
                    Text("lodging", {"lodging": request.lodging, "nights": stay.nights, **trip}),
                    Decimal(stay.nights),
                    "night",
                    nightly.times(stay.nights),
                    source=costs.sources.get(f"lodging.{request.lodging}") or costs.sources.get("lodging", ""),
                )
            )
        person_days = stay.days * request.travellers
        lines.append(
            RawLine(
                "meals",
                Text("meals", {"days": stay.days, "travellers": request.travellers, **trip}),
                Decimal(person_days),
                "day",
                costs.meals.times(person_days),
                notes=(Text("meals_days"),),
                source=costs.sources.get("meals", ""),
            )
        )
    return lines


def visit_lines(plan: Plan, all_stays: tuple[Stay, ...], request: TripRequest, catalog: Catalog) -> list[RawLine]:
    """Airport transfers, local transport to the clinic and the interpreter."""
    costs = catalog.costs
    people = request.travellers
    transfers = 2 * len(all_stays) * people
    lines = []
    # a resident comes from home, not the airport, unless a flight is given
    if not request.resident or request.outbound is not None or request.inbound is not None:
        lines.append(
            RawLine(
                "airport_transfer",
                Text("airport_transfer", {"count": 2 * len(all_stays), "travellers": people}),
                Decimal(transfers),
                "trip",
                costs.airport_transfer.times(transfers),
                source=costs.sources.get("airport_transfer", ""),
            )
        )
    in_person = [a for a in plan.appointments if a.in_person]
    clinic_days = len({(a.visit, a.start.date()) for a in in_person})
    if clinic_days:
        lines.append(
            RawLine(
                "local_transport",
                Text("local_transport", {"days": clinic_days, "travellers": people}),
                Decimal(clinic_days * people),
                "day",
                costs.local_transport.times(clinic_days * people),
                source=costs.sources.get("local_transport", ""),
            )
        )
    # one booking covers a day at one clinic: a consultation and the first session back to back,
    # or a harvest, the wait while the cells are processed, and the injection
    interpreted = len({(a.visit, a.start.date(), a.clinic) for a in in_person})
    if request.interpreter and in_person:
        lines.append(
            RawLine(
                "interpreter",
                Text("interpreter", {"visits": interpreted}),
                Decimal(interpreted),
                "visit",
                costs.interpreter.times(interpreted),
                notes=(Text("interpreter_coordinator"),),
                source=costs.sources.get("interpreter", ""),
            )
        )
    return lines


def entry_lines(request: TripRequest, catalog: Catalog) -> list[RawLine]:
    """K-ETA per traveller, when the request needs it."""
    if not request.needs_keta:
        return []
    costs = catalog.costs
    return [
        RawLine(
            "keta",
            Text("keta", {"travellers": request.travellers}),
            Decimal(request.travellers),
            "person",
            catalog.costs.keta.times(request.travellers),
            notes=(keta_note(request.arrival.astimezone(ZoneInfo(DEFAULT_ZONE)).date(), costs.keta_exemption_ends),),
            source="; ".join(s for s in (costs.sources.get("keta", ""), costs.sources.get("keta_exemption", "")) if s),
        )
    ]


def keta_note(arrival: date, exemption_ends: date | None) -> Text:
    """Who needs the K-ETA on this arrival date: the exempt nationalities only until the exemption ends."""
    if exemption_ends is not None and arrival <= exemption_ends:
        return Text("keta_exempt", {"until": exemption_ends.isoformat()})
    return Text("keta_everyone")
