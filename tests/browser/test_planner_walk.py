"""A new patient's walk through the planner in a real browser, on a laptop and on a phone."""

from __future__ import annotations

import re

import icalendar
import vobject
from playwright.sync_api import expect


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_plan_fix_save_reopen_and_download(page, live_server, tmp_path):
    page.goto(f"{live_server}/plan")
    page.select_option("#treatments-0-protocol", "acupuncture-chronic-pain")
    expect(page.locator('.treatment-info[data-protocol="acupuncture-chronic-pain"]')).to_be_visible()
    expect(page.locator('.treatment-info[data-protocol="health-checkup"]')).to_be_hidden()
    page.fill("#home_timezone", "Europe/Lisbon")
    # Lisbon is UTC+0 in winter and UTC+1 in summer; Seoul is UTC+9 all year
    expect(page.locator("[data-zone-output]")).to_have_text(re.compile(r"Seoul is [89] h ahead"))
    page.fill("#arrival_date", "2027-03-01")
    page.fill("#arrival_time", "15:00")
    page.fill("#departure_date", "2027-03-10")
    page.fill("#departure_time", "18:00")
    page.select_option("#currency", "EUR")
    assert _fits_the_screen(page)
    page.get_by_role("button", name="Plan my trip").click()

    # ten days from 1 to 10 March, and a stay too short for nine sessions
    expect(page.locator(".day-entry")).to_have_count(10)
    expect(page.get_by_text("This plan does not work yet")).to_be_visible()
    fix = page.locator(".notice.problem button")
    expect(fix).to_have_text(re.compile(r"^Stay until \d+ (March|April|May)$"))
    until = fix.inner_text().removeprefix("Stay until ")
    assert _fits_the_screen(page)
    fix.click()

    expect(page.get_by_text("This plan works.")).to_be_visible()
    expect(page.locator(".plan-head .lead")).to_contain_text("flying home ")
    day, month = until.split(" ")
    expect(page.locator(".plan-head .lead")).to_contain_text(f"{day} {month[:3]} 2027, 18:00 Seoul time")
    expect(page.locator(".visit")).to_have_count(10)  # the consultation and the usual 9 sessions
    expect(page.locator("table.budget tfoot")).to_contain_text("€")

    page.get_by_role("button", name="Save and get a private link").click()
    expect(page).to_have_url(re.compile(r"/t/[A-Za-z0-9_-]{43}$"))
    expect(page.locator(".flashes")).to_contain_text("private link")
    link = page.url

    other = page.context.browser.new_context()
    reopened = other.new_page()
    reopened.goto(link)
    expect(reopened.get_by_text("This plan works.")).to_be_visible()
    expect(reopened.locator(".visit")).to_have_count(10)
    other.close()

    with page.expect_download() as waiting:
        page.get_by_role("link", name="Download calendar (.ics)").click()
    path = tmp_path / "trip.ics"
    waiting.value.save_as(path)
    data = path.read_bytes()
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    sessions = [e for e in events if "Acupuncture session" in str(e["SUMMARY"])]
    assert len(sessions) == 9
    assert len(vobject.readOne(data.decode(), validate=True).vevent_list) == len(events)


def test_shortest_stay_hides_the_flight_home(page, live_server):
    page.goto(f"{live_server}/plan?treatment=health-checkup")
    expect(page.locator("#departure_date")).to_be_visible()
    page.check("#shortest")
    expect(page.locator("#departure_date")).to_be_hidden()
    page.fill("#home_timezone", "Asia/Tokyo")
    expect(page.locator("[data-zone-output]")).to_have_text("Same time as Seoul (right now).")
    page.fill("#arrival_date", "2027-05-10")
    page.fill("#arrival_time", "09:00")
    page.get_by_role("button", name="Plan my trip").click()
    expect(page.get_by_text("This plan works.")).to_be_visible()
    expect(page.get_by_text("(the shortest stay)")).to_be_visible()
    assert _fits_the_screen(page)


def test_bad_input_is_shown_next_to_the_field(page, live_server):
    page.goto(f"{live_server}/plan?treatment=acupuncture-chronic-pain")
    page.fill("#home_timezone", "Atlantis/Lost")
    page.fill("#arrival_date", "2027-03-01")
    page.fill("#arrival_time", "15:00")
    page.fill("#departure_date", "2027-04-20")
    page.fill("#departure_time", "18:00")
    page.get_by_role("button", name="Plan my trip").click()
    expect(page.locator("#home_timezone-error")).to_contain_text("Choose a time zone from the list")
    expect(page.locator("#home_timezone")).to_have_value("Atlantis/Lost")
    expect(page.locator("#arrival_date")).to_have_value("2027-03-01")
