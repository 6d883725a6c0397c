"""Browser fixtures: the planner served by a real server in a thread, and Debian's Chromium via Playwright.

Without /usr/bin/chromium the browser tests skip locally with the reason, and fail in CI (CI=true).
"""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from planner import create_app
from planner.extensions import db
from tests.conftest import TEST_NOW, Clock

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
#: a phone-sized viewport (an iPhone 12-14 in CSS pixels)
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}


def live_app(folder: Path):
    """A planner on an empty SQLite file in ``folder``, CSRF on, on the tests' clock."""
    os.environ.setdefault("SECRET_KEY", "browser-test-secret-key")
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'planner.sqlite3'}",
            "RATELIMIT_ENABLED": False,
            "PLANNER_CLOCK": Clock(TEST_NOW),
        }
    )
    with app.app_context():
        import planner.models  # noqa: F401  (registers every table)

        db.create_all()
    return app


@contextmanager
def serving(app):
    """Serve ``app`` on a free loopback port in a thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The base URL of the planner on an empty SQLite file, CSRF on, served on a free loopback port."""
    with serving(live_app(tmp_path_factory.mktemp("live"))) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium from Debian (Playwright's own download does not work here)."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: CI must run the browser tests")
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(params=["desktop", "phone"])
def page(request, browser):
    """A fresh page at a laptop or a phone size; downloads allowed."""
    options = PHONE if request.param == "phone" else {"viewport": {"width": 1280, "height": 900}}
    context = browser.new_context(accept_downloads=True, **options)
    page = context.new_page()
    yield page
    context.close()
