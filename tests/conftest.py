"""Fixtures shared by every layer: ``app``, ``client`` and ``runner`` on each database.

Every test that takes ``app`` runs on SQLite (a temporary file) and on PostgreSQL when
TEST_DATABASE_URL is set. Without it the PostgreSQL variants are skipped locally and fail in
CI (CI=true), so a CI run can never pass by silently testing one database only.
"""

from __future__ import annotations

import os
import re
import time
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from hypothesis import HealthCheck, settings

from planner import create_app
from planner.extensions import db

# Hypothesis profiles, chosen with HYPOTHESIS_PROFILE ("dev" by default) for every layer's tests;
# "ci" runs more examples with derandomize=True, so a CI failure reproduces on every run. A test
# that scales its count (tests/web/test_every_form_property.py) reads settings.default.max_examples.
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci", max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def pytest_configure(config):
    """Compile the gettext catalogs that changed (make does it too; a bare pytest run needs it)."""
    if not hasattr(config, "workerinput"):  # once, in the controlling process, before workers start
        from planner.i18n.catalogs import compile_stale

        compile_stale()


def _sqlalchemy_url(url: str) -> str:
    """The SQLAlchemy form of a libpq URL (psycopg 3 driver)."""
    return re.sub(r"^postgres(ql)?://", "postgresql+psycopg://", url)


def _fresh_schema(url: str, schema: str) -> str:
    """Drop and recreate a schema of its own for this test; return a URL that uses it."""
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        connection.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in url else "?"
    return _sqlalchemy_url(url) + f"{separator}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def db_url(request, tmp_path) -> str:
    """The SQLAlchemy URL of an empty database, one per test (SQLite file or PostgreSQL schema)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'planner.sqlite3'}"
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("TEST_DATABASE_URL is not set: CI must run the PostgreSQL variants")
        pytest.skip("PostgreSQL variant: set TEST_DATABASE_URL to run it")
    return _fresh_schema(url, _SCHEMA)


#: one schema per test process, so parallel workers and concurrent runs never share tables
_SCHEMA = f"test_{os.getpid()}"


@pytest.fixture(scope="session", autouse=True)
def _drop_test_schema():
    """Drop this process's PostgreSQL schema when the run ends."""
    yield
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA IF EXISTS "{_SCHEMA}" CASCADE')


#: the instant every test starts at: no test reads the real clock (planner.clock, PLANNER_CLOCK)
TEST_NOW = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)


class Clock:
    """The app's clock in a test: starts at a fixed instant and runs on, so writes get distinct stamps.

    It reads no date from the machine (only how much time has passed), so the suite sees the
    same day whatever the date; ``advance`` jumps ahead.
    """

    def __init__(self, start: datetime) -> None:
        self._start = start
        self._began = time.monotonic()

    @property
    def now(self) -> datetime:
        """The current instant on this clock."""
        return self._start + timedelta(seconds=time.monotonic() - self._began)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        """Jump forward by a ``timedelta(**delta)``; return the new time."""
        self._start += timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> Clock:
    """The app's clock in this test, at TEST_NOW (``clock.now``, ``clock.advance(days=1)``)."""
    return Clock(TEST_NOW)


@pytest.fixture
def app_config() -> dict:
    """Extra configuration for the ``app`` fixture; override it in a test module to change it."""
    return {}


@pytest.fixture
def app(db_url, app_config, clock, monkeypatch, tmp_path):
    """The planner app on an empty database with every table created."""
    monkeypatch.setenv("SECRET_KEY", "test-secret-key")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": db_url,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "PLANNER_CLOCK": clock,
        **app_config,
    }
    app = create_app(config)
    with app.app_context():
        import planner.models  # noqa: F401  (registers every table on db.metadata)

        db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def client(app):
    """A test client for the app."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner for the app's commands."""
    return app.test_cli_runner()


@pytest.fixture
def redis_url() -> str:
    """The Redis of the tests that need a real one (rate-limit storage, the job queue): CI must give it."""
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("TEST_REDIS_URL is not set: CI must test the Redis rate-limit storage and job queue")
        pytest.skip("Redis variant: set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379/15) to run it")
    return url
