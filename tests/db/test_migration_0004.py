"""Migrations keep the data: 0004 allows the later trip statuses and backfills the folded search column.

On SQLite a batch migration copies a table and drops the old one: with foreign keys on, the drop
used to delete every trip of an altered clients table (ON DELETE CASCADE), in 0003 as in 0004.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from planner import create_app
from planner.extensions import db


def _app(db_url, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "test-secret-key")
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": db_url})


def _run(app, *command: str) -> None:
    result = app.test_cli_runner().invoke(args=["db", *command])
    assert result.exit_code == 0, result.output


def _insert_trip(connection, status: str, trip_id: int) -> None:
    connection.execute(
        text(
            "INSERT INTO trips (id, uuid, owner_id, client_id, title, status, scenario, discreet, created_at,"
            " updated_at, calendar_changed_at, problems, problem_count) VALUES (:id, :uuid, 1, 1, 't', :status,"
            " '{}', false, '2026-11-16 09:00:00+00:00', '2026-11-16 09:00:00+00:00', '2026-11-16 09:00:00+00:00',"
            " '[]', 0)"
        ),
        {"id": trip_id, "uuid": f"00000000-0000-0000-0000-00000000000{trip_id}", "status": status},
    )


def test_upgrade_keeps_trips_backfills_search_and_allows_the_new_statuses(db_url, monkeypatch):
    app = _app(db_url, monkeypatch)
    _run(app, "upgrade", "0002")
    with app.app_context():
        with db.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO users (id, email, password_hash, display_name, session_token, created_at)"
                    " VALUES (1, 'f@example.com', 'x', 'F', 's', '2026-11-16 09:00:00+00:00')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO clients (id, owner_id, name, contact, home_timezone, language, notes, created_at,"
                    " updated_at) VALUES (1, 1, 'Nguyễn Văn Đặng', 'NGUYEN@Example.com', 'UTC', 'vi', '',"
                    " '2026-11-16 09:00:00+00:00', '2026-11-16 09:00:00+00:00')"
                )
            )
            _insert_trip(connection, "confirmed", 1)
        db.engine.dispose()
    _run(app, "upgrade")
    with app.app_context():
        with db.engine.begin() as connection:
            folded = connection.execute(text("SELECT search_text FROM clients WHERE id = 1")).scalar_one()
            kept = connection.execute(text("SELECT status FROM trips")).scalars().all()
            for number, status in enumerate(("completed", "cancelled", "archived"), start=2):
                _insert_trip(connection, status, number)
        with pytest.raises(IntegrityError), db.engine.begin() as connection:
            _insert_trip(connection, "lost", 9)
        db.engine.dispose()
    assert kept == ["confirmed"]
    assert folded == "nguyen van dang\nnguyen@example.com"
    # down again: the trips with the later statuses go back to draft, so the old constraint holds
    _run(app, "downgrade", "0003")
    with app.app_context():
        with db.engine.connect() as connection:
            statuses = set(connection.execute(text("SELECT status FROM trips")).scalars())
        db.engine.dispose()
    assert statuses == {"confirmed", "draft"}
