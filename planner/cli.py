"""Flask commands: ``plan`` a scenario file, list the ``catalog``."""

from __future__ import annotations

import json
import uuid
from datetime import UTC
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from planner import cli_accounts, cli_demo, cli_jobs, cli_plans, cli_reminders
from planner.core.budget import compute_budget
from planner.core.calendar import CalendarOptions, TripEvents, render_calendar
from planner.core.catalog import Catalog, CatalogError
from planner.core.render import plan_to_dict, plan_to_text
from planner.core.scenario import ScenarioError, parse_scenario
from planner.core.schedule import plan as make_plan
from planner.i18n import LOCALES, Words, normalize, words_for
from planner.services import current_catalog
from planner.wording import localize
from planner.wording.budget import word_budget

#: namespace of the uuid5 that names a scenario's calendar (any fixed UUID would do)
SCENARIO_NAMESPACE = uuid.UUID("6f1c3d4e-2b7a-5c1e-9a8f-0d3b5e7c9a21")


class BadInput(click.ClickException):
    """Bad input: one line on stderr naming the field and the reason, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        """Print the one-line message (click's default adds nothing useful here)."""
        click.echo(f"error: {self.format_message()}", err=True)


def _catalog() -> Catalog:
    try:
        return current_catalog()
    except CatalogError as error:
        raise BadInput(f"catalog: {error}") from None


def _read_scenario(path: str) -> object:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"{path}: cannot be read ({error.__class__.__name__})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInput(f"{path}: not JSON ({error.msg} at line {error.lineno}, column {error.colno})") from None
    except RecursionError:
        raise BadInput(f"{path}: not JSON the planner reads (nested too deeply)") from None


def _words(lang: str | None) -> Words:
    if lang is None:
        return words_for("en")
    locale = normalize(lang)
    if locale is None:
        raise BadInput(f"--lang: {lang!r} is not one of the planner's languages ({', '.join(LOCALES)})")
    return words_for(locale)


def _calendar(scenario: object, result, request, catalog: Catalog, discreet: bool, words: Words) -> bytes:
    """The plan as .ics; the same scenario always gives the same bytes.

    The UIDs come from a uuid5 of the scenario's canonical JSON, and DTSTAMP is the arrival
    instant (UTC) rather than "now": a file rendered twice from one scenario is identical.
    """
    canonical = json.dumps(scenario, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    name = uuid.uuid5(SCENARIO_NAMESPACE, canonical)
    host = current_app.config["PLANNER_HOST"]
    _ = words.gettext
    patient = request.traveller.name or _("patient")
    options = CalendarOptions(
        calendar_uid=f"plan-{name}",
        name=_("Treatment trip") if discreet else _("Treatment trip · %(patient)s", patient=patient),
        host=host,
        stamp=request.arrival.astimezone(UTC),
        discreet=discreet,
        words=words,
    )
    return render_calendar([TripEvents(result, request, f"plan-{name}")], catalog, options)


@click.command("plan")
@click.argument("scenario_file", metavar="SCENARIO.json")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "ics"]), default="text")
@click.option("--discreet", is_flag=True, help="Calendar titles that do not name the treatment.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE, not stdout.")
@click.option("--lang", metavar="LOCALE", help=f"The language of the text and calendar: {', '.join(LOCALES)} (en).")
@with_appcontext
def plan_command(scenario_file: str, output_format: str, discreet: bool, output: str | None, lang: str | None) -> None:
    """Plan the trip described by a JSON scenario: itinerary, budget and notices."""
    words = _words(lang)
    catalog = _catalog()
    scenario = _read_scenario(scenario_file)
    try:
        request = parse_scenario(scenario, catalog)
    except ScenarioError as error:
        raise BadInput(str(error)) from None
    result = localize(make_plan(request, catalog), words)
    if output_format == "ics":
        body = _calendar(scenario, result, request, catalog, discreet, words)
    else:
        document = plan_to_dict(result, word_budget(compute_budget(result, request, catalog), words), catalog, request)
        if output_format == "json":
            body = (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode()
        else:
            body = plan_to_text(document, words).encode()
    if output:
        Path(output).write_bytes(body)
    else:
        click.echo(body.decode() if output_format != "ics" else body, nl=False)


@click.command("catalog")
@with_appcontext
def catalog_command() -> None:
    """List the protocols: id, name, sessions range and typical stay."""
    catalog = _catalog()
    for protocol_id in sorted(catalog.protocols):
        protocol = catalog.protocols[protocol_id]
        sessions = f"{protocol.count.min}-{protocol.count.max} sessions" if protocol.count else "-"
        stay = f"{protocol.typical_stay[0]}-{protocol.typical_stay[1]} days" if protocol.typical_stay else "-"
        if protocol.min_stay is not None and len(protocol.min_stay.days) > 1:  # as the planner keeps them
            stay += " (" + ", ".join(f"trip {n} at least {d}" for n, d in enumerate(protocol.min_stay.days, 1)) + ")"
        click.echo(f"{protocol.id:<32} {protocol.name:<44} {sessions:<16} {stay}")


def init_app(app: Flask) -> None:
    """Register the planner's commands on the app."""
    app.cli.add_command(plan_command)
    app.cli.add_command(catalog_command)
    cli_accounts.init_app(app)
    cli_demo.init_app(app)
    cli_plans.init_app(app)
    cli_jobs.init_app(app)
    cli_reminders.init_app(app)
