"""Bug: the language links were built from the request's path, and a path such as "/\\evil.example/x"
(which browsers read as "//evil.example/x") made them lead to another site. They are relative queries
now; a page answering a POST links to the front page (its path has no GET)."""

from __future__ import annotations

import re

LINKS = re.compile(r'<nav class="languages"[^>]*>(.*?)</nav>', re.S)


def _language_links(body: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', LINKS.search(body).group(1))


def test_a_path_read_as_another_host_never_becomes_a_language_link(client):
    response = client.get("/%5Cevil.example/x")
    assert response.status_code == 404
    links = _language_links(response.get_data(as_text=True))
    assert len(links) == 6 and all(link.startswith("?") for link in links), links


def test_the_links_keep_the_page_and_its_query(client):
    links = _language_links(client.get("/plan?treatment=health-checkup").get_data(as_text=True))
    assert "?treatment=health-checkup&amp;lang=ko" in links


def test_a_page_answering_a_post_links_to_the_front_page(client):
    response = client.post("/plan/save", data={})
    assert response.status_code == 400
    assert all(link.startswith("/?lang=") for link in _language_links(response.get_data(as_text=True)))
