"""Helpers of the API tests: facilitators with tokens, and requests that carry only the bearer header."""

from __future__ import annotations

from planner.clock import utcnow
from planner.services.accounts.api_tokens import create_api_token
from planner.services.accounts.users import register
from tests.web.workspace_factories import PASSWORD

#: a knee SVF trip in March 2027 (5 appointments in Seoul, video follow-ups), as `flask plan` reads it
KNEE = {
    "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-03-01T16:00",
    "departure": "2027-03-20T11:00",
    "treatments": [{"protocol": "stem-cell-knee-svf"}],
}


def facilitator_token(app, email: str = "first@example.com", *, read_only: bool = False) -> str:
    """A new facilitator's raw API token (the account made if it is not there yet)."""
    with app.app_context():
        user = register(email, PASSWORD)
        if user is None:
            from planner.services.accounts.users import find_account

            user = find_account(email)
        _, token = create_api_token(user.id, "tests", read_only=read_only, now=utcnow())
        return token


def bearer(token: str) -> dict:
    """The only header an API script sends."""
    return {"Authorization": f"Bearer {token}"}
