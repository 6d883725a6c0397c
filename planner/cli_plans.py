"""``flask refresh-plans``: re-plan every stored trip after a catalog update, in chunks of background jobs."""

from __future__ import annotations

import time

import click
from flask import Flask
from flask.cli import with_appcontext

from planner.cli_jobs import reaching_redis
from planner.jobs import JobFailed
from planner.jobs.refresh import enqueue_refresh
from planner.services.planning.trip_changes import BATCH


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


@click.command("refresh-plans")
@click.option("--chunk", default=BATCH, show_default=True, type=click.IntRange(1, 10_000), help="Trips per job.")
@click.option("--wait", is_flag=True, help="With a queue: show the workers' progress until every chunk is done.")
@with_appcontext
def refresh_plans_command(chunk: int, wait: bool) -> None:
    """Re-plan every stored trip: calendar revisions and the appointments and problems the workspace lists show.

    With PLANNER_REDIS_URL the chunks are queued for `flask worker`; without it they run here.
    """
    try:
        with reaching_redis():
            sent = enqueue_refresh(chunk)
    except JobFailed as error:
        raise click.ClickException(f"{error} (nothing after that chunk was re-planned; run it again)") from None
    trips = 0
    queued = []
    for number, ((first, last), job) in enumerate(sent, start=1):
        click.echo(f"chunk {number}/{len(sent)}: trips {first}–{last} {job.how}")
        if job.how == "inline":
            trips += job.result[0]
        else:
            queued.append(job.job_id)
    if not queued:
        click.echo(f"{_plural(trips, 'trip')} re-planned.")
        return
    click.echo(f"{_plural(len(queued), 'chunk')} queued for the workers (`flask --app planner worker`).")
    if wait:
        with reaching_redis():
            _follow(queued)


def _follow(job_ids: list[str]) -> None:
    """Print how many of the jobs are done and failed whenever it changes, until none is left to run."""
    from planner.jobs.worker import states

    shown = None
    while True:
        done, failed = states(job_ids)
        if (done, failed) != shown:
            click.echo(f"{done}/{len(job_ids)} chunks done, {failed} failed")
            shown = (done, failed)
        if done + failed == len(job_ids):
            if failed:
                raise click.ClickException(f"{_plural(failed, 'chunk')} failed: see `flask --app planner jobs`")
            return
        time.sleep(1)


def init_app(app: Flask) -> None:
    """Register ``refresh-plans`` on the app."""
    app.cli.add_command(refresh_plans_command)
