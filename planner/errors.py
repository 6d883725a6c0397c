"""Friendly error pages, JSON errors under /api/ and problem details under /api/v1/.

The 500 and 503 pages render from static context only: no database query, no
``current_user``, no flashed message (the base layout needs all three). When the database
is the thing that failed, the error page must still answer, with every security header.
"""

from __future__ import annotations

from flask import Flask, current_app, jsonify, render_template, request
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException, InternalServerError, ServiceUnavailable

from planner.core.catalog import CatalogError
from planner.views.api.problems import problem_response

#: plain-language headings for the error pages people see (the HTTP name stays for the API)
HEADINGS = {
    400: "We could not read that request",
    403: "This page is not open to you",
    405: "That cannot be done on this page",
    413: "That was too large to send",
    429: "Too many tries in a short time",
    500: "Something went wrong on our side",
    503: "Not saved: please try again",
}
#: the database could not be reached or could not write (down, restarting, disk full, locked too long)
UNAVAILABLE = (OperationalError, InterfaceError, DisconnectionError, PoolTimeout)
#: what a 503 says: nothing was stored, and the visitor's input is kept for the retry
NOT_SAVED = "Nothing was saved: the database is not answering right now. Your input is kept: please try again."
#: form fields never written back into a page, even for a retry
SECRET_FIELDS = frozenset({"password", "confirm", "current_password"})


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def _http_error(error: HTTPException):
    """An HTTP error as JSON for the API, as a page for people."""
    code = error.code or 500
    if request.path.startswith("/api/v1/"):
        return problem_response(error)
    if _wants_json():
        return jsonify(error=error.name, message=error.description, status=code), code
    if code in (500, 503):
        return _static_page(code, error.description), code
    template = "errors/404.html" if code == 404 else "errors/error.html"
    return render_template(template, error=error, heading=HEADINGS.get(code, error.name)), code


def _static_page(code: int, message: str) -> str:
    """The 500 or 503 page; a POST's fields (passwords left out) come back in a retry form."""
    kept = []
    if request.method == "POST":
        kept = [(name, value) for name, value in request.form.items(multi=True) if name not in SECRET_FIELDS]
    # straight from the Jinja environment: render_template's context processors look up current_user
    template = current_app.jinja_env.get_template("errors/static.html")
    return template.render(heading=HEADINGS[code], message=message, kept=kept, path=request.path)


def _unavailable(error: Exception):
    """The database failed under a request: 503 "not saved, try again" instead of a 500.

    The log names the failure's kinds only: the error's text holds the statement and could
    hold what the visitor typed.
    """
    current_app.logger.error(
        "database unavailable on %s %s: %s (%s)",
        request.method,
        request.endpoint,
        type(error).__name__,
        type(getattr(error, "orig", None)).__name__,
    )
    body, code = _http_error(ServiceUnavailable(description=NOT_SAVED))
    return body, code, {"Retry-After": "5"}


def _catalog_error(error: CatalogError):
    """The catalog files have a mistake: say which, without a traceback."""
    wrapped = InternalServerError(description=f"The treatment catalog could not be loaded: {error}")
    return _http_error(wrapped)


def _unexpected(error: InternalServerError):
    """Any unhandled exception: a calm page, the details stay in the log."""
    wrapped = InternalServerError(description="Something went wrong on our side. Please try again later.")
    return _http_error(wrapped)


def init_app(app: Flask) -> None:
    """Register the error handlers."""
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(CatalogError, _catalog_error)
    app.register_error_handler(InternalServerError, _unexpected)
    for kind in UNAVAILABLE:
        app.register_error_handler(kind, _unavailable)
