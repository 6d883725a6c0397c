"""``/readyz``: 200 when the database and Redis answer, 503 naming the one that does not (and no address)."""

from __future__ import annotations

import os
import socket

import pytest
from sqlalchemy.exc import OperationalError

from planner.extensions import db


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_ready_on_the_database_without_redis_configured(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.text == "database ok\nredis not configured\n"
    assert response.mimetype == "text/plain" and response.headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_not_ready_when_the_database_is_down(app, client, monkeypatch, caplog):
    with app.app_context():
        engine = db.engine

    def refused(*_args, **_kwargs):
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError("secret-host:5432 refused"))

    with monkeypatch.context() as patch:
        patch.setattr(engine, "connect", refused)
        response = client.get("/readyz")
    assert response.status_code == 503 and response.text == "database unreachable\nredis not configured\n"
    assert "secret-host" not in caplog.text and "readyz: database unreachable (OperationalError)" in caplog.text


@pytest.mark.parametrize("setting", ["PLANNER_REDIS_URL", "RATELIMIT_STORAGE_URI"])
def test_not_ready_when_a_configured_redis_is_down(app, client, setting, caplog):
    url = f"redis://:hunter2-password@127.0.0.1:{_closed_port()}/0"
    app.config[setting] = url
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.text == "database ok\nredis unreachable\n"
    assert "hunter2" not in response.text and "hunter2" not in caplog.text
    assert "readyz: redis unreachable (ConnectionError)" in caplog.text
    app.extensions.pop("planner.readyz")[url].close()


def test_ready_when_redis_answers(app, client):
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("TEST_REDIS_URL is not set: CI must check /readyz against Redis")
        pytest.skip("Redis variant: set TEST_REDIS_URL to run it")
    app.config["PLANNER_REDIS_URL"] = url
    response = client.get("/readyz")
    assert response.status_code == 200 and response.text == "database ok\nredis ok\n"
    app.extensions.pop("planner.readyz")[url].close()
