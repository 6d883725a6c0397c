"""Agencies and roles, the issue's path end to end: an owner invites a coordinator and a finance member by
one-time links; the coordinator asks the clinic, records its confirmation and sends the quote; the client
accepts it on the shared page; finance records the deposit without ever seeing a health note; a member of
another agency gets 404 on all of it; removing a member ends their sessions and API tokens at once."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from planner.extensions import db
from planner.models import ClinicConfirmation, Quote, TripChange, User
from tests.web.test_quotes import versions
from tests.web.workspace_factories import (
    FEED_LINK as FEED,
)
from tests.web.workspace_factories import (
    PASSWORD,
    create_client,
    create_facilitator,
    create_trip,
    log_in,
    make_link,
)

JOIN = re.compile(r"/join/([A-Za-z0-9_-]{43})")
NOTE = "Allergic to penicillin"
CONSULTATION = "/confirmations/stem-cell-knee-svf/consultation/1"


@pytest.fixture
def agency(app):
    """An owner with a client (with a health note) and a trip, logged in."""
    http = app.test_client()
    with app.app_context():
        owner, browser = create_facilitator("owner@example.com")
        client = create_client(owner, "Ana Silva", notes=NOTE)
        trip = create_trip(owner, client)
        log_in(http, owner, browser)
        return {"http": http, "owner": owner.id, "client": client.id, "trip": trip.id}


def invite(http, email: str, role: str) -> str:
    """Invite through the agency page (no mail server: the link is shown once); the link's token."""
    answer = http.post("/agency/invitations", data={"email": email, "role": role})
    assert answer.status_code == 302, answer.text
    page = http.get(answer.location).text
    assert http.get("/agency").text.count("/join/") == 0  # shown once only
    return JOIN.search(page).group(1)


def join(app, token: str, name: str):
    """Join from the link as a new browser; the logged-in test client."""
    http = app.test_client()
    assert http.get(f"/join/{token}").status_code == 200
    answer = http.post(f"/join/{token}", data={"display_name": name, "password": PASSWORD, "confirm": PASSWORD})
    assert answer.status_code == 302 and answer.location.endswith("/dashboard"), answer.text
    return http


def make_quote(http, trip: int) -> None:
    assert http.post(f"/trips/{trip}/quote/new").status_code == 303


def edit(http, trip: int, **changes):
    form = {
        "lines-0-label": "Knee treatment (clinic's price)",
        "lines-0-amount": "4000",
        "currency": "USD",
        "fee": "300",
        "deposit": "1000",
        "valid_until": "2027-12-31",
        "balance_due_on": "2027-02-20",
    }
    return http.post(f"/trips/{trip}/quote", data={**form, **changes})


def move(http, trip: int, target: str):
    return http.post(f"/trips/{trip}/quote/status", data={"target": target})


def pay(http, trip: int, amount: str):
    form = {"amount": amount, "currency": "USD", "paid_on": "2027-01-05", "method": "transfer", "reference": "B-1"}
    return http.post(f"/trips/{trip}/quote/payments", data=form)


def member_id(app, email: str) -> int:
    with app.app_context():
        return db.session.scalar(select(User.id).where(User.email == email))


def test_the_issue_path_from_invitations_to_the_deposit(app, agency):
    owner, trip, client = agency["http"], agency["trip"], agency["client"]
    coordinator = join(app, invite(owner, "jun@example.com", "coordinator"), "Jun Lee")
    finance = join(app, invite(owner, "sora@example.com", "finance"), "Sora Choi")
    page = owner.get("/agency").text
    assert "Jun Lee" in page and "Sora Choi" in page

    # a coordinator sees only the clients assigned to them, until the owner assigns this one
    assert coordinator.get(f"/trips/{trip}").status_code == 404
    assert "Ana Silva" not in coordinator.get("/clients/").text
    assigned = owner.post(f"/clients/{client}/coordinator", data={"coordinator_id": member_id(app, "jun@example.com")})
    assert assigned.status_code == 302
    assert coordinator.get(f"/trips/{trip}").status_code == 200
    assert "Ana Silva" in coordinator.get("/clients/").text

    # the coordinator asks the clinic, records its confirmation, makes and sends the quote
    base = f"/trips/{trip}{CONSULTATION}"
    assert coordinator.post(f"{base}/asked", data={"asked_to": "Dr Kim"}).status_code == 303
    confirmed = coordinator.post(f"{base}/confirmed", data={"date": "2027-03-02", "time": "14:30", "reference": "R-7"})
    assert confirmed.status_code == 303
    jun = member_id(app, "jun@example.com")
    with app.app_context():
        row = db.session.scalar(select(ClinicConfirmation).where(ClinicConfirmation.trip_id == trip))
        assert row.state == "confirmed" and row.changed_by == jun
        moved = db.session.scalars(select(TripChange).where(TripChange.trip_id == trip)).all()
        assert moved and {change.by_user_id for change in moved} == {jun}  # the history names who pinned it
    page = owner.get(f"/trips/{trip}").text
    assert "by Jun Lee" in page and "by you" in coordinator.get(f"/trips/{trip}").text
    make_quote(coordinator, trip)
    assert edit(coordinator, trip, valid_until="2027-12-31").status_code == 303
    assert move(coordinator, trip, "quoted").status_code == 303

    # the client accepts it on the shared page
    token = make_link(coordinator, trip)
    reader = app.test_client()
    assert reader.post(f"/shared/{token}/quote/accept", data={"version": 2}).status_code == 303
    assert versions(app, trip)[-1].status == "accepted"

    # finance records the deposit and never sees a health note
    assert "v2" in finance.get("/dashboard").text  # the quotes list: each trip's current version
    dashboard = finance.get("/dashboard")
    assert dashboard.status_code == 200 and f"/trips/{trip}/quote" in dashboard.text and NOTE not in dashboard.text
    quote_page = finance.get(f"/trips/{trip}/quote")
    assert quote_page.status_code == 200 and NOTE not in quote_page.text
    assert "plans and health notes stay closed to your role" in quote_page.text
    assert f'href="/trips/{trip}"' not in quote_page.text  # no way into the plan from there
    assert pay(finance, trip, "1000").status_code == 303
    assert versions(app, trip)[-1].status == "deposit_paid"
    for path in (f"/trips/{trip}", f"/clients/{client}", f"/clients/{client}/edit", "/clients/", "/feeds", "/own/"):
        refused = finance.get(path)
        assert refused.status_code == 403, path
        assert NOTE not in refused.text
    assert finance.get(f"/clients/{client}/export.json").status_code == 403

    # a member of another agency gets 404 on all of it
    other = app.test_client()
    with app.app_context():
        stranger, browser = create_facilitator("stranger@example.com")
        log_in(other, stranger, browser)
    for path in (
        f"/trips/{trip}",
        f"/trips/{trip}/quote",
        f"/trips/{trip}/quote/v1",
        f"/trips/{trip}/quote/payments/1/receipt.pdf",
        f"/trips/{trip}/sharing",
        f"/clients/{client}",
        f"/clients/{client}/export.json",
    ):
        assert other.get(path).status_code == 404, path
    assert other.post(f"{base}/asked", data={"asked_to": "x"}).status_code == 404
    assert pay(other, trip, "10").status_code == 404
    assert other.post(f"/clients/{client}/coordinator", data={"coordinator_id": ""}).status_code == 404


def test_removing_a_member_ends_their_sessions_and_tokens_at_once(app, agency):
    owner = agency["http"]
    coordinator = join(app, invite(owner, "jun@example.com", "coordinator"), "Jun Lee")
    jun = member_id(app, "jun@example.com")
    made = coordinator.post("/account/tokens", data={"name": "CRM"})
    assert made.status_code == 302
    token = re.search(r'id="new-token"[^>]*value="([^"]+)"', coordinator.get("/account").text).group(1)
    bearer = {"Authorization": f"Bearer {token}"}
    assert app.test_client().get("/api/v1/trips", headers=bearer).status_code == 200
    assert owner.post(f"/agency/members/{jun}/remove").status_code == 302
    assert coordinator.get("/dashboard").status_code == 302  # logged out: to the login page
    assert app.test_client().get("/api/v1/trips", headers=bearer).status_code == 401
    again = app.test_client().post("/login", data={"email": "jun@example.com", "password": PASSWORD})
    assert again.status_code == 200 and "do not match" in again.text
    assert "jun@example.com" not in owner.get("/agency").text
    activity = owner.get("/account").text  # who changed the members, and when, in the owner's log
    assert "Invited a member to the agency" in activity and "Removed a member from the agency" in activity


def test_an_invitation_works_once_and_only_owners_invite(app, agency):
    owner = agency["http"]
    token = invite(owner, "viv@example.com", "viewer")
    viewer = join(app, token, "Viv")
    assert app.test_client().get(f"/join/{token}").status_code == 404  # used up
    assert viewer.post("/agency/invitations", data={"email": "x@example.com", "role": "owner"}).status_code == 403
    refused = owner.post("/agency/invitations", data={"email": "viv@example.com", "role": "viewer"})
    assert refused.status_code == 422 and "already has an account" in refused.text
    bad = owner.post("/agency/invitations", data={"email": "not-an-address", "role": "viewer"})
    assert bad.status_code == 422 and "not-an-address" in bad.text  # the input is kept, the field named
    short = app.test_client().post(
        f"/join/{invite(owner, 'w@example.com', 'viewer')}", data={"password": "x", "confirm": "x"}
    )
    assert short.status_code == 422


def test_the_last_owner_stays_an_owner_and_cannot_remove_themself(app, agency):
    owner = agency["http"]
    me = agency["owner"]
    answer = owner.post(f"/agency/members/{me}/role", data={"role": "viewer"})
    assert answer.status_code == 302
    assert "needs an owner" in owner.get(answer.location).text
    assert owner.post(f"/agency/members/{me}/remove").status_code == 302
    with app.app_context():
        assert db.session.get(User, me).role == "owner" and db.session.get(User, me).removed_at is None
    assert owner.post("/agency/members/99999/remove").status_code == 404


def test_quotes_made_by_a_viewer_are_refused_and_nothing_is_written(app, agency):
    owner, trip = agency["http"], agency["trip"]
    viewer = join(app, invite(owner, "viv@example.com", "viewer"), "Viv")
    assert viewer.get(f"/trips/{trip}").status_code == 200  # a viewer reads everything
    assert viewer.post(f"/trips/{trip}/quote/new").status_code == 403
    assert viewer.post(f"/trips/{trip}/title", data={"title": "x"}).status_code == 403
    with app.app_context():
        assert db.session.scalar(select(Quote.id)) is None


def test_a_coordinators_calendar_holds_only_their_clients_and_stops_when_they_are_removed(app, agency):
    owner, trip = agency["http"], agency["trip"]
    coordinator = join(app, invite(owner, "jun@example.com", "coordinator"), "Jun Lee")
    jun = member_id(app, "jun@example.com")
    theirs = add_trip_for(app, agency["owner"], "Wang Fang", coordinator_id=jun)
    made = coordinator.post("/feeds", data={"discreet": ""})
    assert made.status_code == 303
    token = FEED.search(coordinator.get(made.location).text).group(1)
    calendar = app.test_client().get(f"/feeds/{token}.ics").text.replace("\r\n ", "")
    assert "Wang F.: " in calendar and "Ana S.: " not in calendar  # the feed's titles shorten last names
    assert coordinator.get(f"/trips/{theirs['trip']}").status_code == 200
    owner_feed = owner.post("/feeds", data={"discreet": ""})
    owner_feed_id = int(owner_feed.location.split("/feeds/")[1].split("/")[0])
    assert coordinator.get(f"/feeds/{owner_feed_id}/new").status_code == 404  # the owner's own calendar
    owner_token = FEED.search(owner.get(owner_feed.location).text).group(1)
    assert "Ana S.: " in app.test_client().get(f"/feeds/{owner_token}.ics").text.replace("\r\n ", "")
    assert owner.post(f"/agency/members/{jun}/role", data={"role": "finance"}).status_code == 302
    assert "BEGIN:VEVENT" not in app.test_client().get(f"/feeds/{token}.ics").text  # finance sees no appointment
    assert owner.post(f"/agency/members/{jun}/role", data={"role": "coordinator"}).status_code == 302
    assert owner.post(f"/agency/members/{jun}/remove").status_code == 302
    assert app.test_client().get(f"/feeds/{token}.ics").status_code == 404
    assert app.test_client().get(f"/feeds/{owner_token}.ics").status_code == 200  # the owner's stays
    assert coordinator.get(f"/trips/{trip}").status_code == 302  # logged out


def add_trip_for(app, owner_id: int, name: str, coordinator_id: int) -> dict:
    """A client of the owner's agency assigned to ``coordinator_id``, with a trip."""
    with app.app_context():
        owner = db.session.get(User, owner_id)
        client = create_client(owner, name, coordinator_id=coordinator_id)
        trip = create_trip(owner, client, title="Checkup")
        return {"client": client.id, "trip": trip.id, "feed": 0}


def test_a_removed_owners_invitations_stop_working(app, agency):
    owner = agency["http"]
    second = join(app, invite(owner, "kim@example.com", "owner"), "Kim")
    pending = invite(second, "friend@example.com", "owner")
    assert owner.post(f"/agency/members/{member_id(app, 'kim@example.com')}/remove").status_code == 302
    assert app.test_client().get(f"/join/{pending}").status_code == 404
