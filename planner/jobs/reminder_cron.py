"""RQ's cron scheduler runs send-reminders every 15 minutes: ``rq cron planner.jobs.reminder_cron --url REDIS``.

The scheduler only enqueues; a ``flask --app planner worker`` runs the job in an app context, through
``perform`` like every planner job (its error kept as a class name). Several schedulers, or a cron
line besides, are harmless: each reminder is claimed once (docs/deployment.md, "Reminders").
"""

from __future__ import annotations

import os

from rq import cron

from planner.jobs.queue import perform

#: seconds between two runs: a reminder is at most this late
INTERVAL = 15 * 60

cron.register(
    perform,
    os.environ.get("PLANNER_JOB_QUEUE") or "planner",
    args=("planner.jobs.reminders:send_due_reminders",),
    interval=INTERVAL,
    name="send-reminders",
)
