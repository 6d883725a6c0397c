"""Friendly error pages, and JSON errors under /api/."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from planner.core.catalog import CatalogError

#: plain-language headings for the error pages people see (the HTTP name stays for the API)
HEADINGS = {
    400: "We could not read that request",
    403: "This page is not open to you",
    405: "That cannot be done on this page",
    413: "That was too large to send",
    429: "Too many tries in a short time",
    500: "Something went wrong on our side",
}


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def _http_error(error: HTTPException):
    """An HTTP error as JSON for the API, as a page for people."""
    code = error.code or 500
    if _wants_json():
        return jsonify(error=error.name, message=error.description, status=code), code
    template = "errors/404.html" if code == 404 else "errors/error.html"
    return render_template(template, error=error, heading=HEADINGS.get(code, error.name)), code


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
