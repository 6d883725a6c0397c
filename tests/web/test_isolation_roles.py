"""Who sees what inside one agency: every route tried by a finance member, a viewer and a coordinator not
assigned to the client, and the members' API tokens (tests/web/test_isolation.py has the fixture and the rest)."""

from __future__ import annotations

import secrets

import pytest
from sqlalchemy import select

from planner.extensions import db
from planner.models import User
from planner.services.accounts.api_tokens import create_api_token
from planner.services.accounts.passwords import hash_password
from planner.services.accounts.users import log_in as open_login
from planner.views.gate import MONEY_READ, MONEY_WRITE, in_workspace
from tests.conftest import TEST_NOW
from tests.web.test_isolation import API, PUBLIC, fill, first, routes, snapshot  # noqa: F401, F811 (first: the fixture)
from tests.web.workspace_factories import PASSWORD, log_in


def member(app, role: str):
    """A member of the first facilitator's agency with ``role``: a logged-in browser and a read-write API token."""
    http = app.test_client()
    with app.app_context():
        owner = db.session.scalar(select(User).where(User.email == "first@example.com"))
        email = f"{role}@example.com"
        db.session.add(
            User(
                email=email,
                password_hash=hash_password(PASSWORD),
                session_token=secrets.token_hex(32),
                agency_id=owner.agency_id,
                role=role,
            )
        )
        db.session.commit()
        user, browser = open_login(email, PASSWORD)
        log_in(http, user, browser)
        _, bearer = create_api_token(user.id, "CRM", read_only=False, now=TEST_NOW)
    return http, {"Authorization": f"Bearer {bearer}"}


def workspace_routes(app):
    """(rule, method) of the logged-in pages that take an object's id."""
    for rule, method in routes(app):
        skip = "token" in rule.arguments or rule.endpoint in PUBLIC or rule.rule.startswith(API)
        if not skip and set(rule.arguments) - {"protocol_id"} and in_workspace(rule.endpoint, rule.rule):
            yield rule, method  # a member's own account pages (their API tokens) are theirs, whatever the role


@pytest.mark.parametrize("role", ["finance", "viewer", "coordinator"])
def test_members_of_the_agency_get_what_their_role_allows_on_every_route(app, first, role):  # noqa: F811
    """finance: money pages only (403 elsewhere, never a note); viewer: reads, every write 403; a coordinator
    not assigned to the client: 404 on its trip and client, as if they did not exist."""
    http, _ = member(app, role)
    before = snapshot(app)
    tried = 0
    for rule, method in workspace_routes(app):
        if role == "finance" and rule.endpoint in MONEY_WRITE:
            continue  # finance may write money: the quote tests cover what those writes do
        if role == "coordinator" and not {"trip_id", "client_id"} & set(rule.arguments):
            continue  # the agency's own clinics and protocols are every coordinator's to edit
        url = fill(rule, first["ids"])
        answer = http.open(url, method=method, data={"confirm_name": "Ana Silva", "status": "confirmed"})
        code = answer.status_code
        if role == "finance":
            expected_ok = rule.endpoint in MONEY_READ and method == "GET"
            assert (code == 200) if expected_ok else (code == 403), f"{method} {url} answered {code}"
        elif role == "viewer":
            if method == "GET":
                assert code < 400 or code == 404 and rule.endpoint == "trip_messages.preview", f"{url}: {code}"
            else:
                assert code == 403, f"{method} {url} answered {code}"
        elif "trip_id" in rule.arguments or "client_id" in rule.arguments:
            assert code == 404, f"{method} {url} answered {code}"
        tried += 1
    assert tried >= 20
    assert snapshot(app) == before


def test_api_tokens_of_members_are_scoped_by_their_role(app, first):  # noqa: F811
    ids = first["ids"]
    _, finance = member(app, "finance")
    _, viewer = member(app, "viewer")
    _, coordinator = member(app, "coordinator")
    http = app.test_client()
    trip, client = ids["trip_id"], ids["client_id"]
    for path in (
        f"/api/v1/trips/{trip}",
        f"/api/v1/clients/{client}",
        "/api/v1/trips",
        f"/api/v1/trips/{trip}/messages",
    ):
        answer = http.get(path, headers=finance)
        assert answer.status_code == 403 and "Ana Silva" not in answer.text, path
    assert http.get(f"/api/v1/trips/{trip}/quotes", headers=finance).status_code == 200
    assert http.get(f"/api/v1/trips/{trip}", headers=viewer).status_code == 200
    before = snapshot(app)
    for rule, method in routes(app):
        if not rule.rule.startswith(API) or rule.endpoint in PUBLIC or method == "GET":
            continue
        answer = http.open(fill(rule, ids), method=method, json={}, headers=viewer)
        assert answer.status_code == 403, f"viewer {method} {rule.rule}: {answer.status_code}"
    assert http.get(f"/api/v1/trips/{trip}", headers=coordinator).status_code == 404  # not assigned to them
    assert snapshot(app) == before
