"""A pluggable mail sender: the config names a class; without one, nothing is sent.

PLANNER_MAIL_SENDER is "package.module:ClassName"; the class is built with the app's config
and must have ``send(to, subject, body)``. No sender ships with the planner: deployments
plug in their own (SMTP, an API), and without one the commands print what they would send.
"""

from __future__ import annotations

from importlib import import_module
from typing import Protocol

from flask import current_app


class MailSender(Protocol):
    """Anything that can deliver one plain-text message."""

    def send(self, to: str, subject: str, body: str) -> None:
        """Deliver the message (raise on failure)."""


class MailConfigError(RuntimeError):
    """PLANNER_MAIL_SENDER names something that cannot be loaded."""


def configured_sender() -> MailSender | None:
    """The sender the config names, or None when mail is not set up."""
    name = current_app.config.get("PLANNER_MAIL_SENDER")
    if not name:
        return None
    module_name, _, class_name = name.partition(":")
    try:
        sender_class = getattr(import_module(module_name), class_name)
    except (ImportError, AttributeError, ValueError):
        expected = "expected package.module:ClassName"
        raise MailConfigError(f"PLANNER_MAIL_SENDER: cannot load {name!r} ({expected})") from None
    return sender_class(current_app.config)
