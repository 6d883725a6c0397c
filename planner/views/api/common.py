"""What every API blueprint shares: the problem responses in the spec, conditional reads, a JSON body."""

from __future__ import annotations

from collections.abc import Callable

from flask import request
from flask_babel import gettext as _

from planner import limits
from planner.extensions import csrf
from planner.views.api.problems import PROBLEM_JSON, ProblemSchema, problem

#: the ETag every read answers with, and If-None-Match for a 304
ETAG_HEADER = {
    "ETag": {"description": "strong tag of the body; send it back in If-None-Match", "schema": {"type": "string"}}
}
IF_NONE_MATCH = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": "an ETag of an earlier answer: 304 when nothing changed",
    "schema": {"type": "string"},
}


def reads(blp, status: int, schema) -> Callable:
    """A GET operation: the body, its ETag, 304 on a matching If-None-Match (see ``conditional``)."""

    def decorator(view: Callable) -> Callable:
        view = blp.alt_response(304, description="Not modified: the ETag sent still matches")(view)
        view = blp.response(status, schema, headers=ETAG_HEADER)(view)
        return blp.doc(parameters=[IF_NONE_MATCH])(view)

    return decorator


def errors(blp, *statuses: int) -> Callable:
    """Document the problem responses an operation gives (and the spec's ``default`` covers the rest)."""

    def decorator(view: Callable) -> Callable:
        for status in statuses:
            view = blp.alt_response(status, schema=ProblemSchema, content_type=PROBLEM_JSON)(view)
        return view

    return decorator


def json_body() -> object:
    """The request's JSON body; a problem when it is not JSON."""
    if not request.is_json:
        raise problem(415, _("send the body as JSON (Content-Type: application/json)"), "body")
    try:
        body = request.get_json(silent=True)
    except RecursionError:  # the JSON decoder gives up on deep nesting with this, not a ValueError
        raise problem(400, _("the JSON is nested too deeply"), "body") from None
    if body is None:
        raise problem(400, _("the body is not valid JSON"), "body")
    return body


def conditional(response):
    """A 200 read answers with a strong ETag of its body, and 304 when If-None-Match holds it."""
    if request.method in ("GET", "HEAD") and response.status_code == 200:
        response.add_etag()
        response.headers["Cache-Control"] = "private, no-cache"
        response.make_conditional(request)
    return response


def attributes(row, schema) -> dict:
    """The row's attributes a response schema shows, unserialized (the response decorator dumps them)."""
    return {name: getattr(row, name) for name in schema().fields}


def register_api_blueprint(blp) -> None:
    """Set up an API blueprint once, when its module loads: no CSRF (bearer tokens only), a rate
    limit on every route, conditional reads."""
    csrf.exempt(blp)
    limits.api(blp)
    blp.after_request(conditional)
