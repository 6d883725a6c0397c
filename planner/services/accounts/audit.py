"""The workspace's audit log: log-ins, failed log-ins, password changes, exports, erasures, views of notes,
API tokens made and revoked, members invited, joined, given another role or removed.

An entry says who (the facilitator's account), what (one of ACTIONS), which client (by
number) and when, from which address; never what was read or written. Only the account's own
facilitator sees its entries (``entries_for``). ``record`` adds an entry to the caller's
transaction, so it is stored exactly when the act is; ``record_now`` commits it for an act
that writes nothing else (an export, a page showing notes).
"""

from __future__ import annotations

from flask import has_request_context, request
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from planner.clock import utcnow
from planner.extensions import db
from planner.models.audit import AuditEntry

#: every action the log records, with the words the account page shows for it
ACTIONS = {
    "log_in": _l("Logged in"),
    "log_in_failed": _l("Failed log-in (wrong password)"),
    "password_changed": _l("Password changed"),
    "password_reset": _l("Password reset from a link"),
    "export": _l("Downloaded a client's data"),
    "erase": _l("Erased a client"),
    "notes_viewed": _l("Opened a client's notes"),
    "api_token_created": _l("Made an API token"),
    "api_token_revoked": _l("Revoked an API token"),
    "member_invited": _l("Invited a member to the agency"),
    "member_joined": _l("Joined the agency from an invitation"),
    "member_role_changed": _l("Changed a member's role"),
    "member_removed": _l("Removed a member from the agency"),
}
#: how many entries the account page shows, newest first
SHOWN = 100


def record(user_id: int, action: str, client_id: int | None = None) -> None:
    """Add an entry to the current transaction (the caller commits it with the act itself)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    address = (request.remote_addr or "")[:45] if has_request_context() else ""
    db.session.add(AuditEntry(user_id=user_id, action=action, client_id=client_id, address=address, at=utcnow()))


def record_now(user_id: int, action: str, client_id: int | None = None) -> None:
    """Record and commit an entry for an act that stores nothing else (an export, a view of notes)."""
    record(user_id, action, client_id)
    db.session.commit()


def entries_for(user_id: int, limit: int = SHOWN) -> list[AuditEntry]:
    """The facilitator's own entries, newest first (never another account's)."""
    query = select(AuditEntry).where(AuditEntry.user_id == user_id)
    return list(db.session.scalars(query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)))
