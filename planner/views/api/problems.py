"""Errors of the API as RFC 9457 problem details (``application/problem+json``), naming the field.

Every error under /api/v1/ answers so, whatever raised it: a view's ``problem()``, webargs'
validation (422, one entry per field), an HTTP error (404, 405, 429...) or an unexpected one.
"""

from __future__ import annotations

import marshmallow as ma
from flask import Response, json
from werkzeug.exceptions import HTTPException

PROBLEM_JSON = "application/problem+json"
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
    body = {"type": "about:blank", "title": error.name, "status": status, "detail": error.description or error.name}
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
