"""Who sees what: every route, tried by a second facilitator, by an anonymous visitor and with share/feed tokens.

The routes come from ``app.url_map``, so a new route is covered (or fails here) without editing this file.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from planner.extensions import db
from planner.models import (
    ApiToken,
    Client,
    ClinicConfirmation,
    CustomClinic,
    CustomProtocol,
    FeedToken,
    Invitation,
    MailRecord,
    Payment,
    Pin,
    Quote,
    QuoteChange,
    QuoteLine,
    ShareLink,
    Trip,
    User,
)
from planner.services.accounts.api_tokens import create_api_token
from planner.services.workspace.feeds import create_owner_feed, create_trip_feed
from planner.services.workspace.sharing import create_client_link
from tests.conftest import TEST_NOW
from tests.web.workspace_factories import create_client, create_facilitator, create_trip, log_in

#: endpoints anyone may open: the catalog, the patient's planner, accounts, and token-opened pages
PUBLIC = {
    "static",
    "catalog.index",
    "catalog.treatment",
    "health.healthz",
    "health.readyz",
    "planner.new",
    "planner.create",
    "planner.fix",
    "planner.save",
    "planner.unsaved_calendar",
    "planner.unsaved",
    "planner.answers",
    "planner.closed",
    "plan_api.plan",
    "accounts.login",
    "accounts.register",
    "accounts.reset_password",
    "accounts.logout",
    # the API's anonymous part: plans, the catalog, the spec and its docs
    "api_v1_public.plan",
    "api_v1_public.protocols",
    "api_v1_public.protocol",
    "api_v1_public.clinics",
    "api_v1_docs.docs",
    "api_v1_docs.openapi",
}
#: the API answers for bearer tokens only: a browser's session is not a way in (tests/api has the rest)
API = "/api/v1/"
#: what a token-opened route may be read with: a client link opens its page, .ics and PDF, a feed token its feed
READABLE = {
    "share.client_plan": "link",
    "share.client_calendar": "link",
    "share.client_itinerary": "link",
    "feeds.feed": "feed",
}
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
#: routes that check the form before the token: an empty form gets 400 there, which changes nothing either
#: (the snapshot proves it)
FORM_FIRST: set[str] = {"share.client_saw", "quotes.accept"}  # accept: an empty form names no version
#: what a client link may POST to, and what an empty form gets: asking for reminders with no address is
#: refused on the page (422), stopping none goes back to it (303); the snapshot proves nothing changed
LINK_WRITES = {"reminders.subscribe": 422, "reminders.stop": 303}
#: query strings some pages need to show anything
QUERIES = {"custom.new_protocol": "?from=stem-cell-knee-svf"}


def routes(app):
    """(rule, method) for every route and method it answers, static files left out."""
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint)):
        if rule.endpoint == "static":
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule, method


@pytest.fixture
def first(app):
    """The first facilitator's objects: every id a route can take, and the tokens of its trip."""
    with app.app_context():
        user, _ = create_facilitator("first@example.com")
        client = create_client(user, "Ana Silva")
        trip = create_trip(user, client)
        trip.pins.append(
            Pin(
                protocol="stem-cell-knee-svf",
                step="consultation",
                occurrence=1,
                start=datetime(2027, 3, 2, 0, 0, tzinfo=UTC),
            )
        )
        trip.confirmations.append(
            ClinicConfirmation(protocol="stem-cell-knee-svf", step="consultation", occurrence=1, state="asked")
        )
        protocol = CustomProtocol(owner_id=user.agency_id, protocol_id="own-knee", document={})
        clinic = CustomClinic(owner_id=user.agency_id, clinic_id="own-clinic", document={})
        message = MailRecord(
            owner_id=user.agency_id, client_id=client.id, trip_id=trip.id, recipient="ana@example.com",
            subject="Your travel plan", kind="plan", message_id="<m@planner.local>", created_at=TEST_NOW,
        )  # fmt: skip
        quote = Quote(trip_id=trip.id, version=1, status="accepted", currency="USD")
        quote.lines = [QuoteLine(position=0, label="Knee", amount=Decimal(4000))]
        quote.payments = [Payment(amount=Decimal(10), currency="USD", paid_on=TEST_NOW.date(), method="cash")]
        db.session.add_all([protocol, clinic, message, quote])
        db.session.commit()
        link, link_token = create_client_link(user.agency_id, trip.id, hide_costs=False, expires_at=None)
        feed, feed_token = create_trip_feed(user.agency_id, trip.id, discreet=False)
        create_owner_feed(user.agency_id, created_by=user.id)
        api_token, _ = create_api_token(user.id, "CRM", read_only=False, now=TEST_NOW)
        colleague = User(
            email="colleague@example.com", password_hash="x", session_token="s", agency_id=user.agency_id, role="viewer"
        )
        invitation = Invitation(
            agency_id=user.agency_id, email="new@example.com", role="finance", token_hash="0" * 64,
            invited_by=user.id, created_at=TEST_NOW, expires_at=TEST_NOW + timedelta(days=7),
        )  # fmt: skip
        db.session.add_all([colleague, invitation])
        db.session.commit()
        return {
            "ids": {
                "client_id": client.id,
                "trip_id": trip.id,
                "pin_id": trip.pins[0].id,
                "link_id": link.id,
                "feed_id": feed.id,
                "token_id": api_token.id,
                "message_id": message.id,
                "kind": "plan",
                "version": 1,
                "payment_id": 1,
                "member_id": colleague.id,
                "invitation_id": invitation.id,
                # a clinic confirmation: (protocol, step, occurrence) and the answer recorded
                "protocol": "stem-cell-knee-svf",
                "step": "consultation",
                "occurrence": 1,
                "state": "asked",
                "/own/protocols/": protocol.id,
                "/own/clinics/": clinic.id,
            },
            "tokens": {"link": link_token, "feed": feed_token},
        }


def snapshot(app) -> tuple:
    """What the first facilitator owns, to check that nothing changed."""
    with app.app_context():
        count = lambda model: db.session.scalar(select(func.count()).select_from(model))  # noqa: E731
        revoked = db.session.scalar(select(func.count(ShareLink.id)).where(ShareLink.revoked_at.is_not(None)))
        revoked += db.session.scalar(select(func.count(FeedToken.id)).where(FeedToken.revoked_at.is_not(None)))
        revoked += db.session.scalar(select(func.count(ApiToken.id)).where(ApiToken.revoked_at.is_not(None)))
        trip = db.session.scalar(select(Trip))
        members = tuple(db.session.execute(select(User.email, User.role, User.removed_at).order_by(User.id)))
        invited = tuple(db.session.execute(select(Invitation.id, Invitation.revoked_at).order_by(Invitation.id)))
        state = (
            members,
            invited,
            trip.status,
            trip.title,
            trip.scenario,
            trip.client_seen,
            db.session.scalar(select(Quote.status)),
        )
        models = (
            Client,
            Trip,
            Pin,
            ShareLink,
            FeedToken,
            CustomProtocol,
            CustomClinic,
            MailRecord,
            Quote,
            Payment,
            QuoteChange,
            ClinicConfirmation,
        )
        return tuple(count(m) for m in models) + (
            revoked,
            state,
        )


def fill(rule, ids: dict, token: str = "x" * 43) -> str:
    values = {}
    for name in rule.arguments:
        if name == "row_id":
            values[name] = next(v for k, v in ids.items() if k.startswith("/") and rule.rule.startswith(k))
        elif name in ("token", "protocol_id"):
            values[name] = token if name == "token" else "stem-cell-knee-svf"
        else:
            assert name in ids, f"{rule.rule}: no test object for <{name}>; add one to the fixture"
            values[name] = ids[name]
    return rule.build(values, append_unknown=False)[1]


def test_a_second_facilitator_gets_404_on_every_route_with_the_first_ones_ids(app, first):
    http = app.test_client()
    with app.app_context():
        other, browser = create_facilitator("second@example.com")
        log_in(http, other, browser)
    before = snapshot(app)
    tried = 0
    for rule, method in routes(app):
        skip = "token" in rule.arguments or rule.endpoint in PUBLIC or rule.rule.startswith(API)
        if skip or not (set(rule.arguments) - {"protocol_id"}):
            continue
        url = fill(rule, first["ids"])
        response = http.open(url, method=method, data={"confirm_name": "Ana Silva", "status": "confirmed"})
        assert response.status_code == 404, f"{method} {url} answered {response.status_code}"
        tried += 1
    assert tried >= 20
    assert snapshot(app) == before


def test_a_second_facilitators_api_token_gets_404_on_every_object_of_the_first(app, first):
    """Every API route that takes an id, with the first facilitator's ids and the second one's token."""
    http = app.test_client()
    with app.app_context():
        other, _ = create_facilitator("second@example.com")
        _, bearer = create_api_token(other.id, "CRM", read_only=False, now=TEST_NOW)
    before = snapshot(app)
    tried = 0
    for rule, method in routes(app):
        if not rule.rule.startswith(API) or rule.endpoint in PUBLIC or not rule.arguments:
            continue
        url = fill(rule, first["ids"])
        answer = http.open(url, method=method, json={}, headers={"Authorization": f"Bearer {bearer}"})
        # a write whose empty body is refused (422) before its object is looked up reveals nothing either
        allowed = (404,) if method in ("GET", "DELETE") else (404, 422)
        assert answer.status_code in allowed, f"{method} {url} answered {answer.status_code}"
        assert "Ana Silva" not in answer.text
        tried += 1
    assert tried >= 15
    assert snapshot(app) == before


def test_lists_of_a_second_facilitator_show_nothing_of_the_first(app, first):
    http = app.test_client()
    with app.app_context():
        other, browser = create_facilitator("second@example.com")
        log_in(http, other, browser)
        _, bearer = create_api_token(other.id, "CRM", read_only=True, now=TEST_NOW)
    for rule, method in routes(app):
        if method != "GET" or rule.arguments or rule.endpoint in PUBLIC:
            continue
        headers = {"Authorization": f"Bearer {bearer}"} if rule.rule.startswith(API) else {}
        response = http.get(rule.rule + QUERIES.get(rule.endpoint, ""), headers=headers)
        assert response.status_code == 200, rule.rule
        assert "Ana Silva" not in response.text and "Knee, spring 2027" not in response.text, rule.rule


def test_anonymous_visitors_are_sent_to_login(app, first):
    http = app.test_client()
    tried = 0
    for rule, method in routes(app):
        if rule.endpoint in PUBLIC or "token" in rule.arguments:
            continue
        response = http.open(fill(rule, first["ids"]), method=method)
        if rule.rule.startswith(API):
            # a program gets a problem and a challenge, not a login page
            assert response.status_code == 401, f"{method} {rule.rule} answered {response.status_code}"
            assert response.mimetype == "application/problem+json" and "Bearer" in response.headers["WWW-Authenticate"]
        else:
            assert response.status_code == 302, f"{method} {rule.rule} answered {response.status_code}"
            assert response.location.split("?")[0].endswith("/login"), f"{method} {rule.rule} → {response.location}"
        tried += 1
    assert tried >= 25


@pytest.mark.parametrize("kind", ["link", "feed"])
def test_a_share_or_feed_token_reads_one_trip_and_changes_nothing(app, first, kind):
    http = app.test_client()
    before = snapshot(app)
    token = first["tokens"][kind]
    for rule in app.url_map.iter_rules():
        if "token" not in rule.arguments:
            continue
        url = fill(rule, first["ids"], token)
        for tried in METHODS:
            response = http.open(url, method=tried)
            if tried == "GET" and READABLE.get(rule.endpoint) == kind:
                assert response.status_code == 200, url
            elif tried == "POST" and kind == "link" and rule.endpoint in LINK_WRITES:
                assert response.status_code == LINK_WRITES[rule.endpoint], url
            else:
                allowed = (400, 403, 404, 405) if rule.endpoint in FORM_FIRST else (403, 404, 405)
                assert response.status_code in allowed, f"{tried} {rule.rule} answered {response.status_code}"
    after = snapshot(app)
    # not even "client saw": only the page's beacon, with the version it showed, records that
    assert after == before
