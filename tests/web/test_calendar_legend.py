"""The month calendar marks Korea's public holidays and a proposed (not booked) second trip, with a legend."""

from __future__ import annotations

import re

from tests.web.planner_helpers import form


def _cell(body: str, day: str) -> str:
    """The month grid's cell that links to (or, outside the stay, shows) a date."""
    match = re.search(rf'<td class="[^"]*"><a href="#d-{day}"[^>]*>.*?</td>', body)
    assert match, f"no cell for {day}"
    return match.group(0)


def test_a_holiday_in_the_stay_is_marked_and_named_in_the_calendar(client):
    # the good form lands on 1 March 2027: Independence Movement Day, the clinics are closed
    body = client.post("/plan", data=form(), follow_redirects=True).get_data(as_text=True)
    cell = _cell(body, "2027-03-01")
    assert 'class="day kind-arrival holiday"' in cell
    assert "Independence Movement Day (public holiday: clinics closed)" in cell
    assert '<li class="holiday">Public holiday in Korea: clinics closed</li>' in body
    # an ordinary day is not marked
    assert "holiday" not in _cell(body, "2027-03-02")


def test_a_holiday_outside_the_stay_is_still_marked(client):
    # land 4 May 2027: Children's Day (5 May) is in the stay; 1 May, before landing, is not a holiday in Korea
    # but Buddha's Birthday (13 May 2027) after an early departure is outside the stay and still marked
    data = form(arrival_date="2027-05-03", departure_date="2027-05-11")
    body = client.post("/plan", data=data, follow_redirects=True).get_data(as_text=True)
    outside = re.search(r'<td class="day outside holiday" title="([^"]*)">13<', body)
    assert outside, "Buddha's Birthday, outside the stay, is not marked"
    assert "Buddha" in outside.group(1)


def test_without_a_holiday_or_second_trip_the_legend_has_neither(client):
    data = form(arrival_date="2027-04-05", departure_date="2027-04-28")  # April 2027 has no holiday
    body = client.post("/plan", data=data, follow_redirects=True).get_data(as_text=True)
    legend = re.search(r'<ul class="legend">(.*?)</ul>', body, re.S).group(1)
    assert 'class="holiday"' not in legend and 'class="proposed"' not in legend


def test_the_second_trip_of_a_two_trip_protocol_is_marked_proposed(client):
    data = form(
        **{"treatments-0-protocol": "dental-implant-two-stage", "treatments-0-clinic": "", "departure_date": ""},
        arrival_date="2027-03-08",
        departure_time="",
        shortest="y",
    )
    body = client.post("/plan", data=data, follow_redirects=True).get_data(as_text=True)
    proposed = re.findall(r'<td class="day kind-\w+(?: holiday)? proposed"><a href="#d-([\d-]+)"', body)
    assert proposed, "no day of the second trip is marked proposed"
    # every marked day is after the first trip's last day (March), and the legend says what the mark means
    assert min(proposed) > "2027-04-01"
    assert "proposed trip, not booked yet" in body
    assert '<li class="proposed">Proposed trip: not booked yet</li>' in body
    # the first trip's days are not marked proposed, even when its stay is the planner's shortest one
    assert 'proposed"><a href="#d-2027-03-08"' not in body
