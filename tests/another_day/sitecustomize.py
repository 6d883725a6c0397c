"""Moves this Python process's clock to PLANNER_TEST_DATE (make test-another-day).

On PYTHONPATH, Python imports this module at start-up in every process (pytest, its xdist
workers, gunicorn and CLI subprocesses), so the whole suite runs as if on another day. The
clock keeps ticking from that date, so timeouts and sleeps behave as usual.
"""

from __future__ import annotations

import os

_DATE = os.environ.get("PLANNER_TEST_DATE")
if _DATE:
    import time_machine

    time_machine.travel(f"{_DATE}T09:30:00+00:00", tick=True).start()
