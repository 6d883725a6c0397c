"""Accounts: registration rules, one answer for every failed login, sessions revoked per browser."""

from __future__ import annotations

from email.message import EmailMessage

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from planner.extensions import db
from planner.models import LoginSession, User
from planner.services.accounts import users
from planner.services.accounts.passwords import verify_password
from planner.services.accounts.users import LOGIN_REFUSED, REGISTERED
from tests.web.facilitator_helpers import PASSWORD, login, register


def _text(response) -> str:
    return response.get_data(as_text=True)


def test_register_stores_only_an_argon2_hash_then_the_facilitator_logs_in(app, client):
    response = client.post("/register", data={"email": "Fac@Example.com ", "password": PASSWORD, "confirm": PASSWORD})
    assert response.status_code == 302 and response.location == "/login"
    assert client.get("/dashboard").status_code == 302  # registering does not log in: logging in does
    assert login(client, "fac@example.com").status_code == 302
    assert client.get("/dashboard").status_code == 200
    with app.app_context():
        user = db.session.scalar(select(User))
        assert user.email == "fac@example.com"
        assert user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash
        assert verify_password(user.password_hash, PASSWORD)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short77", "at least 8 characters"),
        ("password1", "one of the most common passwords"),
        ("PASSWORD1", "one of the most common passwords"),
        ("iloveyou2", "one of the most common passwords"),
        ("fac@example.com", "must not be your email address"),
        ("x" * 1025, "Field cannot be longer than 1024 characters"),
    ],
)
def test_register_refuses_weak_passwords_next_to_the_field(client, password, message):
    response = client.post("/register", data={"email": "fac@example.com", "password": password, "confirm": password})
    assert response.status_code == 200
    page = _text(response)
    assert message in page
    assert 'id="password-error"' in page
    assert 'value="fac@example.com"' in page  # what the user typed is kept


@pytest.mark.parametrize("password", ["eight ch", "no Composition rules at all", "ü" * 8, "a" * 64 + "b" * 60])
def test_register_accepts_long_or_plain_passwords(client, password):
    response = client.post("/register", data={"email": "a@b.io", "password": password, "confirm": password})
    assert response.status_code == 302


def test_register_answers_a_taken_email_as_a_free_one(app, client, monkeypatch):
    hashed = []
    real_hash = users.hash_password
    monkeypatch.setattr(users, "hash_password", lambda password: hashed.append(1) or real_hash(password))
    answers = []
    for email in ("fac@example.com", "FAC@example.com", "new@example.com"):
        data = {"email": email, "password": "another long passphrase", "confirm": "another long passphrase"}
        response = client.post("/register", data=data)
        page = client.get(response.location).text
        answers.append((response.status_code, response.location, page))
    assert hashed == [1, 1, 1]  # the taken email costs a hash too: the same timing class
    assert answers[0] == answers[1] == answers[2]
    assert str(REGISTERED) in answers[0][2]
    # the taken email's account is untouched: its first password still works, the new one does not
    assert str(LOGIN_REFUSED) in _text(login(client, "fac@example.com", "correct horse battery staple"))
    assert login(client, "fac@example.com", "another long passphrase").status_code == 302
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(User)) == 2


def test_same_answer_for_unknown_email_and_wrong_password(client):
    register(client)
    client.post("/logout", follow_redirects=True)
    unknown = login(client, "nobody@example.com", PASSWORD)
    wrong = login(client, "fac@example.com", "not the password at all")
    assert unknown.status_code == wrong.status_code == 200
    assert str(LOGIN_REFUSED) in _text(unknown) and str(LOGIN_REFUSED) in _text(wrong)
    assert _text(unknown).replace("nobody@example.com", "E") == _text(wrong).replace("fac@example.com", "E")


def test_anonymous_visitors_are_sent_to_login(client):
    for path in ("/dashboard", "/clients/", "/clients/new", "/clients/1", "/trips/1", "/account/password"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.location.startswith("/login?next="), path


def test_login_goes_to_next_but_never_to_another_site(client):
    register(client)
    client.post("/logout")
    response = client.post("/login?next=/clients/", data={"email": "fac@example.com", "password": PASSWORD})
    assert response.location == "/clients/"
    client.post("/logout")
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        response = client.post(f"/login?next={target}", data={"email": "fac@example.com", "password": PASSWORD})
        assert response.location == "/dashboard", target
        client.post("/logout")


def test_login_rotates_the_session(client):
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    register(client)
    with client.session_transaction() as session:
        assert "planted" not in session


def test_logout_revokes_this_browser_only(app, client):
    register(client)
    other = app.test_client()
    login(other, "fac@example.com")
    with client.session_transaction() as session:
        stolen = dict(session)
    assert client.post("/logout").status_code == 302
    assert client.get("/dashboard").status_code == 302
    # a copy of the logged-out cookie does not work any more: the session was revoked on the server
    replay = app.test_client()
    with replay.session_transaction() as session:
        session.update(stolen)
    assert replay.get("/dashboard").status_code == 302
    assert other.get("/dashboard").status_code == 200


def test_logout_needs_post(client):
    register(client)
    assert client.get("/logout").status_code == 405
    assert client.get("/dashboard").status_code == 200


def test_password_change_revokes_every_other_browser(app, client):
    register(client)
    other = app.test_client()
    login(other, "fac@example.com")
    new = "a brand new passphrase"
    wrong = client.post("/account/password", data={"current_password": "nope nope", "password": new, "confirm": new})
    assert "is not your current password" in _text(wrong)
    response = client.post("/account/password", data={"current_password": PASSWORD, "password": new, "confirm": new})
    assert response.status_code == 302
    assert client.get("/dashboard").status_code == 200
    assert other.get("/dashboard").status_code == 302
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(LoginSession)) == 1
    client.post("/logout")
    assert str(LOGIN_REFUSED) in _text(login(client, "fac@example.com", PASSWORD))
    assert login(client, "fac@example.com", new).status_code == 302


def test_reset_password_command_prints_a_link_that_works_once(app, client, runner):
    register(client)
    result = runner.invoke(args=["reset-password", "FAC@example.com"])
    assert result.exit_code == 0, result.output
    url = result.output.strip()
    assert url.startswith(app.config["PLANNER_BASE_URL"] + "/reset-password/")
    path = url.removeprefix(app.config["PLANNER_BASE_URL"])
    assert client.get(path).headers["Cache-Control"] == "no-store"
    new = "reset to something else"
    assert client.post(path, data={"password": "short", "confirm": "short"}).status_code == 200
    assert client.post(path, data={"password": new, "confirm": new}).status_code == 302
    assert client.get("/dashboard").status_code == 302  # every session revoked
    assert client.get(path).status_code == 404  # used up
    assert login(client, "fac@example.com", new).status_code == 302
    with app.app_context():
        user = db.session.scalar(select(User))
        assert user.reset_token_hash is None
        assert path.rsplit("/", 1)[1] not in (user.password_hash, user.session_token)


def test_reset_password_command_for_an_unknown_email(runner):
    result = runner.invoke(args=["reset-password", "ghost@example.com"])
    assert result.exit_code == 2
    assert "error: email: no account uses 'ghost@example.com'" in result.output


def test_unknown_reset_token_is_404(client):
    assert client.get("/reset-password/not-a-token").status_code == 404


class RecordingSender:
    """A mail sender of the deployment's own (PLANNER_MAIL_SENDER) that keeps what it was asked to deliver."""

    sent: list[EmailMessage] = []

    def __init__(self, config):
        self.config = config

    def deliver(self, message: EmailMessage) -> None:
        RecordingSender.sent.append(message)


@pytest.mark.parametrize("app_config", [{"PLANNER_MAIL_SENDER": f"{__name__}:RecordingSender"}])
def test_reset_password_command_mails_when_a_sender_is_configured(client, runner):
    register(client)
    RecordingSender.sent.clear()
    result = runner.invoke(args=["reset-password", "fac@example.com"])
    assert result.exit_code == 0
    assert result.output.strip() == "reset link sent to fac@example.com"
    [message] = RecordingSender.sent
    assert message["To"] == "fac@example.com" and "/reset-password/" in message.get_content()


@pytest.mark.parametrize("app_config", [{"PLANNER_MAIL_SENDER": "no.such.module:Sender"}])
def test_reset_password_command_names_a_broken_sender(client, runner):
    register(client)
    result = runner.invoke(args=["reset-password", "fac@example.com"])
    assert result.exit_code == 2
    assert "PLANNER_MAIL_SENDER: cannot load 'no.such.module:Sender'" in result.output


@pytest.mark.parametrize(
    "app_config",
    [{"RATELIMIT_ENABLED": True, "LOGIN_RATE_LIMIT": "3 per hour", "RATELIMIT_STORAGE_URI": "memory://"}],
)
def test_login_is_rate_limited_per_address_and_email(client):
    for _ in range(3):
        assert login(client, "fac@example.com", "wrong password").status_code == 200
    assert login(client, "fac@example.com", "wrong password").status_code == 429
    # another email from the same address has its own budget
    assert login(client, "other@example.com", "wrong password").status_code == 200


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(email=st.text(max_size=300), password=st.text(max_size=1100))
def test_any_login_input_is_answered_without_an_error(client, email, password):
    response = client.post("/login", data={"email": email, "password": password})
    assert response.status_code == 200


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(email=st.text(max_size=300), password=st.text(max_size=1100), confirm=st.text(max_size=20))
def test_any_register_input_is_answered_without_an_error(client, email, password, confirm):
    response = client.post("/register", data={"email": email, "password": password, "confirm": confirm})
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        client.post("/logout")
