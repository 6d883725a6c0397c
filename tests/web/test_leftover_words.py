"""The last English texts of issue 11 go through the translation layer (the words arrive with the translations)."""

from __future__ import annotations

import pytest
from markupsafe import escape

from planner.extensions import db
from planner.i18n.catalogs import extract
from planner.models import User
from tests.web.workspace_factories import create_client, create_facilitator, create_trip, log_in


@pytest.fixture
def facilitator(app, client):
    with app.app_context():
        user, browser = create_facilitator()
        trip = create_trip(user, create_client(user, language="zh_Hans"))
        log_in(client, db.session.get(User, user.id), browser)
        ids = trip.id, trip.client_id
    return client, ids


@pytest.fixture(scope="module")
def msgids() -> set[str]:
    return {message.id if isinstance(message.id, str) else message.id[0] for message in extract("messages")}


def test_the_client_page_names_the_language_in_itself(facilitator):
    http, (_, client_id) = facilitator
    page = http.get(f"/clients/{client_id}?lang=ko").text
    assert "简体中文" in page
    assert "zh_Hans" not in page.split("<main", 1)[-1].split("</main>", 1)[0]


def test_back_arrows_are_outside_the_sentence(msgids):
    assert "Back to your plan, unchanged" in msgids
    assert "Back to %(name)s" in msgids
    assert not any(m.startswith("←") for m in msgids)


def test_sharing_and_zone_sentences_are_msgids(msgids):
    for text in (
        "This trip is cancelled.",
        "This trip is archived.",
        "This plan does not work yet: the client will see its problems.",
        "Draft: your coordinator is still planning it",
        "Choose a time zone from the list: type their city or country, e.g. Lisbon, São Paulo or Seoul.",
        "%(country)s has several time zones: type their city, e.g. %(cities)s.",
    ):
        assert text in msgids, text


def test_a_client_zone_error_asks_for_their_city_through_gettext(facilitator):
    http, (_, client_id) = facilitator
    form = {"name": "Ana Silva", "contact": "", "home_timezone": "Nowhere at all", "language": "ko", "notes": ""}
    page = http.post(f"/clients/{client_id}/edit?lang=ko", data=form).text
    from planner.i18n import words_for

    korean = words_for("ko").gettext(
        "Choose a time zone from the list: type their city or country, e.g. Lisbon, São Paulo or Seoul."
    )
    assert not korean.startswith("Choose") and str(escape(korean)) in page
    assert "type their city or country" not in page
