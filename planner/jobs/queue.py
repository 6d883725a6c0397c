"""Enqueue a job: on RQ when PLANNER_REDIS_URL is set, else run inline; always after the commit.

A job enqueued while the database session holds uncommitted writes waits for them: it is sent
(or run inline) once they commit, and dropped if they roll back, so a worker never sees a change
that did not happen. Enqueued with nothing written, it goes at once (inline, after ending the
caller's read-only transaction: on SQLite an open transaction holds the lock the job may need).

Every job runs through ``perform``: a failure is re-raised as ``JobFailed`` naming the job and
the error's class only, so the traceback RQ keeps in its failed-job registry and the worker's log
hold no message that could carry a client's health details.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass

import redis
from flask import current_app, has_app_context
from rq import Queue, Retry
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus
from sqlalchemy import event

from planner.extensions import db

#: session.info keys: jobs waiting for the commit, and whether the transaction has written
_PENDING = "planner.jobs.pending"
_WROTE = "planner.jobs.wrote"
#: the RQ states in which a job with the same key is still to run: enqueuing it again adds nothing
_WAITING = {JobStatus.QUEUED, JobStatus.STARTED, JobStatus.SCHEDULED, JobStatus.DEFERRED}
#: how long RQ keeps a finished job (for progress) and a failed one (with its error), in seconds
RESULT_TTL = 24 * 3600
FAILURE_TTL = 30 * 24 * 3600


class JobFailed(RuntimeError):
    """A job raised: the message names the job and the error's class, never the error's text."""


@dataclass(frozen=True)
class Sent:
    """What ``enqueue`` did: the job's id (its key until it is on RQ), and whether it is queued, ran or waits."""

    job_id: str
    how: str  # "queued", "inline", "after-commit" or "already-queued"
    #: what an inline job returned
    result: object = None


def redis_url() -> str | None:
    """The Redis of the job queue, or None for inline jobs."""
    return current_app.config.get("PLANNER_REDIS_URL") or None


def connection() -> redis.Redis:
    """The app's Redis client for the queue (one pool per app; redis-py opens new sockets after a fork)."""
    client = current_app.extensions.get("planner.redis")
    if client is None:
        client = redis.Redis.from_url(redis_url(), socket_connect_timeout=5, socket_timeout=30)
        current_app.extensions["planner.redis"] = client
    return client


def queue() -> Queue:
    """The app's RQ queue (PLANNER_JOB_QUEUE, "planner" by default)."""
    return Queue(current_app.config.get("PLANNER_JOB_QUEUE", "planner"), connection=connection())


def retry() -> Retry:
    """Retries with backoff: one per interval of PLANNER_JOB_RETRY_INTERVALS (seconds)."""
    intervals = list(current_app.config.get("PLANNER_JOB_RETRY_INTERVALS", (30, 120, 600)))
    return Retry(max=len(intervals), interval=intervals)


def target_of(func: Callable) -> str:
    """``module:function`` of a job function (it must be importable by name: a worker imports it)."""
    name = f"{func.__module__}:{func.__qualname__}"
    if "<" in name or func.__module__ == "__main__":
        raise ValueError(f"a job must be a module-level function, not {name}")
    return name


def job_id(target: str, key: str) -> str:
    """The RQ id of a job: its queue (ids are global in a Redis), function and key, in the characters RQ accepts."""
    name = f"{queue().name}-{target.rsplit(':', 1)[-1]}-{key}"
    return re.sub(r"[^A-Za-z0-9_-]", "-", name)[:200]


def enqueue(func: Callable, *args, key: str) -> Sent:
    """Run ``func(*args)`` in the background, once the session's writes (if any) have committed.

    ``key`` names the job's work ("refresh-plans-1-200"): while a job with the same function and
    key waits on the queue, enqueuing it again adds nothing. Jobs must be idempotent.
    """
    target = target_of(func)
    entry = (target, args, key)
    session = db.session()
    if session.info.get(_WROTE) or session.new or session.dirty or session.deleted:
        session.info.setdefault(_PENDING, []).append(entry)
        return Sent(key, "after-commit")
    if redis_url() is None and session.in_transaction():
        session.commit()  # it only read: an inline job's own session may need SQLite's write lock
    return _send(entry)


def _send(entry: tuple) -> Sent:
    target, args, key = entry
    if redis_url() is None:
        return Sent(key, "inline", run_inline(target, args))
    jobs = queue()
    identity = job_id(target, key)
    try:
        status = Job.fetch(identity, connection=jobs.connection).get_status()
    except NoSuchJobError:
        status = None
    if status in _WAITING:
        return Sent(identity, "already-queued")
    if status == JobStatus.FAILED:  # asked again: the new run replaces the failed one in `flask jobs`
        jobs.failed_job_registry.remove(identity)
    jobs.enqueue(
        perform,
        target,
        *args,
        job_id=identity,
        description=f"{target} {key}",
        retry=retry(),
        result_ttl=RESULT_TTL,
        failure_ttl=FAILURE_TTL,
    )
    return Sent(identity, "queued")


def run_inline(target: str, args: tuple) -> object:
    """Run a job here, in an app context of its own (its own session, as in a worker), retrying at once.

    Raises JobFailed when every try failed.
    """
    app = current_app._get_current_object()
    retries = len(current_app.config.get("PLANNER_JOB_RETRY_INTERVALS", (30, 120, 600)))
    for _ in range(retries):
        with app.app_context():
            try:
                return perform(target, *args)
            except JobFailed:
                continue
    with app.app_context():
        return perform(target, *args)


def perform(target: str, *args) -> object:
    """The function every job runs: import ``target``, call it, and keep the error's text out of RQ."""
    if not has_app_context():
        raise JobFailed(f"{target}: no app context (run jobs with `flask --app planner worker`)")
    module, name = target.split(":")
    func = getattr(importlib.import_module(module), name)
    try:
        return func(*args)
    except Exception as error:
        db.session.rollback()
        current_app.logger.warning("job %s failed: %s", target, type(error).__name__)
        raise JobFailed(f"{target} failed: {type(error).__name__}") from None


@event.listens_for(db.session, "after_flush")
def _flushed(session, _context) -> None:
    session.info[_WROTE] = True


@event.listens_for(db.session, "do_orm_execute")
def _executed(state) -> None:
    if not state.is_select:
        state.session.info[_WROTE] = True


@event.listens_for(db.session, "after_commit")
def _committed(session) -> None:
    pending = session.info.pop(_PENDING, [])
    session.info.pop(_WROTE, None)
    for entry in pending:
        _send(entry)


@event.listens_for(db.session, "after_transaction_end")
def _ended(session, transaction) -> None:
    if transaction.parent is None:  # the outermost transaction: committed (sent above) or rolled back
        session.info.pop(_PENDING, None)
        session.info.pop(_WROTE, None)
