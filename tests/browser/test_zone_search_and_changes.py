"""In a real browser, at laptop and phone size: the home time zone found by city, and the client's
"What changed since you last looked" on the shared page; axe-core finds no violation on either."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from planner.extensions import db
from planner.models import Trip
from planner.services.accounts.acting import act_as
from planner.services.workspace import sharing
from planner.services.workspace.facilitator_trips import pin_appointment
from tests.browser.conftest import live_app, serving
from tests.browser.test_accessibility import violations
from tests.conftest import TEST_NOW
from tests.web.workspace_factories import create_client, create_facilitator, create_trip


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A planner with one shared trip whose consultation moved an hour after the client last looked."""
    app = live_app(tmp_path_factory.mktemp("changes"))
    with app.app_context():
        user, _ = create_facilitator()
        user.display_name = "Jin Park"
        trip = create_trip(user, create_client(user, "Maria Santos"), now=TEST_NOW)
        _, token = sharing.create_client_link(user.id, trip.id, hide_costs=False, expires_at=None)
        seen = sharing.open_client_link(token, TEST_NOW).seen_version
        assert sharing.record_client_saw(token, seen, TEST_NOW)
        trip = db.session.get(Trip, trip.id)
        act_as(user.id)  # as the facilitator's request would name them
        pin_appointment(
            trip,
            "stem-cell-knee-svf-consultation-1",
            datetime(2027, 3, 3, 5, 0, tzinfo=UTC),
            TEST_NOW + timedelta(hours=1),
        )
        act_as(None)
    with serving(app) as base:
        yield {"base": base, "share": token}


def test_a_city_name_finds_the_home_time_zone(page, site):
    page.goto(site["base"] + "/?treatment=acupuncture-chronic-pain")
    zone = page.get_by_label("Home time zone")
    expect(page.locator('#zones option[value="Lisbon, Portugal"]')).to_have_count(1)
    zone.fill("Lisbon, Portugal")
    expect(page.locator("[data-zone-output]")).to_have_text("Seoul is 9 h ahead (right now).")
    zone.fill("são paulo")
    page.fill("#arrival_date", "2027-03-01")
    page.fill("#arrival_time", "15:00")
    page.fill("#departure_date", "2027-03-20")
    page.fill("#departure_time", "18:00")
    page.get_by_role("button", name="Plan my trip").click()
    expect(page.locator(".plan-head")).to_contain_text("home time zone (São Paulo, Brazil)")
    expect(page.locator(".day-entry").first).to_contain_text("Seoul time")
    assert violations(page) == []


def test_a_country_with_several_zones_asks_for_the_city(page, site):
    page.goto(site["base"] + "/?treatment=acupuncture-chronic-pain")
    page.get_by_label("Home time zone").fill("Portugal")
    page.fill("#arrival_date", "2027-03-01")
    page.fill("#arrival_time", "15:00")
    page.fill("#departure_date", "2027-03-20")
    page.fill("#departure_time", "18:00")
    page.get_by_role("button", name="Plan my trip").click()
    expect(page.locator("#home_timezone-error")).to_have_text(
        "Portugal has several time zones: type your city, e.g. Azores, Lisbon, Madeira."
    )
    expect(page.get_by_label("Home time zone")).to_have_value("Portugal")
    assert violations(page) == []


def test_the_client_reads_what_changed_since_they_last_looked(page, site):
    page.goto(f"{site['base']}/shared/{site['share']}")
    changes = page.get_by_role("region", name="What changed since you last looked")
    expect(changes).to_be_visible()
    expect(changes).to_contain_text("You last looked on Mon 16 Nov 2026, 18:00 Seoul time.")
    expect(changes.locator("li").first).to_contain_text(
        "Consultation and tests moved from Tue 2 Mar 2027, 09:00 Seoul time"
    )
    expect(changes.locator("li").first).to_contain_text("to Wed 3 Mar 2027, 14:00 Seoul time · by Jin Park")
    box = changes.bounding_box()
    assert box is not None and box["width"] <= page.viewport_size["width"]
    assert violations(page) == []
