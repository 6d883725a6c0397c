"""Answers are never lost in a real browser: Back after planning, "Change my answers", a fix, reload and Back."""

from __future__ import annotations

import re

from playwright.sync_api import expect

#: the answers typed, by field id (selects and text alike)
TYPED = {
    "treatments-0-protocol": "acupuncture-chronic-pain",
    "treatments-0-count": "8",
    "treatments-0-clinic": "tier:local",
    "home_timezone": "Europe/Lisbon",
    "name": "Ana Silva",
    "arrival_date": "2027-03-01",
    "arrival_time": "15:00",
    "outbound_number": "TP 1234",
    "departure_date": "2027-03-10",
    "departure_time": "18:00",
    "currency": "EUR",
    "travellers": "2",
}
SELECTS = {"treatments-0-protocol", "treatments-0-clinic", "currency"}


def _fill(page) -> None:
    for field, value in TYPED.items():
        if field in SELECTS:
            page.select_option(f"#{field}", value)
        else:
            page.fill(f"#{field}", value)
    page.check("#interpreter")


def _expect_filled(page) -> None:
    for field, value in TYPED.items():
        expect(page.locator(f"#{field}")).to_have_value(value)
    expect(page.locator("#treatments-0-count")).to_be_enabled()
    expect(page.locator("#interpreter")).to_be_checked()
    expect(page.locator("#departure_date")).to_be_visible()
    # the page's helpers agree with the restored values: the zone's difference, the chosen treatment's card
    expect(page.locator("[data-zone-output]")).to_have_text(re.compile(r"Seoul is [89] h ahead"))
    expect(page.locator('.treatment-info[data-protocol="acupuncture-chronic-pain"]')).to_be_visible()


def _no_resubmission(page) -> list[str]:
    """Record every navigation that POSTs (a Back or reload that resends a form); the list fills as it happens."""
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.is_navigation_request() and r.method == "POST" else None)
    return posts


def test_back_after_planning_keeps_every_answer(page, live_server):
    page.goto(f"{live_server}/plan")
    _fill(page)
    page.get_by_role("button", name="Plan my trip").click()
    expect(page).to_have_url(re.compile(r"/plan/unsaved/[\w-]+$"))
    expect(page.get_by_text("This plan does not work yet")).to_be_visible()
    posts = _no_resubmission(page)
    page.go_back()
    expect(page).to_have_url(re.compile(r"/plan$"))
    _expect_filled(page)
    # and the form still plans the same trip: nothing was dropped on the way (a disabled field is not sent)
    page.get_by_role("button", name="Plan my trip").click()
    expect(page.get_by_text("This plan does not work yet")).to_be_visible()
    assert posts == [f"{live_server}/plan"]


def test_change_my_answers_rebuilds_the_form(page, live_server):
    page.goto(f"{live_server}/plan")
    _fill(page)
    page.get_by_role("button", name="Plan my trip").click()
    page.get_by_role("link", name="Change my answers").click()
    expect(page).to_have_url(re.compile(r"/plan/unsaved/[\w-]+/answers$"))
    _expect_filled(page)
    page.fill("#departure_date", "2027-04-20")
    page.get_by_role("button", name="Plan my trip").click()
    expect(page.get_by_text("This plan works.")).to_be_visible()


def test_a_fix_then_reload_and_back_resend_nothing(page, live_server):
    page.goto(f"{live_server}/plan")
    _fill(page)
    page.get_by_role("button", name="Plan my trip").click()
    expect(page.get_by_text("This plan does not work yet")).to_be_visible()
    before = page.url
    posts = _no_resubmission(page)
    page.locator(".notice.problem button").first.click()
    expect(page.get_by_text("This plan works.")).to_be_visible()
    after = page.url
    assert after != before and "/plan/unsaved/" in after
    page.reload()
    expect(page.get_by_text("This plan works.")).to_be_visible()
    page.go_back()
    expect(page).to_have_url(before)
    expect(page.get_by_text("This plan does not work yet")).to_be_visible()
    page.go_forward()
    expect(page.get_by_text("This plan works.")).to_be_visible()
    # only the click on the fix posted: reload, Back and Forward were plain GETs
    assert posts == [f"{live_server}/plan/fix"]


def test_back_keeps_the_shortest_stay_and_its_hidden_flight_home(page, live_server):
    page.goto(f"{live_server}/plan?treatment=health-checkup")
    page.fill("#home_timezone", "Asia/Tokyo")
    page.fill("#arrival_date", "2027-05-10")
    page.fill("#arrival_time", "09:00")
    page.check("#shortest")
    page.get_by_role("button", name="Plan my trip").click()
    expect(page.get_by_text("This plan works.")).to_be_visible()
    page.go_back()
    expect(page.locator("#shortest")).to_be_checked()
    expect(page.locator("#departure_date")).to_be_hidden()
    expect(page.locator("#home_timezone")).to_have_value("Asia/Tokyo")
    expect(page.locator("#treatments-0-protocol")).to_have_value("health-checkup")
    expect(page.locator("[data-zone-output]")).to_have_text("Same time as Seoul (right now).")


def test_a_fix_on_a_saved_trip_then_reload_and_back_resend_nothing(page, live_server):
    page.goto(f"{live_server}/plan")
    _fill(page)
    page.get_by_role("button", name="Plan my trip").click()
    page.get_by_role("button", name="Save and get a private link").click()
    expect(page).to_have_url(re.compile(r"/t/[\w-]{43}$"))
    link = page.url
    posts = _no_resubmission(page)
    page.locator(".notice.problem button").first.click()
    expect(page.get_by_text("This plan works.")).to_be_visible()
    expect(page).to_have_url(link)
    page.reload()
    expect(page.get_by_text("This plan works.")).to_be_visible()
    page.go_back()
    expect(page).to_have_url(link)
    assert posts == [f"{link}/fix"]
