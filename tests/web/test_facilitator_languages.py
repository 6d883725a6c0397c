"""Every facilitator page renders in Korean and Arabic: the right ``lang`` and ``dir``, no template error.

The words themselves arrive with the translations; until then a page in ``ko`` shows English text,
but its structure (the html element, the forms, the filters) must already work in every locale.
"""

from __future__ import annotations

import re

import pytest

from planner.extensions import db
from planner.services.accounts.users import issue_reset_token
from planner.services.workspace.feeds import create_owner_feed
from tests.web.workspace_factories import create_client, create_facilitator, create_trip, log_in

#: the locale asked for, and the html element it must give
LOCALES = {"ko": ('lang="ko"', 'dir="ltr"'), "ar": ('lang="ar"', 'dir="rtl"')}
HTML = re.compile(r"<html [^>]*>")


@pytest.fixture
def workspace(app, client):
    """A logged-in facilitator with a client, a trip, a feed and an own protocol: the paths of their pages."""
    with app.app_context():
        user, token = create_facilitator()
        log_in(client, user, token)
        person = create_client(user, notes="knee since 2019")
        trip = create_trip(user, person)
        feed = create_owner_feed(user.agency_id, discreet=True, created_by=user.id)[0]
        db.session.commit()
        person_id, trip_id, feed_id = person.id, trip.id, feed.id
    pages = [
        "/dashboard",
        "/clients/",
        "/clients/new",
        f"/clients/{person_id}",
        f"/clients/{person_id}/edit",
        f"/clients/{person_id}/delete",
        f"/clients/{person_id}/trips/new",
        f"/trips/{trip_id}",
        f"/trips/{trip_id}/edit",
        f"/trips/{trip_id}/delete",
        "/feeds",
        f"/feeds/{feed_id}/new",
        f"/feeds/{feed_id}/revoke",
        "/own/",
        "/own/protocols/new?from=acupuncture-chronic-pain",
        "/own/clinics/new",
        "/account",
        "/account/password",
    ]
    return pages


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_every_facilitator_page_renders_in_the_locale(client, workspace, locale):
    for path in workspace:
        joiner = "&" if "?" in path else "?"
        response = client.get(f"{path}{joiner}lang={locale}")
        assert response.status_code == 200, (path, response.status_code)
        html = HTML.search(response.text).group(0)
        for attribute in LOCALES[locale]:
            assert attribute in html, (path, html)
        assert "{{" not in response.text and "{%" not in response.text, path


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_the_pages_before_logging_in_render_in_the_locale(app, client, locale):
    with app.app_context():
        create_facilitator("reset@example.com")
        _user, token = issue_reset_token("reset@example.com")
    for path, status in (
        ("/login", 200),
        ("/register", 200),
        (f"/reset-password/{token}", 200),
        ("/reset-password/not-a-token", 404),
    ):
        response = client.get(f"{path}?lang={locale}")
        assert response.status_code == status, path
        html = HTML.search(response.text).group(0)
        for attribute in LOCALES[locale]:
            assert attribute in html, (path, html)


def test_refused_forms_render_in_the_locale(client, workspace):
    """Validation messages (lazy texts) and flashes go through the layer without errors."""
    refused = client.post("/clients/new?lang=ar", data={"name": "", "home_timezone": "nowhere at all"})
    assert refused.status_code in (200, 422)
    assert 'dir="rtl"' in HTML.search(refused.text).group(0)
    assert "has-error" in refused.text
    made = client.post("/clients/new?lang=ko", data={"name": "Mina", "home_timezone": "Seoul", "language": "en"})
    assert made.status_code == 302
    assert 'lang="ko"' in client.get(made.location).text  # the cookie keeps the language; the flash shows
    token = client.post("/account/tokens?lang=en", data={"name": ""})  # a flash is worded when it is made
    assert token.status_code in (302, 303)
    assert "The token was not made" in client.get("/account?lang=en").text


def test_the_english_pages_stay_english(client, workspace):
    page = client.get("/clients/?lang=en")
    assert 'lang="en"' in page.text and ">Add a client<" in page.text
