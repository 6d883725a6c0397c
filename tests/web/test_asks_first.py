"""Destructive actions ask first (issue 9, item 4): a page says what happens and what cannot be undone,
and the POST without its confirmation does nothing."""

from __future__ import annotations

import json

import pytest

from planner.extensions import db
from planner.models import Client, FeedToken, ShareLink, Trip
from planner.services.workspace.feeds import create_trip_feed
from planner.services.workspace.sharing import create_client_link
from tests.web.planner_helpers import form, scenario_of
from tests.web.workspace_factories import create_client, create_facilitator, create_trip, log_in

CONFIRM = {"confirm": "yes"}


@pytest.fixture
def owned(app, client):
    """A logged-in facilitator with a trip, one live client link and one trip feed: the ids."""
    with app.app_context():
        user, browser = create_facilitator()
        ana = create_client(user)
        trip = create_trip(user, ana, status="proposed")
        link, _ = create_client_link(user.id, trip.id, hide_costs=False, expires_at=None)
        feed, _ = create_trip_feed(user.id, trip.id, discreet=True)
        ids = {"client": ana.id, "trip": trip.id, "link": link.id, "feed": feed.id}
        log_in(client, user, browser)
    return ids


def _live_links(app) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count(ShareLink.id)).where(ShareLink.revoked_at.is_(None)))


def _question(client, path: str) -> str:
    page = client.get(path)
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    assert f'action="{path}"' in page.text and 'name="confirm" type="hidden" value="yes"' in page.text
    assert "<script>" not in page.text  # no inline script: it works under the strict CSP, without JS
    return page.text


@pytest.mark.parametrize(
    ("action", "says"),
    [("revoke", "cannot be turned back on"), ("rotate", "old address cannot be brought back")],
)
def test_a_link_is_revoked_or_replaced_only_once_confirmed(app, client, owned, action, says):
    path = f"/trips/{owned['trip']}/sharing/{owned['link']}/{action}"
    assert f'href="{path}"' in client.get(f"/trips/{owned['trip']}/sharing").text
    assert says in _question(client, path)
    unconfirmed = client.post(path)
    assert unconfirmed.status_code == 303 and unconfirmed.location.endswith(path)
    with app.app_context():
        assert db.session.get(ShareLink, owned["link"]).revoked_at is None
    assert client.post(path, data=CONFIRM).status_code in (302, 303)
    with app.app_context():
        assert db.session.get(ShareLink, owned["link"]).revoked_at is not None
    assert _live_links(app) == (1 if action == "rotate" else 0)
    assert client.get(path).status_code == 404  # a revoked link has nothing left to ask about


def test_a_feed_is_revoked_only_once_confirmed(app, client, owned):
    path = f"/feeds/{owned['feed']}/revoke"
    assert f'href="{path}"' in client.get(f"/trips/{owned['trip']}/sharing").text
    assert "Calendars subscribed to this address stop updating" in _question(client, path)
    assert client.post(path).status_code == 303
    with app.app_context():
        assert db.session.get(FeedToken, owned["feed"]).revoked_at is None
    assert client.post(path, data=CONFIRM).status_code == 302
    with app.app_context():
        assert db.session.get(FeedToken, owned["feed"]).revoked_at is not None


def test_a_trip_is_deleted_only_once_confirmed(app, client, owned):
    path = f"/trips/{owned['trip']}/delete"
    assert f'href="{path}"' in client.get(f"/trips/{owned['trip']}").text
    text = _question(client, path)
    assert "cannot be brought back" in text and "stop working" in text
    assert client.post(path).status_code == 303
    with app.app_context():
        assert db.session.get(Trip, owned["trip"]) is not None
    deleted = client.post(path, data=CONFIRM)
    assert deleted.status_code == 302 and deleted.location.endswith(f"/clients/{owned['client']}")
    with app.app_context():
        assert db.session.get(Trip, owned["trip"]) is None
        assert db.session.scalar(db.select(db.func.count(ShareLink.id))) == 0
        assert db.session.scalar(db.select(db.func.count(FeedToken.id))) == 0
        assert db.session.get(Client, owned["client"]) is not None


def test_another_facilitator_cannot_even_see_the_questions(app, owned):
    intruder = app.test_client()
    with app.app_context():
        other, browser = create_facilitator("second@example.com")
        log_in(intruder, other, browser)
    for path in (
        f"/trips/{owned['trip']}/sharing/{owned['link']}/revoke",
        f"/trips/{owned['trip']}/sharing/{owned['link']}/rotate",
        f"/feeds/{owned['feed']}/revoke",
        f"/trips/{owned['trip']}/delete",
    ):
        assert intruder.get(path).status_code == 404, path
        assert intruder.post(path, data=CONFIRM).status_code == 404, path
    assert _live_links(app) == 1


def _saved_trip(client) -> str:
    body = client.post("/plan", data=form(), follow_redirects=True).get_data(as_text=True)
    response = client.post("/plan/save", data={"scenario": json.dumps(scenario_of(body))})
    assert response.status_code == 302
    return response.headers["Location"]


@pytest.mark.parametrize(
    ("action", "says"),
    [
        ("delete", "A deleted trip cannot be brought back"),
        ("link/revoke", "A revoked link cannot be turned back on"),
        ("link/replace", "The old address cannot be brought back"),
    ],
)
def test_the_patients_trip_asks_first(client, action, says):
    path = _saved_trip(client)
    assert f'href="{path}/{action}"' in client.get(path).text
    assert says in _question(client, f"{path}/{action}")
    unconfirmed = client.post(f"{path}/{action}")
    assert unconfirmed.status_code == 303 and unconfirmed.location.endswith(f"{path}/{action}")
    assert client.get(path).status_code == 200  # nothing happened
    assert client.post(f"{path}/{action}", data=CONFIRM).status_code in (
        302,
        303,
    )  # to the new link, or the GET page of a revoked or deleted trip
    assert client.get(path).status_code == 404


def test_a_client_is_deleted_only_from_the_question(app, client, owned):
    path = f"/clients/{owned['client']}/delete"
    page = client.get(path).text
    assert "cannot be undone" in page and 'name="confirm" value="yes"' in page
    assert client.post(path).status_code == 303
    with app.app_context():
        assert db.session.get(Client, owned["client"]) is not None
    assert client.post(path, data=CONFIRM).status_code == 302
    with app.app_context():
        assert db.session.get(Client, owned["client"]) is None
