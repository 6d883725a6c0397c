"""Flask commands: ``plan`` a scenario file, list the ``catalog``."""

from __future__ import annotations

import click
from flask import Flask

from planner.core.catalog import CatalogError
from planner.services import current_catalog


class BadInput(click.ClickException):
    """Bad input: one line on stderr naming the field and the reason, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


def _catalog():
    try:
        return current_catalog()
    except CatalogError as error:
        raise BadInput(f"catalog: {error}") from None


@click.command("catalog")
def catalog_command() -> None:
    """List the protocols: id, name, sessions range and typical stay."""
    catalog = _catalog()
    for protocol_id in sorted(catalog.protocols):
        protocol = catalog.protocols[protocol_id]
        sessions = f"{protocol.count.min}-{protocol.count.max} sessions" if protocol.count else "-"
        stay = f"{protocol.typical_stay[0]}-{protocol.typical_stay[1]} days" if protocol.typical_stay else "-"
        click.echo(f"{protocol.id:<32} {protocol.name:<44} {sessions:<16} {stay}")


def init_app(app: Flask) -> None:
    """Register the planner's commands on the app."""
    app.cli.add_command(catalog_command)
