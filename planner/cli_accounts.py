"""Account commands: ``flask reset-password EMAIL`` prints (or mails) a password-reset link."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from planner.services.accounts.mail import MailConfigError, configured_sender
from planner.services.accounts.users import RESET_VALID_FOR, AccountError, issue_reset_token


class BadInput(click.ClickException):
    """One line on stderr, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        """Print the one-line message."""
        click.echo(f"error: {self.format_message()}", err=True)


@click.command("reset-password")
@click.argument("email")
@with_appcontext
def reset_password_command(email: str) -> None:
    """Make a one-hour password-reset link for EMAIL: mail it if a sender is set up, else print it."""
    try:
        sender = configured_sender()
        user, token = issue_reset_token(email)
    except (AccountError, MailConfigError) as error:
        raise BadInput(str(error)) from None
    url = f"{current_app.config['PLANNER_BASE_URL'].rstrip('/')}/reset-password/{token}"
    hours = int(RESET_VALID_FOR.total_seconds() // 3600)
    if sender is None:
        click.echo(url)
        return
    body = f"Open this link within {hours} hour(s) to choose a new password for the planner:\n\n{url}\n"
    sender.send(user.email, "Reset your planner password", body)
    click.echo(f"reset link sent to {user.email}")


def init_app(app: Flask) -> None:
    """Register the account commands."""
    app.cli.add_command(reset_password_command)
