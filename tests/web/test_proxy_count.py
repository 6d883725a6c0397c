"""PLANNER_PROXY_COUNT: behind N proxies the app trusts exactly N hops of X-Forwarded-*, no more."""

from __future__ import annotations

import pytest
from flask import request

from planner import create_app
from planner.config import ConfigError, from_environment


def _seen(app, headers: dict) -> tuple[str, str, str]:
    """The address, scheme and host a view sees for a request from 10.0.0.9 with these headers."""
    seen = {}

    @app.get("/test-proxy-seen")
    def _view():
        seen["value"] = (request.remote_addr, request.scheme, request.host)
        return "ok"

    app.test_client().get("/test-proxy-seen", headers=headers, environ_base={"REMOTE_ADDR": "10.0.0.9"})
    return seen["value"]


FORWARDED = {
    "X-Forwarded-For": "203.0.113.7, 198.51.100.2",
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Host": "planner.example",
}


@pytest.fixture
def make(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "test-secret-key")

    def build(count: int):
        return create_app(
            {
                "TESTING": True,
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.sqlite3'}",
                "PLANNER_PROXY_COUNT": count,
            }
        )

    return build


def test_without_a_proxy_the_headers_are_ignored(make):
    assert _seen(make(0), FORWARDED) == ("10.0.0.9", "http", "localhost")


def test_one_proxy_trusts_the_last_hop_only(make):
    # a client that sends its own X-Forwarded-For cannot choose its address: nginx appends the real one
    assert _seen(make(1), FORWARDED) == ("198.51.100.2", "https", "planner.example")


def test_two_proxies_trust_two_hops(make):
    assert _seen(make(2), FORWARDED)[0] == "203.0.113.7"


@pytest.mark.parametrize("value", ["-1", "two", "1.5"])
def test_a_bad_proxy_count_stops_the_app_at_start(monkeypatch, tmp_path, value):
    monkeypatch.setenv("PLANNER_PROXY_COUNT", value)
    with pytest.raises(ConfigError, match=f"PLANNER_PROXY_COUNT must be a whole number .* not '{value}'"):
        from_environment(tmp_path)


def test_the_pool_and_retry_settings_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("PLANNER_DB_POOL_SIZE", "3")
    monkeypatch.setenv("PLANNER_DB_MAX_OVERFLOW", "0")
    monkeypatch.setenv("PLANNER_JOB_RETRY_INTERVALS", "10, 60")
    monkeypatch.setenv("PLANNER_REDIS_URL", "redis://127.0.0.1:6379/1")
    settings = from_environment(tmp_path)
    assert settings["SQLALCHEMY_ENGINE_OPTIONS"] == {
        "pool_pre_ping": True,
        "hide_parameters": True,
        "pool_size": 3,
        "max_overflow": 0,
    }
    assert settings["PLANNER_JOB_RETRY_INTERVALS"] == (10, 60)
    assert settings["PLANNER_REDIS_URL"] == "redis://127.0.0.1:6379/1"


@pytest.mark.parametrize(("name", "value"), [("PLANNER_DB_POOL_SIZE", "0"), ("PLANNER_JOB_RETRY_INTERVALS", "10,soon")])
def test_a_bad_pool_or_retry_setting_stops_the_app_at_start(monkeypatch, tmp_path, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=f"{name} must be"):
        from_environment(tmp_path)
