"""Account commands: ``flask reset-password EMAIL`` mails (or, with no mail set up, prints) a password-reset link;
``flask api-token EMAIL`` prints a new API token once; ``flask invite OWNER EMAIL --role ROLE`` mails (or, with
no mail set up, prints) a one-time link to join the owner's agency."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from planner.clock import utcnow
from planner.extensions import db
from planner.i18n import words_for
from planner.models.agency import ROLES
from planner.services.accounts import agencies
from planner.services.accounts.api_tokens import TokenNameError, create_api_token
from planner.services.accounts.users import RESET_VALID_FOR, AccountError, find_account, issue_reset_token
from planner.services.mail.letters import Letter, compose, new_message_id
from planner.services.mail.transport import MailConfigError, Outbox, configured_transport
from planner.services.messages import invitations


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
    """Make a one-hour password-reset link for EMAIL: mail it if mail is set up (SMTP or a sender), else print it.

    Sent at once, not queued: the link is a credential, kept in no job and no record.
    """
    now = utcnow()
    try:
        transport = configured_transport(now)
        user, token = issue_reset_token(email)
    except (AccountError, MailConfigError) as error:
        raise BadInput(str(error)) from None
    url = f"{current_app.config['PLANNER_BASE_URL'].rstrip('/')}/reset-password/{token}"
    if isinstance(transport, Outbox):  # no mail set up: the operator at the console passes the link on
        click.echo(url)
        return
    words = words_for(getattr(user, "language", None))
    hours = int(RESET_VALID_FOR.total_seconds() // 3600)
    opening = words.ngettext(
        "Open this link within %(num)d hour to choose a new password for the planner:",
        "Open this link within %(num)d hours to choose a new password for the planner:",
        hours,
    )
    message = compose(
        sender=current_app.config["PLANNER_MAIL_FROM"],
        to=user.email,
        subject=words.gettext("Reset your planner password"),
        letter=Letter(text=f"{opening}\n\n{url}\n"),
        message_id=new_message_id(current_app.config["PLANNER_HOST"]),
        now=now,
    )
    try:
        transport.deliver(message)
    except Exception as error:
        raise click.ClickException(f"the reset link could not be sent ({type(error).__name__})") from None
    click.echo(f"reset link sent to {user.email}")


@click.command("api-token")
@click.argument("email")
@click.option("--name", default="command line", show_default=True, help="what the token is for")
@click.option("--read-only", is_flag=True, help="the token may read but not write")
@with_appcontext
def api_token_command(email: str, name: str, read_only: bool) -> None:
    """Make an API token for the facilitator EMAIL and print it once (only its hash is kept)."""
    user = find_account(email)
    if user is None:
        raise BadInput(f"email: no facilitator account has the email {email!r}")
    try:
        _, token = create_api_token(user.id, name, read_only=read_only, now=utcnow())
    except TokenNameError as error:
        raise BadInput(f"name: {error}") from None
    click.echo(token)


@click.command("invite")
@click.argument("owner_email")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), default="coordinator", show_default=True)
@with_appcontext
def invite_command(owner_email: str, email: str, role: str) -> None:
    """Invite EMAIL to the agency of its owner OWNER_EMAIL: print the one-time link, or mail it if mail is set up."""
    now = utcnow()
    owner = find_account(owner_email)
    if owner is None or owner.role != "owner":
        raise BadInput(f"owner_email: no agency owner has the email {owner_email!r}")
    try:
        transport = configured_transport(now)
        with current_app.test_request_context():  # the refusal's words (English, no browser to ask)
            invitation, token = agencies.invite(owner, email, role, now)
    except (agencies.MemberError, MailConfigError) as error:
        raise BadInput(str(error)) from None
    db.session.commit()
    if isinstance(transport, Outbox):
        click.echo(f"{current_app.config['PLANNER_BASE_URL'].rstrip('/')}/join/{token}")
        return
    invitations.send_invitation(invitation, now)
    click.echo(f"invitation sent to {invitation.email}")


def init_app(app: Flask) -> None:
    """Register the account commands."""
    app.cli.add_command(reset_password_command)
    app.cli.add_command(api_token_command)
    app.cli.add_command(invite_command)
