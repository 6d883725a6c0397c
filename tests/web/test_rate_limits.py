"""Every anonymous write and every token route has a rate limit per address (issue 10, item 3).

Each test turns the limiter on with a small limit, spends it, and checks the next request is
refused with 429 (a page with every security header, or JSON under /api/), while another
address still gets through.
"""

from __future__ import annotations

import pytest

from planner.security import HEADERS

LIMITS = {
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_STORAGE_URI": "memory://",
    "REGISTER_RATE_LIMIT": "3 per minute",
    "PLAN_SAVE_RATE_LIMIT": "3 per minute",
    "PLAN_API_RATE_LIMIT": "3 per minute",
    "RESET_RATE_LIMIT": "3 per minute",
    "TOKEN_RATE_LIMIT": "3 per minute",
    "FEED_RATE_LIMIT": "3 per minute",
}

pytestmark = pytest.mark.parametrize("app_config", [LIMITS])

#: (method, path, body): one request to each limited route, answered without the limit as 200–404
ROUTES = {
    "register": ("post", "/register", {"data": {"email": "a@b.io", "password": "pw", "confirm": "pw"}}),
    "plan save": ("post", "/plan/save", {"data": {"scenario": "{}"}}),
    "plan api": ("post", "/api/plan", {"json": {}}),
    "password reset page": ("get", "/reset-password/not-a-token", {}),
    "password reset form": ("post", "/reset-password/not-a-token", {"data": {"password": "x"}}),
    "trip link": ("get", "/t/not-a-token", {}),
    "trip link edit": ("post", "/t/not-a-token/edit", {"data": {}}),
    "trip link calendar": ("get", "/t/not-a-token/calendar.ics", {}),
    "trip link delete": ("post", "/t/not-a-token/delete", {}),
    "client link": ("get", "/shared/not-a-token", {}),
    "client link calendar": ("get", "/shared/not-a-token/trip.ics", {}),
    "client link itinerary": ("get", "/shared/not-a-token/itinerary.pdf", {}),
    "reminders opt-in": ("post", "/shared/not-a-token/reminders", {"data": {"email": "a@b.io"}}),
    "reminders stop": ("post", "/shared/not-a-token/reminders/stop", {}),
    "reminders unsubscribe page": ("get", "/reminders/stop/not-a-token", {}),
    "reminders one-click": ("post", "/reminders/stop/not-a-token", {"data": {"List-Unsubscribe": "One-Click"}}),
    "feed": ("get", "/feeds/not-a-token.ics", {}),
}


def _send(client, route: str, address: str = "203.0.113.7"):
    method, path, body = ROUTES[route]
    return getattr(client, method)(path, environ_base={"REMOTE_ADDR": address}, **body)


@pytest.mark.parametrize("route", ROUTES)
def test_each_route_is_limited_per_address(client, route):
    answers = [_send(client, route).status_code for _ in range(3)]
    assert all(code != 429 for code in answers), answers
    refused = _send(client, route)
    assert refused.status_code == 429
    for name, value in HEADERS.items():
        assert refused.headers[name] == value
    if route == "plan api":
        assert refused.get_json()["status"] == 429
    else:
        assert "Too many tries in a short time" in refused.text
    assert _send(client, route, address="198.51.100.9").status_code != 429


def test_the_token_routes_share_one_budget(client):
    """Guessing tokens on /t/ and then on /shared/ costs from the same budget."""
    for route in ("trip link", "client link", "trip link calendar"):
        assert _send(client, route).status_code == 404
    assert _send(client, "client link calendar").status_code == 429
    assert _send(client, "feed").status_code == 404  # feeds have their own, more generous budget
