"""Job functions for the tests: importable by name, as a worker needs them."""

from __future__ import annotations

import redis
from flask import current_app

from planner.extensions import db
from planner.models import Client

#: words a failing job's error carries, which must never reach the failed-job registry or a log
HEALTH_DETAIL = "knee cartilage injection, HIV screening positive"


def rename_client(client_id: int, name: str) -> str:
    """Set a client's name and commit (the same name twice changes nothing more)."""
    client = db.session.get(Client, client_id)
    client.name = name
    db.session.commit()
    return name


def always_fails(_trip_id: int) -> None:
    """Raise an error whose text holds health details."""
    raise ValueError(HEALTH_DETAIL)


def fails_first(counter: str) -> int:
    """Fail on the first try and succeed after: the tries are counted in Redis under ``counter``."""
    tries = redis.Redis.from_url(current_app.config["PLANNER_REDIS_URL"]).incr(counter)
    if tries == 1:
        raise ConnectionError(HEALTH_DETAIL)
    return tries


def fails_first_inline(counter: list) -> int:
    """``fails_first`` without Redis: the tries are appended to a list the test holds."""
    counter.append(1)
    if len(counter) == 1:
        raise ConnectionError(HEALTH_DETAIL)
    return len(counter)
