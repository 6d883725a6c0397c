"""Sharing (issue 9, items 3 and 8): POST → redirect → GET, the address shown once, the discreet choice kept,
drafts and plans that do not work shared only when meant, the client page's status and coordinator."""

from __future__ import annotations

import logging
import re

import pytest

from planner.extensions import db
from planner.models import FeedToken, ShareLink, Trip
from tests.web.workspace_factories import (
    FEED_LINK,
    KNEE,
    SHARED_LINK,
    create_client,
    create_facilitator,
    create_trip,
    log_in,
)

#: what a browser sends for an unticked box: the other fields, not the box (CSRF is off in tests, so the
#: token stands for them; an empty form would be read as no form at all, and the box's default used)
UNTICKED = {"csrf_token": "off-in-tests"}
DISCREET_BOX = re.compile(r'<input[^>]*id="discreet"[^>]*>')
#: a knee trip two days long: the treatment cannot fit, so the plan does not work
TOO_SHORT = {**KNEE, "departure": "2027-03-03T11:00"}


@pytest.fixture
def shared(app, client):
    """A logged-in facilitator (the test client), with a draft trip and a proposed trip that works: their ids."""
    with app.app_context():
        user, browser = create_facilitator()
        ana = create_client(user)
        draft = create_trip(user, ana).id
        proposed = create_trip(user, ana, status="proposed").id
        broken = create_trip(user, ana, TOO_SHORT, status="proposed").id
        log_in(client, user, browser)
    return {"draft": draft, "proposed": proposed, "broken": broken}


def _count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(model))


def _discreet_ticked(page: str) -> bool:
    return "checked" in DISCREET_BOX.search(page).group(0)


def test_making_a_link_redirects_and_shows_the_address_once(app, client, shared, caplog):
    caplog.set_level(logging.DEBUG)
    made = client.post(f"/trips/{shared['proposed']}/sharing", data={})
    assert made.status_code == 303
    assert made.location.endswith(f"/trips/{shared['proposed']}/sharing#new-link")
    page = client.get(made.location)
    token = SHARED_LINK.search(page.text).group(1)
    assert page.headers["Cache-Control"] == "no-store"
    # a reload is a GET: no second link, and the address is not shown again
    again = client.get(made.location)
    assert SHARED_LINK.search(again.text) is None and "Link 1" in again.text
    assert _count(app, ShareLink) == 1
    assert app.test_client().get(f"/shared/{token}").status_code == 200
    assert token not in caplog.text
    with app.app_context():
        assert db.session.scalar(db.select(ShareLink.token_hash)) != token


def test_the_kept_address_shows_on_its_own_trip_only(app, client, shared):
    client.post(f"/trips/{shared['proposed']}/sharing", data={})
    # another trip's page takes the slot out without showing it: it is never shown later either
    assert SHARED_LINK.search(client.get(f"/trips/{shared['draft']}/sharing").text) is None
    assert SHARED_LINK.search(client.get(f"/trips/{shared['proposed']}/sharing").text) is None


def test_making_a_feed_redirects_to_its_page_which_shows_the_address_once(app, client, shared):
    made = client.post(f"/trips/{shared['proposed']}/feeds", data={"discreet": "y"})
    assert made.status_code == 303
    with app.app_context():
        feed_id = db.session.scalar(db.select(FeedToken.id))
    assert made.location.endswith(f"/feeds/{feed_id}/new")
    token = FEED_LINK.search(client.get(made.location).text).group(1)
    reload = client.get(made.location)
    assert token not in reload.text and "was shown once" in reload.text
    assert _count(app, FeedToken) == 1
    assert app.test_client().get(f"/feeds/{token}.ics").status_code == 200


def test_an_all_clients_feed_too(app, client, shared):
    made = client.post("/feeds", data={"discreet": "y"})
    assert made.status_code == 303
    assert FEED_LINK.search(client.get(made.location).text)
    assert FEED_LINK.search(client.get(made.location).text) is None
    assert _count(app, FeedToken) == 1


def test_another_facilitators_feed_page_is_404(app, client, shared):
    client.post("/feeds", data={"discreet": "y"})
    intruder = app.test_client()
    with app.app_context():
        feed_id = db.session.scalar(db.select(FeedToken.id))
        other, browser = create_facilitator("second@example.com")
        log_in(intruder, other, browser)
    assert intruder.get(f"/feeds/{feed_id}/new").status_code == 404
    assert intruder.get(f"/feeds/{feed_id}/revoke").status_code == 404


def test_the_discreet_box_stays_as_chosen(app, client, shared):
    sharing = f"/trips/{shared['proposed']}/sharing"
    assert _discreet_ticked(client.get(sharing).text)  # discreet until unticked
    # a link made, or refused next to its field, leaves the feed form ticked (it came back unticked)
    client.post(sharing, data={})
    assert _discreet_ticked(client.get(sharing).text)
    refused = client.post(sharing, data={"expires_on": "2000-01-01"})
    assert refused.status_code == 422 and _discreet_ticked(refused.text)
    # unticked once: the next forms stay unticked, on this trip, another and the all-clients page
    client.get(client.post(f"/trips/{shared['proposed']}/feeds", data=UNTICKED).location)
    assert not _discreet_ticked(client.get(sharing).text)
    assert not _discreet_ticked(client.get(f"/trips/{shared['draft']}/sharing").text)
    assert not _discreet_ticked(client.get("/feeds").text)
    client.post("/feeds", data={"discreet": "y"})
    assert _discreet_ticked(client.get(sharing).text)
    with app.app_context():
        assert db.session.scalars(db.select(FeedToken.discreet).order_by(FeedToken.id)).all() == [False, True]


@pytest.mark.parametrize(
    ("which", "caution"),
    [("draft", "still a draft"), ("broken", "does not work yet")],
)
def test_a_draft_or_a_plan_that_does_not_work_is_shared_only_when_ticked(app, client, shared, which, caution):
    sharing = f"/trips/{shared[which]}/sharing"
    page = client.get(sharing).text
    assert caution in page and 'name="share_anyway"' in page
    refused = client.post(sharing, data={})
    assert refused.status_code == 422
    assert "Tick “Share it anyway”" in refused.text and 'id="anyway-error"' in refused.text
    assert _count(app, ShareLink) == 0
    assert client.post(sharing, data={"share_anyway": "y"}).status_code == 303
    assert _count(app, ShareLink) == 1


def test_a_proposed_plan_that_works_needs_no_second_thought(client, shared):
    page = client.get(f"/trips/{shared['proposed']}/sharing").text
    assert 'name="share_anyway"' not in page
    assert client.post(f"/trips/{shared['proposed']}/sharing", data={}).status_code == 303


@pytest.mark.parametrize(
    ("status", "words"),
    [
        ("draft", "Draft: your coordinator is still planning it"),
        ("proposed", "Proposed: waiting for the clinic to confirm the times"),
        ("confirmed", "Confirmed by the clinic"),
    ],
)
def test_the_client_page_shows_the_status_and_the_coordinator(app, client, shared, status, words):
    with app.app_context():
        trip = db.session.get(Trip, shared["proposed"])
        trip.status = status
        db.session.commit()
    made = client.post(f"/trips/{shared['proposed']}/sharing", data={"share_anyway": "y"})
    token = SHARED_LINK.search(client.get(made.location).text).group(1)
    page = app.test_client().get(f"/shared/{token}").text
    assert words in page
    assert "Your coordinator" in page and 'href="mailto:first@example.com"' in page
