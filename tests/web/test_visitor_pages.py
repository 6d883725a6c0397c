"""The plan form and the catalog pages are rendered once for every anonymous visitor, with their own CSRF token."""

from __future__ import annotations

import re

import pytest
from flask import template_rendered

from tests.web.facilitator_helpers import PASSWORD
from tests.web.planner_helpers import form

TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
PAGES = ["/", "/plan", "/?treatment=acupuncture-chronic-pain", "/treatments", "/treatments/acupuncture-chronic-pain"]


@pytest.fixture
def app_config() -> dict:
    return {"WTF_CSRF_ENABLED": True}


@pytest.fixture
def renders(app):
    """The names of the templates rendered, as the test goes."""
    names: list[str] = []

    def record(sender, template, context, **extra):
        names.append(template.name)

    template_rendered.connect(record, app)
    yield names
    template_rendered.disconnect(record, app)


def _without_tokens(page: str) -> str:
    return TOKEN.sub('name="csrf_token" type="hidden" value=""', page)


@pytest.mark.parametrize("path", PAGES)
def test_a_page_is_rendered_once_for_every_visitor(app, renders, path):
    first = app.test_client().get(path)
    rendered = len(renders)
    second = app.test_client().get(path)
    assert first.status_code == second.status_code == 200
    assert rendered > 0 and len(renders) == rendered
    assert _without_tokens(first.text) == _without_tokens(second.text)
    assert "\x00" not in second.text


def test_each_visitor_gets_a_token_of_their_own_that_works(app):
    visitors = [app.test_client(), app.test_client()]
    tokens = [TOKEN.findall(visitor.get("/").text) for visitor in visitors]
    assert tokens[0] and tokens[1] and set(tokens[0]).isdisjoint(tokens[1])
    # another visitor's token is refused; one's own plans the trip
    assert (
        visitors[0].post("/plan", data={**form(), "csrf_token": tokens[1][0]}, follow_redirects=True).status_code == 400
    )
    planned = visitors[0].post("/plan", data={**form(), "csrf_token": tokens[0][0]}, follow_redirects=True)
    assert planned.status_code == 200 and "Save and get a private link" in planned.text


def test_the_treatment_chosen_on_its_page_is_kept_per_treatment(app):
    chosen = app.test_client().get("/?treatment=acupuncture-chronic-pain").text
    plain = app.test_client().get("/").text
    assert re.search(r'<option selected value="acupuncture-chronic-pain"', chosen)
    assert not re.search(r'<option selected value="acupuncture-chronic-pain"', plain)
    # an unknown treatment is the blank form, not a page of its own (its language links keep its query)
    unknown = app.test_client().get("/?treatment=no-such-thing").text
    assert _without_languages(_without_tokens(unknown)) == _without_languages(_without_tokens(plain))


def _without_languages(body: str) -> str:
    return re.sub(r'<nav class="languages".*?</nav>', "", body, flags=re.S)


def test_a_logged_in_facilitator_sees_their_own_navigation(app):
    app.test_client().get("/")
    facilitator = app.test_client()
    token = TOKEN.findall(facilitator.get("/register").text)[0]
    account = {"email": "fac@example.com", "password": PASSWORD, "confirm": PASSWORD, "csrf_token": token}
    facilitator.post("/register", data=account)
    token = TOKEN.findall(facilitator.get("/login").text)[0]
    credentials = {"email": "fac@example.com", "password": PASSWORD, "csrf_token": token}
    assert facilitator.post("/login", data=credentials).status_code == 302
    for path in PAGES:
        assert "Log out" in facilitator.get(path).text, path
    assert "Log out" not in app.test_client().get("/").text


def test_flash_messages_are_shown_not_kept(app):
    app.test_client().get("/")
    visitor = app.test_client()
    with visitor.session_transaction() as session:
        session["_flashes"] = [("message", "A one-off notice")]
    assert "A one-off notice" in visitor.get("/").text
    assert "A one-off notice" not in app.test_client().get("/").text


def test_the_form_is_rendered_again_in_the_next_quarter_of_an_hour(app, renders, clock):
    app.test_client().get("/")
    rendered = len(renders)
    clock.advance(minutes=15)
    app.test_client().get("/")
    assert len(renders) > rendered
