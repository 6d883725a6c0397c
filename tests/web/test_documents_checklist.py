"""The documents checklist: shown on the trip page, ticked off there (CSRF, owner only), and shown
with each item's state on the client's shared page, in the client's language."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from planner.extensions import db
from planner.i18n import words_for
from planner.models import ChecklistTick, Client, Trip, User
from planner.services.documents.checklist import trip_checklist
from tests.web.workspace_factories import KNEE, create_client, create_facilitator, create_trip, log_in, make_link

CSRF = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')
DENTAL = {
    "traveller": {"name": "Bora Kim", "home_timezone": "Europe/Berlin"},
    "arrival": "2027-03-01T16:00",
    "departure": "2027-03-08T11:00",
    "treatments": [{"protocol": "dental-implant-two-stage"}],
    "travellers": 2,
}


@pytest.fixture
def app_config() -> dict:
    return {"WTF_CSRF_ENABLED": True}


@pytest.fixture
def workspace(app):
    """A logged-in facilitator with a knee trip (nationality not known) and a dental trip (German, 2 travellers)."""
    http = app.test_client()
    with app.app_context():
        user, browser = create_facilitator()
        ana = create_client(user, "Ana Silva")
        bora = create_client(user, "Bora Kim", nationality="DE", language="ko")
        knee = create_trip(user, ana)
        dental = create_trip(user, bora, DENTAL, title="Implant")
        log_in(http, user, browser)
        return {"http": http, "knee": knee.id, "dental": dental.id, "bora": bora.id}


def csrf(http, path: str) -> str:
    return CSRF.search(http.get(path).text).group(1)


def ticks(app, trip_id: int) -> set[str]:
    with app.app_context():
        return set(db.session.scalars(select(ChecklistTick.item).where(ChecklistTick.trip_id == trip_id)))


def test_the_trip_page_lists_the_items_as_labelled_checkboxes_with_their_sources(workspace):
    page = workspace["http"].get(f"/trips/{workspace['knee']}").text
    assert 'id="checklist-heading"' in page
    for code in ("passport", "clinic_confirmation", "entry_check", "infectious_screening", "knee_imaging"):
        assert f'<input type="checkbox" name="done" value="{code}" id="checklist-{code}"' in page
        assert f'<label for="checklist-{code}">' in page
    assert "panoramic_xray" not in page and 'value="keta"' not in page
    assert 'Source: <span lang="en">visa and trial requirements' in page
    assert re.search(r"The client(&#39;|'|’)s nationality is not set", page), re.findall(r"nationality[^<]{0,80}", page)


def test_ticking_stores_the_checked_items_and_unticking_removes_them(app, workspace):
    http, trip = workspace["http"], workspace["knee"]
    token = csrf(http, f"/trips/{trip}")
    saved = http.post(f"/trips/{trip}/checklist", data={"csrf_token": token, "done": ["passport", "knee_imaging"]})
    assert saved.status_code == 303 and saved.location.endswith(f"/trips/{trip}#checklist-heading")
    assert ticks(app, trip) == {"passport", "knee_imaging"}
    page = http.get(f"/trips/{trip}").text
    assert 'value="passport" id="checklist-passport" aria-describedby="checklist-passport-source" checked' in page
    http.post(f"/trips/{trip}/checklist", data={"csrf_token": token, "done": ["knee_imaging"]})
    assert ticks(app, trip) == {"knee_imaging"}


def test_a_post_without_the_csrf_token_changes_nothing(app, workspace):
    answer = workspace["http"].post(f"/trips/{workspace['knee']}/checklist", data={"done": ["passport"]})
    assert answer.status_code == 400
    assert ticks(app, workspace["knee"]) == set()


def test_an_item_the_trip_does_not_have_is_refused_naming_the_field(app, workspace):
    http, trip = workspace["http"], workspace["knee"]
    answer = http.post(f"/trips/{trip}/checklist", data={"csrf_token": csrf(http, f"/trips/{trip}"), "done": "x"})
    assert answer.status_code == 303
    assert "Documents checklist:" in http.get(answer.location).text
    assert ticks(app, trip) == set()


def test_another_facilitators_trip_is_not_found(app, workspace):
    other = app.test_client()
    with app.app_context():
        user, browser = create_facilitator("second@example.com")
        log_in(other, user, browser)
        own = create_trip(user, create_client(user, "Chen Wei")).id
    token = csrf(other, f"/trips/{own}")
    answer = other.post(f"/trips/{workspace['knee']}/checklist", data={"csrf_token": token, "done": ["passport"]})
    assert answer.status_code == 404
    assert ticks(app, workspace["knee"]) == set()


def test_the_shared_page_shows_each_item_and_its_state_in_the_clients_language(app, workspace):
    http, trip = workspace["http"], workspace["dental"]
    http.post(f"/trips/{trip}/checklist", data={"csrf_token": csrf(http, f"/trips/{trip}"), "done": ["passport"]})
    token = make_link(http, trip, csrf_token=csrf(http, f"/trips/{trip}/sharing"))
    page = app.test_client().get(f"/shared/{token}")
    assert page.status_code == 200 and page.headers["Content-Language"] == "ko"
    text = page.text
    assert 'id="checklist-heading"' in text
    # a German visitor for a week: a K-ETA, the panoramic X-ray, the companion's papers; no visa
    with app.app_context():
        items = trip_checklist(db.session.get(Trip, trip), words_for("ko"))
    shown = {item.code for item in items}
    assert {"passport", "keta", "panoramic_xray", "companions"} <= shown and "visa_c33" not in shown
    for item in items:
        assert str(item.label).replace("'", "&#39;") in text
    assert text.count('class="checklist-done"') == 1
    assert text.count('class="checklist-todo"') == len(items) - 1


def test_the_client_form_keeps_a_nationality_and_refuses_an_unknown_one(app, workspace):
    http, bora = workspace["http"], workspace["bora"]
    form = {
        "csrf_token": csrf(http, f"/clients/{bora}/edit"),
        "name": "Bora Kim",
        "contact": "bora@example.com",
        "home_timezone": "Europe/Berlin",
        "language": "ko",
        "notes": "",
    }
    assert http.post(f"/clients/{bora}/edit", data=form | {"nationality": "KR"}).status_code == 302
    with app.app_context():
        assert db.session.get(Client, bora).nationality == "KR"
    refused = http.post(f"/clients/{bora}/edit", data=form | {"nationality": "QQ"})
    assert refused.status_code in (200, 422) and "Not a valid choice" in refused.text
    assert http.post(f"/clients/{bora}/edit", data=form | {"nationality": ""}).status_code == 302
    with app.app_context():
        assert db.session.get(Client, bora).nationality is None


def test_the_export_holds_the_ticks_and_erasing_the_client_removes_them(app, workspace):
    http, trip, bora = workspace["http"], workspace["dental"], workspace["bora"]
    http.post(f"/trips/{trip}/checklist", data={"csrf_token": csrf(http, f"/trips/{trip}"), "done": ["passport"]})
    document = json.loads(http.get(f"/clients/{bora}/export.json").data)
    assert document["client"]["nationality"] == "DE"
    assert [tick["item"] for tick in document["trips"][0]["checklist_ticks"]] == ["passport"]
    with app.app_context():
        from planner.services.workspace.privacy import erase_client

        owner = db.session.scalar(select(User.id))
        assert erase_client(owner, bora)
    assert ticks(app, trip) == set()


def test_a_trip_that_no_longer_plans_still_has_its_checklist(app, workspace):
    with app.app_context():
        trip = db.session.get(Trip, workspace["knee"])
        trip.scenario = dict(KNEE, treatments=[{"protocol": "stem-cell-knee-svf"}, {"protocol": "gone"}])
        db.session.commit()
        items = trip_checklist(trip, words_for("en"))
    assert {"passport", "entry_check", "knee_imaging"} <= {item.code for item in items}


def test_the_api_reads_a_nationality_in_any_case_and_refuses_an_unknown_one(app):
    from tests.api.helpers import bearer, facilitator_token

    http = app.test_client()
    token = facilitator_token(app)
    made = http.post("/api/v1/clients", json={"name": "Chen Wei", "nationality": "cn"}, headers=bearer(token))
    assert made.status_code == 201, made.text
    assert made.json["nationality"] == "CN"
    refused = http.post("/api/v1/clients", json={"name": "Chen Wei", "nationality": "XX"}, headers=bearer(token))
    assert refused.status_code in (400, 422) and "nationality" in refused.text
