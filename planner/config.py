"""Settings from the environment; an SQLite file in instance/ by default."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path


def _secret_key(instance_path: Path) -> str:
    """SECRET_KEY from the environment; for local runs, a random key kept in instance/."""
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    if os.environ.get("PLANNER_ENV") == "production":
        raise RuntimeError("SECRET_KEY must be set in the environment in production")
    path = instance_path / "secret_key"
    if not path.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def _minutes(name: str, default: int) -> timedelta:
    """A duration in whole minutes from the environment, refused at start when it is not a positive number."""
    value = os.environ.get(name, str(default)).strip()
    if not value.isdigit() or int(value) < 1:
        raise RuntimeError(f"{name} must be a whole number of minutes (at least 1), not {value!r}")
    return timedelta(minutes=int(value))


def from_environment(instance_path: Path) -> dict:
    """The configuration mapping for an app whose instance folder is ``instance_path``."""
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{instance_path / 'planner.sqlite3'}"
    if database.startswith("postgres://"):  # the form some hosts give
        database = "postgresql+psycopg://" + database.removeprefix("postgres://")
    elif database.startswith("postgresql://"):
        database = "postgresql+psycopg://" + database.removeprefix("postgresql://")
    lifetime = _minutes("PLANNER_SESSION_MAX_MINUTES", 12 * 60)
    return {
        "SECRET_KEY": _secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": database,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "PLANNER_HOST": os.environ.get("PLANNER_HOST", "planner.local"),
        "PLANNER_BASE_URL": os.environ.get("PLANNER_BASE_URL", "http://127.0.0.1:5000"),
        "PLANNER_CATALOG": os.environ.get("PLANNER_CATALOG") or None,
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("PLANNER_ENV") == "production",
        # a login ends after this long without a request, and this long after it began (checked on the server)
        "SESSION_IDLE_TIMEOUT": _minutes("PLANNER_SESSION_IDLE_MINUTES", 30),
        "SESSION_ABSOLUTE_LIFETIME": lifetime,
        # the signed cookie and the CSRF token are refused past the same lifetime, whatever the browser says
        "PERMANENT_SESSION_LIFETIME": lifetime,
        "WTF_CSRF_TIME_LIMIT": int(lifetime.total_seconds()),
    }
