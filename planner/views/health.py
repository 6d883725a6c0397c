"""``/healthz`` (alive) and ``/readyz`` (database and Redis reachable): what a load balancer calls."""

from __future__ import annotations

import redis
from flask import Blueprint, Response, current_app
from sqlalchemy import text

from planner.extensions import db

blueprint = Blueprint("health", __name__)


@blueprint.get("/healthz")
def healthz() -> Response:
    """ "ok" while the app serves requests; it touches no database, so it only says the process is up."""
    return Response("ok\n", mimetype="text/plain")


def _redis_urls() -> list[str]:
    """The Redis servers this instance needs: the job queue's and the rate limits' (when they are Redis)."""
    urls = [current_app.config.get("PLANNER_REDIS_URL") or ""]
    urls.append(current_app.config.get("RATELIMIT_STORAGE_URI") or "")
    return list(dict.fromkeys(url for url in urls if url.startswith(("redis://", "rediss://", "unix://"))))


def _redis_ok(url: str) -> bool:
    clients = current_app.extensions.setdefault("planner.readyz", {})
    if url not in clients:
        clients[url] = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
    try:
        return bool(clients[url].ping())
    except redis.RedisError as error:
        current_app.logger.warning("readyz: redis unreachable (%s)", type(error).__name__)
        return False


def _database_ok() -> bool:
    try:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception as error:  # any failure means "not ready"; the log names its kind only
        current_app.logger.warning("readyz: database unreachable (%s)", type(error).__name__)
        return False


@blueprint.get("/readyz")
def readyz() -> Response:
    """200 when the database and every configured Redis answer, else 503 naming which did not (no addresses)."""
    urls = _redis_urls()
    checks = {"database": _database_ok()}
    if urls:
        checks["redis"] = all([_redis_ok(url) for url in urls])
    body = "".join(f"{name} {'ok' if ok else 'unreachable'}\n" for name, ok in checks.items())
    if not urls:
        body += "redis not configured\n"
    response = Response(body, status=200 if all(checks.values()) else 503, mimetype="text/plain")
    response.headers["Cache-Control"] = "no-store"
    return response
