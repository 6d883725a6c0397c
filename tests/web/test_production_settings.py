"""Production cannot be misconfigured quietly: PLANNER_ENV is checked at start, and production means
HSTS, a real SECRET_KEY, no debug and __Host- cookies."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from flask.helpers import get_debug_flag

from planner import create_app
from planner.config import ConfigError

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k" * 32


@pytest.fixture
def environment(monkeypatch, tmp_path):
    """Set the environment of the next ``create_app``: PLANNER_ENV, SECRET_KEY (None unsets)."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'planner.sqlite3'}")
    monkeypatch.setenv("FLASK_DEBUG", "")  # production rewrites it: undone after the test

    def set_to(env: str | None, key: str | None = STRONG_KEY, **more: str):
        for name, value in {"PLANNER_ENV": env, "SECRET_KEY": key, **more}.items():
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)

    return set_to


@pytest.mark.parametrize("value", ["production", "Production", "PRODUCTION", " production "])
def test_production_is_recognised_in_any_case(environment, value):
    environment(value)
    assert create_app().config["PLANNER_ENV"] == "production"


@pytest.mark.parametrize(
    ("value", "expected"), [(None, "development"), ("", "development"), ("Development", "development")]
)
def test_development_is_the_default(environment, value, expected):
    environment(value, key="short")
    assert create_app().config["PLANNER_ENV"] == expected


@pytest.mark.parametrize("value", ["prod", "staging", "productoin", "test"])
def test_an_unknown_environment_is_refused_at_start(environment, value):
    environment(value)
    with pytest.raises(ConfigError, match=f"PLANNER_ENV must be one of development, production .* not '{value}'"):
        create_app()


def test_the_command_line_stops_with_the_message(environment):
    environment("Prod")
    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "planner", "routes"],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "PLANNER_ENV must be one of development, production (any case), not 'prod'" in result.stderr


@pytest.mark.parametrize("key", [None, "", "x", "k" * 31, "é" * 15])
def test_production_requires_a_secret_key_of_32_bytes(environment, key):
    environment("production", key=key)
    with pytest.raises(ConfigError, match="SECRET_KEY must be set to at least 32 bytes in production"):
        create_app()


def test_a_32_byte_key_is_enough(environment):
    environment("production", key="é" * 16)
    assert create_app().config["SECRET_KEY"] == "é" * 16


def test_production_sends_hsts_for_a_year(environment):
    environment("production")
    response = create_app().test_client().get("/healthz")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_development_sends_no_hsts(environment):
    environment(None)
    assert "Strict-Transport-Security" not in create_app().test_client().get("/healthz").headers


def test_production_ignores_flask_debug(environment):
    environment("production", FLASK_DEBUG="1")
    app = create_app({"DEBUG": True})
    assert app.debug is False
    assert get_debug_flag() is False  # what `flask run` reads, after loading the app, for the debugger


def test_production_cookies_are_secure_with_the_host_prefix(environment):
    environment("production")
    response = create_app().test_client().get("/login")
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-session=")
    assert "Secure" in cookie and "HttpOnly" in cookie and "Path=/" in cookie
    assert "Domain" not in cookie
