"""schemathesis over the whole API v1 spec, anonymously and with a read-write token.

Every operation gets hypothesis-made requests (valid and invalid); each response must be no
server error and must match the spec: a documented status, its content type, its body schema
and its headers. Derandomized in CI (HYPOTHESIS_PROFILE=ci), so a failure there reproduces.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from planner import create_app
from tests.api.helpers import KNEE, bearer, facilitator_token

#: the checks "0 server errors and 0 responses that violate the spec" stands for
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
IN_CI = os.environ.get("HYPOTHESIS_PROFILE") == "ci" or os.environ.get("CI") == "true"
#: examples per operation and way in: ~30 operations × 2 × 2 databases stays within a minute or two
EXAMPLES = int(os.environ.get("PLANNER_SCHEMATHESIS_EXAMPLES", "15"))


def _served_spec() -> dict:
    """The spec as an app serves it (the spec is the code's: the same for every database and test)."""
    before = os.environ.get("SECRET_KEY")
    os.environ["SECRET_KEY"] = "schemathesis-collection-key"  # no key file written to instance/
    try:
        app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://", "RATELIMIT_ENABLED": False})
        return app.test_client().get("/api/v1/openapi.json").get_json()
    finally:
        if before is None:
            del os.environ["SECRET_KEY"]
        else:
            os.environ["SECRET_KEY"] = before


@pytest.fixture
def token_headers(app) -> dict:
    """A read-write token whose owner has a client with a planned trip (ids 1)."""
    token = facilitator_token(app)
    http = app.test_client(use_cookies=False)
    client = http.post("/api/v1/clients", json={"name": "Ana Silva"}, headers=bearer(token)).get_json()
    trip = http.post(f"/api/v1/clients/{client['id']}/trips", json={"scenario": KNEE}, headers=bearer(token))
    assert trip.status_code == 201
    return bearer(token)


schema = schemathesis.openapi.from_dict(_served_spec())


SETTINGS = settings(
    max_examples=EXAMPLES,
    derandomize=IN_CI,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@SETTINGS
def test_every_operation_answers_anonymous_callers_within_its_spec(case, app):
    response = case.call(app=app)
    case.validate_response(response, checks=CHECKS)


@schema.parametrize()
@SETTINGS
def test_every_operation_answers_a_token_holder_within_its_spec(case, app, token_headers):
    response = case.call(app=app, headers=token_headers)
    case.validate_response(response, checks=CHECKS, headers=token_headers)
