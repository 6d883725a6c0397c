"""``/healthz``: the liveness check a load balancer or an operator calls (and the benchmarks' baseline)."""

from __future__ import annotations

from flask import Blueprint, Response

blueprint = Blueprint("health", __name__)


@blueprint.get("/healthz")
def healthz() -> Response:
    """ "ok" while the app serves requests; it touches no database, so it only says the process is up."""
    return Response("ok\n", mimetype="text/plain")
