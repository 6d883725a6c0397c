"""The app's clock: every "now" outside the engine comes from here, so a test can set it.

The engine never reads a clock (callers pass "now" in). The web layer, the services, the
column defaults and the CLI ask ``utcnow()``, which answers the app's ``PLANNER_CLOCK`` (a
callable returning an aware UTC datetime) when one is configured, else the real time.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import current_app, has_app_context


def utcnow() -> datetime:
    """The current instant in UTC, from the app's configured clock when there is one."""
    if has_app_context():
        clock = current_app.config.get("PLANNER_CLOCK")
        if clock is not None:
            return clock()
    return datetime.now(UTC)
