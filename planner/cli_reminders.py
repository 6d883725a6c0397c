"""``flask send-reminders``: send the reminders that are due (cron or a scheduler runs it)."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import with_appcontext


@click.command("send-reminders")
@with_appcontext
def send_reminders_command() -> None:
    """Send each reminder that is due now, once (safe to run from several places at a time)."""
    from planner.jobs.reminders import send_due_reminders

    swept = send_due_reminders()
    click.echo(f"reminders due {swept.due}, queued {swept.queued}")


def init_app(app: Flask) -> None:
    """Register the command."""
    app.cli.add_command(send_reminders_command)
