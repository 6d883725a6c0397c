"""Security headers on every response, and ``no_store`` for pages that show a patient's plan."""

from __future__ import annotations

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


def init_app(app: Flask) -> None:
    """Add the security headers to every response, error pages included."""
    app.after_request(_add_headers)
