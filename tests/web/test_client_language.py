"""The client's language wins on the client's things: the shared page, its .ics and the trip feed
speak the client's language whatever the facilitator's; a patient's saved trip keeps its own."""

from __future__ import annotations

import json
import re

import pytest
from icalendar import Calendar

from planner.extensions import db
from planner.models import Client, Trip, User
from planner.services.workspace.feeds import create_trip_feed
from tests.web.workspace_factories import create_client, create_facilitator, create_trip, log_in, make_link


@pytest.fixture
def facilitator(app, client):
    """A facilitator working in English (a ?lang=en cookie and an English browser), with one client's trip."""
    with app.app_context():
        user, browser = create_facilitator()
        trip = create_trip(user, create_client(user, language="en"))
        log_in(client, db.session.get(User, user.id), browser)
        ids = user.id, trip.id, trip.client_id
    client.get("/?lang=en")
    return client, ids


def _set_language(http, client_id: int, language: str) -> None:
    form = {"name": "Ana Silva", "contact": "", "home_timezone": "Europe/Lisbon", "language": language, "notes": ""}
    response = http.post(f"/clients/{client_id}/edit", data=form, headers={"Accept-Language": "en"})
    assert response.status_code == 302, response.text


def _events(body: bytes) -> list:
    events = list(Calendar.from_ical(body).walk("VEVENT"))
    assert events
    return events


def test_a_chinese_client_gets_a_chinese_page_calendar_and_feed_from_an_english_facilitator(app, facilitator):
    http, (user_id, trip_id, client_id) = facilitator
    _set_language(http, client_id, "zh_Hans")
    with app.app_context():
        assert db.session.get(Client, client_id).language == "zh_Hans"
    token = make_link(http, trip_id)
    assert 'lang="en"' in http.get(f"/trips/{trip_id}/sharing").text, "the facilitator's own pages stay English"
    # the facilitator opening the client's page (with an English cookie) sees it as the client does
    page = http.get(f"/shared/{token}", headers={"Accept-Language": "en"})
    assert page.status_code == 200
    assert '<html lang="zh-Hans"' in page.text
    assert page.headers["Content-Language"] == "zh-Hans"
    download = http.get(f"/shared/{token}/trip.ics")
    assert download.status_code == 200 and download.headers["Content-Language"] == "zh-Hans"
    for event in _events(download.data):
        assert event["SUMMARY"].params["LANGUAGE"] == "zh-Hans"
        assert event["DESCRIPTION"].params["LANGUAGE"] == "zh-Hans"
    with app.app_context():
        feed_token = create_trip_feed(user_id, trip_id, discreet=True)[1]
    feed = app.test_client().get(f"/feeds/{feed_token}.ics", headers={"Accept-Language": "ko"})
    assert feed.status_code == 200 and feed.headers["Content-Language"] == "zh-Hans"
    for event in _events(feed.data):
        assert event["SUMMARY"].params["LANGUAGE"] == "zh-Hans"


def test_an_english_client_calendar_has_no_language_parameter(app, facilitator):
    http, (_user_id, trip_id, _client_id) = facilitator
    token = make_link(http, trip_id)
    body = http.get(f"/shared/{token}/trip.ics", headers={"Accept-Language": "ko"}).data
    assert b";LANGUAGE=" not in body
    assert '<html lang="en"' in http.get(f"/shared/{token}", headers={"Accept-Language": "ko"}).text


def test_a_reader_may_still_choose_the_shared_page_language(app, facilitator):
    http, (_user_id, trip_id, client_id) = facilitator
    _set_language(http, client_id, "ru")
    token = make_link(http, trip_id)
    visitor = app.test_client()
    assert '<html lang="ru"' in visitor.get(f"/shared/{token}").text
    assert '<html lang="ko"' in visitor.get(f"/shared/{token}?lang=ko").text


def test_a_new_language_changes_the_feed(app, facilitator):
    http, (user_id, trip_id, client_id) = facilitator
    with app.app_context():
        feed_token = create_trip_feed(user_id, trip_id, discreet=False)[1]
    reader = app.test_client()
    before = reader.get(f"/feeds/{feed_token}.ics")
    _set_language(http, client_id, "ja")
    after = reader.get(f"/feeds/{feed_token}.ics", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and after.headers["Content-Language"] == "ja"
    assert after.headers["ETag"] != before.headers["ETag"]


def test_a_chinese_tag_is_read_as_simplified_chinese_and_an_unknown_one_is_refused(facilitator):
    http, (_user_id, _trip_id, client_id) = facilitator
    _set_language(http, client_id, "zh-CN")
    form = {"name": "Ana Silva", "contact": "", "home_timezone": "Europe/Lisbon", "language": "pt", "notes": ""}
    assert http.post(f"/clients/{client_id}/edit", data=form).status_code == 200
    edit = http.get(f"/clients/{client_id}/edit").text
    assert re.search(r'<option[^>]*\bselected\b[^>]*value="zh_Hans"|<option[^>]*value="zh_Hans"[^>]*\bselected\b', edit)
    for code, name in (("ko", "한국어"), ("ar", "العربية"), ("zh_Hans", "简体中文")):
        assert f'value="{code}"' in edit and name in edit


def test_a_patients_saved_trip_keeps_the_language_it_was_planned_in(app, client):
    scenario = {
        "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
        "arrival": "2027-02-28T16:00",
        "departure": "2027-03-21T11:00",
        "treatments": [{"protocol": "acupuncture-chronic-pain", "count": 6, "clinic_tier": "local"}],
        "lodging": "mid",
        "currency": "EUR",
    }
    saved = client.post("/plan/save?lang=ko", data={"scenario": json.dumps(scenario)})
    assert saved.status_code == 302, saved.text
    with app.app_context():
        trip = db.session.scalars(db.select(Trip)).one()
        assert trip.language == "ko" and trip.shown_language == "ko"
    # read later in another language, its calendar still speaks the one it was planned in, words and all
    body = app.test_client().get(saved.location + "/calendar.ics", headers={"Accept-Language": "ru"}).data
    for event in _events(body):
        assert event["SUMMARY"].params["LANGUAGE"] == "ko"
        assert re.search("[\uac00-\ud7a3]", str(event["SUMMARY"])), event["SUMMARY"]
    # and so does its page, opened on a Russian browser with no cookie
    assert '<html lang="ko"' in app.test_client().get(saved.location, headers={"Accept-Language": "ru"}).text


def test_the_facilitators_language_preference(app, facilitator):
    http, (user_id, _trip_id, _client_id) = facilitator
    page = http.get("/account").text
    assert 'name="language"' in page and "日本語" in page
    answer = http.post("/account/language", data={"language": "ja"})
    assert answer.status_code == 302
    with app.app_context():
        assert db.session.get(User, user_id).language == "ja"
    # the ?lang= cookie is dropped, so the preference applies at once
    assert '<html lang="ja"' in http.get("/account", headers={"Accept-Language": "en"}).text
    # the facilitator's own all-clients feed follows the preference at once
    from planner.services.workspace.feeds import create_owner_feed

    with app.app_context():
        feed_token = create_owner_feed(user_id, created_by=user_id)[1]
    reader = app.test_client()
    before = reader.get(f"/feeds/{feed_token}.ics")
    assert before.headers["Content-Language"] == "ja"
    http.post("/account/language", data={"language": "ru"})
    after = reader.get(f"/feeds/{feed_token}.ics", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and after.headers["Content-Language"] == "ru"
    http.post("/account/language", data={"language": ""})
    with app.app_context():
        assert db.session.get(User, user_id).language is None


HAN = re.compile("[\u4e00-\u9fff]")


def test_an_english_facilitator_sends_a_chinese_client_a_chinese_plan_and_calendar(app, facilitator):
    """Issue 11's "done when": the words themselves are Chinese, and four calendar readers agree."""
    from planner.i18n import words_for
    from tests.core.ics_checks import ical_js_events, icalendar_events, read_alike

    http, (_user_id, trip_id, client_id) = facilitator
    _set_language(http, client_id, "zh_Hans")
    token = make_link(http, trip_id)
    chinese = words_for("zh_Hans")
    page = http.get(f"/shared/{token}", headers={"Accept-Language": "en"}).text
    assert chinese.catalog("Knee: fat-derived cells (SVF), same day") in page
    for heading in re.findall(r"<h[12][^>]*>(.*?)</h[12]>", page, re.S):
        text = re.sub(r"<[^>]+>", "", heading).strip()
        if text and not {"Ana Silva", "Knee, spring 2027"} & {text}:  # what the facilitator typed
            assert HAN.search(text), f"an English heading on the Chinese page: {text!r}"
    body = http.get(f"/shared/{token}/trip.ics").data
    read_alike(body)
    assert ical_js_events(body) == icalendar_events(body)
    summaries = [str(event["SUMMARY"]) for event in _events(body)]
    assert all(HAN.search(summary) for summary in summaries), summaries
