"""The facilitator's path in a real browser: register, add a client, plan, propose, confirm, share, subscribe."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import expect


def test_facilitator_registers_plans_confirms_and_shares(live_server, browser, page):
    email = f"fac-{uuid.uuid4().hex[:8]}@example.com"
    page.goto(f"{live_server}/dashboard")
    expect(page).to_have_url(re.compile(r"/login\?next="))
    page.get_by_role("link", name="Create a facilitator account").click()

    page.get_by_label("Email").fill(email)
    page.get_by_label("Password (at least 8 characters)").fill("password1")
    page.get_by_label("Repeat the password").fill("password1")
    page.get_by_role("button", name="Create account").click()
    expect(page.locator("#password-error")).to_contain_text("most common passwords")
    expect(page.get_by_label("Email")).to_have_value(email)
    page.get_by_label("Password (at least 8 characters)").fill("a long walk in Seoul")
    page.get_by_label("Repeat the password").fill("a long walk in Seoul")
    page.get_by_role("button", name="Create account").click()

    expect(page.get_by_role("status")).to_contain_text("If this email was not registered yet")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("a long walk in Seoul")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server}/clients/")
    expect(page.get_by_role("heading", name="Clients")).to_be_visible()
    page.get_by_role("link", name="Add a client").click()
    page.get_by_label("Name").fill("Ana Silva")
    page.get_by_label("Home time zone").fill("Lisbon")
    page.get_by_label("Health notes").fill("Left knee; pauses aspirin")
    page.get_by_role("button", name="Add client").click()
    expect(page.get_by_role("heading", name="Ana Silva")).to_be_visible()

    page.get_by_role("link", name="Plan a trip for Ana Silva").click()
    page.locator("#treatments-0-protocol").select_option("acupuncture-chronic-pain")
    page.locator("#treatments-0-count").fill("6")
    page.locator("#treatments-0-clinic").select_option("tier:local")
    page.get_by_label("Ana Silva lands in Seoul: date").fill("2027-02-28")
    page.get_by_label("Landing time (Seoul)").fill("16:00")
    page.get_by_label("Flight home from Seoul: date").fill("2027-03-21")
    page.get_by_label("Take-off time (Seoul)").fill("11:00")
    page.get_by_role("button", name="Plan the trip").click()
    expect(page.get_by_role("heading", name="Acupuncture for chronic pain, Feb 2027")).to_be_visible()
    # on a phone the table is restyled as cards, so cells are found by their label, not their role
    expect(page.locator('td[data-label="Appointment"]', has_text=re.compile(r"^First consultation$"))).to_be_visible()

    page.get_by_label("New status").select_option("proposed")
    page.get_by_role("button", name="Change status").click()
    expect(page.locator(".page-head .status")).to_contain_text("waiting for the clinic")
    # the pin table (the clinic answers per appointment are a table of their own, below)
    pins = page.locator("section[aria-labelledby=appointments-heading]")
    row = pins.locator("tr", has_text="First consultation")
    row.get_by_label("Time (Seoul)").fill("14:30")
    row.get_by_role("button", name="Pin").click()
    expect(pins.locator("tr", has_text="First consultation").locator(".status")).to_have_text("confirmed")
    page.get_by_label("New status").select_option("confirmed")
    page.get_by_role("button", name="Change status").click()
    expect(page.locator(".page-head .status")).to_contain_text("Confirmed by the clinic")

    page.get_by_role("link", name="Share with the client").click()
    sharing_page = page.url
    page.get_by_role("button", name="Make a link").click()
    link = page.locator("input.share-url").input_value()
    assert "/shared/" in link
    page.get_by_role("button", name="Make a subscription address").click()
    expect(page.get_by_role("link", name="Add to Apple Calendar or Outlook")).to_have_attribute(
        "href", re.compile(r"^webcal://.+\.ics$")
    )

    patient = browser.new_context()
    try:
        client_page = patient.new_page()
        # links are made with PLANNER_BASE_URL; the test server listens on its own port
        client_page.goto(live_server + "/shared/" + link.split("/shared/", 1)[1])
        expect(client_page.get_by_text("First consultation").first).to_be_visible()
        expect(client_page.get_by_text("Left knee")).to_have_count(0)
        # loading the page (as a previewer does) records nothing; the reader's first scroll does
        page.goto(sharing_page)
        expect(page.get_by_text("The client last opened their link")).to_have_count(0)
        with client_page.expect_response(lambda response: response.url.endswith("/seen")) as beacon:
            client_page.mouse.wheel(0, 300)
        assert beacon.value.status == 204
        page.goto(sharing_page)
        expect(page.get_by_text("The client last opened their link")).to_be_visible()
    finally:
        patient.close()

    page.goto(f"{live_server}/dashboard")
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    page.get_by_role("button", name="Log out").click()
    page.goto(f"{live_server}/clients/")
    expect(page).to_have_url(re.compile(r"/login\?next="))
