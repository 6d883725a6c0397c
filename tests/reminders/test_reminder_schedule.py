"""The RQ cron configuration of send-reminders, and what a worker's job does with it."""

from __future__ import annotations

import importlib
import sys

from rq import cron

from planner.jobs.queue import perform
from planner.jobs.reminders import Swept


def test_the_cron_config_registers_send_reminders_every_fifteen_minutes(monkeypatch):
    monkeypatch.setattr(cron, "_job_data_registry", [])
    sys.modules.pop("planner.jobs.reminder_cron", None)
    importlib.import_module("planner.jobs.reminder_cron")
    [job] = cron._job_data_registry
    assert job["func"] is perform
    assert job["args"] == ("planner.jobs.reminders:send_due_reminders",)
    assert (job["queue_name"], job["interval"], job["name"]) == ("planner", 900, "send-reminders")


def test_the_scheduled_job_sends_through_perform(app):
    with app.app_context():
        assert perform("planner.jobs.reminders:send_due_reminders") == Swept(0, 0)
