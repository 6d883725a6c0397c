"""Facilitator accounts: register, log in and out, change or reset a password.

Each browser that logs in gets a LoginSession row whose token sits in the signed session
cookie: logging out deletes that row only, so the same facilitator stays logged in on their
other devices. A password change or reset deletes every row and rotates User.session_token,
which revokes every browser at once. A session also ends on the server, whatever the cookie
says: after SESSION_IDLE_TIMEOUT without a request, and SESSION_ABSOLUTE_LIFETIME after login.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, or_, select, update
from sqlalchemy.exc import IntegrityError

from planner.clock import utcnow
from planner.database import request_reads_only
from planner.extensions import db
from planner.models import User
from planner.models.session import LoginSession
from planner.services.accounts import audit
from planner.services.accounts.agencies import new_agency
from planner.services.accounts.passwords import hash_password, needs_rehash, password_problem, verify_password
from planner.services.accounts.tokens import hash_token, new_token, token_matches

#: how long a password-reset link works
RESET_VALID_FOR = timedelta(hours=1)
#: where the browser keeps its LoginSession token (inside Flask's signed session cookie)
BROWSER_KEY = "login_session"
#: the same words for an unknown email and a wrong password, so neither is revealed
LOGIN_REFUSED = _l("That email and password do not match an account.")
#: the one answer to a registration, whether the email was free or taken (nothing tells them apart)
REGISTERED = _l("If this email was not registered yet, your account is ready: log in with it below.")
#: the "last seen" of a session is written at most this often (not on every request)
TOUCH_EVERY = timedelta(minutes=1)


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
    """The current (not removed) account with this email."""
    query = select(User).where(User.email == normalize_email(email), User.removed_at.is_(None))
    return db.session.scalar(query)


def find_account(email: str) -> User | None:
    """The facilitator with this email (any case, spaces trimmed), or None (for the command line only)."""
    return _find(email)


def _limits() -> tuple[timedelta, timedelta]:
    """The idle timeout and the absolute lifetime of a session (planner/config.py)."""
    return current_app.config["SESSION_IDLE_TIMEOUT"], current_app.config["SESSION_ABSOLUTE_LIFETIME"]


def _ended(now):
    """The SQL condition of a LoginSession that has ended (idle too long, or too old)."""
    idle, lifetime = _limits()
    return or_(LoginSession.last_seen_at <= now - idle, LoginSession.created_at <= now - lifetime)


def _open_session(user: User) -> str:
    """A new LoginSession for one browser (the user's ended ones are cleared); returns the browser's token."""
    now = utcnow()
    db.session.execute(delete(LoginSession).where(LoginSession.user_id == user.id, _ended(now)))
    token, token_hash = new_token()
    db.session.add(LoginSession(user_id=user.id, token_hash=token_hash, created_at=now, last_seen_at=now))
    return token


def _touch(row: LoginSession, now) -> None:
    """Record this request as the session's last activity (once a minute at most).

    A GET on SQLite reads in a deferred transaction that must not turn into a write (another
    writer may have committed since: SQLITE_BUSY), so it writes in a short transaction of its
    own. A write request already holds the write lock: it writes in the request's transaction
    and commits now when nothing else is pending (otherwise the view's commit takes it along).
    """
    if now - row.last_seen_at < TOUCH_EVERY:
        return
    if request_reads_only():
        with db.engine.begin() as connection:
            connection.execute(update(LoginSession).where(LoginSession.id == row.id).values(last_seen_at=now))
        return
    row.last_seen_at = now
    if not (db.session.new or db.session.deleted or set(db.session.dirty) - {row}):
        db.session.commit()


def _revoke_everywhere(user: User) -> None:
    db.session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
    user.session_token = secrets.token_hex(32)


def register(email: str, password: str, display_name: str = "") -> User | None:
    """Create an account unless the email is taken (then None); the answer takes as long either way.

    The password is hashed before the email is looked up, so a taken email cannot be told
    from a free one by the time the answer takes; the caller says the same words for both.
    """
    email = normalize_email(email)
    problem = password_problem(password, email)
    if problem:
        raise AccountError("password", problem)
    password_hash = hash_password(password)
    if _find(email) is not None:
        return None
    agency = new_agency(display_name or email)
    user = User(
        email=email,
        password_hash=password_hash,
        display_name=display_name.strip(),
        session_token=secrets.token_hex(32),
        agency_id=agency.id,
        role="owner",
    )
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError:  # the same email registered a moment ago by another request
        db.session.rollback()
        return None
    return user


def log_in(email: str, password: str) -> tuple[User, str]:
    """Check the password and open a session for this browser; one message for every refusal."""
    user = _find(email)
    if not verify_password(user.password_hash if user else None, password) or user is None:
        if user is not None:  # an unknown email has no account whose log could hold it
            audit.record_now(user.id, "log_in_failed")
        raise AccountError("password", str(LOGIN_REFUSED))
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    token = _open_session(user)
    audit.record(user.id, "log_in")
    db.session.commit()
    return user, token


def log_out(browser_token: str | None) -> None:
    """Revoke this browser's session only (the facilitator's other devices stay logged in)."""
    if browser_token:
        db.session.execute(delete(LoginSession).where(LoginSession.token_hash == hash_token(browser_token)))
        db.session.commit()


def load_user(session_id: str, browser_token: str | None) -> User | None:
    """The user of a session, if its account token is current and its browser session neither revoked nor ended."""
    user_id, _, account_token = session_id.partition(":")
    if not user_id.isdigit() or not browser_token:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or user.removed_at is not None or not secrets.compare_digest(user.session_token, account_token):
        return None
    mine = (LoginSession.token_hash == hash_token(browser_token), LoginSession.user_id == user.id)
    row = db.session.scalar(select(LoginSession).where(*mine))
    if row is None:
        return None
    now = utcnow()
    idle, lifetime = _limits()
    if row.last_seen_at <= now - idle or row.created_at <= now - lifetime:
        return None
    _touch(row, now)
    return user


def password_confirmed(user: User, password: str) -> bool:
    """Whether ``password`` is the user's current one (asked again before an erasure)."""
    return verify_password(user.password_hash, password)


def change_password(user: User, current: str, new: str) -> str:
    """Set a new password, revoke every session, open a fresh one for this browser; returns its token."""
    if not verify_password(user.password_hash, current):
        raise AccountError("current_password", _("This is not your current password."))
    problem = password_problem(new, user.email)
    if problem:
        raise AccountError("password", problem)
    user.password_hash = hash_password(new)
    _revoke_everywhere(user)
    token = _open_session(user)
    audit.record(user.id, "password_changed")
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
    if (
        user is None
        or user.removed_at is not None
        or user.reset_expires_at is None
        or user.reset_expires_at <= utcnow()
    ):
        return None
    return user if token_matches(token, user.reset_token_hash) else None


def reset_password(token: str, password: str) -> User:
    """Set a new password from a reset token; the token is used up and every session revoked."""
    user = user_for_reset(token)
    if user is None:
        raise AccountError("password", _("This reset link has expired or was already used; ask for a new one."))
    problem = password_problem(password, user.email)
    if problem:
        raise AccountError("password", problem)
    user.password_hash = hash_password(password)
    user.reset_token_hash = None
    user.reset_expires_at = None
    _revoke_everywhere(user)
    audit.record(user.id, "password_reset")
    db.session.commit()
    return user


def set_language(user: User, locale: str | None) -> None:
    """The facilitator's interface language (one of LOCALES), or None for the browser's."""
    from planner.i18n import normalize

    user.language = normalize(locale)
    db.session.commit()
