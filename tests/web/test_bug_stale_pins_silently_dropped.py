"""Pins that a changed trip no longer accepts used to vanish silently; now they stay, reported, removable.

Also: a pin is refused at entry with its reason, and a pin can be removed in every state of the plan.
"""

from __future__ import annotations

import json

from sqlalchemy import select

from planner.extensions import db
from planner.models import Pin
from tests.web.planner_helpers import form, scenario_of

CONSULTATION = "acupuncture-chronic-pain-consultation-1"


def _save(client, **changes) -> str:
    body = client.post("/plan", data=form(**changes), follow_redirects=True).get_data(as_text=True)
    response = client.post("/plan/save", data={"scenario": json.dumps(scenario_of(body))})
    assert response.status_code == 302
    return response.headers["Location"]


def _pins(app) -> list[tuple[str, str]]:
    with app.app_context():
        return [(p.step, p.start.isoformat()) for p in db.session.scalars(select(Pin))]


def test_a_pin_on_a_sunday_is_refused_with_its_reason(app, client):
    path = _save(client)
    response = client.post(f"{path}/pin", data={"key": CONSULTATION, "date": "2027-03-07", "time": "10:00"})
    assert response.status_code == 400
    assert "the clinic is closed on Sunday 7 March" in response.get_data(as_text=True)
    assert _pins(app) == []


def test_a_pin_the_changed_trip_no_longer_accepts_is_reported_and_removable(app, client):
    path = _save(client)
    pinned = client.post(f"{path}/pin", data={"key": CONSULTATION, "date": "2027-03-12", "time": "10:00"})
    assert pinned.status_code == 302
    # the trip now ends before the confirmed time: the pin stays stored, reported, left out of the plan
    edited = client.post(f"{path}/edit", data=form(departure_date="2027-03-10"))
    assert edited.status_code == 302
    assert len(_pins(app)) == 1
    body = client.get(path).get_data(as_text=True)
    assert "No longer fits the trip" in body
    assert "is after your flight home" in body
    with app.app_context():
        pin_id = db.session.scalar(select(Pin.id))
    # the plan does not work (the stay is too short) and the pin can still be removed
    assert "This plan does not work yet" in body
    assert f"{path}/pins/{pin_id}/delete" in body
    assert client.post(f"{path}/pins/{pin_id}/delete").status_code == 302
    assert _pins(app) == []
    assert "No longer fits the trip" not in client.get(path).get_data(as_text=True)


def test_a_stale_pin_does_not_block_pinning_another_appointment(app, client):
    path = _save(client)
    client.post(f"{path}/pin", data={"key": CONSULTATION, "date": "2027-04-10", "time": "10:00"})
    client.post(f"{path}/edit", data=form(departure_date="2027-04-01"))
    session = "acupuncture-chronic-pain-intensive-1"
    body = client.get(path).get_data(as_text=True)
    assert f'id="a-{session}"' in body
    response = client.post(f"{path}/pin", data={"key": session, "date": "2027-03-05", "time": "10:00"})
    assert response.status_code == 302, response.get_data(as_text=True)
    assert len(_pins(app)) == 2
