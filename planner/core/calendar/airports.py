"""The time zone of an airport named by its IATA code or its city, for the ends of a flight.

Flights are free text (``Flight.origin``, ``Flight.destination``): a code or a city the calendar
recognises gives that end its own zone (CALENDAR.md rule 11); anything else falls back to the
traveller's home zone (or the clinics' zone for the Korean end). Zones from the IANA database's
city of each airport.
"""

from __future__ import annotations

import re

_AIRPORTS = {
    # Korea
    "ICN": "Asia/Seoul", "GMP": "Asia/Seoul", "PUS": "Asia/Seoul", "CJU": "Asia/Seoul",
    "SEOUL": "Asia/Seoul", "INCHEON": "Asia/Seoul", "BUSAN": "Asia/Seoul",
    # Asia and Oceania
    "NRT": "Asia/Tokyo", "HND": "Asia/Tokyo", "KIX": "Asia/Tokyo", "TOKYO": "Asia/Tokyo", "OSAKA": "Asia/Tokyo",
    "PEK": "Asia/Shanghai", "PVG": "Asia/Shanghai", "BEIJING": "Asia/Shanghai", "SHANGHAI": "Asia/Shanghai",
    "HKG": "Asia/Hong_Kong", "TPE": "Asia/Taipei", "SIN": "Asia/Singapore", "BKK": "Asia/Bangkok",
    "MNL": "Asia/Manila", "SGN": "Asia/Ho_Chi_Minh", "HAN": "Asia/Ho_Chi_Minh", "KUL": "Asia/Kuala_Lumpur",
    "CGK": "Asia/Jakarta", "DEL": "Asia/Kolkata", "BOM": "Asia/Kolkata", "DXB": "Asia/Dubai",
    "DOH": "Asia/Qatar", "ALA": "Asia/Almaty", "TAS": "Asia/Tashkent", "ULN": "Asia/Ulaanbaatar",
    "VVO": "Asia/Vladivostok", "SVO": "Europe/Moscow", "MOSCOW": "Europe/Moscow",
    "SYD": "Australia/Sydney", "MEL": "Australia/Melbourne", "BNE": "Australia/Brisbane",
    "PER": "Australia/Perth", "AKL": "Pacific/Auckland", "SYDNEY": "Australia/Sydney",
    # Europe
    "LIS": "Europe/Lisbon", "OPO": "Europe/Lisbon", "LISBON": "Europe/Lisbon", "LHR": "Europe/London",
    "LGW": "Europe/London", "LONDON": "Europe/London", "CDG": "Europe/Paris", "PARIS": "Europe/Paris",
    "FRA": "Europe/Berlin", "MUC": "Europe/Berlin", "BER": "Europe/Berlin", "AMS": "Europe/Amsterdam",
    "MAD": "Europe/Madrid", "BCN": "Europe/Madrid", "FCO": "Europe/Rome", "ZRH": "Europe/Zurich",
    "VIE": "Europe/Vienna", "IST": "Europe/Istanbul", "WAW": "Europe/Warsaw", "HEL": "Europe/Helsinki",
    "CPH": "Europe/Copenhagen", "ARN": "Europe/Stockholm", "PRG": "Europe/Prague",
    # Americas
    "JFK": "America/New_York", "EWR": "America/New_York", "IAD": "America/New_York", "BOS": "America/New_York",
    "ATL": "America/New_York", "NEW YORK": "America/New_York", "ORD": "America/Chicago", "DFW": "America/Chicago",
    "DEN": "America/Denver", "LAX": "America/Los_Angeles", "SFO": "America/Los_Angeles",
    "SEA": "America/Los_Angeles", "LAS VEGAS": "America/Los_Angeles", "HNL": "Pacific/Honolulu",
    "YVR": "America/Vancouver", "YYZ": "America/Toronto", "MEX": "America/Mexico_City",
    "GRU": "America/Sao_Paulo", "SAO PAULO": "America/Sao_Paulo", "EZE": "America/Argentina/Buenos_Aires",
    "BUENOS AIRES": "America/Argentina/Buenos_Aires", "SCL": "America/Santiago", "LIM": "America/Lima",
    "BOG": "America/Bogota",
}  # fmt: skip
_WORD = re.compile(r"[A-Z]+(?: [A-Z]+)*")


def airport_zone(place: str) -> str | None:
    """The IANA zone of an airport code or city ("LIS", "Lisbon", "Seoul Incheon"), or None."""
    words = " ".join(_WORD.findall(place.upper().replace("Ã", "A")))
    if words in _AIRPORTS:
        return _AIRPORTS[words]
    for word in words.split():
        if word in _AIRPORTS:
            return _AIRPORTS[word]
    return None
