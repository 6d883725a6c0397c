"""Background work: RQ on Redis (``PLANNER_REDIS_URL``), or inline without it (docs/deployment.md).

``enqueue(func, *args, key=...)`` sends a job after the session's commit; ``flask --app planner
worker`` runs them (``--burst``: what is queued, then exits). Jobs are idempotent, retried with
backoff (``PLANNER_JOB_RETRY_INTERVALS``), and kept with their error when they keep failing.
"""

from planner.jobs.queue import JobFailed, Sent, enqueue, redis_url

__all__ = ["JobFailed", "Sent", "enqueue", "redis_url"]
