"""Facilitator accounts: register, log in and out, change or reset a password.

Each browser that logs in gets a LoginSession row whose token sits in the signed session
cookie: logging out deletes that row only, so the same facilitator stays logged in on their
other devices. A password change or reset deletes every row and rotates User.session_token,
which revokes every browser at once.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy import delete, select

from planner.clock import utcnow
from planner.extensions import db
from planner.models import User
from planner.models.session import LoginSession
from planner.services.accounts.passwords import hash_password, needs_rehash, password_problem, verify_password
from planner.services.accounts.tokens import hash_token, new_token, token_matches

#: how long a password-reset link works
RESET_VALID_FOR = timedelta(hours=1)
#: where the browser keeps its LoginSession token (inside Flask's signed session cookie)
BROWSER_KEY = "login_session"
#: the same words for an unknown email and a wrong password, so neither is revealed
LOGIN_REFUSED = "That email and password do not match an account."


class AccountError(ValueError):
    """A field of an account form is refused: ``field`` names it, ``reason`` says why."""

    def __init__(self, field: str, reason: str):
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


def normalize_email(email: str) -> str:
    """The stored form of an email: trimmed and lower-cased."""
    return email.strip().lower()


def _find(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalize_email(email)))


def _open_session(user: User) -> str:
    """A new LoginSession for one browser; returns the token the browser keeps."""
    token, token_hash = new_token()
    db.session.add(LoginSession(user_id=user.id, token_hash=token_hash))
    return token


def _revoke_everywhere(user: User) -> None:
    db.session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
    user.session_token = secrets.token_hex(32)


def register(email: str, password: str, display_name: str = "") -> tuple[User, str]:
    """Create an account and log its first browser in; returns the user and the browser token."""
    email = normalize_email(email)
    problem = password_problem(password, email)
    if problem:
        raise AccountError("password", problem)
    if _find(email) is not None:
        raise AccountError("email", "an account with this email already exists; log in instead")
    user = User(
        email=email,
        password_hash=hash_password(password),
        display_name=display_name.strip(),
        session_token=secrets.token_hex(32),
    )
    db.session.add(user)
    db.session.flush()
    token = _open_session(user)
    db.session.commit()
    return user, token


def log_in(email: str, password: str) -> tuple[User, str]:
    """Check the password and open a session for this browser; one message for every refusal."""
    user = _find(email)
    if not verify_password(user.password_hash if user else None, password) or user is None:
        raise AccountError("password", LOGIN_REFUSED)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    token = _open_session(user)
    db.session.commit()
    return user, token


def log_out(browser_token: str | None) -> None:
    """Revoke this browser's session only (the facilitator's other devices stay logged in)."""
    if browser_token:
        db.session.execute(delete(LoginSession).where(LoginSession.token_hash == hash_token(browser_token)))
        db.session.commit()


def load_user(session_id: str, browser_token: str | None) -> User | None:
    """The user of a session, if its account token is current and its browser session not revoked."""
    user_id, _, account_token = session_id.partition(":")
    if not user_id.isdigit() or not browser_token:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not secrets.compare_digest(user.session_token, account_token):
        return None
    mine = (LoginSession.token_hash == hash_token(browser_token), LoginSession.user_id == user.id)
    row = db.session.scalar(select(LoginSession.id).where(*mine))
    return user if row is not None else None


def change_password(user: User, current: str, new: str) -> str:
    """Set a new password, revoke every session, open a fresh one for this browser; returns its token."""
    if not verify_password(user.password_hash, current):
        raise AccountError("current_password", "is not your current password")
    problem = password_problem(new, user.email)
    if problem:
        raise AccountError("password", problem)
    user.password_hash = hash_password(new)
    _revoke_everywhere(user)
    token = _open_session(user)
    db.session.commit()
    return token


def issue_reset_token(email: str) -> tuple[User, str]:
    """A one-hour password-reset token for an account (only its hash is stored)."""
    user = _find(email)
    if user is None:
        raise AccountError("email", f"no account uses {normalize_email(email)!r}")
    token, token_hash = new_token()
    user.reset_token_hash = token_hash
    user.reset_expires_at = utcnow() + RESET_VALID_FOR
    db.session.commit()
    return user, token


def user_for_reset(token: str) -> User | None:
    """The account a reset token opens, if it is current and not expired."""
    user = db.session.scalar(select(User).where(User.reset_token_hash == hash_token(token)))
    if user is None or user.reset_expires_at is None or user.reset_expires_at <= utcnow():
        return None
    return user if token_matches(token, user.reset_token_hash) else None


def reset_password(token: str, password: str) -> User:
    """Set a new password from a reset token; the token is used up and every session revoked."""
    user = user_for_reset(token)
    if user is None:
        raise AccountError("password", "this reset link has expired or was already used; ask for a new one")
    problem = password_problem(password, user.email)
    if problem:
        raise AccountError("password", problem)
    user.password_hash = hash_password(password)
    user.reset_token_hash = None
    user.reset_expires_at = None
    _revoke_everywhere(user)
    db.session.commit()
    return user
