"""Errors of the API as RFC 9457 problem details (``application/problem+json``), naming the field.

Every error under /api/v1/ answers so, whatever raised it: a view's ``problem()``, webargs'
validation (422, one entry per field), an HTTP error (404, 405, 429...) or an unexpected one.
"""

from __future__ import annotations

import marshmallow as ma
from flask import Response, json
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException

PROBLEM_JSON = "application/problem+json"
#: a problem's ``title`` by status, in the request's language (Accept-Language); others keep werkzeug's name
TITLES = {
    400: _l("Bad Request"),
    401: _l("Unauthorized"),
    403: _l("Forbidden"),
    404: _l("Not Found"),
    405: _l("Method Not Allowed"),
    406: _l("Not Acceptable"),
    409: _l("Conflict"),
    410: _l("Gone"),
    412: _l("Precondition Failed"),
    413: _l("Request Entity Too Large"),
    415: _l("Unsupported Media Type"),
    422: _l("Unprocessable Entity"),
    428: _l("Precondition Required"),
    429: _l("Too Many Requests"),
    500: _l("Internal Server Error"),
    503: _l("Service Unavailable"),
}
#: werkzeug's own descriptions (the ``detail`` of an HTTP error no view explained), translated
_DEFAULT_DETAILS = {
    "The browser (or proxy) sent a request that this server could not understand.": _l(
        "The browser (or proxy) sent a request that this server could not understand."
    ),
    "The requested URL was not found on the server. If you entered the URL manually please check your spelling"
    " and try again.": _l(
        "The requested URL was not found on the server. If you entered the URL manually please check your spelling"
        " and try again."
    ),
    "The method is not allowed for the requested URL.": _l("The method is not allowed for the requested URL."),
    "The data value transmitted exceeds the capacity limit.": _l(
        "The data value transmitted exceeds the capacity limit."
    ),
    "The server does not support the media type transmitted in the request.": _l(
        "The server does not support the media type transmitted in the request."
    ),
    "The server encountered an internal error and was unable to complete your request. Either the server is"
    " overloaded or there is an error in the application.": _l(
        "The server encountered an internal error and was unable to complete your request. Either the server is"
        " overloaded or there is an error in the application."
    ),
}
#: webargs' locations, named as the client knows them
_LOCATIONS = {"json": "", "query": "", "view_args": "", "headers": ""}


class ApiProblem(HTTPException):
    """An error a view raises: the status, what went wrong, and the field it is about."""

    def __init__(self, status: int, detail: str, field: str | None = None, headers: dict | None = None):
        super().__init__(description=detail)
        self.code = status
        self.field = field
        self.extra_headers = headers or {}


def problem(status: int, detail: str, field: str | None = None, headers: dict | None = None) -> ApiProblem:
    """The exception to raise for an error answer (``raise problem(404, "no such client")``)."""
    return ApiProblem(status, detail, field, headers)


class FieldErrorSchema(ma.Schema):
    """One refused field."""

    field = ma.fields.String(required=True, metadata={"description": "the field, as a path (treatments[0].count)"})
    reason = ma.fields.String(required=True)


class ProblemSchema(ma.Schema):
    """RFC 9457 problem details; ``errors`` lists every refused field, ``field`` the first."""

    type = ma.fields.String(required=True)
    title = ma.fields.String(required=True)
    status = ma.fields.Integer(required=True)
    detail = ma.fields.String(required=True)
    field = ma.fields.String(metadata={"description": "the field the error is about, when there is one"})
    errors = ma.fields.List(ma.fields.Nested(FieldErrorSchema))


def _flatten(messages, path: str = "") -> list[dict]:
    """webargs' nested messages as (field path, reason) entries."""
    if isinstance(messages, dict):
        found = []
        for key, value in messages.items():
            name = str(key)
            if not path and name in _LOCATIONS:
                found += _flatten(value, _LOCATIONS[name])
            elif name.isdigit():
                found += _flatten(value, f"{path}[{name}]")
            else:
                found += _flatten(value, f"{path}.{name}" if path else name)
        return found
    if isinstance(messages, list | tuple):
        if all(isinstance(item, str) for item in messages):
            return [{"field": path or "body", "reason": " ".join(messages)}]
        return [entry for item in messages for entry in _flatten(item, path)]
    return [{"field": path or "body", "reason": str(messages)}]


def problem_response(error: HTTPException) -> Response:
    """The problem document of an HTTP error."""
    status = error.code or 500
    title = str(TITLES.get(status, error.name))
    detail = error.description or title
    detail = str(_DEFAULT_DETAILS.get(detail, detail))
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    headers = dict(getattr(error, "extra_headers", {}))
    data = getattr(error, "data", None) or {}
    errors = _flatten(data["messages"]) if "messages" in data else []
    field = getattr(error, "field", None)
    if field is not None:
        errors = [{"field": field, "reason": body["detail"]}]
    if errors:
        body["errors"] = errors
        body["field"] = errors[0]["field"]
        body["detail"] = "; ".join(f"{entry['field']}: {entry['reason']}" for entry in errors)
    headers.update(data.get("headers") or {})
    if status == 405 and hasattr(error, "valid_methods") and error.valid_methods:
        headers["Allow"] = ", ".join(error.valid_methods)
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_JSON)
    response.headers.extend(headers)
    response.headers["Cache-Control"] = "no-store"
    return response
