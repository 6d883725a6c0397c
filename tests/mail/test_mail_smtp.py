"""Mail through a real SMTP server on loopback: what arrives, the record, retries and the reset link."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from planner.extensions import db
from planner.jobs.mail import queue_message, send_message
from planner.models import MailRecord
from planner.services.mail import transport
from tests.mail import sample_letters
from tests.mail.conftest import PASSWORD, USER, free_port
from tests.web.facilitator_helpers import register


@pytest.fixture
def app_config(mail_config, smtp_server) -> dict:
    """Mail through the loopback server, logging in."""
    port, _ = smtp_server
    return {**mail_config, "PLANNER_SMTP_URL": f"smtp://{USER}:{PASSWORD}@127.0.0.1:{port}?timeout=5"}


def _queue(app, people, clock, **values):
    owner_id, client_id = people
    fields = {"to": "li.na@example.com", "subject": "您的行程", "kind": "sample"} | values
    with app.app_context():
        record = queue_message(owner_id=owner_id, client_id=client_id, now=clock.now, **fields)
        return record.id


def _record(app, record_id: int) -> MailRecord:
    with app.app_context():
        record = db.session.get(MailRecord, record_id)
        db.session.expunge(record)
        return record


def test_a_queued_message_arrives_with_both_parts_and_its_attachments(app, people, clock, smtp_server):
    _, inbox = smtp_server
    record_id = _queue(app, people, clock)
    [(mail_from, rcpt_tos, message)] = inbox.messages
    assert (mail_from, rcpt_tos) == ("planner@example.com", ["li.na@example.com"])
    assert inbox.logins == [USER]
    assert message["From"] == "Planner <planner@example.com>"
    assert message["To"] == "li.na@example.com"
    assert message["Subject"] == "您的行程"
    assert message.get_content_type() == "multipart/mixed"
    assert message["Date"] and message["Message-ID"].endswith("@planner.local>")
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert text.get_content().splitlines() == ["您好！您的行程已准备好。", f"记录 {record_id}"]
    assert "<b>您的行程</b>" in html.get_content()
    assert text.get_content_charset() == html.get_content_charset() == "utf-8"
    attached = {
        part.get_filename(): (part.get_content_type(), part.get_content()) for part in message.iter_attachments()
    }
    assert attached == {
        "行程.ics": ("text/calendar", sample_letters.ICS.decode()),
        "itinerary.pdf": ("application/pdf", sample_letters.PDF),
    }
    record = _record(app, record_id)
    assert (record.status, record.attempts, record.error) == ("sent", 1, None)
    assert record.created_at <= record.sent_at <= clock.now
    assert record.message_id == message["Message-ID"]
    assert (record.recipient, record.subject, record.kind) == ("li.na@example.com", "您的行程", "sample")
    assert (record.owner_id, record.client_id, record.trip_id) == (*people, None)


def test_sending_a_sent_message_again_sends_nothing(app, people, clock, smtp_server):
    _, inbox = smtp_server
    record_id = _queue(app, people, clock)
    with app.app_context():
        assert send_message(record_id) == "sent"
        assert send_message(10_000) == "gone"
    assert len(inbox.messages) == 1
    assert _record(app, record_id).attempts == 1


def test_a_wrong_password_fails_with_the_reply_code_only(app, people, clock, smtp_server, caplog):
    port, inbox = smtp_server
    app.config["PLANNER_SMTP_URL"] = f"smtp://{USER}:not-{PASSWORD}@127.0.0.1:{port}"
    caplog.set_level(logging.DEBUG)
    record = _record(app, _queue(app, people, clock))
    assert (record.status, record.attempts, record.error) == ("failed", 3, "SMTPAuthenticationError 535")
    assert inbox.messages == []
    assert PASSWORD not in caplog.text


def test_a_refused_connection_fails_after_the_retries_without_the_password(app, people, clock, caplog):
    app.config["PLANNER_SMTP_URL"] = f"smtp://{USER}:{PASSWORD}@127.0.0.1:{free_port()}?timeout=2"
    caplog.set_level(logging.DEBUG)
    record = _record(app, _queue(app, people, clock))
    assert (record.status, record.attempts, record.sent_at) == ("failed", 3, None)  # the try and 2 retries
    assert record.error == "ConnectionRefusedError"
    assert f"mail {record.id} failed after 3 tries: ConnectionRefusedError" in caplog.text
    assert PASSWORD not in caplog.text and "您好" not in caplog.text
    with app.app_context():
        row = db.session.execute(select(MailRecord.__table__)).one()
    assert not any(PASSWORD in str(value) for value in row)


def test_a_message_that_failed_once_is_sent_on_its_retry(app, people, clock, smtp_server, monkeypatch):
    _, inbox = smtp_server
    real = transport.Smtp.deliver
    tries = []

    def first_fails(self, message):
        tries.append(1)
        if len(tries) == 1:
            raise ConnectionResetError("the server went away")
        return real(self, message)

    monkeypatch.setattr(transport.Smtp, "deliver", first_fails)
    record = _record(app, _queue(app, people, clock))
    assert (record.status, record.attempts, record.error) == ("sent", 2, None)
    assert len(inbox.messages) == 1


def test_the_password_reset_link_arrives_by_mail(app, client, runner, smtp_server):
    _, inbox = smtp_server
    register(client)
    result = runner.invoke(args=["reset-password", "fac@example.com"])
    assert result.exit_code == 0, result.output
    assert result.output == "reset link sent to fac@example.com\n"
    [(_, rcpt_tos, message)] = inbox.messages
    assert rcpt_tos == ["fac@example.com"] and message["Subject"] == "Reset your planner password"
    body = message.get_content()
    assert "within 1 hour" in body
    path = body.split(app.config["PLANNER_BASE_URL"], 1)[1].split()[0]
    assert path.startswith("/reset-password/")
    assert client.get(path).status_code == 200
    with app.app_context():
        assert db.session.scalars(select(MailRecord)).all() == []  # the link is kept in no record


def test_a_reset_link_that_cannot_be_sent_is_one_line(app, client, runner):
    register(client)
    app.config["PLANNER_SMTP_URL"] = f"smtp://{USER}:{PASSWORD}@127.0.0.1:{free_port()}"
    result = runner.invoke(args=["reset-password", "fac@example.com"])
    assert result.exit_code == 1
    assert result.output == "Error: the reset link could not be sent (ConnectionRefusedError)\n"
