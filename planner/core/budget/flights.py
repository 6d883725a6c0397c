"""The flights of a budget: trip 1's as priced, a later trip's estimated from trip 1's fares."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from planner.core.budget.lines import RawLine, Stay, Text
from planner.core.model import Flight, MoneyRange, TripRequest

_LEGS = ("outbound", "inbound")


def flight_lines(request: TripRequest, all_stays: tuple[Stay, ...] = ()) -> list[RawLine]:
    """One line per priced flight, per traveller; each later trip's two flights estimated from trip 1's."""
    flights = {"outbound": request.outbound, "inbound": request.inbound}
    several = len(all_stays) > 1
    lines = []
    for leg in _LEGS:
        flight = flights[leg]
        if flight is not None and flight.price is not None:
            label = {"trip": 1, "several": several, "estimate": False, "number": flight.number or ""}
            lines.append(_flight_line(leg, label, flight, request.travellers))
    priced = [f for f in (request.outbound, request.inbound) if f is not None and f.price is not None]
    for stay in all_stays[1:]:
        if not priced:
            break
        for leg in _LEGS:
            # the same leg's fare when trip 1 has one, else the other leg's
            fare = flights[leg] if flights[leg] in priced else priced[0]
            label = {"trip": stay.number, "several": True, "estimate": True, "number": ""}
            line = _flight_line(leg, label, fare, request.travellers)
            lines.append(replace(line, notes=(Text("flight_estimate", {"trip": stay.number}),), to_confirm=True))
    return lines


def flight_notes(request: TripRequest, all_stays: tuple[Stay, ...]) -> tuple[Text, ...]:
    """What the flight lines leave out: flights without a price (nothing for a resident who does not fly)."""
    flights = (request.outbound, request.inbound)
    if request.resident and all(f is None for f in flights):
        return ()
    if all(f is None or f.price is None for f in flights):
        return (Text("no_flight_price", {"several": len(all_stays) > 1}),)
    missing = [leg for leg, f in zip(_LEGS, flights, strict=True) if f is None or f.price is None]
    if missing:
        return (Text("leg_unpriced", {"leg": missing[0]}),)
    return ()


def _flight_line(field_name: str, label: dict, flight: Flight, travellers: int) -> RawLine:
    if not flight.price_currency:
        raise ValueError(f"{field_name}.price_currency: a flight price needs its currency")
    if isinstance(flight.price, float):
        raise ValueError(f"{field_name}.price: give a Decimal, not a float (binary fractions misstate money)")
    if flight.price < 0:
        raise ValueError(f"{field_name}.price: must not be negative, got {flight.price}")
    price = Decimal(flight.price)
    return RawLine(
        "flights",
        Text("flight", {"leg": field_name, **label, "travellers": travellers}),
        Decimal(travellers),
        "person",
        MoneyRange(price, price, price, flight.price_currency).times(travellers),
        notes=(Text("flight_price"),),
    )
