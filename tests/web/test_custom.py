"""A facilitator's own protocols and clinics: copy, edit, validate like the catalog, plan with them."""

from __future__ import annotations

import re
from datetime import time, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import event

from planner.core.catalog.load import protocol_to_dict
from planner.core.scenario.parse import ScenarioError
from planner.extensions import db
from planner.models import CustomClinic, CustomProtocol
from planner.services import current_catalog
from planner.services.planning.custom_catalog import catalog_for, stored
from planner.services.planning.plans import plan_scenario
from tests.web.custom_helpers import clinic_post, error_next_to, new_clinic, protocol_post, typed_value
from tests.web.workspace_factories import create_client, create_facilitator, create_trip

BASE = "acupuncture-chronic-pain"


def _copy(app) -> dict:
    """The base protocol's document with the id and name a facilitator's copy gets."""
    with app.app_context():
        document = stored(protocol_to_dict(current_catalog().protocols[BASE]))
    return {**document, "id": f"{BASE}-own", "name": "My chronic pain course"}


def _save_copy(app, client, **changes) -> int:
    response = client.post(f"/own/protocols/new?from={BASE}", data=protocol_post(_copy(app), **changes))
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.location.rsplit("/", 1)[1])


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get("/own/")
    assert response.status_code == 302
    assert "/login" in response.location


def test_the_copy_editor_starts_from_the_catalog_protocol(client, facilitator):
    response = client.get(f"/own/protocols/new?from={BASE}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert f'value="{BASE}-own"' in html
    # the chronic-pain course's intensive step: twice a week, after the consultation
    assert 'name="steps-1-per_week_max" type="text" value="2"' in html or 'value="2"' in html
    assert "consultation 0" in html


def test_copying_an_unknown_protocol_is_404(client, facilitator):
    assert client.get("/own/protocols/new?from=no-such-protocol").status_code == 404


def test_a_saved_copy_plans_with_its_edited_price(app, client, facilitator):
    row_id = _save_copy(app, client, **{"steps-1-prices-local-typical": "42000"})
    with app.app_context():
        row = db.session.get(CustomProtocol, row_id)
        assert row.protocol_id == f"{BASE}-own"
        catalog = catalog_for(facilitator)
        own = catalog.protocols[f"{BASE}-own"]
        assert own.step("intensive").prices["local"].typical == Decimal("42000")
        # the base protocol is untouched, and another facilitator does not see the copy
        assert catalog.protocols[BASE].step("intensive").prices["local"].typical == Decimal("35000")
        other, _ = create_facilitator("second@example.com")
        assert f"{BASE}-own" not in catalog_for(other.id).protocols
        assert catalog_for(None) is current_catalog()


@pytest.mark.parametrize(
    ("field", "value", "field_id", "reason"),
    [
        ("steps-1-min_gap_days", "", None, None),
        ("steps-1-per_week_max", "0", "steps-1-per_week_max", "must be between 1 and 7, got 0"),
        ("steps-1-latest_start", "", None, None),
        ("steps-1-latest_start", "9h", "steps-1-latest_start", "must be a time written HH:MM (24-hour), got '9h'"),
        ("steps-1-latest_start", "25:00", "steps-1-latest_start", "must be a time written HH:MM"),
        ("steps-2-minutes", "0", "steps-2-minutes", "a session visit must last more than 0 minutes"),
        ("steps-1-after", "nowhere 0", "steps-1-after", "unknown step 'nowhere'"),
        ("steps-1-after", "consultation soon", "steps-1-after", "line 1: write STEP"),
        ("steps-2-prices-local-high", "1", "steps-2-prices-local-typical", "must be low ≤ typical ≤ high"),
        # bug: huge numbers — a price over 10^9 is refused next to its field
        (
            "steps-2-prices-local-high",
            "1e25",
            "steps-2-prices-local-high",
            "High: enter a number from 0 to 1,000,000,000.",
        ),
        ("steps-2-prices-local-currency", "XYZ", "steps-2-prices-local-currency", "unknown currency 'XYZ'"),
        ("steps-0-prices-any-low", "100", "steps-0-prices-any-typical", "missing (required)"),
        ("count_max", "2", "count_min", "min 6 is more than max 2"),
        ("id", "Bad Id", "id", "'Bad Id' is not a valid id"),
        ("id", BASE, "id", "the catalog already has a protocol"),
        ("steps-2-id", "intensive", "steps-2-id", "duplicate step id 'intensive'"),
        ("steps-0-preparation-0-hours_before", "8", "steps-0-preparation-0-text", "missing (required)"),
    ],
)
def test_catalog_errors_appear_next_to_their_field(app, client, facilitator, field, value, field_id, reason):
    typed = protocol_post(_copy(app), **{field: value})
    response = client.post(f"/own/protocols/new?from={BASE}", data=typed)
    if field_id is None:
        assert response.status_code == 302  # a blank optional number takes the catalog default
        return
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert reason in error_next_to(html, field_id), html
    assert typed_value(html, field) == value  # what was typed is kept
    with app.app_context():
        assert db.session.query(CustomProtocol).count() == 0


def test_a_latest_start_is_saved_and_shown_again(app, client, facilitator):
    row_id = _save_copy(app, client, **{"steps-1-latest_start": "10:30"})
    with app.app_context():
        own = catalog_for(facilitator).protocols[f"{BASE}-own"]
        assert own.step("intensive").latest_start == time(10, 30)
        assert own.step("consultation").latest_start is None
    html = client.get(f"/own/protocols/{row_id}").get_data(as_text=True)
    assert typed_value(html, "steps-1-latest_start") == "10:30"


def test_an_invalid_edit_keeps_the_saved_protocol(app, client, facilitator):
    row_id = _save_copy(app, client)
    with app.app_context():
        before = db.session.get(CustomProtocol, row_id).document
    edited = protocol_post(before, **{"steps-1-count_min": "9", "summary": "changed"})
    html = client.post(f"/own/protocols/{row_id}", data=edited).get_data(as_text=True)
    assert "is more than max" in error_next_to(html, "steps-1-count_min")
    with app.app_context():
        assert db.session.get(CustomProtocol, row_id).document == before


def test_the_id_is_fixed_once_saved(app, client, facilitator):
    row_id = _save_copy(app, client)
    with app.app_context():
        document = db.session.get(CustomProtocol, row_id).document
    html = client.post(f"/own/protocols/{row_id}", data=protocol_post(document, id="renamed")).get_data(as_text=True)
    assert "cannot change once saved" in error_next_to(html, "id")


def test_the_id_field_is_read_only_once_saved(app, client, facilitator):
    def id_input(html: str) -> str:
        return re.search(r'<input[^>]*\bid="id"[^>]*>', html).group(0)

    assert "readonly" not in id_input(client.get(f"/own/protocols/new?from={BASE}").get_data(as_text=True))
    row_id = _save_copy(app, client)
    assert "readonly" in id_input(client.get(f"/own/protocols/{row_id}").get_data(as_text=True))


def test_removing_and_adding_steps(app, client, facilitator):
    row_id = _save_copy(app, client)
    with app.app_context():
        document = db.session.get(CustomProtocol, row_id).document
    added = client.post(f"/own/protocols/{row_id}", data=protocol_post(document, add_step="Add a step"))
    assert 'name="steps-3-id"' in added.get_data(as_text=True)
    # removing the maintenance phase leaves count.max 12 out of reach of the intensive phase's 6
    html = client.post(f"/own/protocols/{row_id}", data=protocol_post(document, **{"steps-2-remove": "y"})).get_data(
        as_text=True
    )
    assert "cannot be reached" in error_next_to(html, "count_max")
    saved = client.post(
        f"/own/protocols/{row_id}",
        data=protocol_post(
            document, **{"steps-2-remove": "y", "count_min": "6", "count_max": "6", "count_default": "6"}
        ),
    )
    assert saved.status_code == 302
    with app.app_context():
        steps = db.session.get(CustomProtocol, row_id).document["steps"]
        assert [s["id"] for s in steps] == ["consultation", "intensive"]


def test_another_facilitators_entries_are_404(app, client, facilitator):
    with app.app_context():
        other, _ = create_facilitator("second@example.com")
        protocol = CustomProtocol(owner_id=other.id, protocol_id="theirs", document={"id": "theirs"})
        clinic = CustomClinic(owner_id=other.id, clinic_id="theirs", document=new_clinic(id="theirs"))
        db.session.add_all([protocol, clinic])
        db.session.commit()
        ids = protocol.id, clinic.id
    assert client.get(f"/own/protocols/{ids[0]}").status_code == 404
    assert client.post(f"/own/protocols/{ids[0]}", data={"name": "x"}).status_code == 404
    assert client.post(f"/own/protocols/{ids[0]}/delete").status_code == 404
    assert client.get(f"/own/clinics/{ids[1]}").status_code == 404
    assert client.post(f"/own/clinics/{ids[1]}/delete").status_code == 404
    with app.app_context():
        assert db.session.query(CustomProtocol).count() == 1
        assert db.session.query(CustomClinic).count() == 1


def test_deleting_is_refused_while_a_trip_uses_it(app, client, facilitator):
    row_id = _save_copy(app, client)
    with app.app_context():
        from planner.models import User

        owner = db.session.get(User, facilitator)
        trip = create_trip(
            owner,
            create_client(owner),
            {
                "traveller": {"name": "Ana", "home_timezone": "Europe/Lisbon"},
                "arrival": "2027-03-01T16:00",
                "departure": "2027-03-30T11:00",
                "treatments": [{"protocol": f"{BASE}-own"}],
            },
        )
        trip_id = trip.id
    response = client.post(f"/own/protocols/{row_id}/delete", follow_redirects=True)
    assert "Not deleted: 1 trip uses this" in response.get_data(as_text=True)
    with app.app_context():
        db.session.delete(db.session.get(type(trip), trip_id))
        db.session.commit()
    client.post(f"/own/protocols/{row_id}/delete")
    with app.app_context():
        assert db.session.get(CustomProtocol, row_id) is None


def test_a_stored_document_that_no_longer_passes_is_left_out_and_shown(app, client, facilitator):
    with app.app_context():
        broken = {**_copy(app), "steps": []}
        db.session.add(CustomProtocol(owner_id=facilitator, protocol_id=broken["id"], document=broken))
        db.session.commit()
        assert broken["id"] not in catalog_for(facilitator).protocols
    html = client.get("/own/").get_data(as_text=True)
    assert "Left out of plans until fixed" in html
    assert "a protocol needs at least one step" in html


def test_a_trip_plans_with_the_facilitators_protocol_at_theirnew_clinic(app, client, facilitator):
    client.post("/own/clinics/new", data=clinic_post(new_clinic(categories=["acupuncture"])))
    _save_copy(app, client, **{"steps-1-minutes": "55"})
    scenario = {
        "traveller": {"name": "Ana", "home_timezone": "Europe/Lisbon"},
        "arrival": "2027-03-01T16:00",
        "departure": "2027-04-20T11:00",
        "treatments": [{"protocol": f"{BASE}-own", "clinic": "my-clinic"}],
    }
    with app.app_context():
        planned = plan_scenario(scenario, catalog=catalog_for(facilitator))
        with pytest.raises(ScenarioError):
            plan_scenario(scenario)  # the base catalog alone knows neither
    sessions = [a for a in planned.plan.appointments if a.step == "intensive"]
    assert sessions
    assert {a.clinic for a in planned.plan.appointments} == {"my-clinic"}
    assert all(a.end - a.start == timedelta(minutes=55) for a in sessions)


@pytest.mark.parametrize("entries", [1, 12])
def test_catalog_for_costs_two_queries_however_many_entries(app, facilitator, entries):
    with app.app_context():
        for n in range(entries):
            db.session.add(
                CustomProtocol(owner_id=facilitator, protocol_id=f"p{n}", document={**_copy(app), "id": f"p{n}"})
            )
            db.session.add(CustomClinic(owner_id=facilitator, clinic_id=f"c{n}", document=new_clinic(id=f"c{n}")))
        db.session.commit()
        statements = []
        listen = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listen)
        try:
            catalog = catalog_for(facilitator)
        finally:
            event.remove(db.engine, "before_cursor_execute", listen)
    assert [s.split()[0] for s in statements if not s.startswith("BEGIN")] == ["SELECT", "SELECT"]
    assert {f"p{n}" for n in range(entries)} <= set(catalog.protocols)
    assert {f"c{n}" for n in range(entries)} <= set(catalog.clinics)
