"""Security headers on every response, and ``no_store`` for pages that show a patient's plan.

In production the app also answers with HSTS and never runs in debug mode, whatever FLASK_DEBUG says.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import wraps

from flask import Flask, Response, make_response

#: no inline scripts or styles anywhere: templates link static files only
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "img-src 'self' data:",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
    )
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def _add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def no_store(view: Callable) -> Callable:
    """Mark a view's responses ``Cache-Control: no-store`` (a patient's plan must not be cached)."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        response = make_response(view(*args, **kwargs))
        response.headers["Cache-Control"] = "no-store"
        return response

    return wrapper


def _force_production(app: Flask) -> None:
    """Debug off for the app and for `flask run` (which reads FLASK_DEBUG after loading the app)."""
    app.config["DEBUG"] = False
    app.debug = False
    os.environ["FLASK_DEBUG"] = "0"
    hsts = app.config["PLANNER_HSTS"]

    @app.after_request
    def _hsts(response: Response) -> Response:
        response.headers.setdefault("Strict-Transport-Security", hsts)
        return response


def init_app(app: Flask) -> None:
    """Add the security headers to every response, error pages included; in production, HSTS and no debug."""
    if app.config.get("PLANNER_ENV") == "production":
        _force_production(app)
    app.after_request(_add_headers)
