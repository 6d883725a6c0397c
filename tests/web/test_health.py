"""``/healthz`` answers "ok" to anyone, through the same app and headers as every page, without the database."""

from __future__ import annotations

from sqlalchemy import event

from planner.extensions import db


def test_healthz_says_ok_without_touching_the_database(app, client):
    queries = []
    with app.app_context():
        engine = db.engine

    def record(*args):
        queries.append(args[2])

    event.listen(engine, "before_cursor_execute", record)
    try:
        response = client.get("/healthz")
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert response.status_code == 200 and response.text == "ok\n"
    assert response.mimetype == "text/plain"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert queries == []
