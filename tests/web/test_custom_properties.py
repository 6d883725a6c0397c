"""The editors over every catalog entry and over random input: faithful copies, no 500, nothing lost."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.catalog.load import clinic_to_dict, load_catalog, protocol_to_dict
from planner.extensions import db
from planner.models import CustomClinic, CustomProtocol
from planner.services.planning.custom_catalog import catalog_for, stored
from tests.web.custom_helpers import clinic_post, protocol_post

CATALOG = load_catalog()


@pytest.mark.parametrize("protocol_id", sorted(CATALOG.protocols))
def test_every_catalog_protocol_survives_the_editor_unchanged(app, client, facilitator, protocol_id):
    shown = client.get(f"/own/protocols/new?from={protocol_id}")
    assert shown.status_code == 200
    document = stored(protocol_to_dict(CATALOG.protocols[protocol_id]))
    response = client.post(f"/own/protocols/new?from={protocol_id}", data=protocol_post({**document, "id": "copy"}))
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        copy = catalog_for(facilitator).protocols["copy"]
    assert stored(protocol_to_dict(copy)) == {**document, "id": "copy"}


@pytest.mark.parametrize("clinic_id", sorted(CATALOG.clinics))
def test_every_catalog_clinic_survives_the_editor_unchanged(app, client, facilitator, clinic_id):
    document = stored(clinic_to_dict(CATALOG.clinics[clinic_id]))
    # openings and the sample flag are not edited: a new clinic starts without them
    document = {**document, "id": "copy", "openings": {}, "sample": False}
    response = client.post("/own/clinics/new", data=clinic_post(document))
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        copy = catalog_for(facilitator).clinics["copy"]
    assert stored(clinic_to_dict(copy)) == document


_NASTY = st.sampled_from(
    ["", " ", "0", "-1", "7", "NaN", "Infinity", "1e999999", "99999999999999999999", "09:00-", "2027-02-30", "\x00"]
)
_VALUES = st.one_of(_NASTY, st.text(max_size=40), st.integers(-(10**6), 10**6).map(str))
_PROTOCOL = stored(protocol_to_dict(CATALOG.protocols["stem-cell-knee-svf"]))
_PROTOCOL_FIELDS = sorted(protocol_post(_PROTOCOL)) + ["steps-9-id", "steps-0-preparation-5-text", "steps-0-kind"]
_CLINIC = {**stored(clinic_to_dict(CATALOG.clinics["sample-km-clinic-gangnam"])), "id": "mine", "sample": False}
_CLINIC_FIELDS = sorted(clinic_post(_CLINIC)) + ["hours-mon", "closures"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.dictionaries(st.sampled_from(_PROTOCOL_FIELDS), _VALUES, max_size=4), add=st.booleans())
def test_protocol_editor_answers_any_input_and_loses_nothing(app, client, facilitator, changes, add):
    with app.app_context():
        row = db.session.scalar(db.select(CustomProtocol).where(CustomProtocol.protocol_id == "mine"))
        if row is None:
            row = CustomProtocol(owner_id=facilitator, protocol_id="mine", document={**_PROTOCOL, "id": "mine"})
            db.session.add(row)
            db.session.commit()
        row_id, before = row.id, row.document
    data = {**protocol_post(before), **changes, **({"add_step": "Add a step"} if add else {})}
    response = client.post(f"/own/protocols/{row_id}", data=data)
    assert response.status_code in (200, 302)
    with app.app_context():
        after = db.session.get(CustomProtocol, row_id).document
        if response.status_code == 200:
            assert after == before
        else:
            assert "mine" in catalog_for(facilitator).protocols


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.dictionaries(st.sampled_from(_CLINIC_FIELDS), _VALUES, max_size=4))
def test_clinic_editor_answers_any_input_and_loses_nothing(app, client, facilitator, changes):
    with app.app_context():
        row = db.session.scalar(db.select(CustomClinic).where(CustomClinic.clinic_id == "mine"))
        if row is None:
            row = CustomClinic(owner_id=facilitator, clinic_id="mine", document=_CLINIC)
            db.session.add(row)
            db.session.commit()
        row_id, before = row.id, row.document
    response = client.post(f"/own/clinics/{row_id}", data={**clinic_post(before), **changes})
    assert response.status_code in (200, 302)
    with app.app_context():
        after = db.session.get(CustomClinic, row_id).document
        if response.status_code == 200:
            assert after == before
        else:
            assert "mine" in catalog_for(facilitator).clinics
