"""``flask refresh-plans``: recompute every trip's stored plan summary (after a catalog update)."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import with_appcontext

from planner.clock import utcnow
from planner.services.planning.trip_changes import refresh_all


@click.command("refresh-plans")
@with_appcontext
def refresh_plans_command() -> None:
    """Re-plan every stored trip and rewrite the appointments and problems the workspace lists show."""
    count = refresh_all(utcnow())
    click.echo(f"{count} trip{'' if count == 1 else 's'} re-planned.")


def init_app(app: Flask) -> None:
    """Register ``refresh-plans`` on the app."""
    app.cli.add_command(refresh_plans_command)
