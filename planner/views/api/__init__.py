"""API v1 under /api/v1/, code-first with flask-smorest: the spec is generated from the views.

``init_app`` binds the Api to the app, registers the blueprints (CSRF-exempt: the API's only
credential is a bearer token, never a cookie), puts a rate limit on every route, and makes every
200 read conditional (ETag, If-None-Match → 304). Errors are problem details (problems.py).
"""

from __future__ import annotations

import http

from flask import Flask
from flask_smorest import Api
from flask_smorest.utils import prepare_response

from planner.views.api.auth import SCHEME
from planner.views.api.problems import PROBLEM_JSON, ProblemSchema

VERSION = "1.0.0"


class PlannerApi(Api):
    """flask-smorest's Api with problem details (application/problem+json) as every error's body.

    The app's own error handlers answer (planner/errors.py, which hands /api/v1/ to problems.py),
    so none is registered here.
    """

    ERROR_SCHEMA = ProblemSchema

    def _register_error_handlers(self) -> None:
        pass

    def _register_responses(self) -> None:
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM_JSON if status >= 400 else "application/json")
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "An error, as RFC 9457 problem details", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_JSON)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)


def init_app(app: Flask) -> None:
    """Register API v1 on the app."""
    from planner.views.api import agency, clients, confirmations, docs, messages, public, quotes, sharing, trips

    api = PlannerApi(
        app,
        spec_kwargs={
            "title": "The planner API",
            "version": VERSION,
            "openapi_version": "3.1.0",
            "info": {"description": "Plans, the catalog, and a facilitator's clients and trips. See docs/api.md."},
        },
    )
    api.spec.components.security_scheme("bearerAuth", SCHEME)
    for module in (public, agency, clients, trips, sharing, confirmations, quotes, messages):
        api.register_blueprint(module.blueprint)
    app.register_blueprint(docs.blueprint)
    old_plan = next(rule for rule in app.url_map.iter_rules() if rule.endpoint == "plan_api.plan")
    api.spec.path(rule=old_plan, operations={"post": public.DEPRECATED_PLAN})
    app.extensions[docs.API_KEY] = api
