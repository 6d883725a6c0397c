"""Every API v1 route has a rate limit: API_RATE_LIMIT, and PLAN_API_RATE_LIMIT for POST /api/v1/plans
(each run of the scheduler counts, as on /api/plan)."""

from __future__ import annotations

import pytest

from tests.api.helpers import KNEE, bearer, facilitator_token


@pytest.fixture
def app_config() -> dict:
    return {
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_STORAGE_URI": "memory://",
        "API_RATE_LIMIT": "3 per minute",
        "PLAN_API_RATE_LIMIT": "3 per minute",
    }


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/protocols"),
        ("get", "/api/v1/clinics"),
        ("get", "/api/v1/openapi.json"),
        ("get", "/api/v1/docs"),
        ("get", "/api/v1/trips"),
        ("get", "/api/v1/clients"),
        ("get", "/api/v1/agency"),
        ("post", "/api/v1/clients"),
        ("post", "/api/v1/plans"),
    ],
)
def test_the_fourth_call_in_a_minute_is_a_429_problem(app, method, path):
    http = app.test_client(use_cookies=False)
    headers = bearer(facilitator_token(app))
    body = KNEE if path.endswith("plans") else {"name": "Ana"}
    answers = [getattr(http, method)(path, headers=headers, json=body if method == "post" else None) for _ in range(4)]
    assert [a.status_code < 400 for a in answers[:3]] == [True] * 3
    assert answers[3].status_code == 429
    assert answers[3].content_type == "application/problem+json"


@pytest.mark.parametrize("path", ["quotes", "quotes/current", "payments"])
def test_the_quote_routes_are_limited_too(app, path):
    http = app.test_client(use_cookies=False)
    headers = bearer(facilitator_token(app))
    client = http.post("/api/v1/clients", json={"name": "Ana"}, headers=headers).get_json()
    trip = http.post(f"/api/v1/clients/{client['id']}/trips", json={"scenario": KNEE}, headers=headers).get_json()
    assert http.post(f"/api/v1/trips/{trip['id']}/quotes", json={}, headers=headers).status_code == 201
    answers = [http.get(f"/api/v1/trips/{trip['id']}/{path}", headers=headers) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert answers[3].content_type == "application/problem+json"
