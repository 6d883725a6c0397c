"""The patient's pages in every language: lang and dir, the ?lang cookie, Accept-Language, Babel's dates.

The translations themselves arrive later; these tests check that every page renders in each locale
with its structure and that dates, weekdays and places follow the locale's CLDR patterns.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from babel.dates import format_skeleton, get_day_names
from werkzeug.exceptions import BadRequest

from planner.services import current_catalog
from tests.web.planner_helpers import form
from tests.web.workspace_factories import create_client, create_facilitator, create_trip, log_in, make_link

#: locale → what <html> says
HTML = {"ko": ('lang="ko"', 'dir="ltr"'), "ar": ('lang="ar"', 'dir="rtl"'), "zh_Hans": ('lang="zh-Hans"', 'dir="ltr"')}
LOCALES = tuple(HTML)


def _html_tag(body: str) -> str:
    return re.search(r"<html[^>]*>", body).group(0)


def _in_locale(body: str, locale: str) -> None:
    tag = _html_tag(body)
    for part in HTML[locale]:
        assert part in tag, tag
    assert "{{" not in body and "%(" not in body  # no template or placeholder left unfilled


@pytest.fixture
def bad_request_route(app):
    def refuse():
        raise BadRequest()

    app.add_url_rule("/test-bad-request", "test_bad_request", refuse)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_patient_pages_render_in_each_locale(app, client, locale, bad_request_route):
    with app.app_context():
        protocol_id = sorted(current_catalog().protocols)[0]
    pages = {
        "/": 200,
        "/treatments": 200,
        f"/treatments/{protocol_id}": 200,
        "/no-such-page": 404,
        "/test-bad-request": 400,
    }
    for path, status in pages.items():
        response = client.get(f"{path}?lang={locale}")
        assert response.status_code == status, path
        _in_locale(response.text, locale)
    plan = client.post(f"/plan?lang={locale}", data=form(), follow_redirects=True)
    assert plan.status_code == 200
    _in_locale(plan.text, locale)
    assert 'class="month"' in plan.text and 'class="budget"' in plan.text


def test_lang_sets_a_cookie_that_later_pages_keep(client):
    response = client.get("/treatments?lang=ko")
    assert "lang=ko" in response.headers["Set-Cookie"]
    assert 'lang="ko"' in _html_tag(client.get("/treatments").text)
    # the plan made after it speaks the same language
    plan = client.post("/plan", data=form(), follow_redirects=True)
    assert 'lang="ko"' in _html_tag(plan.text)


@pytest.mark.parametrize(("header", "lang"), [("zh-CN,zh;q=0.9", "zh-Hans"), ("ko-KR", "ko"), ("ar-EG", "ar")])
def test_accept_language_chooses_the_locale(app, header, lang):
    body = app.test_client().get("/treatments", headers={"Accept-Language": header}).text
    assert f'lang="{lang}"' in _html_tag(body)


def test_a_korean_plan_writes_dates_as_koreans_do(client):
    body = client.post("/plan?lang=ko", data=form(), follow_redirects=True).text
    landing = date(2027, 3, 1)
    assert format_skeleton("yMMMMEEEEd", landing, locale="ko") in body  # 2027년 3월 1일 월요일
    assert "2027년 3월 1일 월요일" in body
    assert format_skeleton("yMMMM", landing, locale="ko") in body  # the month grid's caption: 2027년 3월
    monday = get_day_names("abbreviated", locale="ko")[0]
    assert f'<th scope="col">{monday}</th>' in body
    assert "Monday" not in body  # (the engine's notices still name months in English: another slice)
    assert "리스본" in body  # the home city named in Korean (Lisbon)


def test_english_keeps_its_house_patterns(client):
    body = client.post("/plan", data=form(), follow_redirects=True).text
    assert "Monday 1 March 2027" in body
    assert '<th scope="col">Mon</th>' in body


def test_the_kept_pages_are_kept_per_language(client):
    english = client.get("/treatments").text
    korean = client.get("/treatments?lang=ko").text
    assert 'lang="en"' in _html_tag(english) and 'lang="ko"' in _html_tag(korean)
    assert 'lang="en"' in _html_tag(client.get("/treatments?lang=en").text)


def test_the_zone_search_finds_english_and_korean_names(client):
    for typed in ("Seoul", "서울"):
        body = client.post("/plan?lang=ko", data=form(home_timezone=typed), follow_redirects=True).text
        assert 'class="budget"' in body, typed


@pytest.mark.parametrize("locale", LOCALES)
def test_the_shared_page_renders_in_each_locale(app, client, locale):
    with app.app_context():
        user, browser = create_facilitator()
        trip = create_trip(user, create_client(user))
        log_in(client, user, browser)
        token = make_link(client, trip.id)
    page = app.test_client().get(f"/shared/{token}?lang={locale}")
    assert page.status_code == 200
    _in_locale(page.text, locale)
    assert 'class="budget"' in page.text


@pytest.mark.parametrize("locale", ["ko", "zh_Hans", "ar"])
def test_wtforms_own_messages_follow_the_locale(client, locale):
    """Flask-WTF (WTF_I18N_ENABLED) translates WTForms' built-in messages with Flask-Babel's locale,
    in the nested treatment rows too."""
    bad = form(travellers="many", **{"treatments-0-count": "six"})
    english = client.post("/plan?lang=en", data=bad).text
    other = client.post(f"/plan?lang={locale}", data=bad).text
    assert english.count("Not a valid integer value.") == 2
    assert "Not a valid integer value." not in other


def test_catalog_texts_are_translated_only_for_the_shipped_catalog(app, monkeypatch):
    """A facilitator's own protocol (or a changed copy under a shipped id) is shown as typed."""
    from dataclasses import replace

    from planner.i18n import Words
    from planner.views.plan_format import catalog_of

    monkeypatch.setattr(Words, "catalog", lambda self, text: f"«{text}»")
    with app.test_request_context("/?lang=ko"):
        protocol = next(iter(current_catalog().protocols.values()))
        own = replace(protocol, name="My own version")
        assert catalog_of(protocol.name, protocol) == f"«{protocol.name}»"
        assert catalog_of(protocol.name, protocol.id) == f"«{protocol.name}»"
        assert catalog_of(own.name, own) == "My own version"
        assert catalog_of("Typed by a facilitator", "acme-own-protocol") == "Typed by a facilitator"
        assert catalog_of("", protocol) == ""
