"""Screenshots of the planner's main pages for the docs: ``make screenshots`` writes docs/screenshots/*.png.

The app runs on a throwaway SQLite file, served on a free loopback port, and Debian's Chromium
(/usr/bin/chromium) drives it headless; the trip shown is a chronic-pain acupuncture course. The
facilitator's pages show the demo data of ``flask seed-demo``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner import create_app  # noqa: E402  (the repository root is on the path only now)
from planner.extensions import db  # noqa: E402
from planner.models.base import utcnow  # noqa: E402
from planner.services.workspace.demo import Demo, seed_demo  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _serve(folder: Path):
    os.environ.setdefault("SECRET_KEY", "screenshots-only")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'planner.sqlite3'}", "RATELIMIT_ENABLED": False})
    with app.app_context():
        import planner.models  # noqa: F401  (registers every table)

        db.create_all()
        demo = seed_demo(utcnow())
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, demo


def _fill_plan(page, base: str, departure: str) -> None:
    page.goto(f"{base}/plan?treatment=acupuncture-chronic-pain")
    page.fill("#home_timezone", "Europe/Lisbon")
    page.fill("#arrival_date", "2027-03-01")
    page.fill("#arrival_time", "15:00")
    page.fill("#departure_date", departure)
    page.fill("#departure_time", "18:00")
    page.select_option("#currency", "EUR")


def _facilitator(browser, base: str, demo: Demo) -> None:
    """The demo facilitator's dashboard and first trip, and that trip's page as the client sees it."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    first = demo.facilitators[0]
    page.goto(f"{base}/login")
    page.fill("#email", first.email)
    page.fill("#password", first.password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/dashboard")
    page.screenshot(path=OUT / "facilitator-dashboard.png", full_page=True)
    page.goto(f"{base}/clients/")
    page.screenshot(path=OUT / "facilitator-clients.png", full_page=True)
    trip = next(t for t in demo.trips if t.owner == first.email)
    page.get_by_role("link", name=trip.label.split(" — ")[0]).click()
    page.get_by_role("link", name=trip.label.split(" — ")[1]).click()
    page.screenshot(path=OUT / "facilitator-trip.png", full_page=True)
    phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    phone.goto(f"{base}/shared/{trip.link_token}")
    phone.screenshot(path=OUT / "shared-phone.png", full_page=True)
    page.close()
    phone.close()


def _languages(browser, base: str, demo: Demo) -> None:
    """The plan and the client's shared page in Korean and Arabic (right to left), on a phone."""
    for locale, home in (("ko", "America/Los_Angeles"), ("ar", "Asia/Dubai")):
        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
        phone.goto(f"{base}/plan?lang={locale}&treatment=acupuncture-chronic-pain")
        phone.fill("#home_timezone", home)
        phone.fill("#arrival_date", "2027-03-01")
        phone.fill("#arrival_time", "15:00")
        phone.fill("#departure_date", "2027-04-20")
        phone.fill("#departure_time", "18:00")
        phone.screenshot(path=OUT / f"plan-form-{locale}.png", full_page=True)
        phone.locator("form.plan-form button[type=submit]").click()
        phone.wait_for_url("**/plan/unsaved/*")
        phone.screenshot(path=OUT / f"plan-phone-{locale}.png", full_page=True)
        trip = demo.trips[0]
        phone.goto(f"{base}/shared/{trip.link_token}?lang={locale}")
        phone.screenshot(path=OUT / f"shared-phone-{locale}.png", full_page=True)
        phone.close()


def main() -> None:
    """Write the screenshots: form, a plan with a problem, the saved plan, print view, phone, facilitator pages,
    and the patient's pages in Korean and Arabic."""
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        server, demo = _serve(Path(folder))
        base = f"http://127.0.0.1:{server.server_port}"
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        _fill_plan(page, base, "2027-03-10")
        page.screenshot(path=OUT / "plan-form.png", full_page=True)
        page.get_by_role("button", name="Plan my trip").click()
        page.screenshot(path=OUT / "plan-too-short.png", full_page=True)
        page.locator(".notice.problem button").click()
        page.get_by_role("button", name="Save and get a private link").click()
        page.wait_for_url("**/t/*")
        # the private link is a working credential while the server runs: keep it out of the pictures
        secret = [page.locator(".link-field")]
        page.screenshot(path=OUT / "plan-saved.png", full_page=True, mask=secret)
        page.emulate_media(media="print")
        page.screenshot(path=OUT / "plan-print.png", full_page=True)
        link = page.url
        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
        phone.goto(link)
        phone.screenshot(path=OUT / "plan-phone.png", full_page=True, mask=[phone.locator(".link-field")])
        _facilitator(browser, base, demo)
        _languages(browser, base, demo)
        browser.close()
        server.shutdown()
    print(f"screenshots written to {OUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
