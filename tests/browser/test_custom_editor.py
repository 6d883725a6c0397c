"""The protocol editor in a real browser: copy, a catalog error next to its field, fix, save; no sideways scroll."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect


def _register(page, live_server) -> None:
    """Register, then log in (registering says the same for a free and a taken email, and logs nobody in)."""
    email = f"fac-{uuid.uuid4().hex[:8]}@example.com"
    page.goto(f"{live_server}/register")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password (at least 8 characters)").fill("a long walk in Seoul")
    page.get_by_label("Repeat the password").fill("a long walk in Seoul")
    page.get_by_role("button", name="Create account").click()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("a long walk in Seoul")
    page.get_by_role("button", name="Log in").click()


def test_copy_a_protocol_fix_an_error_and_save(live_server, page):
    _register(page, live_server)
    page.get_by_role("link", name="Own protocols").click()
    page.get_by_label("Copy a catalog protocol").select_option("acupuncture-chronic-pain")
    page.get_by_role("button", name="Copy and edit").click()

    minutes = page.locator("#steps-1-minutes")
    minutes.fill("0")
    page.get_by_role("button", name="Save protocol").click()
    expect(page.locator("#steps-1-minutes-error")).to_contain_text("must last more than 0 minutes")
    expect(page.locator("#steps-1-minutes")).to_have_value("0")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"the editor scrolls sideways ({width}px)"

    page.locator("#steps-1-minutes").fill("45")
    page.get_by_role("button", name="Save protocol").click()
    expect(page.get_by_text("Protocol 'acupuncture-chronic-pain-own' saved.")).to_be_visible()
    expect(page.locator("#steps-1-minutes")).to_have_value("45")
