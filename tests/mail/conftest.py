"""Fixtures of the mail tests: a real SMTP server on loopback (aiosmtpd), a facilitator and a client."""

from __future__ import annotations

import email
import socket
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from planner.services.mail import records
from tests.web import workspace_factories as factories

#: the login the server accepts (and no log line or record may show)
USER, PASSWORD = "planner", "s3cret-pa$$word"


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Inbox:
    """What the SMTP server received: each message with its envelope, and the logins it saw."""

    messages: list[tuple[str, list[str], EmailMessage]] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        parsed = email.message_from_bytes(envelope.original_content, policy=default)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 OK"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        """Accept USER with PASSWORD only."""
        login, password = auth_data.login.decode(), auth_data.password.decode()
        self.logins.append(login)
        return AuthResult(success=(login, password) == (USER, PASSWORD), handled=False)


@pytest.fixture
def smtp_server():
    """An SMTP server on a free loopback port: (its port, its Inbox). It offers AUTH without TLS (loopback only)."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=port, authenticator=inbox.authenticate, auth_require_tls=False
    )
    controller.start()
    yield port, inbox
    controller.stop()


@pytest.fixture
def mail_config(tmp_path) -> dict:
    """Mail settings every mail test shares: a sender, an outbox of its own, retries without waiting."""
    return {
        "PLANNER_MAIL_FROM": "Planner <planner@example.com>",
        "PLANNER_OUTBOX": str(tmp_path / "outbox"),
        "PLANNER_JOB_RETRY_INTERVALS": (0, 0),
    }


@pytest.fixture
def app_config(mail_config) -> dict:
    """Without SMTP: messages go to the outbox."""
    return mail_config


@pytest.fixture(autouse=True)
def sample_kind(monkeypatch):
    """The "sample" kind of message, built by tests.mail.sample_letters."""
    monkeypatch.setitem(records.LETTERS, "sample", "tests.mail.sample_letters:sample")


@pytest.fixture
def people(app) -> tuple[int, int]:
    """(facilitator id, client id): a facilitator and their client Li Na."""
    with app.app_context():
        user, _ = factories.create_facilitator()
        return user.id, factories.create_client(user, "Li Na", contact="li.na@example.com").id
