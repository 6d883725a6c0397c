"""A GET or HEAD of a share link wrote "client saw": a chat app's link preview faked it. Only the
page's own script, on the reader's first interaction, records it now (POST /shared/<token>/seen)."""

from __future__ import annotations

import re

import pytest

from planner.extensions import db
from planner.models import Trip
from tests.web.test_share import facilitator, make_link, trip  # noqa: F401  (fixtures)

BEACON = re.compile(r'data-seen-url="([^"]+)" data-seen-version="([0-9a-f]{32})" data-seen-csrf="([^"]*)"')
PREVIEWERS = ["Slackbot-LinkExpanding 1.0", "WhatsApp/2.23", "facebookexternalhit/1.1", "Mozilla/5.0"]


def _seen(app, trip_id: int):
    with app.app_context():
        stored = db.session.get(Trip, trip_id)
        return stored.client_seen, stored.client_seen_at


@pytest.mark.parametrize("agent", PREVIEWERS)
def test_get_and_head_record_nothing(app, facilitator, trip, agent):  # noqa: F811
    token = make_link(facilitator, trip[2])
    visitor = app.test_client()
    assert visitor.get(f"/shared/{token}", headers={"User-Agent": agent}).status_code == 200
    assert visitor.head(f"/shared/{token}", headers={"User-Agent": agent}).status_code == 200
    assert _seen(app, trip[2]) == (None, None)


def test_the_pages_beacon_records_what_was_shown(app, facilitator, trip):  # noqa: F811
    token = make_link(facilitator, trip[2])
    visitor = app.test_client()
    page = visitor.get(f"/shared/{token}").text
    assert 'src="/static/js/seen.js"' in page
    url, version, _ = BEACON.search(page).groups()
    assert url == f"/shared/{token}/seen"
    assert visitor.post(url, data={"version": version}).status_code == 204
    seen, at = _seen(app, trip[2])
    assert seen and at is not None


def test_a_beacon_for_a_plan_that_changed_since_records_nothing(app, facilitator, trip):  # noqa: F811
    token = make_link(facilitator, trip[2])
    visitor = app.test_client()
    url, version, _ = BEACON.search(visitor.get(f"/shared/{token}").text).groups()
    with app.app_context():
        stored = db.session.get(Trip, trip[2])
        stored.scenario = dict(stored.scenario, arrival="2027-03-08T16:00", departure="2027-03-27T11:00")
        db.session.commit()
    assert visitor.post(url, data={"version": version}).status_code == 409
    assert _seen(app, trip[2]) == (None, None)


@pytest.mark.parametrize(("path", "data", "status"), [("x" * 43, {"version": "0" * 32}, 404), (None, {}, 400)])
def test_a_beacon_without_a_live_link_or_a_version_is_refused(app, facilitator, trip, path, data, status):  # noqa: F811
    token = path or make_link(facilitator, trip[2])
    assert app.test_client().post(f"/shared/{token}/seen", data=data).status_code == status
    assert _seen(app, trip[2]) == (None, None)
