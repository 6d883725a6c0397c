"""Bug: an id in a URL larger than a key column holds (/clients/99999999999999999999) was a 500 (database overflow)."""

from __future__ import annotations

import pytest

from planner.database import MAX_ROW_ID
from tests.web.facilitator_helpers import register

HUGE = ["2147483648", "9223372036854775808", "9" * 40]


@pytest.fixture
def http(client):
    """A test client logged in as a facilitator."""
    register(client)
    return client


@pytest.mark.parametrize("number", HUGE)
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/clients/{}"),
        ("get", "/clients/{}/edit"),
        ("get", "/clients/{}/export.json"),
        ("get", "/clients/{}/trips/new"),
        ("get", "/trips/{}"),
        ("get", "/trips/{}/sharing"),
        ("get", "/own/protocols/{}"),
        ("get", "/own/clinics/{}"),
        ("post", "/trips/{}/status"),
        ("post", "/trips/1/pins/{}/delete"),
        ("post", "/feeds/{}/revoke"),
        ("post", "/own/clinics/{}/delete"),
    ],
)
def test_an_id_no_key_can_reach_is_a_404(http, method, path, number):
    response = getattr(http, method)(path.format(number))
    assert response.status_code == 404


def test_the_largest_key_still_routes(http):
    assert http.get(f"/clients/{MAX_ROW_ID}").status_code == 404  # routed and looked up: no such client
    assert http.get("/clients/0").status_code == 404
