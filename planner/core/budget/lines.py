"""The lines of a trip budget, each in its source currency: treatments, stay, entry, flights."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from planner.core.catalog import Catalog
from planner.core.model import NO_LODGING, MoneyRange, Plan, StepKind, TripRequest

#: the clinics' zone when the plan names no clinic the catalog knows (Korea, no daylight saving)
DEFAULT_ZONE = "Asia/Seoul"

_TIER_WORDS = {"local": "local clinic", "specialized": "specialized clinic", "university": "university hospital"}
_LODGING_WORDS = {"budget": "Budget hotel", "mid": "Mid-range hotel", "upscale": "Upscale hotel"}


@dataclass(frozen=True)
class RawLine:
    """A budget line before conversion: its amount is in the source currency, unrounded."""

    code: str
    label: str
    quantity: Decimal
    unit: str
    amount: MoneyRange
    note: str = ""
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


def _people(travellers: int) -> str:
    return "1 person" if travellers == 1 else f"{travellers} people"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _share_words(share: Decimal) -> str:
    return f"{(share * 100).normalize():f}%"


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
        where = f" ({_TIER_WORDS.get(tier, tier + ' clinic')})" if tier else ""
        note, to_confirm = "", False
        if request.insurance.nhi and protocol.nhi_covered:
            amount = amount.times(share)
            note = f"National Health Insurance: your share {_share_words(share)} — to be confirmed with the clinic"
            to_confirm = True
        later = waiting.get((protocol_id, step_id, tier), 0)
        if later:
            pending = "not scheduled yet" if later == count else f"{later} of {count} not scheduled yet"
            note = f"{pending[0].upper()}{pending[1:]}: see the plan's problems." + (f" {note}" if note else "")
        lines.append(
            RawLine(
                "treatment",
                f"{step.title}{f' × {count}' if count != 1 else ''}{where}",
                Decimal(count),
                unit,
                amount,
                note,
                to_confirm,
                price.source or step.source,
            )
        )
    return lines


def _trip_words(stay: Stay, several: bool) -> str:
    if stay.number > 1:
        return f", trip {stay.number} (proposed)" if stay.proposed else f", trip {stay.number}"
    if stay.proposed:
        return ", trip 1 (proposed dates)" if several else " (proposed dates)"
    return ", trip 1" if several else ""


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
        trip = _trip_words(stay, several)
        hotel = _LODGING_WORDS.get(request.lodging, request.lodging)
        if nightly is not None:
            lines.append(
                RawLine(
                    "lodging",
                    f"{hotel}, one room × {_plural(stay.nights, 'night')}{trip}",
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
                f"Meals × {_plural(stay.days, 'day')} × {_people(request.travellers)}{trip}",
                Decimal(person_days),
                "day",
                costs.meals.times(person_days),
                note="Arrival and departure days count as days of stay.",
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
                f"Airport transfer × {2 * len(all_stays)} (one way) × {_people(people)}",
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
                f"Local transport to the clinic × {_plural(clinic_days, 'day')} × {_people(people)}",
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
                f"Medical interpreter × {_plural(interpreted, 'clinic visit')}",
                Decimal(interpreted),
                "visit",
                costs.interpreter.times(interpreted),
                note="Clinics often include a coordinator; ask before booking your own.",
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
            f"K-ETA (electronic travel authorization) × {_people(request.travellers)}",
            Decimal(request.travellers),
            "person",
            catalog.costs.keta.times(request.travellers),
            note=keta_note(request.arrival.astimezone(ZoneInfo(DEFAULT_ZONE)).date(), costs.keta_exemption_ends),
            source="; ".join(s for s in (costs.sources.get("keta", ""), costs.sources.get("keta_exemption", "")) if s),
        )
    ]


def keta_note(arrival: date, exemption_ends: date | None) -> str:
    """Who needs the K-ETA on this arrival date: the exempt nationalities only until the exemption ends."""
    if exemption_ends is not None and arrival <= exemption_ends:
        return f"Not needed under 18, from 65, or for the 67 exempt countries until {_long_date(exemption_ends)}."
    return "Needed by every visitor except under 18 or from 65."


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _long_date(day: date) -> str:
    """A date as "31 Dec 2026", the same in every locale (the core never asks for one)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
