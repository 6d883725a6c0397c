"""Hypothesis scenarios (JSON, as the CLI and the API take them) over the real catalog: every
protocol, origins around the world, stay modes, flights, pins (valid and not) and insurance."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import strategies as st

from planner.core.catalog import load_catalog

CATALOG = load_catalog()
PROTOCOLS = sorted(CATALOG.protocols)
ORIGINS = (
    "Europe/Lisbon",
    "America/New_York",
    "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires",
    "America/Los_Angeles",
    "Asia/Tokyo",
    "Asia/Seoul",
    "Australia/Sydney",
    "Pacific/Auckland",
    "Asia/Kolkata",
    "Europe/Berlin",
    "Pacific/Honolulu",
)
AIRPORTS = ("", "LIS", "JFK", "GRU", "NRT", "SYD", "Somewhere Intl")


@st.composite
def flight(draw, kind: str, outbound: bool) -> dict:
    """A flight: a number only, or a number with its hours and price."""
    entry = {"number": draw(st.sampled_from(["KE902", "OZ 541", "TW9102"]))}
    if outbound and (origin := draw(st.sampled_from(AIRPORTS))):
        entry["origin"] = origin
    if kind == "full":
        entry["hours"] = draw(st.sampled_from([1, "2.5", 4, 11, "14.25", 30]))
        entry["price"] = draw(st.sampled_from([0, 450, "1299.99", 10**9]))
        entry["currency"] = draw(st.sampled_from(CATALOG.rates.currencies))
    return entry


@st.composite
def pin(draw, treatments: list[dict], arrival: datetime) -> dict:
    """A pin: often a real step at a plausible time, sometimes one the scenario must refuse."""
    protocol = CATALOG.protocols[draw(st.sampled_from([t["protocol"] for t in treatments]))]
    step = draw(st.sampled_from([s.id for s in protocol.steps]))
    start = datetime.combine(arrival.date() + timedelta(days=draw(st.integers(0, 20))), time(draw(st.integers(7, 19))))
    entry = {"protocol": protocol.id, "step": step, "occurrence": 1, "start": start.isoformat(timespec="minutes")}
    broken = draw(st.sampled_from([None, None, None, "step", "occurrence", "protocol"]))
    if broken == "step":
        entry["step"] = "no-such-step"
    elif broken == "occurrence":
        entry["occurrence"] = 99
    elif broken == "protocol":
        entry["protocol"] = "no-such-protocol"
    return entry


@st.composite
def scenarios(draw) -> dict:
    """A JSON scenario; some are refused (a bad pin), every one must be answered without a crash."""
    chosen = draw(st.lists(st.sampled_from(PROTOCOLS), min_size=1, max_size=2, unique=True))
    treatments = []
    for protocol_id in chosen:
        entry: dict = {"protocol": protocol_id}
        count = CATALOG.protocols[protocol_id].count
        if count is not None and draw(st.booleans()):
            entry["count"] = draw(st.integers(count.min, count.max))
        treatments.append(entry)
    day = date(2027, 1, 4) + timedelta(days=draw(st.integers(0, 364)))
    arrival = datetime.combine(day, time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 30]))))
    scenario: dict = {
        "traveller": {"name": draw(st.sampled_from(["Ana Silva", "Kim, Min-jun; VIP", ""])) or "Pat"},
        "arrival": arrival.isoformat(timespec="minutes"),
        "treatments": treatments,
        "currency": draw(st.sampled_from(CATALOG.rates.currencies)),
        "travellers": draw(st.integers(1, 10)),
        "interpreter": draw(st.booleans()),
    }
    scenario["traveller"]["home_timezone"] = draw(st.sampled_from(ORIGINS))
    departure = None
    if draw(st.booleans()):  # a booked flight home, else the shortest stay
        departure = arrival + timedelta(days=draw(st.integers(1, 40)), hours=draw(st.integers(0, 12)))
        scenario["departure"] = departure.isoformat(timespec="minutes")
    lodging = draw(st.sampled_from([None, "none", *sorted(CATALOG.costs.lodging)]))
    if lodging is not None:
        scenario["lodging"] = lodging
    if draw(st.booleans()):
        scenario["insurance"] = {"nhi": draw(st.booleans())}
    kind = draw(st.sampled_from(["none", "numbers", "full"]))
    if kind != "none":
        scenario["flights"] = {"outbound": draw(flight(kind, True))}
        if departure is not None and draw(st.booleans()):
            scenario["flights"]["inbound"] = draw(flight(kind, False))
    if draw(st.integers(0, 3)) == 0:
        scenario["pins"] = [draw(pin(treatments, arrival))]
    return scenario
