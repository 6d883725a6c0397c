"""Security headers on every response, JSON errors under /api/, and no-store for plan pages."""

from __future__ import annotations

import pytest
from flask import abort

from planner.security import no_store

EXPECTED = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
CSP_DIRECTIVES = (
    "default-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
)


@pytest.fixture
def app(app):
    """The app with a few extra routes: a failing page, a plan page, an API 404."""

    @app.get("/test/boom")
    def boom():
        raise RuntimeError("secret detail that must not leak")

    @app.get("/test/plan")
    @no_store
    def plan_page():
        return "a patient's plan"

    @app.get("/api/test/missing")
    def api_missing():
        abort(404)

    app.config["PROPAGATE_EXCEPTIONS"] = False
    return app


@pytest.mark.parametrize(
    ("path", "status"),
    [("/", 200), ("/static/style.css", 200), ("/no-such-page", 404), ("/test/boom", 500), ("/api/test/missing", 404)],
)
def test_security_headers_on_every_response(client, path, status):
    response = client.get(path)
    response.close()  # a static file response holds the file open until closed
    assert response.status_code == status
    for name, value in EXPECTED.items():
        assert response.headers[name] == value
    policy = response.headers["Content-Security-Policy"]
    for directive in CSP_DIRECTIVES:
        assert directive in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_no_store_only_where_asked(client):
    assert client.get("/test/plan").headers["Cache-Control"] == "no-store"
    assert "no-store" not in client.get("/treatments").headers.get("Cache-Control", "")


def test_friendly_404_page(client):
    response = client.get("/no-such-page")
    assert response.mimetype == "text/html"
    assert "We could not find that page" in response.get_data(as_text=True)


def test_500_page_hides_the_exception(client):
    response = client.get("/test/boom")
    body = response.get_data(as_text=True)
    assert response.mimetype == "text/html"
    assert "Something went wrong" in body
    assert "secret detail" not in body and "Traceback" not in body
    assert "<h1>Something went wrong on our side</h1>" in body
    assert "Internal Server Error" not in body


def test_error_pages_speak_plainly_and_the_api_keeps_http_names(client):
    page = client.post("/treatments").get_data(as_text=True)
    assert "<h1>That cannot be done on this page</h1>" in page
    assert client.get("/api/test/missing").get_json()["error"] == "Not Found"


def test_api_errors_are_json(client):
    response = client.get("/api/test/missing")
    assert response.mimetype == "application/json"
    assert response.get_json()["status"] == 404


def test_pages_have_no_inline_script_or_style(client):
    body = client.get("/").get_data(as_text=True)
    assert "<script>" not in body and "<style" not in body and " style=" not in body
