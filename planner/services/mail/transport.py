"""Where a message goes: an SMTP server (PLANNER_SMTP_URL), the deployment's own sender, or the outbox folder.

PLANNER_MAIL_SENDER ("package.module:ClassName") plugs in a class of one's own (an HTTP API):
it is built with the app's config and must have ``deliver(message: EmailMessage)``, raising
on failure. It comes first; then SMTP; with neither, each message is written to
``PLANNER_OUTBOX`` (``instance/outbox/``) as an ``.eml`` file, so a local run needs no server.
"""

from __future__ import annotations

import os
import secrets
import smtplib
import ssl
from datetime import datetime
from email.message import EmailMessage
from importlib import import_module
from pathlib import Path
from typing import Protocol

from flask import current_app

from planner.config import SmtpSettings, smtp_settings


class Transport(Protocol):
    """Anything that can deliver one message (and raises when it cannot)."""

    def deliver(self, message: EmailMessage) -> None:
        """Hand the message on; raise on failure."""


class MailConfigError(RuntimeError):
    """PLANNER_MAIL_SENDER names something that cannot be loaded."""


class Smtp:
    """An SMTP server: TLS from the start (smtps) or STARTTLS when asked, a login when a user is given."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings

    def deliver(self, message: EmailMessage) -> None:
        """Send the message in a connection of its own (a timeout on connecting and on every reply)."""
        settings = self.settings
        context = ssl.create_default_context()
        if settings.tls:
            server = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout, context=context)
        else:
            server = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        with server:
            if settings.starttls:
                server.starttls(context=context)
            if settings.username:
                server.login(settings.username, settings.password or "")
            server.send_message(message)


class Outbox:
    """A folder of .eml files, one per message, named so that they sort by the time they were written."""

    def __init__(self, folder: Path, now: datetime) -> None:
        self.folder = folder
        self.now = now

    def deliver(self, message: EmailMessage) -> None:
        """Write the message (a temporary name first, so a reader never sees half of one)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{self.now:%Y%m%d-%H%M%S-%f}-{secrets.token_hex(4)}.eml"
        partial = self.folder / f".{name}.partial"
        partial.write_bytes(message.as_bytes())
        os.replace(partial, self.folder / name)


def _plugged_in(name: str) -> Transport:
    module_name, _, class_name = name.partition(":")
    try:
        sender_class = getattr(import_module(module_name), class_name)
    except (ImportError, AttributeError, ValueError):
        expected = "expected package.module:ClassName"
        raise MailConfigError(f"PLANNER_MAIL_SENDER: cannot load {name!r} ({expected})") from None
    return sender_class(current_app.config)


def configured_transport(now: datetime) -> Transport:
    """The app's transport: PLANNER_MAIL_SENDER's class, else SMTP, else the outbox (``now`` names its file)."""
    config = current_app.config
    if config.get("PLANNER_MAIL_SENDER"):
        return _plugged_in(config["PLANNER_MAIL_SENDER"])
    if config.get("PLANNER_SMTP_URL"):
        return Smtp(smtp_settings(config["PLANNER_SMTP_URL"]))
    return Outbox(Path(config.get("PLANNER_OUTBOX") or Path(current_app.instance_path) / "outbox"), now)
