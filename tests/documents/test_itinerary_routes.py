"""The itinerary's two addresses: the client's link (its checks, its hidden costs) and the facilitator's own trip."""

from __future__ import annotations

import pytest

from planner.clock import utcnow
from planner.extensions import db
from planner.models import ShareLink, Trip
from planner.services.workspace import quotes
from tests.documents.pdf_reading import pdf_text, shows
from tests.documents.test_itinerary_quote import EDIT
from tests.web.workspace_factories import create_client, create_facilitator, create_trip, log_in, make_link


@pytest.fixture
def owner(app, client):
    """A logged-in facilitator (the test client is their browser) with one knee trip: (trip id, http)."""
    with app.app_context():
        user, browser = create_facilitator()
        user.display_name = "Mina Park"
        trip = create_trip(user, create_client(user, "Ana Silva"), status="proposed")
        log_in(client, user, browser)
        return trip.id, client


def test_the_client_link_gives_the_pdf_as_an_attachment_without_the_hidden_costs(app, owner):
    trip_id, http = owner
    token = make_link(http, trip_id, hide_costs="y")
    response = app.test_client().get(f"/shared/{token}/itinerary.pdf")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"] == 'attachment; filename="trip-itinerary.pdf"'
    assert response.headers["Content-Language"] == "en"
    assert "no-store" in response.headers["Cache-Control"]
    text = pdf_text(response.data)
    assert "Ana Silva" in text and "Mina Park" in text
    assert "Day by day" in text
    assert "Budget" not in text and "Total" not in text


def test_the_facilitators_copy_has_the_budget(owner):
    trip_id, http = owner
    response = http.get(f"/trips/{trip_id}/itinerary.pdf")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="trip-itinerary.pdf"'
    text = pdf_text(response.data)
    assert "Budget" in text and "Total" in text


def test_the_trip_and_shared_pages_link_to_the_pdf(app, owner):
    trip_id, http = owner
    assert f'href="/trips/{trip_id}/itinerary.pdf"' in http.get(f"/trips/{trip_id}").text
    token = make_link(http, trip_id)
    assert f'href="/shared/{token}/itinerary.pdf"' in app.test_client().get(f"/shared/{token}").text


def test_a_bad_or_revoked_or_expired_token_is_404(app, owner):
    trip_id, http = owner
    visitor = app.test_client()
    assert visitor.get("/shared/" + "x" * 43 + "/itinerary.pdf").status_code == 404
    assert visitor.get("/shared/short/itinerary.pdf").status_code == 404
    revoked, expired = make_link(http, trip_id), make_link(http, trip_id)
    with app.app_context():
        links = db.session.scalars(db.select(ShareLink).order_by(ShareLink.id)).all()
        links[-2].revoked_at = utcnow()
        links[-1].expires_at = utcnow()
        db.session.commit()
    assert visitor.get(f"/shared/{revoked}/itinerary.pdf").status_code == 404
    assert visitor.get(f"/shared/{expired}/itinerary.pdf").status_code == 404


def test_another_facilitators_trip_is_404_and_a_visitor_logs_in_first(app, owner):
    trip_id, _ = owner
    other = app.test_client()
    with app.app_context():
        user, browser = create_facilitator("second@example.com")
        log_in(other, user, browser)
        assert db.session.get(Trip, trip_id) is not None
    assert other.get(f"/trips/{trip_id}/itinerary.pdf").status_code == 404
    assert other.get("/trips/999999/itinerary.pdf").status_code == 404
    anonymous = app.test_client().get(f"/trips/{trip_id}/itinerary.pdf")
    assert anonymous.status_code == 302 and "/login" in anonymous.location


def test_a_trip_that_no_longer_plans_still_gives_its_cover(app, owner):
    trip_id, http = owner
    with app.app_context():
        trip = db.session.get(Trip, trip_id)
        trip.scenario = {**trip.scenario, "treatments": [{"protocol": "no-such-protocol"}]}
        db.session.commit()
    response = http.get(f"/trips/{trip_id}/itinerary.pdf")
    assert response.status_code == 200
    text = pdf_text(response.data)
    assert "Ana Silva" in text and "119" in text
    assert "This plan cannot be shown right now" in text


def test_the_client_link_gives_the_sent_quote_unless_it_hides_costs(app, owner):
    trip_id, http = owner
    with app.app_context():
        quote = quotes.save_version(db.session.get(Trip, trip_id), EDIT, utcnow(), user_id=None)
        quotes.move(quote, "quoted", user_id=None, now=utcnow())
    shown, hidden = make_link(http, trip_id), make_link(http, trip_id, hide_costs="y")
    text = pdf_text(app.test_client().get(f"/shared/{shown}/itinerary.pdf").data)
    assert shows(text, "Your quote v1") and shows(text, "Total $6,600.00")
    text = pdf_text(app.test_client().get(f"/shared/{hidden}/itinerary.pdf").data)
    assert "Ana Silva" in text and "Your quote" not in text and "6,600" not in text
