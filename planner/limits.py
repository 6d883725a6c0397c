"""Rate limits on every anonymous write and every token route, counted per address in the shared storage.

Each limit is read from the config when a request arrives (``*_RATE_LIMIT``, Flask-Limiter's
"N per minute; M per hour" notation), so a deployment or a test can change it. The counters
live in RATELIMIT_STORAGE_URI: Redis in production, so every worker counts the same tries.
The login limits sit with the login view (per address and per email tried).
"""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app

from planner.extensions import limiter

#: the limits when the config names none; a feed is polled by calendar apps, often many behind one address
DEFAULTS = {
    "REGISTER_RATE_LIMIT": "5 per minute; 30 per hour",
    "PLAN_SAVE_RATE_LIMIT": "10 per minute; 200 per day",
    "PLAN_API_RATE_LIMIT": "60 per minute",
    "RESET_RATE_LIMIT": "10 per minute",
    "TOKEN_RATE_LIMIT": "120 per minute",
    "FEED_RATE_LIMIT": "600 per minute",
    "API_RATE_LIMIT": "120 per minute",
}


def _configured(name: str) -> Callable[[], str]:
    return lambda: current_app.config.get(name) or DEFAULTS[name]


#: POST /register
register = limiter.limit(_configured("REGISTER_RATE_LIMIT"), methods=["POST"])
#: POST /plan/save (an anonymous write: every save stores a trip)
plan_save = limiter.limit(_configured("PLAN_SAVE_RATE_LIMIT"))
#: POST /api/plan (anonymous, and each call runs the scheduler)
plan_api = limiter.limit(_configured("PLAN_API_RATE_LIMIT"))
#: /reset-password/<token>, both the page and the form
password_reset = limiter.limit(_configured("RESET_RATE_LIMIT"))
#: every /t/<token>… and /shared/<token>… route, one budget for them all (guessing one token or another costs the same)
token_pages = limiter.shared_limit(_configured("TOKEN_RATE_LIMIT"), scope="token-pages")
#: /feeds/<token>.ics, generous: calendar apps poll
feed = limiter.limit(_configured("FEED_RATE_LIMIT"))
#: every route of /api/v1/ (a whole blueprint at a time), on top of plan_api for POST /api/v1/plans
api = limiter.limit(_configured("API_RATE_LIMIT"))
