"""Clinic confirmations per appointment on the trip page: ask, confirm (pins the time), decline; CSRF,
owner only, who and when recorded; the dashboard's list of what waits for a clinic's answer."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from planner.extensions import db
from planner.models import ClinicConfirmation, ConfirmationChange, Pin, Trip
from planner.services.planning.revisions import planned_trip
from planner.services.workspace.confirmations import confirmation_rows
from tests.web.workspace_factories import create_client, create_facilitator, create_trip, log_in

CSRF = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


@pytest.fixture
def app_config() -> dict:
    # the tests move the clock days ahead: sessions outlast them
    return {
        "WTF_CSRF_ENABLED": True,
        "SESSION_IDLE_TIMEOUT": timedelta(days=30),
        "SESSION_ABSOLUTE_LIFETIME": timedelta(days=30),
    }


@pytest.fixture
def workspace(app):
    """A logged-in facilitator with a knee trip (5 in-person appointments in Seoul)."""
    http = app.test_client()
    with app.app_context():
        user, browser = create_facilitator()
        ana = create_client(user, "Ana Silva")
        trip = create_trip(user, ana)
        log_in(http, user, browser)
        rows = confirmation_rows(trip, planned_trip(trip))
        appointments = [r.appointment for r in rows]
        return {"http": http, "trip": trip.id, "user": user.id, "ana": ana.id, "appointments": appointments}


CONSULTATION = "/confirmations/stem-cell-knee-svf/consultation/1"


def csrf(http, trip_id: int) -> str:
    return CSRF.search(http.get(f"/trips/{trip_id}").text).group(1)


def post(workspace, path: str, state: str, **data):
    http, trip = workspace["http"], workspace["trip"]
    return http.post(f"/trips/{trip}{path}/{state}", data={"csrf_token": csrf(http, trip), **data})


def stored(app, trip_id: int) -> list[ClinicConfirmation]:
    with app.app_context():
        query = select(ClinicConfirmation).where(ClinicConfirmation.trip_id == trip_id)
        return [(c.step, c.state, c.asked_to, c.confirmed_start, c.reference) for c in db.session.scalars(query)]


def test_the_trip_page_lists_each_in_person_appointment_with_labelled_forms(workspace):
    page = workspace["http"].get(f"/trips/{workspace['trip']}").text
    assert 'id="confirmations-heading"' in page
    for a in workspace["appointments"]:
        assert f'id="confirmation-{a.key}"' in page
        assert f'<label for="confirm-{a.key}-asked-to">' in page and f'id="confirm-{a.key}-asked-to"' in page
    assert page.count("not asked") >= len(workspace["appointments"])
    assert "no contact on file" in page  # the sample catalog clinic has no contact
    # not asked yet: only "asked" is offered
    assert f"{CONSULTATION}/confirmed" not in page


def test_ask_then_confirm_pins_the_time_and_records_who_and_when(app, workspace, clock):
    asked = post(workspace, CONSULTATION, "asked", asked_to="Dr Kim, kim@clinic.example")
    assert asked.status_code == 303 and asked.location.endswith("#confirmations-heading")
    assert stored(app, workspace["trip"]) == [("consultation", "asked", "Dr Kim, kim@clinic.example", None, "")]
    clock.advance(days=2)
    done = post(
        workspace, CONSULTATION, "confirmed", date="2027-03-02", time="14:30", confirmed_by="Ms Lee", reference="R-77"
    )
    assert done.status_code == 303
    start = datetime(2027, 3, 2, 5, 30, tzinfo=UTC)  # 14:30 in Seoul
    assert stored(app, workspace["trip"]) == [
        ("consultation", "confirmed", "Dr Kim, kim@clinic.example", start, "R-77")
    ]
    with app.app_context():
        [pin] = db.session.scalars(select(Pin)).all()
        assert (pin.step, pin.start) == ("consultation", start)
        changes = db.session.scalars(select(ConfirmationChange).order_by(ConfirmationChange.id)).all()
        assert [(c.from_state, c.to_state, c.user_id) for c in changes] == [
            ("not_asked", "asked", workspace["user"]),
            ("asked", "confirmed", workspace["user"]),
        ]
        assert (changes[1].at - changes[0].at).days == 2
    page = workspace["http"].get(f"/trips/{workspace['trip']}").text
    assert "R-77" in page and "Ms Lee" in page


def test_a_confirmed_time_outside_the_window_is_refused_naming_the_field(app, workspace):
    post(workspace, CONSULTATION, "asked", asked_to="Dr Kim")
    refused = post(workspace, CONSULTATION, "confirmed", date="2027-04-30", time="10:00")
    assert refused.status_code == 303
    page = workspace["http"].get(refused.location).text
    assert "Confirmed time (Seoul):" in page
    assert stored(app, workspace["trip"]) == [("consultation", "asked", "Dr Kim", None, "")]
    with app.app_context():
        assert db.session.scalar(select(Pin)) is None
        assert db.session.scalar(select(db.func.count()).select_from(ConfirmationChange)) == 1


def test_declined_keeps_the_alternative_and_a_missing_field_is_named(app, workspace):
    post(workspace, CONSULTATION, "asked", asked_to="Dr Kim")
    missing = post(workspace, CONSULTATION, "declined", alternative="")
    page = workspace["http"].get(missing.location).text
    assert "The clinic(&#39;|'|’)s alternative: What did the clinic offer instead?" in page or re.search(
        r"The clinic(&#39;|'|’)s alternative: What did the clinic offer instead\?", page
    )
    post(workspace, CONSULTATION, "declined", alternative="Thursday afternoon", date="2027-03-04", time="15:00")
    with app.app_context():
        [row] = db.session.scalars(select(ClinicConfirmation)).all()
        assert (row.state, row.alternative) == ("declined", "Thursday afternoon")
        assert row.alternative_start == datetime(2027, 3, 4, 6, 0, tzinfo=UTC)


def test_a_move_the_workflow_does_not_allow_is_refused(app, workspace):
    refused = post(workspace, CONSULTATION, "confirmed", date="2027-03-02", time="10:00")
    assert refused.status_code == 303
    assert "does not follow" in workspace["http"].get(refused.location).text
    assert stored(app, workspace["trip"]) == []
    assert post(workspace, CONSULTATION, "maybe").status_code == 404
    assert post(workspace, "/confirmations/stem-cell-knee-svf/no-such-step/1", "asked", asked_to="x").status_code == 303
    assert stored(app, workspace["trip"]) == []


def test_a_post_without_the_csrf_token_changes_nothing(app, workspace):
    answer = workspace["http"].post(f"/trips/{workspace['trip']}{CONSULTATION}/asked", data={"asked_to": "Dr Kim"})
    assert answer.status_code == 400
    assert stored(app, workspace["trip"]) == []


def test_another_facilitators_trip_is_not_found(app, workspace):
    other = app.test_client()
    with app.app_context():
        user, browser = create_facilitator("second@example.com")
        log_in(other, user, browser)
    token = CSRF.search(other.get("/dashboard").text).group(1)
    answer = other.post(
        f"/trips/{workspace['trip']}{CONSULTATION}/asked", data={"csrf_token": token, "asked_to": "Dr Kim"}
    )
    assert answer.status_code == 404
    assert other.get(f"/trips/{workspace['trip']}").status_code == 404
    assert stored(app, workspace["trip"]) == []


def test_all_confirmed_says_the_trip_is_ready_to_confirm_to_the_client(app, workspace):
    http, trip = workspace["http"], workspace["trip"]
    http.post(f"/trips/{trip}/status", data={"csrf_token": csrf(http, trip), "status": "proposed"})
    for a in workspace["appointments"]:
        path = f"/confirmations/{a.protocol}/{a.step}/{a.occurrence}"
        post(workspace, path, "asked", asked_to="Dr Kim")
        start = a.start
        answer = post(workspace, path, "confirmed", date=start.date().isoformat(), time=start.strftime("%H:%M"))
        assert answer.status_code == 303
    page = http.get(f"/trips/{trip}").text
    assert "All confirmed: the trip is ready to confirm to the client." in page
    assert "Mark the trip confirmed" in page
    with app.app_context():
        assert db.session.get(Trip, trip).status == "proposed"  # the facilitator confirms it to the client
    http.post(f"/trips/{trip}/status", data={"csrf_token": csrf(http, trip), "status": "confirmed"})
    with app.app_context():
        assert db.session.get(Trip, trip).status == "confirmed"


def test_the_dashboard_lists_what_waits_for_a_clinic_with_days_from_the_clock(app, workspace, clock):
    http = workspace["http"]
    assert "No appointment is waiting for a clinic" in http.get("/dashboard").text.replace("&#39;", "'")
    post(workspace, CONSULTATION, "asked", asked_to="Dr Kim")
    clock.advance(days=3, hours=1)
    page = http.get("/dashboard").text
    waiting = page[page.index('id="waiting-heading"') :]
    assert "Consultation and tests" in waiting and "3 days" in waiting
    post(workspace, CONSULTATION, "confirmed", date="2027-03-02", time="10:00")
    page = http.get("/dashboard").text
    assert "Consultation and tests" not in page[page.index('id="waiting-heading"') :].split("</section>")[0]


def test_deleting_the_trip_removes_its_confirmations(app, workspace):
    post(workspace, CONSULTATION, "asked", asked_to="Dr Kim")
    with app.app_context():
        from planner.services.workspace.facilitator_trips import delete_trip

        delete_trip(db.session.get(Trip, workspace["trip"]))
        assert db.session.scalar(select(db.func.count()).select_from(ClinicConfirmation)) == 0
        assert db.session.scalar(select(db.func.count()).select_from(ConfirmationChange)) == 0


def test_the_clients_export_holds_the_confirmations_and_erasing_removes_them(app, workspace):
    post(workspace, CONSULTATION, "asked", asked_to="Dr Kim")
    post(workspace, CONSULTATION, "confirmed", date="2027-03-02", time="10:00", reference="R-1")
    document = json.loads(workspace["http"].get(f"/clients/{workspace['ana']}/export.json").data)
    [answer] = document["trips"][0]["confirmations"]
    assert answer["appointment"] == "stem-cell-knee-svf-consultation-1"
    assert (answer["state"], answer["asked_to"], answer["reference"]) == ("confirmed", "Dr Kim", "R-1")
    assert answer["confirmed_start"] == "2027-03-02T01:00:00+00:00"
    assert [(c["from"], c["to"]) for c in answer["changes"]] == [("not_asked", "asked"), ("asked", "confirmed")]
    with app.app_context():
        from planner.services.workspace.privacy import erase_client

        assert erase_client(workspace["user"], workspace["ana"])
        assert db.session.scalar(select(db.func.count()).select_from(ClinicConfirmation)) == 0
        assert db.session.scalar(select(db.func.count()).select_from(ConfirmationChange)) == 0
