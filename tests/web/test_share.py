"""Client links: create, open (what the client saw), hide costs, expire, rotate, revoke, .ics download."""

from __future__ import annotations

import re
from datetime import UTC, timedelta

import pytest

from planner.extensions import db
from planner.models import ShareLink, Trip
from planner.models.base import utcnow
from planner.services.planning.plans import plan_scenario
from planner.services.workspace import sharing
from tests.web.workspace_factories import SHARED_LINK as LINK
from tests.web.workspace_factories import create_client, create_facilitator, create_trip, log_in, make_link


@pytest.fixture
def trip(app):
    with app.app_context():
        user, browser = create_facilitator()
        trip = create_trip(user, create_client(user))
        return user.id, browser, trip.id


@pytest.fixture
def facilitator(app, client, trip):
    with app.app_context():
        from planner.models import User

        log_in(client, db.session.get(User, trip[0]), trip[1])
    return client


def read_as_client(app, token: str) -> None:
    """Open the link and interact with the page, as a person does: its script sends the beacon."""
    visitor = app.test_client()
    page = visitor.get(f"/shared/{token}").text
    version = re.search(r'data-seen-version="([0-9a-f]{32})"', page).group(1)
    assert visitor.post(f"/shared/{token}/seen", data={"version": version}).status_code == 204


def test_a_new_link_opens_the_read_only_plan_with_costs(app, facilitator, trip):
    token = make_link(facilitator, trip[2])
    visitor = app.test_client()
    page = visitor.get(f"/shared/{token}")
    assert page.status_code == 200
    assert "Estimated costs" in page.text
    assert "Fat harvest" in page.text or "harvest" in page.text.lower()
    assert page.headers["Cache-Control"] == "no-store"
    assert page.headers["Referrer-Policy"] == "no-referrer"
    # read-only: the one form asks for reminders by email (tests/reminders)
    assert re.findall(r'<form[^>]*action="([^"]+)"', page.text) == [f"/shared/{token}/reminders"]
    assert page.text.count("<form") == 1


def test_the_token_is_stored_only_as_its_hash(app, facilitator, trip):
    token = make_link(facilitator, trip[2])
    with app.app_context():
        stored = db.session.scalars(db.select(ShareLink.token_hash)).all()
    assert token not in stored and len(stored) == 1 and len(stored[0]) == 64


def test_hide_costs_leaves_the_budget_out(app, facilitator, trip):
    token = make_link(facilitator, trip[2], hide_costs="y")
    page = app.test_client().get(f"/shared/{token}")
    assert page.status_code == 200
    assert "Estimated costs" not in page.text
    assert "KRW" not in page.text


def test_reading_records_what_the_client_saw(app, facilitator, trip):
    token = make_link(facilitator, trip[2])
    read_as_client(app, token)
    with app.app_context():
        stored = db.session.get(Trip, trip[2])
        planned = plan_scenario(stored.scenario, stored.pins)
        assert stored.client_seen_at is not None
        assert stored.client_seen == {a.key: a.start.astimezone(UTC).isoformat() for a in planned.plan.appointments}
        assert sharing.open_client_link(token, utcnow()).history.since_seen == []


def test_revoked_and_rotated_links_answer_404(app, facilitator, trip):
    token = make_link(facilitator, trip[2])
    with app.app_context():
        link_id = db.session.scalar(db.select(ShareLink.id))
    rotated = facilitator.post(f"/trips/{trip[2]}/sharing/{link_id}/rotate", data={"confirm": "yes"})
    assert rotated.status_code == 303
    new_token = LINK.search(facilitator.get(rotated.location).text).group(1)
    visitor = app.test_client()
    assert visitor.get(f"/shared/{token}").status_code == 404
    assert visitor.get(f"/shared/{new_token}").status_code == 200
    with app.app_context():
        new_id = db.session.scalar(db.select(ShareLink.id).where(ShareLink.revoked_at.is_(None)))
    assert facilitator.post(f"/trips/{trip[2]}/sharing/{new_id}/revoke", data={"confirm": "yes"}).status_code == 302
    assert visitor.get(f"/shared/{new_token}").status_code == 404
    assert visitor.get(f"/shared/{new_token}/trip.ics").status_code == 404


def test_an_expired_link_answers_404(app, facilitator, trip):
    token = make_link(facilitator, trip[2])
    with app.app_context():
        link = db.session.scalar(db.select(ShareLink))
        link.expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert app.test_client().get(f"/shared/{token}").status_code == 404


@pytest.mark.parametrize(
    ("expires_on", "accepted"),
    [("", True), ("2999-01-01", True), ("2000-01-01", False), ("not a date", False), ("2027-02-30", False)],
)
def test_expiry_date_is_checked_next_to_its_field(facilitator, trip, expires_on, accepted):
    response = facilitator.post(f"/trips/{trip[2]}/sharing", data={"expires_on": expires_on, "share_anyway": "y"})
    assert response.status_code == (303 if accepted else 422)
    if not accepted:
        assert 'id="expires-error"' in response.text
        assert f'value="{expires_on}"' in response.text


def test_the_calendar_download_is_an_attachment(app, facilitator, trip):
    token = make_link(facilitator, trip[2])
    response = app.test_client().get(f"/shared/{token}/trip.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="treatment-trip.ics"'
    assert response.data.startswith(b"BEGIN:VCALENDAR\r\n")
    with app.app_context():
        uuid = db.session.get(Trip, trip[2]).uuid
    unfolded = response.data.replace(b"\r\n ", b"")
    assert f"UID:trip-{uuid}-stem-cell-knee-svf-harvest-1@".encode() in unfolded


def test_an_unknown_token_is_404(client):
    assert client.get("/shared/" + "x" * 43).status_code == 404
    assert client.get("/shared/short").status_code == 404


def test_the_sharing_page_needs_the_owner(app, trip):
    http = app.test_client()
    with app.app_context():
        other, browser = create_facilitator("second@example.com")
        log_in(http, other, browser)
    assert http.get(f"/trips/{trip[2]}/sharing").status_code == 404
    assert http.post(f"/trips/{trip[2]}/sharing").status_code == 404


def test_the_created_link_is_shown_once(facilitator, trip):
    make_link(facilitator, trip[2])
    again = facilitator.get(f"/trips/{trip[2]}/sharing")
    assert LINK.search(again.text) is None
    assert "Link 1" in again.text


def test_created_links_are_timestamped_now(app, facilitator, trip, clock):
    before = clock.now
    make_link(facilitator, trip[2])
    with app.app_context():
        assert before <= db.session.scalar(db.select(ShareLink.created_at)) <= clock.now
