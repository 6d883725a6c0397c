"""STARTTLS and smtps against a loopback server with a certificate of the test's own (checked, not ignored)."""

from __future__ import annotations

import os
import shutil
import ssl
import subprocess

import pytest
from aiosmtpd.controller import Controller

from planner.extensions import db
from planner.jobs.mail import queue_message
from planner.models import MailRecord
from planner.services.mail import transport
from tests.mail.conftest import Inbox, free_port


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[str, str]:
    """(certificate, key) PEM files for 127.0.0.1, made with openssl."""
    if shutil.which("openssl") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("openssl is needed by the TLS mail tests")
        pytest.skip("openssl is needed by the TLS mail tests")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = str(folder / "cert.pem"), str(folder / "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def tls_server(certificate):
    """Start a server with STARTTLS (``implicit=False``) or TLS from the start; (port, inbox, sessions' TLS)."""
    started = []

    def start(*, implicit: bool):
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*certificate)
        inbox, port = TlsInbox(), free_port()
        options = {"ssl_context": context} if implicit else {"tls_context": context, "require_starttls": True}
        controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
        controller.start()
        started.append(controller)
        return port, inbox

    yield start
    for controller in started:
        controller.stop()


class TlsInbox(Inbox):
    """An Inbox that also notes whether each message came over TLS."""

    def __init__(self) -> None:
        super().__init__()
        self.encrypted: list[bool] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.encrypted.append(server.transport.get_extra_info("ssl_object") is not None)
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def trusted(monkeypatch, certificate):
    """Make the planner's client trust the test certificate (as a system CA list would trust a real one)."""
    real = ssl.create_default_context

    def trusting(*args, **kwargs):
        context = real(*args, **kwargs)
        context.load_verify_locations(certificate[0])
        return context

    monkeypatch.setattr(transport.ssl, "create_default_context", trusting)


def _send(app, people, clock, url: str) -> MailRecord:
    app.config["PLANNER_SMTP_URL"] = url
    with app.app_context():
        record_id = queue_message(
            owner_id=people[0], to="li.na@example.com", subject="Your trip", kind="sample", now=clock.now
        ).id
        record = db.session.get(MailRecord, record_id)
        db.session.expunge(record)
        return record


@pytest.mark.parametrize(("implicit", "scheme"), [(False, "smtp"), (True, "smtps")])
def test_a_message_goes_over_tls_when_asked(app, people, clock, tls_server, trusted, implicit, scheme):
    port, inbox = tls_server(implicit=implicit)
    query = "" if implicit else "?starttls=1"
    record = _send(app, people, clock, f"{scheme}://127.0.0.1:{port}{query}")
    assert record.status == "sent"
    assert inbox.encrypted == [True] and len(inbox.messages) == 1


def test_a_certificate_the_client_does_not_trust_is_refused(app, people, clock, tls_server):
    port, inbox = tls_server(implicit=False)
    record = _send(app, people, clock, f"smtp://127.0.0.1:{port}?starttls=1")
    assert (record.status, record.error) == ("failed", "SSLCertVerificationError")
    assert inbox.messages == []
