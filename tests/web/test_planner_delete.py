"""A patient can delete a saved trip for good: nothing about it stays in any table."""

from __future__ import annotations

import json

from sqlalchemy import select

from planner.extensions import db
from planner.models import Trip
from tests.web.planner_helpers import form, scenario_of


def _save(client) -> str:
    body = client.post("/plan", data=form(), follow_redirects=True).get_data(as_text=True)
    response = client.post("/plan/save", data={"scenario": json.dumps(scenario_of(body))})
    assert response.status_code == 302
    return response.headers["Location"]


def _save_with_a_pin(client) -> str:
    path = _save(client)
    response = client.post(
        f"{path}/pin", data={"key": "acupuncture-chronic-pain-consultation-1", "date": "2027-03-05", "time": "10:00"}
    )
    assert response.status_code == 302
    return path


def test_deleting_removes_the_trip_and_every_row_about_it(app, client):
    path = _save_with_a_pin(client)
    with app.app_context():
        trip_id = db.session.scalars(select(Trip.id)).one()
    answer = client.post(f"{path}/delete", data={"confirm": "yes"})
    assert answer.status_code == 303 and answer.location == "/trip-deleted"
    response = client.get(answer.location)
    assert response.status_code == 200 and "Your trip is deleted" in response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"
    assert client.get(path).status_code == 404
    with app.app_context():
        leftovers = {}
        for table in db.metadata.sorted_tables:
            rows = db.session.execute(select(table)).mappings().all()
            if table.name == "trips":
                rows = [r for r in rows if r["id"] == trip_id]
            elif "trip_id" in table.c:
                rows = [r for r in rows if r["trip_id"] == trip_id]
            else:
                continue
            if rows:
                leftovers[table.name] = len(rows)
    assert leftovers == {}


def test_the_plan_page_offers_delete_and_an_unknown_token_cannot(client):
    path = _save(client)
    assert f'href="{path}/delete"' in client.get(path).get_data(as_text=True)
    assert f'action="{path}/delete"' in client.get(f"{path}/delete").get_data(as_text=True)
    assert client.post("/t/not-a-token/delete", data={"confirm": "yes"}).status_code == 404
    assert client.get("/t/not-a-token/delete").status_code == 404
    assert client.get(path).status_code == 200
