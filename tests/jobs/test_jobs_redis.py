"""Jobs on RQ and a real Redis (TEST_REDIS_URL), run by the real worker in burst mode.

Locally without TEST_REDIS_URL these are skipped; in CI (CI=true) they fail instead, so a CI
run never passes without having tested the queue.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import uuid
from datetime import timedelta

import pytest
import redis
from rq import Queue

from planner.extensions import db
from planner.jobs import enqueue
from planner.jobs.worker import run_worker
from planner.models import Client
from tests.jobs import sample_jobs
from tests.jobs.conftest import ROOT, close_redis, consultation, state


@pytest.fixture
def app_config(redis_url) -> dict:
    """The app with a queue of its own on the test Redis (no retry waits unless a test sets some)."""
    return {
        "PLANNER_REDIS_URL": redis_url,
        "PLANNER_JOB_QUEUE": f"planner-test-{uuid.uuid4().hex}",
        "PLANNER_JOB_RETRY_INTERVALS": (0,),
    }


@pytest.fixture
def jobs(app, redis_url):
    """The app's RQ queue; every key of it is deleted after the test."""
    store = redis.Redis.from_url(redis_url)
    queue = Queue(app.config["PLANNER_JOB_QUEUE"], connection=store)
    yield queue
    for job_id in queue.get_job_ids() + queue.failed_job_registry.get_job_ids():
        queue.connection.delete(f"rq:job:{job_id}")
    for key in store.scan_iter(f"*{app.config['PLANNER_JOB_QUEUE']}*"):
        store.delete(key)
    store.close()
    close_redis(app)


def work(app) -> None:
    """What `flask --app planner worker --burst` does: run every queued job, then return."""
    run_worker(app, burst=True)


def test_refresh_plans_queues_chunks_that_a_burst_worker_runs(app, app_like, jobs, trips, changed_catalog):
    updated = app_like(PLANNER_CATALOG=str(changed_catalog))
    runner = updated.test_cli_runner()
    result = runner.invoke(args=["refresh-plans", "--chunk", "2"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "3 chunks queued for the workers (`flask --app planner worker`)."
    assert "chunk 3/3" in result.output and " queued" in result.output.splitlines()[2]
    assert jobs.count == 3
    assert consultation(app, trips[0])[:2] == (timedelta(minutes=90), 0)  # nothing runs before a worker does
    work(updated)
    assert jobs.count == 0 and jobs.finished_job_registry.count == 3
    assert all(consultation(updated, trip_id)[:2] == (timedelta(minutes=120), 1) for trip_id in trips)
    shown = runner.invoke(args=["jobs"])
    assert shown.exit_code == 0
    assert shown.output == "queued 0, running 0, retry scheduled 0, failed 0, finished 3\n"


def test_a_second_refresh_through_the_worker_changes_nothing_more(app_like, jobs, trips, changed_catalog, clock):
    updated = app_like(PLANNER_CATALOG=str(changed_catalog))
    runner = updated.test_cli_runner()
    runner.invoke(args=["refresh-plans"])
    work(updated)
    once = state(updated)
    clock.advance(days=1)
    runner.invoke(args=["refresh-plans"])
    work(updated)
    assert state(updated) == once
    results = [jobs.fetch_job(job_id).return_value() for job_id in jobs.finished_job_registry.get_job_ids()]
    assert results == [(5, 0)]  # the same key: the second run replaced the first, and changed nothing


def test_a_worker_process_runs_the_chunks_while_refresh_plans_waits(app, jobs, trips, redis_url):
    """`flask --app planner worker` in a process of its own (as on another machine), `refresh-plans --wait` here."""
    env = {
        **os.environ,
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "PLANNER_REDIS_URL": redis_url,
        "PLANNER_JOB_QUEUE": jobs.name,
        "PLANNER_JOB_RETRY_INTERVALS": "0",
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "planner", "worker"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        result = app.test_cli_runner().invoke(args=["refresh-plans", "--chunk", "2", "--wait"])
    finally:
        worker.terminate()  # a warm shutdown: the worker finishes its job and leaves
        _, errors = worker.communicate(timeout=60)
    assert result.exit_code == 0, result.output + errors.decode()[-3000:]
    lines = result.output.splitlines()
    assert lines[3] == "3 chunks queued for the workers (`flask --app planner worker`)."
    progress = lines[4:]
    assert progress[0].endswith("/3 chunks done, 0 failed") and progress[-1] == "3/3 chunks done, 0 failed"
    assert b"Traceback" not in errors
    assert jobs.finished_job_registry.count == 3


def test_enqueuing_the_same_key_while_it_waits_adds_nothing(app, jobs):
    with app.app_context():
        first = enqueue(sample_jobs.always_fails, 1, key="same")
        second = enqueue(sample_jobs.always_fails, 1, key="same")
    assert (first.how, second.how) == ("queued", "already-queued") and first.job_id == second.job_id
    assert jobs.count == 1


def test_a_job_waits_for_the_commit_and_is_dropped_on_rollback(app, jobs, client_id):
    with app.app_context():
        client = db.session.get(Client, client_id)
        client.contact = "ana.silva@example.com"
        db.session.flush()
        assert enqueue(sample_jobs.rename_client, client.id, "Ana S.", key="rename").how == "after-commit"
        assert jobs.count == 0
        db.session.commit()
        assert jobs.count == 1
        client.name = "Bora Kim"
        assert enqueue(sample_jobs.rename_client, client.id, "Never", key="never").how == "after-commit"
        db.session.rollback()
    assert jobs.get_job_ids() == [f"{jobs.name}-rename_client-rename"]
    work(app)
    with app.app_context():
        assert db.session.get(Client, client_id).name == "Ana S."


def test_a_job_that_fails_once_is_retried_and_finishes(app, jobs):
    counter = f"planner-test-tries-{uuid.uuid4().hex}"
    with app.app_context():
        enqueue(sample_jobs.fails_first, counter, key="once")
    work(app)
    assert jobs.failed_job_registry.count == 0
    assert jobs.fetch_job(f"{jobs.name}-fails_first-once").return_value() == 2
    jobs.connection.delete(counter)


@pytest.fixture
def worker_log(tmp_path):
    """The worker's log lines, written to a file (the job runs in a forked work horse)."""
    path = tmp_path / "worker.log"
    handler = logging.FileHandler(path)
    logger = logging.getLogger("rq")
    logger.addHandler(handler)
    yield path
    logger.removeHandler(handler)
    handler.close()


def test_a_job_that_keeps_failing_is_kept_with_its_error_and_no_health_detail(app, jobs, worker_log):
    app.config["PLANNER_JOB_RETRY_INTERVALS"] = (0, 0)
    with app.app_context():
        enqueue(sample_jobs.always_fails, 7, key="keeps-failing")
    work(app)
    assert jobs.failed_job_registry.get_job_ids() == [f"{jobs.name}-always_fails-keeps-failing"]
    job = jobs.fetch_job(f"{jobs.name}-always_fails-keeps-failing")
    error = job.latest_result().exc_string
    assert "JobFailed: tests.jobs.sample_jobs:always_fails failed: ValueError" in error
    assert sample_jobs.HEALTH_DETAIL not in error
    log = worker_log.read_text()
    assert log.count("exception raised while executing") == 3  # the try and its 2 retries
    assert sample_jobs.HEALTH_DETAIL not in log
    shown = app.test_cli_runner().invoke(args=["jobs"]).output
    assert "failed 1," in shown
    assert (
        f"failed {jobs.name}-always_fails-keeps-failing: tests.jobs.sample_jobs:always_fails keeps-failing: " in shown
    )
    assert shown.rstrip().endswith("JobFailed: tests.jobs.sample_jobs:always_fails failed: ValueError")


def test_a_failed_job_enqueued_again_runs_again_and_leaves_the_failed_list(app, jobs):
    app.config["PLANNER_JOB_RETRY_INTERVALS"] = (0,)
    with app.app_context():
        enqueue(sample_jobs.rename_client, 10**6, "Nobody", key="again")  # no such client: fails twice
    work(app)
    assert jobs.failed_job_registry.count == 1
    with app.app_context():
        assert enqueue(sample_jobs.rename_client, 10**6, "Nobody", key="again").how == "queued"
    assert jobs.failed_job_registry.count == 0 and jobs.count == 1


def test_a_failed_job_waits_its_backoff_before_the_retry(app, jobs):
    app.config["PLANNER_JOB_RETRY_INTERVALS"] = (300, 900)
    with app.app_context():
        enqueue(sample_jobs.always_fails, 7, key="backoff")
    work(app)
    # failed once: scheduled for a retry in 5 minutes, not failed for good, not run again by the burst
    assert jobs.scheduled_job_registry.get_job_ids() == [f"{jobs.name}-always_fails-backoff"]
    assert jobs.failed_job_registry.count == 0
    job = jobs.fetch_job(f"{jobs.name}-always_fails-backoff")
    assert job.retries_left == 1
    when = jobs.scheduled_job_registry.get_scheduled_time(f"{jobs.name}-always_fails-backoff")
    assert timedelta(seconds=290) < when - job.ended_at.replace(tzinfo=when.tzinfo) < timedelta(seconds=310)
    assert "retry scheduled 1," in app.test_cli_runner().invoke(args=["jobs"]).output
