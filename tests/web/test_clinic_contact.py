"""A clinic's contact (email, phone, messenger): typed on the facilitator's own clinic, read by the
catalog (an optional [contact] table, checked like every other field), round-tripped by the editor."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from planner.core.catalog import CatalogError
from planner.core.catalog.clinics import clinic_to_dict, parse_clinic
from planner.extensions import db
from planner.models import CustomClinic
from planner.services.planning.custom_catalog import catalog_for
from tests.web.custom_helpers import clinic_post, error_next_to, new_clinic, typed_value


def test_a_clinic_contact_is_saved_shown_again_and_read_by_the_catalog(app, client, facilitator):
    typed = clinic_post(
        new_clinic(), contact_email="desk@hana.example", contact_phone="+82 2 555 0100", contact_messenger=""
    )
    response = client.post("/own/clinics/new", data=typed)
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        clinic = catalog_for(facilitator).clinics["my-clinic"]
        row = db.session.scalar(select(CustomClinic).where(CustomClinic.clinic_id == "my-clinic"))
    assert clinic.contact == (("email", "desk@hana.example"), ("phone", "+82 2 555 0100"))
    edit = client.get(f"/own/clinics/{row.id}").get_data(as_text=True)
    assert 'for="contact_email"' in edit
    assert typed_value(edit, "contact_email") == "desk@hana.example"
    assert typed_value(edit, "contact_phone") == "+82 2 555 0100"


def test_a_too_long_contact_is_refused_next_to_its_field(client, facilitator):
    response = client.post("/own/clinics/new", data=clinic_post(new_clinic(), contact_phone="1" * 201))
    assert error_next_to(response.get_data(as_text=True), "contact_phone")
    assert typed_value(response.get_data(as_text=True), "contact_phone") == "1" * 201


def test_the_catalog_reads_an_optional_contact_table_and_writes_it_back():
    base = clinic_to_dict(parse_clinic(new_clinic()))
    assert "contact" not in base and parse_clinic(base).contact == ()
    clinic = parse_clinic({**base, "contact": {"messenger": "KakaoTalk hana", "email": "a@hana.example"}})
    assert clinic.contact == (("email", "a@hana.example"), ("messenger", "KakaoTalk hana"))
    assert parse_clinic(clinic_to_dict(clinic)) == clinic
    with pytest.raises(CatalogError, match="contact.fax"):
        parse_clinic({**base, "contact": {"fax": "1"}})
    with pytest.raises(CatalogError, match="contact.email"):
        parse_clinic({**base, "contact": {"email": "x" * 201}})
