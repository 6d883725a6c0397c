"""Sharing and destructive actions in a real browser (issue 9, items 3, 4, 8, 9), at laptop and phone size:
a link made once whatever the reloads, the discreet box as chosen, the copy button, every confirmation
page, the duplicate-client warning; axe-core finds nothing on the new pages."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import live_app, serving
from tests.browser.test_accessibility import violations
from tests.web.workspace_factories import PASSWORD, create_client, create_facilitator, create_trip


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A planner served with its app, so each test can add its own facilitator and trips."""
    app = live_app(tmp_path_factory.mktemp("sharing"))
    with serving(app) as base:
        yield {"base": base, "app": app}


def _facilitator_with_a_trip(site, page, *, status: str = "draft") -> dict:
    """A new facilitator, logged in through the form, with a client and one trip: the trip's paths."""
    email = f"fac-{uuid.uuid4().hex[:8]}@example.com"
    with site["app"].app_context():
        user, _ = create_facilitator(email)
        ana = create_client(user, "Nguyễn Văn An", contact="an@example.com")
        trip = create_trip(user, ana, status=status)
        ids = {"client": f"/clients/{ana.id}", "trip": f"/trips/{trip.id}", "sharing": f"/trips/{trip.id}/sharing"}
    page.goto(site["base"] + "/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/dashboard"))
    return ids


def _links_listed(page) -> int:
    return page.locator(".share-list li", has_text=re.compile(r"^\s*Link \d+")).count()


def test_a_link_is_made_once_shown_once_and_copied(site, page):
    paths = _facilitator_with_a_trip(site, page)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site["base"])
    page.goto(site["base"] + paths["sharing"])
    expect(page.get_by_text("This trip is still a draft")).to_be_visible()
    page.get_by_role("button", name="Make a link").click()
    expect(page.locator("#anyway-error")).to_contain_text("Share it anyway")
    assert _links_listed(page) == 0
    page.goto(site["base"] + paths["sharing"])
    page.get_by_label("Share it anyway").check()
    page.get_by_role("button", name="Make a link").click()
    expect(page).to_have_url(re.compile(r"/sharing#new-link$"))
    field = page.get_by_label("The client's link")
    address = field.input_value()
    assert "/shared/" in address and field.get_attribute("readonly") is not None
    assert page.evaluate("document.getElementById('new-link-url').select() || true")  # selectable without script
    page.get_by_role("button", name="Copy").click()
    expect(page.locator("#new-link-url-status")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == address
    assert violations(page) == []
    page.reload()
    expect(page.get_by_label("The client's link")).to_have_count(0)
    assert _links_listed(page) == 1
    page.go_back()  # to the sharing page before the link: a GET, so nothing is sent again
    expect(page.get_by_role("button", name="Make a link")).to_be_visible()
    page.go_forward()
    assert _links_listed(page) == 1


def test_the_discreet_box_stays_as_chosen(site, page):
    paths = _facilitator_with_a_trip(site, page, status="proposed")
    page.goto(site["base"] + paths["sharing"])
    discreet = page.get_by_label(re.compile("Discreet titles"))
    expect(discreet).to_be_checked()
    page.get_by_role("button", name="Make a link").click()
    expect(page.get_by_label(re.compile("Discreet titles"))).to_be_checked()  # it came back unticked
    page.get_by_label(re.compile("Discreet titles")).uncheck()
    page.get_by_role("button", name="Make a subscription address").click()
    expect(page.get_by_text("titles name the treatments")).to_be_visible()
    expect(page.get_by_role("button", name="Copy")).to_be_visible()
    assert violations(page) == []
    page.reload()
    expect(page.get_by_text("was shown once")).to_be_visible()
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_label(re.compile("Discreet titles"))).not_to_be_checked()
    page.get_by_role("button", name="Make a link").click()
    expect(page.get_by_label(re.compile("Discreet titles"))).not_to_be_checked()
    expect(page.locator(".share-list li", has_text="Feed")).to_have_count(1)


def test_revoking_and_replacing_ask_first(site, page):
    paths = _facilitator_with_a_trip(site, page, status="proposed")
    page.goto(site["base"] + paths["sharing"])
    page.get_by_role("button", name="Make a link").click()
    page.get_by_role("button", name="Make a subscription address").click()
    page.get_by_role("link", name="Back").click()

    page.get_by_role("link", name="Revoke…").first.click()
    expect(page.get_by_role("heading", name=re.compile(r"^Revoke link \d+\?$"))).to_be_visible()
    expect(page.get_by_text("cannot be turned back on")).to_be_visible()
    assert violations(page) == []
    page.get_by_role("link", name="Keep it and go back").click()
    expect(page.locator(".share-list").first).not_to_contain_text("revoked")

    page.get_by_role("link", name="New address…").click()
    expect(page.get_by_text("The old address cannot be brought back")).to_be_visible()
    page.get_by_role("button", name="Replace the address").click()
    expect(page.get_by_label("The client's link")).to_be_visible()
    expect(page.locator(".share-list").first).to_contain_text("revoked")

    page.locator(".share-list").nth(1).get_by_role("link", name="Revoke…").click()
    expect(page.get_by_role("heading", name=re.compile(r"^Revoke feed \d+\?$"))).to_be_visible()
    assert violations(page) == []
    page.get_by_role("button", name="Revoke the feed").click()
    expect(page.get_by_text("The feed is revoked")).to_be_visible()


def test_deleting_a_trip_and_a_client_ask_first(site, page):
    paths = _facilitator_with_a_trip(site, page)
    page.goto(site["base"] + paths["trip"])
    page.get_by_role("link", name="Delete this trip…").click()
    expect(page.get_by_text("A deleted trip cannot be brought back")).to_be_visible()
    assert violations(page) == []
    page.get_by_role("link", name="Keep it and go back").click()
    expect(page).to_have_url(re.compile(re.escape(paths["trip"]) + "$"))
    page.get_by_role("link", name="Delete this trip…").click()
    page.get_by_role("button", name="Delete the trip").click()
    expect(page).to_have_url(re.compile(re.escape(paths["client"]) + "$"))
    expect(page.get_by_text("No trips yet.")).to_be_visible()

    page.get_by_role("link", name="Delete", exact=True).click()
    expect(page.get_by_text("It cannot be undone")).to_be_visible()
    assert violations(page) == []
    page.get_by_role("link", name="Erase everything").count()  # the erase page is its own confirmation
    page.get_by_role("button", name="Delete for good").click()
    expect(page.get_by_role("heading", name="Clients")).to_be_visible()


def test_a_likely_duplicate_client_is_warned_about_and_search_ignores_accents(site, page):
    _facilitator_with_a_trip(site, page)
    page.goto(site["base"] + "/clients/new")
    page.get_by_label("Name").fill("nguyen van an")
    page.get_by_label("Email or phone").fill("AN@example.com")
    page.get_by_role("button", name="Add client").click()
    expect(page.locator("#duplicate-warning")).to_contain_text("You may have this client already")
    expect(page.get_by_label("Name")).to_have_value("nguyen van an")
    assert violations(page) == []
    page.get_by_role("button", name="Add as a new client anyway").click()
    expect(page.get_by_role("heading", name="nguyen van an")).to_be_visible()
    page.goto(site["base"] + "/clients/")
    page.get_by_label("Search by name or contact").fill("NGUYỄN")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("main table a")).to_have_count(2)


def test_the_client_page_says_status_and_coordinator(site, page, browser):
    paths = _facilitator_with_a_trip(site, page, status="proposed")
    page.goto(site["base"] + paths["sharing"])
    page.get_by_role("button", name="Make a link").click()
    address = page.get_by_label("The client's link").input_value()
    visitor = browser.new_context()
    try:
        client_page = visitor.new_page()
        client_page.goto(site["base"] + "/shared/" + address.split("/shared/", 1)[1])
        expect(client_page.get_by_text("Proposed: waiting for the clinic to confirm the times")).to_be_visible()
        expect(client_page.get_by_role("link", name=re.compile(r"^fac-.+@example\.com$"))).to_be_visible()
        assert violations(client_page) == []
    finally:
        visitor.close()
