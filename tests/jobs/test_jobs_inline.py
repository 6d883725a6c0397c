"""Without Redis (the embedded default) jobs run inline, after the commit, with the same retries and idempotence."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from planner.extensions import db
from planner.jobs import JobFailed, enqueue
from planner.models import Client
from tests.jobs import sample_jobs
from tests.jobs.conftest import consultation, state


def test_refresh_plans_replans_every_trip_after_a_catalog_change(app, app_like, trips, changed_catalog, clock):
    assert consultation(app, trips[0])[:2] == (timedelta(minutes=90), 0)
    updated = app_like(PLANNER_CATALOG=str(changed_catalog))  # the instance restarted on the new catalog
    moment = clock.advance(hours=1)
    result = updated.test_cli_runner().invoke(args=["refresh-plans", "--chunk", "2"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    first, last = trips[0], trips[-1]
    assert lines == [
        f"chunk 1/3: trips {first}–{first + 1} inline",
        f"chunk 2/3: trips {first + 2}–{first + 3} inline",
        f"chunk 3/3: trips {last}–{last} inline",
        "5 trips re-planned.",
    ]
    for trip_id in trips:
        length, sequence, stamp = consultation(updated, trip_id)
        # the summary the lists read, and the event's SEQUENCE and DTSTAMP the feeds send, follow the catalog
        assert length == timedelta(minutes=120) and sequence == 1
        assert moment <= stamp <= clock.now


def test_running_the_refresh_twice_changes_nothing_more(app, app_like, trips, changed_catalog, clock):
    updated = app_like(PLANNER_CATALOG=str(changed_catalog))
    runner = updated.test_cli_runner()
    assert runner.invoke(args=["refresh-plans"]).exit_code == 0
    once = state(updated)
    clock.advance(days=1)  # any write now would carry a new stamp
    assert runner.invoke(args=["refresh-plans"]).exit_code == 0
    assert state(updated) == once
    with updated.app_context():
        from planner.jobs.refresh import refresh_trips

        assert refresh_trips(trips[0], trips[-1]) == (5, 0)


def test_refresh_on_an_unchanged_catalog_writes_nothing(app, trips, clock):
    before = state(app)
    clock.advance(days=1)
    result = app.test_cli_runner().invoke(args=["refresh-plans"])
    assert result.exit_code == 0 and result.output.endswith("5 trips re-planned.\n")
    assert state(app) == before


def test_refresh_plans_with_no_trip_says_so(app):
    result = app.test_cli_runner().invoke(args=["refresh-plans"])
    assert result.exit_code == 0 and result.output == "0 trips re-planned.\n"


def test_a_job_enqueued_with_uncommitted_writes_runs_after_the_commit(app, client_id):
    with app.app_context():
        db.session.add(Client(owner_id=db.session.get(Client, client_id).owner_id, name="Bora Kim"))
        sent = enqueue(sample_jobs.rename_client, client_id, "Ana S.", key=f"rename-{client_id}")
        assert sent.how == "after-commit"
        assert db.session.get(Client, client_id).name == "Ana Silva"  # not run yet
        db.session.commit()
    with app.app_context():
        assert db.session.get(Client, client_id).name == "Ana S."


def test_a_job_enqueued_with_writes_that_roll_back_never_runs(app, client_id):
    with app.app_context():
        db.session.get(Client, client_id).contact = "changed@example.com"
        assert enqueue(sample_jobs.rename_client, client_id, "Never", key="never").how == "after-commit"
        db.session.rollback()
        db.session.commit()  # a later commit does not bring it back
    with app.app_context():
        assert db.session.get(Client, client_id).name == "Ana Silva"


def test_a_job_enqueued_with_nothing_written_runs_at_once(app, client_id):
    with app.app_context():
        db.session.get(Client, client_id)  # a read only
        sent = enqueue(sample_jobs.rename_client, client_id, "Ana S.", key="now")
        assert (sent.how, sent.result) == ("inline", "Ana S.")
        assert db.session.get(Client, client_id).name == "Ana S."


@pytest.mark.parametrize("app_config", [{"PLANNER_JOB_RETRY_INTERVALS": (30, 120)}])
def test_a_failing_inline_job_is_retried_then_fails_without_its_text(app, caplog):
    caplog.set_level(logging.INFO)
    with app.app_context():
        with pytest.raises(JobFailed) as raised:
            enqueue(sample_jobs.always_fails, 7, key="fails")
    assert str(raised.value) == "tests.jobs.sample_jobs:always_fails failed: ValueError"
    assert raised.value.__cause__ is None and raised.value.__suppress_context__
    tries = [r.getMessage() for r in caplog.records if "always_fails" in r.getMessage()]
    assert tries == ["job tests.jobs.sample_jobs:always_fails failed: ValueError"] * 3  # the try and 2 retries
    assert sample_jobs.HEALTH_DETAIL not in caplog.text


def test_an_inline_job_that_fails_once_succeeds_on_its_retry(app):
    counter: list = []
    with app.app_context():
        assert enqueue(sample_jobs.fails_first_inline, counter, key="once").result == 2


def test_a_job_must_be_importable_by_name(app):
    def local():
        return None

    with app.app_context(), pytest.raises(ValueError, match="module-level function"):
        enqueue(local, key="local")


def test_the_worker_and_jobs_commands_need_a_queue(app):
    runner = app.test_cli_runner()
    for command in (["worker", "--burst"], ["jobs"]):
        result = runner.invoke(args=command)
        assert result.exit_code == 2
        assert "PLANNER_REDIS_URL is not set: jobs run inline" in result.output


@pytest.mark.parametrize("command", [["worker", "--burst"], ["jobs"], ["refresh-plans"]])
def test_an_unreachable_redis_is_one_line_without_its_address(app, trips, command):
    app.config["PLANNER_REDIS_URL"] = "redis://:hunter2-password@127.0.0.1:1/0"
    result = app.test_cli_runner().invoke(args=command)
    assert result.exit_code == 1
    assert result.output == "Error: the job queue's Redis is unreachable (ConnectionError)\n"
    app.extensions.pop("planner.redis").close()
