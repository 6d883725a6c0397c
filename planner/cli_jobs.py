"""Job commands: ``flask worker`` runs the RQ worker, ``flask jobs`` shows the queue."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click
import redis
from flask import Flask, current_app
from flask.cli import with_appcontext

from planner.jobs import redis_url


class NoQueue(click.ClickException):
    """No Redis configured: one line on stderr, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        """Print the one-line message."""
        click.echo(f"error: {self.format_message()}", err=True)


def _require_queue() -> None:
    if redis_url() is None:
        raise NoQueue("PLANNER_REDIS_URL is not set: jobs run inline, there is no queue to work")


@contextmanager
def reaching_redis() -> Iterator[None]:
    """Turn a Redis failure into one line naming its kind (never the address, which may hold a password)."""
    try:
        yield
    except redis.RedisError as error:
        raise click.ClickException(f"the job queue's Redis is unreachable ({type(error).__name__})") from None


@click.command("worker")
@click.option("--burst", is_flag=True, help="Run what is queued (and retries now due), then exit.")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run an RQ worker on the planner's queue; each job gets an app context of its own."""
    from planner.jobs.worker import run_worker

    _require_queue()
    with reaching_redis():
        run_worker(current_app._get_current_object(), burst=burst)


@click.command("jobs")
@with_appcontext
def jobs_command() -> None:
    """Show the queue: jobs waiting, running, waiting for a retry, failed (with their error) and finished."""
    from planner.jobs.worker import counts, failed_jobs

    _require_queue()
    with reaching_redis():
        found = counts()
        click.echo(
            f"queued {found.queued}, running {found.started}, retry scheduled {found.scheduled}, "
            f"failed {found.failed}, finished {found.finished}"
        )
        for identity, description, error in failed_jobs():
            click.echo(f"failed {identity}: {description}: {error}")


def init_app(app: Flask) -> None:
    """Register the job commands."""
    app.cli.add_command(worker_command)
    app.cli.add_command(jobs_command)
