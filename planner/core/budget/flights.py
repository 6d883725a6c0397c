"""The flights of a budget: trip 1's as priced, a later trip's estimated from trip 1's fares."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from planner.core.budget.lines import RawLine, Stay
from planner.core.model import Flight, MoneyRange, TripRequest

_LEGS = (("outbound", "Flight to Korea"), ("inbound", "Flight home"))


def flight_lines(request: TripRequest, all_stays: tuple[Stay, ...] = ()) -> list[RawLine]:
    """One line per priced flight, per traveller; each later trip's two flights estimated from trip 1's."""
    flights = {"outbound": request.outbound, "inbound": request.inbound}
    several = len(all_stays) > 1
    lines = []
    for field_name, words in _LEGS:
        flight = flights[field_name]
        if flight is not None and flight.price is not None:
            label = f"{words}{', trip 1' if several else ''}"
            lines.append(_flight_line(field_name, label, flight, request.travellers))
    priced = [f for f in (request.outbound, request.inbound) if f is not None and f.price is not None]
    for stay in all_stays[1:]:
        if not priced:
            break
        for field_name, words in _LEGS:
            # the same leg's fare when trip 1 has one, else the other leg's
            fare = flights[field_name] if flights[field_name] in priced else priced[0]
            line = _flight_line(field_name, f"{words}, trip {stay.number} (estimate)", fare, request.travellers, "")
            note = f"Estimated from trip 1's fare; book once the clinic confirms trip {stay.number}'s dates."
            lines.append(replace(line, note=note, to_confirm=True))
    return lines


def flight_notes(request: TripRequest, all_stays: tuple[Stay, ...]) -> tuple[str, ...]:
    """What the flight lines leave out: flights without a price (nothing for a resident who does not fly)."""
    flights = (request.outbound, request.inbound)
    if request.resident and all(f is None for f in flights):
        return ()
    if all(f is None or f.price is None for f in flights):
        trips = "any trip's flights" if len(all_stays) > 1 else "the flights"
        return (f"No flight price is given, so {trips} are not counted: add the fares to include them.",)
    missing = [words.lower() for (name, words), f in zip(_LEGS, flights, strict=True) if f is None or f.price is None]
    if missing:
        return (f"The {missing[0]} has no price and is not counted.",)
    return ()


def _flight_line(field_name: str, words: str, flight: Flight, travellers: int, number: str | None = None) -> RawLine:
    if not flight.price_currency:
        raise ValueError(f"{field_name}.price_currency: a flight price needs its currency")
    if isinstance(flight.price, float):
        raise ValueError(f"{field_name}.price: give a Decimal, not a float (binary fractions misstate money)")
    if flight.price < 0:
        raise ValueError(f"{field_name}.price: must not be negative, got {flight.price}")
    number = (f" {flight.number}" if flight.number else "") if number is None else number
    price = Decimal(flight.price)
    return RawLine(
        "flights",
        f"{words}{number} × {_people(travellers)}",
        Decimal(travellers),
        "person",
        MoneyRange(price, price, price, flight.price_currency).times(travellers),
        note="Price as entered for this flight.",
    )


def _people(travellers: int) -> str:
    return "1 person" if travellers == 1 else f"{travellers} people"
