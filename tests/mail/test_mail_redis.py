"""Mail on RQ and a real Redis (TEST_REDIS_URL): queued after the commit, sent by the worker, retried there."""

from __future__ import annotations

import uuid

import pytest
import redis
from rq import Queue

from planner.extensions import db
from planner.jobs.mail import queue_message
from planner.jobs.worker import run_worker
from planner.models import MailRecord
from tests.jobs.conftest import close_redis
from tests.mail.conftest import free_port


@pytest.fixture
def app_config(mail_config, smtp_server, redis_url) -> dict:
    """Mail through the loopback server, sent by RQ workers from a queue of the test's own."""
    port, _ = smtp_server
    return {
        **mail_config,
        "PLANNER_SMTP_URL": f"smtp://127.0.0.1:{port}?timeout=5",
        "PLANNER_REDIS_URL": redis_url,
        "PLANNER_JOB_QUEUE": f"planner-test-{uuid.uuid4().hex}",
        "PLANNER_JOB_RETRY_INTERVALS": (0,),
    }


@pytest.fixture
def jobs(app, redis_url):
    """The app's RQ queue; every key of it is deleted after the test."""
    store = redis.Redis.from_url(redis_url)
    yield Queue(app.config["PLANNER_JOB_QUEUE"], connection=store)
    for key in store.scan_iter(f"*{app.config['PLANNER_JOB_QUEUE']}*"):
        store.delete(key)
    store.close()
    close_redis(app)


def _queue(app, people, clock) -> int:
    with app.app_context():
        record = queue_message(
            owner_id=people[0], client_id=people[1], to="li.na@example.com", subject="Your trip", kind="sample",
            now=clock.now,
        )  # fmt: skip
        assert record.status == "queued"
        return record.id


def _status(app, record_id: int) -> tuple:
    with app.app_context():
        record = db.session.get(MailRecord, record_id)
        return record.status, record.attempts, record.error


def test_a_worker_sends_what_was_queued(app, people, clock, jobs, smtp_server):
    _, inbox = smtp_server
    record_id = _queue(app, people, clock)
    assert jobs.count == 1 and inbox.messages == []  # nothing leaves before a worker takes it
    run_worker(app, burst=True)
    assert _status(app, record_id) == ("sent", 1, None)
    [(_, rcpt_tos, message)] = inbox.messages
    assert rcpt_tos == ["li.na@example.com"] and message["Subject"] == "Your trip"


def test_a_worker_retries_then_marks_the_message_failed(app, people, clock, jobs):
    app.config["PLANNER_SMTP_URL"] = f"smtp://127.0.0.1:{free_port()}?timeout=2"
    record_id = _queue(app, people, clock)
    run_worker(app, burst=True)  # the try, then the retry once it is due
    run_worker(app, burst=True)
    assert _status(app, record_id) == ("failed", 2, "ConnectionRefusedError")
    assert jobs.failed_job_registry.count == 1
