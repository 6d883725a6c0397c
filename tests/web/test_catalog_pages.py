"""The catalog pages: every protocol listed, each with its own page, prices and sources."""

from __future__ import annotations

import re

import pytest

from planner.services import current_catalog


def test_index_lists_every_protocol(app, client):
    body = client.get("/treatments").get_data(as_text=True)
    with app.app_context():
        catalog = current_catalog()
    assert catalog.protocols
    for protocol_id, protocol in catalog.protocols.items():
        assert f'href="/treatments/{protocol_id}"' in body
        assert protocol.name.replace("&", "&amp;").replace("'", "&#39;") in body


def test_each_protocol_page_shows_its_steps_and_sources(app, client):
    with app.app_context():
        catalog = current_catalog()
    for protocol_id, protocol in catalog.protocols.items():
        response = client.get(f"/treatments/{protocol_id}")
        assert response.status_code == 200
        body = response.get_data(as_text=True)
        assert len(re.findall(r"<li>\s*<h3>", body)) == len(protocol.steps)
        assert ("Sources" in body) == bool(protocol.sources)


@pytest.mark.parametrize("protocol_id", ["no-such-treatment", "..", "%00"])
def test_unknown_protocol_is_404(client, protocol_id):
    assert client.get(f"/treatments/{protocol_id}").status_code == 404


def test_the_home_page_is_the_planner_and_links_the_catalog(client):
    body = client.get("/").get_data(as_text=True)
    assert "Plan your treatment trip" in body
    assert '<form method="post"' in body
    assert 'href="/treatments"' in body


def test_the_stay_shown_is_the_one_the_planner_keeps(app, client):
    # the planner's shortest stays lie within typical_stay (tests/core/test_stays_match_the_sources.py);
    # a protocol with a minimum per trip says so, as the planner keeps it
    with app.app_context():
        catalog = current_catalog()
    for protocol_id, protocol in catalog.protocols.items():
        body = client.get(f"/treatments/{protocol_id}").get_data(as_text=True)
        low, high = protocol.typical_stay
        assert f"<dt>Typical stay</dt><dd>{low}–{high} days" in body
    dental = client.get("/treatments/dental-implant-two-stage").get_data(as_text=True)
    assert "3–10 days; trip 1 at least 3 days, trip 2 at least 5 days</dd>" in dental
    assert "at least 3 days, trip 2" in client.get("/treatments").get_data(as_text=True)
