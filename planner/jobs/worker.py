"""The RQ worker of ``flask --app planner worker``: each job in an app context of its own, and the queue's counts."""

from __future__ import annotations

import logging
import signal
from dataclasses import dataclass

from flask import Flask
from rq import Worker
from rq.job import Job, JobStatus

from planner.extensions import db
from planner.jobs.queue import queue
from planner.logs import protect


class AppWorker(Worker):
    """RQ's forking worker whose work horse runs the job inside the planner app's context.

    The horse is a fork of the worker: it first drops the database connections it inherited
    (without closing them, they are the parent's) so each job opens its own.
    """

    app: Flask

    def perform_job(self, job: Job, queue) -> bool:
        """RQ's job run, in a fresh app context (its own database session and clock)."""
        with self.app.app_context():
            db.engine.dispose(close=False)
            try:
                return super().perform_job(job, queue)
            finally:
                db.session.remove()


def run_worker(app: Flask, *, burst: bool) -> bool:
    """Work the app's queue (``burst``: until it is empty, then return); True if any job ran."""
    for name in ("rq", "rq.worker", "rq.scheduler"):
        protect(logging.getLogger(name))
    with app.app_context():
        worker = AppWorker([queue()], connection=queue().connection)
    worker.app = app
    # RQ installs its own SIGINT/SIGTERM handlers: a burst run inside a longer process gives them back
    kept = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        return worker.work(burst=burst, with_scheduler=True, logging_level="INFO")
    finally:
        for signum, handler in kept.items():
            signal.signal(signum, handler)


@dataclass(frozen=True)
class QueueCounts:
    """How many jobs are waiting, running, scheduled for a retry, failed (kept) and finished (kept a day)."""

    queued: int
    started: int
    scheduled: int
    failed: int
    finished: int


def counts() -> QueueCounts:
    """The app's queue, counted by state."""
    jobs = queue()
    return QueueCounts(
        queued=jobs.count,
        started=jobs.started_job_registry.count,
        scheduled=jobs.scheduled_job_registry.count,
        failed=jobs.failed_job_registry.count,
        finished=jobs.finished_job_registry.count,
    )


def failed_jobs(limit: int = 20) -> list[tuple[str, str, str]]:
    """(id, description, last line of the kept error) of the failed jobs, oldest first."""
    jobs = queue()
    found = []
    for job in Job.fetch_many(jobs.failed_job_registry.get_job_ids(0, limit - 1), connection=jobs.connection):
        if job is None:
            continue
        result = job.latest_result()
        error = (result.exc_string if result is not None else "") or ""
        lines = [line for line in error.strip().splitlines() if line.strip()]
        found.append((job.id, job.description or "", lines[-1] if lines else "gave up after its retries"))
    return found


def states(job_ids: list[str]) -> tuple[int, int]:
    """How many of these jobs finished, and how many failed for good (retries spent); the rest are to run."""
    jobs = queue()
    found = [job.get_status() for job in Job.fetch_many(job_ids, connection=jobs.connection) if job is not None]
    return found.count(JobStatus.FINISHED), found.count(JobStatus.FAILED)
