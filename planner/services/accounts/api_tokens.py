"""Personal API tokens: create, list, revoke, and find the facilitator behind a bearer token.

A token is ``secrets.token_urlsafe(32)`` (256 bits), shown once and stored as its sha256: a
fast hash is right for a random secret of that size (nothing to brute-force, unlike a
password), and it lets a request find its token with one indexed lookup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import select, update

from planner.database import request_reads_only
from planner.extensions import db
from planner.models import ApiToken, User
from planner.services.accounts import audit
from planner.services.accounts.tokens import hash_token, new_token

#: the longest token name (the column holds as much)
NAME_MAX = 80
#: last use is written at most this often, not on every request
TOUCH_EVERY = timedelta(minutes=1)


@dataclass(frozen=True)
class Bearer:
    """Who a request's token acts as, and whether it may write."""

    user: User
    token_id: int
    read_only: bool


class TokenNameError(ValueError):
    """A token name that cannot be used; the message says why."""


def _clean_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise TokenNameError(_("Give the token a name, such as the tool that will use it."))
    if len(name) > NAME_MAX:
        raise TokenNameError(_("The name must be at most %(num)d characters.", num=NAME_MAX))
    if not name.isprintable():
        raise TokenNameError(_("The name must not contain control characters."))
    return name


def create_api_token(user_id: int, name: str, *, read_only: bool, now: datetime) -> tuple[ApiToken, str]:
    """A new token for a facilitator and its raw value (shown once, never stored)."""
    token, token_hash = new_token()
    row = ApiToken(user_id=user_id, name=_clean_name(name), token_hash=token_hash, read_only=read_only, created_at=now)
    db.session.add(row)
    audit.record(user_id, "api_token_created")
    db.session.commit()
    return row, token


def tokens_of(user_id: int) -> list[ApiToken]:
    """The facilitator's tokens, newest first (revoked ones included, marked)."""
    query = select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.id.desc())
    return list(db.session.scalars(query))


def revoke_api_token(user_id: int, token_id: int, now: datetime) -> bool:
    """Revoke one of the facilitator's tokens (it answers 401 from now on); False if not theirs."""
    row = db.session.scalar(select(ApiToken).where(ApiToken.id == token_id, ApiToken.user_id == user_id))
    if row is None:
        return False
    if row.revoked_at is None:
        row.revoked_at = now
        audit.record(user_id, "api_token_revoked")
    db.session.commit()
    return True


def bearer_for(token: str, now: datetime) -> Bearer | None:
    """The facilitator behind a live token (its last use recorded); None for an unknown or revoked one."""
    if not token or len(token) > 200:
        return None
    row = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(token)))
    if row is None or row.revoked_at is not None:
        return None
    user = db.session.get(User, row.user_id)
    if user is None or user.removed_at is not None:
        return None
    _touch(row, now)
    return Bearer(user, row.id, row.read_only)


def _touch(row: ApiToken, now: datetime) -> None:
    """Record this request as the token's last use (once a minute at most).

    As for login sessions: a GET on SQLite reads in a deferred transaction that must not turn
    into a write, so it writes in a short transaction of its own; a write request's view
    commits it with its own change.
    """
    if row.last_used_at is not None and now - row.last_used_at < TOUCH_EVERY:
        return
    if request_reads_only():
        with db.engine.begin() as connection:
            connection.execute(update(ApiToken).where(ApiToken.id == row.id).values(last_used_at=now))
        row.last_used_at = now
        db.session.expunge(row)
        return
    row.last_used_at = now
