"""A facilitator sends a client "your plan" and "your plan changed" from the trip page, over loopback SMTP."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from sqlalchemy import select

from planner.extensions import db
from planner.models import MailRecord, ShareLink, Trip
from planner.services.planning.revisions import planned_trip
from planner.services.workspace import facilitator_trips, sharing
from tests.documents.pdf_reading import long_day, pdf_text, shows
from tests.mail.conftest import PASSWORD, USER
from tests.mail.trip_message_helpers import ADDRESS, chinese_client_trip
from tests.web import workspace_factories as factories


@pytest.fixture
def app_config(mail_config, smtp_server) -> dict:
    """Mail through the loopback server."""
    port, _ = smtp_server
    return {**mail_config, "PLANNER_SMTP_URL": f"smtp://{USER}:{PASSWORD}@127.0.0.1:{port}?timeout=5"}


def _records(app) -> list[MailRecord]:
    with app.app_context():
        rows = db.session.scalars(select(MailRecord).order_by(MailRecord.id)).all()
        db.session.expunge_all()
        return rows


def test_a_chinese_client_gets_your_plan_in_chinese_with_its_calendar(app, client, clock, smtp_server, caplog):
    _, inbox = smtp_server
    caplog.set_level(logging.DEBUG, logger="planner")
    people = chinese_client_trip(app, client, clock)
    response = client.post(f"/trips/{people.trip_id}/messages/plan")
    assert response.status_code == 302
    assert response.location.endswith(f"/trips/{people.trip_id}#messages-heading")
    [(_, rcpt_tos, message)] = inbox.messages
    assert rcpt_tos == [ADDRESS]
    subject = message["Subject"]
    assert "knee" not in subject.lower() and "Knee" not in subject and "SVF" not in subject
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    # worded in Chinese: Babel's dates and weekdays, the translated words of the catalog
    assert "2027年3月" in text and "周" in text
    assert "首尔时间" in text  # "%(city)s time", translated, with Seoul named in Chinese
    assert "上海时间" in text  # and her home zone
    assert "Li Na" in text
    assert "这是您的出行计划" in text and "这是您的出行计划" in html  # "Here is your travel plan", translated
    assert subject == "您的出行计划"  # "Your travel plan": discreet, and in her language
    assert '<html lang="zh-Hans"' in html
    # the link opens her plan: made at send time, stored hashed only
    [token] = re.findall(r"/shared/([A-Za-z0-9_-]{43})", text)
    assert client.get(f"/shared/{token}").status_code == 200
    [calendar] = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert calendar.get_filename() == "travel-plan.ics"
    events = [e for e in icalendar.Calendar.from_ical(calendar.get_content()).walk("VEVENT")]
    with app.app_context():
        trip = db.session.get(Trip, people.trip_id)
        appointments = planned_trip(trip).plan.appointments
        links = db.session.scalars(select(ShareLink)).all()
        assert [link.token_hash for link in links] != [] and all(token not in link.token_hash for link in links)
    starts = {e.decoded("DTSTART") for e in events}
    starts = {start.astimezone(UTC) for start in starts if isinstance(start, datetime)}
    assert {a.start.astimezone(UTC) for a in appointments if a.in_person} <= starts
    assert len(events) >= len(appointments)
    # the PDF itinerary: her name and every appointment's day, as Chinese writes it
    [pdf] = [p for p in message.iter_attachments() if p.get_content_type() == "application/pdf"]
    assert pdf.get_filename() == "trip-itinerary.pdf"
    itinerary = pdf_text(pdf.get_content())
    assert "Li Na" in itinerary
    days = {a.start.astimezone(ZoneInfo(a.timezone)).date() for a in appointments}
    assert days and all(shows(itinerary, long_day(day, "zh_Hans")) for day in days)
    [record] = _records(app)
    assert (record.kind, record.status, record.recipient, record.trip_id) == ("plan", "sent", ADDRESS, people.trip_id)
    assert record.subject == subject
    assert token not in caplog.text
    with app.app_context():
        row = db.session.execute(select(MailRecord.__table__)).one()
    assert not any(token in str(value) or "Knee" in str(value) for value in row)
    page = client.get(f"/trips/{people.trip_id}").text
    assert ADDRESS in page and subject in page


def test_a_retry_of_your_plan_makes_no_second_link(app, client, clock, smtp_server, monkeypatch):
    from planner.services.mail import transport

    _, inbox = smtp_server
    real, tries = transport.Smtp.deliver, []

    def first_fails(self, message):
        tries.append(1)
        if len(tries) == 1:
            raise ConnectionResetError("gone")
        return real(self, message)

    monkeypatch.setattr(transport.Smtp, "deliver", first_fails)
    people = chinese_client_trip(app, client, clock)
    client.post(f"/trips/{people.trip_id}/messages/plan")
    assert len(inbox.messages) == 1 and len(tries) == 2
    with app.app_context():
        assert len(db.session.scalars(select(ShareLink)).all()) == 1


def test_the_preview_shows_the_message_and_sends_nothing(app, client, clock, smtp_server):
    _, inbox = smtp_server
    people = chinese_client_trip(app, client, clock)
    page = client.get(f"/trips/{people.trip_id}/messages/plan")
    assert page.status_code == 200
    assert ADDRESS in page.text and "travel-plan.ics" in page.text and "trip-itinerary.pdf" in page.text
    assert "2027年3月" in page.text and 'lang="zh-Hans"' in page.text
    assert f'action="/trips/{people.trip_id}/messages/plan"' in page.text
    assert inbox.messages == [] and _records(app) == []
    with app.app_context():
        assert db.session.scalars(select(ShareLink)).all() == []  # the link is made only when sent
    trip_page = client.get(f"/trips/{people.trip_id}").text
    assert f"/trips/{people.trip_id}/messages/plan" in trip_page
    assert f"/trips/{people.trip_id}/messages/changes" in trip_page


def test_a_client_without_an_email_address_is_refused_naming_the_contact(app, client, clock, smtp_server):
    _, inbox = smtp_server
    people = chinese_client_trip(app, client, clock, contact="+82 10 1234 5678")
    page = client.get(f"/trips/{people.trip_id}/messages/plan")
    assert page.status_code == 200
    assert "Contact" in page.text and "not an email address" in page.text
    assert f'action="/trips/{people.trip_id}/messages/plan"' not in page.text
    response = client.post(f"/trips/{people.trip_id}/messages/plan", follow_redirects=True)
    assert "not an email address" in response.text
    assert inbox.messages == [] and _records(app) == []


def test_your_plan_changed_lists_the_moved_appointment_in_both_zones(app, client, clock, smtp_server):
    _, inbox = smtp_server
    people = chinese_client_trip(app, client, clock)
    with app.app_context():
        sharing.create_client_link(people.owner_id, people.trip_id, hide_costs=False, expires_at=None)
        trip = db.session.get(Trip, people.trip_id)
        trip.client_seen_at = clock.now
        db.session.commit()
        first = planned_trip(trip).plan.appointments[0]
        moved_to = datetime(2027, 3, 3, 5, 0, tzinfo=UTC)  # 14:00 in Seoul, 13:00 in Shanghai
        facilitator_trips.pin_appointment(trip, first.key, moved_to, clock.now)
    preview = client.get(f"/trips/{people.trip_id}/messages/changes").text
    assert "14:00" in preview and "13:00" in preview
    client.post(f"/trips/{people.trip_id}/messages/changes")
    [(_, _, message)] = inbox.messages
    text = message.get_body(preferencelist=("plain",)).get_content()
    [line] = [line for line in text.splitlines() if "2027年3月3日周三 14:00（首尔时间）" in line]
    assert "13:00（上海时间）" in line and "14:00（首尔时间）" in line  # her home zone and Seoul time
    assert "09:00（首尔时间）" in line  # and where it was
    assert "2027年3月3日" in line and "从" in line and "改到" in line  # the trip pages' sentence, in Chinese
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "<strong>" in html and "改到" in html
    assert list(message.iter_attachments()) == []
    assert "Knee" not in message["Subject"]


def test_nothing_changed_means_nothing_to_send(app, client, clock, smtp_server):
    _, inbox = smtp_server
    people = chinese_client_trip(app, client, clock)
    with app.app_context():
        sharing.create_client_link(people.owner_id, people.trip_id, hide_costs=False, expires_at=None)
        trip = db.session.get(Trip, people.trip_id)
        trip.client_seen_at = clock.now
        db.session.commit()
    page = client.get(f"/trips/{people.trip_id}/messages/changes")
    assert "Nothing has moved since the client last looked" in page.text
    client.post(f"/trips/{people.trip_id}/messages/changes")
    assert inbox.messages == []


def test_another_facilitators_trip_is_not_found(app, client, clock, smtp_server):
    _, inbox = smtp_server
    people = chinese_client_trip(app, client, clock, log_in=False)
    with app.app_context():
        other, browser = factories.create_facilitator("other@example.com")
        factories.log_in(client, other, browser)
    assert client.get(f"/trips/{people.trip_id}/messages/plan").status_code == 404
    assert client.post(f"/trips/{people.trip_id}/messages/plan").status_code == 404
    assert client.get(f"/trips/{people.trip_id}/messages/poem").status_code == 404
    assert inbox.messages == []


def test_sending_without_the_csrf_token_is_refused(app, client, clock, smtp_server):
    _, inbox = smtp_server
    people = chinese_client_trip(app, client, clock)
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post(f"/trips/{people.trip_id}/messages/plan")
    assert response.status_code in (302, 400)
    assert inbox.messages == [] and _records(app) == []


def test_a_discreet_trip_names_no_treatment_in_the_mail(app, client, clock, smtp_server):
    _, inbox = smtp_server
    people = chinese_client_trip(app, client, clock)
    with app.app_context():
        trip = db.session.get(Trip, people.trip_id)
        trip.discreet = True
        db.session.commit()
    client.post(f"/trips/{people.trip_id}/messages/plan")
    [(_, _, message)] = inbox.messages
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "预约" in text  # "Appointment", translated
    assert "膝" not in text and "SVF" not in text and "Knee" not in text  # no knee, no treatment
    calendar, pdf = list(message.iter_attachments())
    assert "SVF" not in calendar.get_content() and "膝" not in calendar.get_content()
    # the PDF is the client's whole itinerary, as the shared page is: its preparation notes name the steps
    assert pdf.get_content_type() == "application/pdf" and "Li Na" in pdf_text(pdf.get_content())
