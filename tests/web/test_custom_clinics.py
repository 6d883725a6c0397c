"""A facilitator's own clinics: hours, lunch, closures and languages, validated like the catalog."""

from __future__ import annotations

from html import unescape

import pytest

from planner.extensions import db
from planner.models import CustomClinic
from planner.services.planning.custom_catalog import catalog_for
from tests.web.custom_helpers import clinic_post, error_next_to, new_clinic


def test_a_new_clinic_is_saved_and_used_for_planning(app, client, facilitator):
    typed = clinic_post(
        new_clinic(categories=["acupuncture"]),
        **{"hours-sat": "09:00-13:00", "closures": "2027-03-02\n2027-03-03", "lunch": "12:30-13:30"},
    )
    response = client.post("/own/clinics/new", data=typed)
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        clinic = catalog_for(facilitator).clinics["my-clinic"]
    assert clinic.hours[5][0][0].isoformat() == "09:00:00"
    assert clinic.lunch[0].isoformat() == "12:30:00"
    assert len(clinic.closures) == 2
    assert clinic.categories == ("acupuncture",)


@pytest.mark.parametrize(
    ("field", "value", "field_id", "reason"),
    [
        ("hours-mon", "9am-5pm", "hours-mon", "must be a time written HH:MM"),
        ("hours-tue", "18:00-09:00", "hours-tue", "not after its start"),
        ("hours-wed", "09:00-13:00, 12:00-18:00", "hours-wed", "starts before the previous interval ends"),
        ("lunch", "noon", "lunch", "must be a pair of times"),
        ("closures", "2027-02-30", "closures", "must be a date written YYYY-MM-DD"),
        ("languages", "English", "languages", "is not a language code"),
        ("languages", "", "languages", "must name at least one language"),
        ("timezone", "Seoul", "timezone", "unknown IANA time zone"),
        ("holiday_country", "XX", "holiday_country", "unknown holiday country"),
        ("id", "sample-km-clinic-gangnam", "id", "the catalog already has a clinic"),
        ("name", "", "name", "must not be empty"),
    ],
)
def test_clinic_errors_appear_next_to_their_field(app, client, facilitator, field, value, field_id, reason):
    response = client.post("/own/clinics/new", data=clinic_post(new_clinic(), **{field: value}))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert reason in error_next_to(html, field_id), html
    assert value in unescape(html)
    with app.app_context():
        assert db.session.query(CustomClinic).count() == 0


def test_a_clinic_category_must_be_offered_by_some_protocol(client, facilitator):
    response = client.post("/own/clinics/new", data=clinic_post(new_clinic(), categories=["dentistry"]))
    assert "'dentistry' is not a valid choice" in error_next_to(response.get_data(as_text=True), "categories")
