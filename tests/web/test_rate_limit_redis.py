"""The login limit is counted in Redis when configured so, as in production.

Memory storage counts per process: with two gunicorn workers an attacker gets twice the
tries. With Redis every worker reads and writes the same counters.
"""

from __future__ import annotations

import uuid

import pytest
import redis

from planner import create_app
from planner.extensions import db


@pytest.fixture
def workers(redis_url, tmp_path, monkeypatch):
    """The planner with its rate limits stored in Redis, and a client of that Redis."""
    monkeypatch.setenv("SECRET_KEY", "test-secret-key")
    config = {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'planner.sqlite3'}",
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_STORAGE_URI": redis_url,
        "RATELIMIT_KEY_PREFIX": f"planner-test-{uuid.uuid4().hex}",
        "LOGIN_RATE_LIMIT": "4 per hour",  # an hour: a loaded machine may take a minute for 4 argon2 checks
    }
    app = create_app(config)
    with app.app_context():
        db.create_all()
    yield app.test_client(), redis.Redis.from_url(redis_url), config["RATELIMIT_KEY_PREFIX"]
    with app.app_context():
        db.engine.dispose()


def test_the_login_limit_is_counted_in_redis(workers):
    client, store, prefix = workers
    data = {"email": "someone@example.com", "password": "not the password"}
    assert [client.post("/login", data=data).status_code for _ in range(4)] == [200, 200, 200, 200]
    assert client.post("/login", data=data).status_code == 429
    # the counters any other worker would read are in Redis, under this app's prefix
    counters = [int(store.get(key)) for key in store.scan_iter(f"*{prefix}*") if store.type(key) == b"string"]
    assert counters and max(counters) >= 4
    for key in store.scan_iter(f"*{prefix}*"):
        store.delete(key)


def test_the_anonymous_write_limits_are_counted_in_redis(workers):
    client, store, _ = workers
    # the limiter is one object per process and keeps the key prefix of the first app it served: find the
    # counters by the route's name instead
    pattern = "*/accounts.register/*"
    for key in store.scan_iter(pattern):
        store.delete(key)
    data = {"email": "someone@example.com", "password": "pw", "confirm": "pw"}
    answers = [client.post("/register", data=data).status_code for _ in range(6)]
    assert answers == [200] * 5 + [429]  # REGISTER_RATE_LIMIT's default: 5 per minute
    counters = [int(store.get(key)) for key in store.scan_iter(pattern) if store.type(key) == b"string"]
    assert counters and max(counters) >= 5
    for key in store.scan_iter(pattern):
        store.delete(key)
