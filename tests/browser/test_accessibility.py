"""axe-core finds no violation on any page, at laptop and phone size, for a patient, a client and a facilitator."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from planner.services.planning.trips import save_trip
from planner.services.workspace.demo import seed_demo
from tests.browser.conftest import live_app, serving
from tests.conftest import TEST_NOW

AXE = Path(__file__).resolve().parents[1] / "js" / "node_modules" / "axe-core" / "axe.min.js"
SCENARIO = {
    "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-03-01T15:00",
    "departure": "2027-04-20T18:00",
    "treatments": [{"protocol": "acupuncture-chronic-pain", "clinic_tier": "local"}],
}
ANONYMOUS = [
    "/",
    "/treatments",
    "/treatments/acupuncture-chronic-pain",
    "/login",
    "/register",
    "/no-such-page",
    "/api/v1/docs",
]
WORKSPACE = ["/dashboard", "/clients/", "/clients/new", "/feeds", "/own/", "/account/password", "/agency"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A planner with the demo data and one saved trip: its URL, a facilitator, a share link, a private link."""
    app = live_app(tmp_path_factory.mktemp("a11y"))
    with app.app_context():
        demo = seed_demo(TEST_NOW)
        private = save_trip(SCENARIO, discreet=False)
    with serving(app) as base:
        yield {"base": base, "facilitator": demo.facilitators[0], "share": demo.trips[0].link_token, "private": private}


def violations(page) -> list[str]:
    """axe-core's violations on the page as ``rule: selector`` lines (the script is evaluated, so CSP allows it)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [f"{v['id']}: {', '.join(json.dumps(n['target']) for n in v['nodes'])}" for v in found]


def _visit(page, url: str) -> list[str]:
    page.goto(url)
    return [f"{url} {line}" for line in violations(page)]


def test_every_page_of_a_patient_has_no_violation(page, site):
    found = [line for path in ANONYMOUS for line in _visit(page, site["base"] + path)]
    page.goto(site["base"] + "/?treatment=acupuncture-chronic-pain")
    page.fill("#home_timezone", "Europe/Lisbon")
    page.fill("#arrival_date", "2027-03-01")
    page.fill("#arrival_time", "15:00")
    page.fill("#departure_date", "2027-03-10")
    page.fill("#departure_time", "18:00")
    page.get_by_role("button", name="Plan my trip").click()
    page.wait_for_selector(".day-entry")
    found += [f"plan page {line}" for line in violations(page)]
    page.get_by_role("link", name="Change my answers").click()
    page.wait_for_selector("#home_timezone")
    found += [f"change my answers {line}" for line in violations(page)]
    for path in ("", "/edit", "/delete", "/link/revoke", "/link/replace"):  # the last three: confirmation pages
        found += _visit(page, f"{site['base']}/t/{site['private']}{path}")
    assert found == []


def test_the_client_page_has_no_violation(page, site):
    assert _visit(page, f"{site['base']}/shared/{site['share']}") == []


def test_every_page_of_the_workspace_has_no_violation(page, site):
    page.goto(site["base"] + "/login")
    page.fill("#email", site["facilitator"].email)
    page.fill("#password", site["facilitator"].password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/dashboard"))
    found = [line for path in WORKSPACE for line in _visit(page, site["base"] + path)]
    page.goto(site["base"] + "/clients/")
    client = page.locator("main a[href^='/clients/']").filter(has_not_text="Add").first.get_attribute("href")
    found += _visit(page, site["base"] + client)
    trip = page.locator("main a[href^='/trips/']").first.get_attribute("href")
    for path in (
        trip,
        f"{trip}/edit",
        f"{trip}/sharing",
        f"{trip}/delete",
        f"{trip}/messages/plan",
        f"{trip}/messages/changes",
        f"{trip}/quote",
    ):
        found += _visit(page, site["base"] + path)
    # the confirmation pages of revoking and replacing a link and revoking a feed (the demo trip has both)
    page.goto(f"{site['base']}{trip}/sharing")
    asks = [page.locator(f"main a[href$='/{action}']").first.get_attribute("href") for action in ("revoke", "rotate")]
    for path in asks:
        found += _visit(page, site["base"] + path)
    assert found == []


def test_the_account_page_with_a_new_token_has_no_violation(page, site):
    page.goto(site["base"] + "/login")
    page.fill("#email", site["facilitator"].email)
    page.fill("#password", site["facilitator"].password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/dashboard"))
    page.goto(site["base"] + "/account")
    page.get_by_label("Token name (what will use it)").fill(f"CRM {page.viewport_size['width']}")
    page.get_by_role("button", name="Make a token").click()
    token = page.get_by_label("Your new token (copy it now: it will not be shown again)").input_value()
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", token)
    assert violations(page) == []
    page.reload()
    assert page.get_by_label("Your new token (copy it now: it will not be shown again)").count() == 0
