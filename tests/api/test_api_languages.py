"""API problems in the request's language (Accept-Language): still problem+json, fields and codes unchanged."""

from __future__ import annotations

from tests.api.helpers import bearer, facilitator_token


def _problem(response) -> dict:
    assert response.content_type == "application/problem+json"
    body = response.get_json()
    assert {"type", "title", "status", "detail"} <= set(body)
    assert all(isinstance(body[key], str) for key in ("type", "title", "detail"))
    return body


def test_a_problem_in_korean_is_still_problem_json(app):
    http = app.test_client(use_cookies=False)
    mine = bearer(facilitator_token(app))
    missing = http.get("/api/v1/clients/999", headers={**mine, "Accept-Language": "ko"})
    assert missing.status_code == 404
    body = _problem(missing)
    assert body["status"] == 404 and body["field"] == "client_id" and body["type"] == "about:blank"
    assert missing.headers["Content-Language"] == "ko"
    refused = http.post("/api/v1/clients", json={"name": ""}, headers={**mine, "Accept-Language": "ko, en;q=0.5"})
    assert refused.status_code == 422
    assert _problem(refused)["field"] == "name"


def test_an_unknown_route_and_no_token_answer_problems_in_arabic(app):
    http = app.test_client(use_cookies=False)
    for path, status in (("/api/v1/no-such-thing", 404), ("/api/v1/clients", 401)):
        response = http.get(path, headers={"Accept-Language": "ar"})
        assert response.status_code == status
        assert _problem(response)["status"] == status


def test_english_problem_titles_stay_the_http_names(app):
    http = app.test_client(use_cookies=False)
    response = http.get("/api/v1/clients")
    assert _problem(response)["title"] == "Unauthorized"
