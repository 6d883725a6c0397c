"""Reminders over HTTP: asked for on the shared page (CSRF, bad input, dead links), stopped there or by a link."""

from __future__ import annotations

import email
import html
import re
from email.policy import default
from pathlib import Path

import pytest

from planner.extensions import db
from planner.jobs.reminders import send_due_reminders
from planner.models import Trip
from planner.services.workspace import sharing
from planner.services.workspace.facilitator_trips import delete_trip
from tests.reminders.conftest import EMAIL, claimed, share_trip, subscriptions

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
#: the unsubscribe address in a reminder's plain text
STOP = re.compile(r"https?://[^\s/]+(/reminders/stop/[A-Za-z0-9_-]{43})")


def _subscribe(app, shared, address: str = EMAIL):
    return app.test_client().post(f"/shared/{shared.token}/reminders", data={"email": address})


def _outbox(app) -> list[email.message.EmailMessage]:
    folder = Path(app.config["PLANNER_OUTBOX"])
    return [email.message_from_bytes(p.read_bytes(), policy=default) for p in sorted(folder.glob("*.eml"))]


def _send_one(app, shared, clock) -> str:
    """Subscribe, move to the visa reminder's day (four weeks before the 1 March arrival), send: its stop path."""
    assert _subscribe(app, shared).status_code == 303
    clock.advance(days=77)  # 16 Nov 2026 → 1 Feb 2027, 09:00 in Lisbon: the visa papers are due
    with app.app_context():
        swept = send_due_reminders()
    assert swept.queued >= 1
    [message, *_] = _outbox(app)
    return STOP.search(message.get_body(preferencelist=("plain",)).get_content()).group(1)


def test_the_shared_page_offers_reminders_and_a_subscription_shows_there_masked(app, shared):
    http = app.test_client()
    page = http.get(f"/shared/{shared.token}").text
    assert 'id="reminders"' in page and 'type="email"' in page and "Send me reminders" in page
    response = _subscribe(app, shared)
    assert response.status_code == 303
    assert response.location.endswith(f"/shared/{shared.token}#reminders")
    assert subscriptions(app) == [(shared.trip_id, EMAIL, False)]
    page = http.get(f"/shared/{shared.token}").text
    assert "a…@example.com" in page and EMAIL not in page and "Stop the reminders" in page
    assert _subscribe(app, shared).status_code == 303  # the same address again: still one subscription
    assert subscriptions(app) == [(shared.trip_id, EMAIL, False)]


@pytest.mark.parametrize("address", ["", "not an address", "a@example.com, b@example.com", "Ana <a@example.com>"])
def test_a_bad_address_is_refused_naming_the_field(app, shared, address):
    http = app.test_client()
    response = http.post(f"/shared/{shared.token}/reminders", data={"email": address})
    # the page again, the address as typed beside the reason: nothing typed is lost
    assert response.status_code == 422
    page = response.text
    assert 'id="email-error"' in page and "Email address:" in page and 'aria-invalid="true"' in page
    assert f'value="{html.escape(address)}"' in page or address == ""
    assert subscriptions(app) == []


def test_the_forms_need_their_csrf_token(app, shared):
    app.config["WTF_CSRF_ENABLED"] = True
    http = app.test_client()
    assert http.post(f"/shared/{shared.token}/reminders", data={"email": EMAIL}).status_code == 400
    token = CSRF.search(http.get(f"/shared/{shared.token}").text).group(1)
    response = http.post(f"/shared/{shared.token}/reminders", data={"email": EMAIL, "csrf_token": token})
    assert response.status_code == 303
    assert http.post(f"/shared/{shared.token}/reminders/stop").status_code == 400
    assert subscriptions(app) == [(shared.trip_id, EMAIL, False)]
    response = http.post(f"/shared/{shared.token}/reminders/stop", data={"csrf_token": token})
    assert response.status_code == 303
    assert subscriptions(app) == [(shared.trip_id, EMAIL, True)]


def test_a_dead_or_unknown_link_is_404(app, shared, clock):
    http = app.test_client()
    assert http.post("/shared/" + "x" * 43 + "/reminders", data={"email": EMAIL}).status_code == 404
    assert http.post("/shared/" + "x" * 43 + "/reminders/stop").status_code == 404
    with app.app_context():
        [link] = sharing.sharing_of(shared.owner_id, shared.trip_id).links
        sharing.revoke_client_link(shared.owner_id, shared.trip_id, link.id, clock.now)
    assert _subscribe(app, shared).status_code == 404
    assert subscriptions(app) == []


def test_the_shared_page_stops_them_and_can_ask_again(app, shared):
    http = app.test_client()
    _subscribe(app, shared)
    response = http.post(f"/shared/{shared.token}/reminders/stop")
    assert response.status_code == 303
    assert "No more reminders" in http.get(response.location).text
    assert subscriptions(app) == [(shared.trip_id, EMAIL, True)]
    assert _subscribe(app, shared).status_code == 303
    assert subscriptions(app) == [(shared.trip_id, EMAIL, False)]


def test_a_reminder_carries_its_unsubscribe_link_and_rfc_8058_headers(app, shared, clock):
    path = _send_one(app, shared, clock)
    [message, *_] = _outbox(app)
    assert message["List-Unsubscribe"] == f"<{app.config['PLANNER_BASE_URL'].rstrip('/')}{path}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert path in message.get_body(preferencelist=("html",)).get_content()


def test_the_unsubscribe_link_asks_on_get_stops_on_post_and_again_changes_nothing(app, shared, clock):
    path = _send_one(app, shared, clock)
    http = app.test_client()
    page = http.get(path)
    assert page.status_code == 200 and "<form" in page.text
    assert subscriptions(app) == [(shared.trip_id, EMAIL, False)]  # a GET (a link previewer) stops nothing
    assert http.post(path).status_code == 200
    assert subscriptions(app) == [(shared.trip_id, EMAIL, True)]
    again = http.post(path)
    assert again.status_code == 200 and "No more reminders" in again.text
    assert "No more reminders" in http.get(path).text
    assert subscriptions(app) == [(shared.trip_id, EMAIL, True)]
    before = len(claimed(app))
    clock.advance(days=30)  # the painkillers' reminder is due now, but nobody asks for it any more
    with app.app_context():
        assert send_due_reminders().queued == 0
    assert len(claimed(app)) == before


def test_one_click_unsubscribe_needs_no_csrf_token(app, shared, clock):
    path = _send_one(app, shared, clock)
    app.config["WTF_CSRF_ENABLED"] = True
    http = app.test_client()
    assert http.post(path).status_code == 400  # the page's own form without its token
    assert subscriptions(app) == [(shared.trip_id, EMAIL, False)]
    response = http.post(path, data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 204
    assert subscriptions(app) == [(shared.trip_id, EMAIL, True)]
    assert http.post(path, data={"List-Unsubscribe": "One-Click"}).status_code == 204


def test_an_unknown_unsubscribe_token_is_404(app, shared):
    http = app.test_client()
    assert http.get("/reminders/stop/" + "x" * 43).status_code == 404
    assert http.post("/reminders/stop/" + "x" * 43).status_code == 404
    assert http.post("/reminders/stop/" + "x" * 43, data={"List-Unsubscribe": "One-Click"}).status_code == 404


def test_no_reminder_is_sent_before_it_is_due(app, shared, clock):
    _subscribe(app, shared)
    clock.advance(days=70)  # 25 Jan 2027: five weeks before the arrival
    with app.app_context():
        assert send_due_reminders().due == 0
    assert claimed(app) == []


def test_deleting_the_trip_deletes_its_subscriptions_and_sent_reminders(app, shared, clock):
    _send_one(app, shared, clock)
    assert subscriptions(app) and claimed(app)
    with app.app_context():
        delete_trip(db.session.get(Trip, shared.trip_id))
    assert subscriptions(app) == [] and claimed(app) == []


def test_a_korean_client_is_told_why_in_korean(app):
    with app.app_context():
        korean = share_trip(language="ko", name="김지우")
    response = app.test_client().post(f"/shared/{korean.token}/reminders", data={"email": "지우 at example"})
    assert response.status_code == 422 and response.headers["Content-Language"] == "ko"
    assert "이메일 주소: 올바른 이메일 주소 하나를 입력하세요." in response.text  # the reason, translated
    assert 'value="지우 at example"' in response.text
