"""Friendly error pages, JSON errors under /api/ and problem details under /api/v1/.

The 500 and 503 pages render from static context only: no database query, no
``current_user``, no flashed message (the base layout needs all three). When the database
is the thing that failed, the error page must still answer, with every security header.
"""

from __future__ import annotations

from flask import Flask, current_app, jsonify, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException, InternalServerError, ServiceUnavailable

from planner.core.catalog import CatalogError
from planner.i18n import ENGLISH
from planner.i18n.web import current_words
from planner.views.api.problems import problem_response

#: plain-language headings for the error pages people see (the HTTP name stays for the API)
HEADINGS = {
    400: _l("We could not read that request"),
    403: _l("This page is not open to you"),
    405: _l("That cannot be done on this page"),
    413: _l("That was too large to send"),
    429: _l("Too many tries in a short time"),
    500: _l("Something went wrong on our side"),
    503: _l("Not saved: please try again"),
}
#: what an error page says when the error carries werkzeug's own (English) description
DESCRIPTIONS = {
    400: _l("The page sent something the planner could not understand. Go back, reload the page and try again."),
    403: _l("You do not have access to this page."),
    405: _l("This page does not accept that kind of request."),
    413: _l("What you sent is larger than the planner accepts."),
    429: _l("Please wait a moment before you try again."),
}
#: the database could not be reached or could not write (down, restarting, disk full, locked too long)
UNAVAILABLE = (OperationalError, InterfaceError, DisconnectionError, PoolTimeout)
#: what a 503 says: nothing was stored, and the visitor's input is kept for the retry
NOT_SAVED = _l("Nothing was saved: the database is not answering right now. Your input is kept: please try again.")
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
        return _static_page(code, str(error.description)), code
    template = "errors/404.html" if code == 404 else "errors/error.html"
    heading = str(HEADINGS[code]) if code in HEADINGS else error.name
    return render_template(template, error=error, heading=heading, description=_description(error)), code


def _description(error: HTTPException) -> str:
    """The error's own words, or the page's translated sentence when it has werkzeug's default."""
    default = type(error).description
    if (error.description is None or error.description == default) and error.code in DESCRIPTIONS:
        return str(DESCRIPTIONS[error.code])
    return str(error.description)


def _static_page(code: int, message: str) -> str:
    """The 500 or 503 page; a POST's fields (passwords left out) come back in a retry form."""
    kept = []
    if request.method == "POST":
        kept = [(name, value) for name, value in request.form.items(multi=True) if name not in SECRET_FIELDS]
    # straight from the Jinja environment: render_template's context processors look up current_user
    template = current_app.jinja_env.get_template("errors/static.html")
    try:
        words = current_words()
    except Exception:  # noqa: BLE001 - the error page must answer whatever else failed
        words = ENGLISH
    return template.render(
        heading=str(HEADINGS[code]),
        message=message,
        kept=kept,
        path=request.path,
        html_lang=words.lang,
        text_dir=words.dir,
    )


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
    body, code = _http_error(ServiceUnavailable(description=str(NOT_SAVED)))
    return body, code, {"Retry-After": "5"}


def _catalog_error(error: CatalogError):
    """The catalog files have a mistake: say which, without a traceback."""
    wrapped = InternalServerError(description=_("The treatment catalog could not be loaded: %(error)s", error=error))
    return _http_error(wrapped)


def _unexpected(error: InternalServerError):
    """Any unhandled exception: a calm page, the details stay in the log."""
    wrapped = InternalServerError(description=_("Something went wrong on our side. Please try again later."))
    return _http_error(wrapped)


def init_app(app: Flask) -> None:
    """Register the error handlers."""
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(CatalogError, _catalog_error)
    app.register_error_handler(InternalServerError, _unexpected)
    for kind in UNAVAILABLE:
        app.register_error_handler(kind, _unavailable)
