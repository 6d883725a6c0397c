"""Property: every time of day shown on a plan page names its zone ("14:30 Seoul time", "07:30–08:00
Lisbon time"), whatever the treatments, dates, home zone and stay; dates are written as people write
them, never as ISO strings."""

from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.web.planner_helpers import form

PROTOCOLS = [
    "acupuncture-chronic-pain",
    "acupuncture-acute-pain",
    "health-checkup",
    "stem-cell-knee-svf",
    "dental-implant-two-stage",
]
ZONES = ["Europe/Lisbon", "America/Sao_Paulo", "Asia/Seoul", "Asia/Kolkata", "America/New_York", "Australia/Sydney"]
#: a time of day, a range's second time if any, then what must follow: a zone named ("Seoul time",
#: "New York time", "your time", "home time", "UTC") or "at home"
NAMED = re.compile(
    r"\b\d{2}:\d{2}(?:(?:–| to | and )\d{2}:\d{2})? (?:[A-Z][\w]*(?: [A-Z][\w]*)* time|your time|home time|UTC|at home)"
)
TIME = re.compile(r"\b\d{2}:\d{2}\b")
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _text(html: str) -> str:
    """What a reader sees: the page without tags (attribute values, such as datetime=, are not shown)."""
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#39;", "'")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    protocol=st.sampled_from(PROTOCOLS),
    day=st.dates(min_value=date(2026, 12, 1), max_value=date(2027, 12, 31)),
    hour=st.integers(min_value=0, max_value=23),
    zone=st.sampled_from(ZONES),
    stay=st.one_of(st.none(), st.integers(min_value=2, max_value=40)),
)
def test_every_time_on_the_plan_page_names_its_zone(client, protocol, day, hour, zone, stay):
    changes = {
        "treatments-0-protocol": protocol,
        "treatments-0-clinic": "",
        "home_timezone": zone,
        "arrival_date": day.isoformat(),
        "arrival_time": f"{hour:02d}:00",
    }
    if stay is None:
        changes |= {"shortest": "y", "departure_date": None, "departure_time": None}
    else:
        changes["departure_date"] = (day + timedelta(days=stay)).isoformat()
    answer = client.post("/plan", data=form(**changes), follow_redirects=True)
    assert answer.status_code == 200, re.findall(r"class=\"error\"[^>]*>([^<]*)", answer.get_data(as_text=True))
    text = _text(answer.get_data(as_text=True))
    unnamed = TIME.findall(NAMED.sub(" ", text))
    assert unnamed == [], [text[max(0, text.find(t) - 80) : text.find(t) + 40] for t in unnamed]
    assert not ISO.search(text), ISO.search(text)
