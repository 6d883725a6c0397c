"""Personal API tokens: stored hashed, scoped read-only or read-write, revocable, last use shown,
made on the account page (shown once) and with `flask api-token`; a session cookie is no API credential."""

from __future__ import annotations

import hashlib
import re

import pytest
from sqlalchemy import select

from planner.extensions import db
from planner.models import ApiToken
from tests.api.helpers import bearer, facilitator_token


def _row(app, token: str) -> ApiToken:
    with app.app_context():
        return db.session.scalar(
            select(ApiToken).where(ApiToken.token_hash == hashlib.sha256(token.encode()).hexdigest())
        )


def test_a_token_is_43_url_safe_characters_and_only_its_sha256_is_stored(app):
    token = facilitator_token(app)
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", token)
    row = _row(app, token)
    assert row is not None and token not in (row.token_hash, row.name)


def test_a_read_only_token_reads_and_gets_403_problem_on_writes(app):
    http = app.test_client(use_cookies=False)
    read_only = bearer(facilitator_token(app, read_only=True))
    assert http.get("/api/v1/clients", headers=read_only).status_code == 200
    refused = http.post("/api/v1/clients", json={"name": "Ana"}, headers=read_only)
    assert refused.status_code == 403
    assert refused.content_type == "application/problem+json"
    assert "read-only" in refused.get_json()["detail"]
    assert http.get("/api/v1/clients", headers=read_only).get_json()["items"] == []


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer nope", "Basic dXNlcjpwYXNz", "bearer  "])
def test_no_or_a_wrong_token_is_401_with_a_challenge(client, header):
    headers = {"Authorization": header} if header else {}
    refused = client.get("/api/v1/trips", headers=headers)
    assert refused.status_code == 401
    assert refused.headers["WWW-Authenticate"].startswith("Bearer")
    assert refused.get_json()["status"] == 401


def test_a_logged_in_browser_session_is_not_an_api_credential(client, facilitator):
    assert client.get("/dashboard").status_code == 200  # the browser is logged in
    assert client.get("/api/v1/clients").status_code == 401
    assert client.post("/api/v1/clients", json={"name": "Forged"}).status_code == 401


def test_the_last_use_is_recorded_on_the_tests_clock_once_a_minute(app, clock):
    token = facilitator_token(app)
    http = app.test_client(use_cookies=False)
    assert _row(app, token).last_used_at is None
    http.get("/api/v1/trips", headers=bearer(token))
    first = _row(app, token).last_used_at
    assert first is not None and abs((first - clock.now).total_seconds()) < 5
    http.get("/api/v1/trips", headers=bearer(token))
    assert _row(app, token).last_used_at == first  # within the minute: no write
    clock.advance(minutes=5)
    http.post("/api/v1/clients", json={"name": "Ana"}, headers=bearer(token))
    assert (_row(app, token).last_used_at - first).total_seconds() >= 300


def test_the_account_page_makes_a_token_shows_it_once_and_revokes_it(app, client, facilitator):
    made = client.post("/account/tokens", data={"name": "CRM sync", "read_only": "y"})
    assert made.status_code == 302 and made.headers["Location"].endswith("/account#tokens")
    page = client.get("/account").get_data(as_text=True)
    token = re.search(r'id="new-token"[^>]*value="([A-Za-z0-9_-]{43})"', page).group(1)
    assert "CRM sync" in page and "read-only" in page and "never" in page
    again = client.get("/account").get_data(as_text=True)
    assert token not in again and "CRM sync" in again  # shown once only

    http = app.test_client(use_cookies=False)
    assert http.get("/api/v1/trips", headers=bearer(token)).status_code == 200
    assert http.post("/api/v1/clients", json={"name": "A"}, headers=bearer(token)).status_code == 403
    row_id = _row(app, token).id
    assert client.post(f"/account/tokens/{row_id}/revoke").status_code == 302
    page = client.get("/account").get_data(as_text=True)
    assert "<strong>revoked</strong>" in page
    assert "Made an API token" in page and "Revoked an API token" in page  # the audit log
    assert http.get("/api/v1/trips", headers=bearer(token)).status_code == 401


def test_a_token_without_a_name_is_not_made(client, facilitator):
    client.post("/account/tokens", data={"name": "  "})
    page = client.get("/account").get_data(as_text=True)
    assert "The token was not made" in page and 'id="new-token"' not in page


def test_another_facilitators_token_cannot_be_revoked(app, client, facilitator):
    theirs = facilitator_token(app, "second@example.com")
    client.post(f"/account/tokens/{_row(app, theirs).id}/revoke")
    assert _row(app, theirs).revoked_at is None


def test_the_command_prints_a_working_token_once(app, runner):
    facilitator_token(app)  # makes the account
    result = runner.invoke(args=["api-token", "FIRST@example.com", "--name", "spreadsheet", "--read-only"])
    assert result.exit_code == 0
    token = result.output.strip()
    row = _row(app, token)
    assert row.name == "spreadsheet" and row.read_only is True
    http = app.test_client(use_cookies=False)
    assert http.get("/api/v1/clients", headers=bearer(token)).status_code == 200


def test_the_command_names_an_unknown_email(app, runner):
    result = runner.invoke(args=["api-token", "nobody@example.com"])
    assert result.exit_code == 2
    assert "email" in result.output and "nobody@example.com" in result.output
