"""Fixtures of the API tests (the app, client and databases come from tests/conftest.py)."""

from __future__ import annotations

import pytest

from tests.web.workspace_factories import create_facilitator, log_in


@pytest.fixture
def facilitator(app, client):
    """A logged-in facilitator (the test client is their browser): the API must ignore that session."""
    with app.app_context():
        user, token = create_facilitator()
        log_in(client, user, token)
        return user.id
