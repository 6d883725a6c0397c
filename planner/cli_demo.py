"""``flask seed-demo``: an empty database filled with two agencies, their members, clients and trips."""

from __future__ import annotations

import click
from flask import Flask, current_app, url_for
from flask.cli import with_appcontext

from planner.clock import utcnow
from planner.services.workspace.demo import database_is_empty, seed_demo


class NotEmpty(click.ClickException):
    """The database already holds data: one line on stderr, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        """Print the one-line message."""
        click.echo(f"error: {self.format_message()}", err=True)


@click.command("seed-demo")
@with_appcontext
def seed_demo_command() -> None:
    """Fill an EMPTY database with demo facilitators, clients and trips; print logins and links."""
    if not database_is_empty():
        raise NotEmpty("the database is not empty; seed-demo only fills an empty one (nothing was changed)")
    demo = seed_demo(utcnow())
    base = current_app.config["PLANNER_BASE_URL"].rstrip("/")
    for facilitator in demo.facilitators:
        click.echo(f"facilitator {facilitator.email} {facilitator.password} {facilitator.role} {facilitator.agency}")
    with current_app.test_request_context():
        for trip in demo.trips:
            link = base + url_for("share.client_plan", token=trip.link_token)
            feed = base + url_for("feeds.feed", token=trip.feed_token)
            click.echo(f"trip {link} {feed} {trip.owner}: {trip.label}")


def init_app(app: Flask) -> None:
    """Register ``seed-demo`` on the app."""
    app.cli.add_command(seed_demo_command)
