"""Reminders in a browser: asked for on the client's page with the keyboard, stopped from a reminder's link;
axe-core finds no violation on either page (CSRF on, as served)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from planner.extensions import db
from planner.models import ReminderSubscription, SentReminder
from planner.services.accounts.tokens import new_token
from planner.services.workspace.demo import seed_demo
from tests.browser.conftest import live_app, serving
from tests.browser.test_accessibility import violations
from tests.conftest import TEST_NOW


@pytest.fixture
def site(tmp_path):
    """The demo planner served: its app, URL and the first demo trip's client link."""
    app = live_app(tmp_path)
    with app.app_context():
        demo = seed_demo(TEST_NOW)
    with serving(app) as base:
        yield {"app": app, "base": base, "share": demo.trips[0].link_token}


def _unsubscribe_token(app) -> str:
    """An unsubscribe token of the one subscription, as a sent reminder would carry it."""
    token, token_hash = new_token()
    with app.app_context():
        subscription = db.session.scalar(db.select(ReminderSubscription))
        db.session.add(
            SentReminder(
                subscription_id=subscription.id,
                key="browser-test",
                code="visa_papers",
                params={},
                due_at=datetime(2027, 2, 1, tzinfo=UTC),
                unsubscribe_hash=token_hash,
            )
        )
        db.session.commit()
    return token


def test_a_client_asks_for_reminders_and_stops_them_from_the_link(site, page):
    page.goto(f"{site['base']}/shared/{site['share']}")
    page.get_by_label("Email address").fill("client@example.com")
    page.get_by_label("Email address").press("Enter")
    page.wait_for_selector("text=Reminders will be sent to client@example.com.")
    assert page.locator("#reminders").get_by_text("c…@example.com").count() == 1
    assert violations(page) == []
    token = _unsubscribe_token(site["app"])
    page.goto(f"{site['base']}/reminders/stop/{token}")
    assert violations(page) == []
    page.get_by_role("button", name="Stop the reminders").click()
    page.wait_for_selector("text=No more reminders will be sent for this trip.")
    assert violations(page) == []
    with site["app"].app_context():
        assert db.session.scalar(db.select(ReminderSubscription.stopped_at)) is not None
