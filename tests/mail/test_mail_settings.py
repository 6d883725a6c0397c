"""PLANNER_SMTP_URL and PLANNER_MAIL_FROM: read at start, refused there when wrong, never showing the password."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from planner import config, create_app
from planner.config import ConfigError, SmtpSettings, smtp_settings
from planner.extensions import db
from planner.jobs.mail import queue_message
from planner.models import MailRecord
from planner.services.mail.records import MailError

SECRET = "hunter2-secret"
MAIL = "mail.example.com"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtp://user:pw@mail.example.com:587?starttls=1", SmtpSettings(MAIL, 587, False, True, "user", "pw")),
        ("smtps://me%40x.org:p%40ss@mail.example.com", SmtpSettings(MAIL, 465, True, False, "me@x.org", "p@ss")),
        ("smtp://127.0.0.1:2525", SmtpSettings("127.0.0.1", 2525, False, False, None, None)),
        ("smtp://relay?timeout=30&starttls=true", SmtpSettings("relay", 25, False, True, None, None, 30.0)),
    ],
)  # fmt: skip
def test_a_smtp_url_names_the_server_the_login_and_tls(url, expected):
    assert smtp_settings(url) == expected


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        (f"http://user:{SECRET}@host", "the scheme must be smtp or smtps"),
        (f"smtp://user:{SECRET}@", "it names no host"),
        (f"smtp://user:{SECRET}@host:99999", "the host or port cannot be read"),
        (f"smtp://user:{SECRET}@host:port", "the host or port cannot be read"),
        (f"smtp://user:{SECRET}@host/path", "it has a path or fragment"),
        (f"smtp://user:{SECRET}@host?tls=1", "unknown option 'tls'"),
        (f"smtp://user:{SECRET}@host?starttls=maybe", "starttls must be 1 or 0"),
        (f"smtps://user:{SECRET}@host?starttls=1", "smtps is TLS already"),
        (f"smtp://user:{SECRET}@host?timeout=0", "timeout must be a whole number"),
    ],
)
def test_a_wrong_smtp_url_stops_the_app_at_start_without_its_password(url, reason, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "test-secret-key")
    monkeypatch.setenv("PLANNER_SMTP_URL", url)
    monkeypatch.setenv("PLANNER_MAIL_FROM", "planner@example.com")
    with pytest.raises(ConfigError) as refused:
        create_app({"TESTING": True})
    message = str(refused.value)
    assert message.startswith("PLANNER_SMTP_URL must look like smtp://") and reason in message
    assert SECRET not in message


def test_the_password_is_not_in_the_settings_repr():
    assert SECRET not in repr(smtp_settings(f"smtp://user:{SECRET}@host"))


@pytest.mark.parametrize(
    ("smtp", "sender", "problem"),
    [
        ("smtp://host", "", "PLANNER_MAIL_FROM must be set with PLANNER_SMTP_URL"),
        ("", "not an address", "PLANNER_MAIL_FROM must be an address"),
        ("", "a@example.com\nBcc: b@example.com", "PLANNER_MAIL_FROM must be an address"),
    ],
)
def test_the_sender_is_checked_at_start(smtp, sender, problem, monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "test-secret-key")
    monkeypatch.setenv("PLANNER_SMTP_URL", smtp)
    monkeypatch.setenv("PLANNER_MAIL_FROM", sender)
    with pytest.raises(ConfigError, match=problem):
        config.from_environment(tmp_path)


def test_the_environment_gives_the_server_and_the_sender(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "test-secret-key")
    monkeypatch.setenv("PLANNER_SMTP_URL", f" smtps://user:{SECRET}@mail.example.com ")
    monkeypatch.setenv("PLANNER_MAIL_FROM", "Clinic trips <trips@example.com>")
    settings = config.from_environment(tmp_path)
    assert settings["PLANNER_SMTP_URL"] == f"smtps://user:{SECRET}@mail.example.com"
    assert settings["PLANNER_MAIL_FROM"] == "Clinic trips <trips@example.com>"


@pytest.mark.parametrize(
    "to", ["", "li.na", "a@example.com, b@example.com", "a@example.com\r\nBcc: b@example.com", "Li <a@example.com>"]
)
def test_a_message_to_anything_but_one_address_is_refused_and_not_recorded(app, people, clock, to):
    with app.app_context():
        with pytest.raises(MailError, match="This is not an email address"):
            queue_message(owner_id=people[0], to=to, subject="Your trip", kind="sample", now=clock.now)
        with pytest.raises(MailError, match="This kind of message cannot be sent"):
            queue_message(owner_id=people[0], to="a@example.com", subject="Your trip", kind="nothing", now=clock.now)
        assert db.session.scalars(select(MailRecord)).all() == []
