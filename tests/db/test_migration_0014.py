"""Migration 0014: every account becomes the owner of a one-person agency that keeps its data; new agencies
get fresh ids after the upgrade (PostgreSQL's sequence too); downgrade gives the data back to the accounts."""

from __future__ import annotations

from sqlalchemy import inspect, text

from planner.extensions import db
from tests.db.test_migration_0010 import STAMP, _app, _run
from tests.db.test_migration_0011 import _seed_trip


def test_accounts_become_one_person_agencies_keeping_their_trips(db_url, monkeypatch):
    app = _app(db_url, monkeypatch)
    _run(app, "upgrade", "0013")
    with app.app_context():
        with db.engine.begin() as connection:
            _seed_trip(connection)
            connection.execute(
                text(
                    "INSERT INTO users (id, email, password_hash, display_name, session_token, created_at)"
                    f" VALUES (7, 'g@example.com', 'x', '', 's2', {STAMP})"
                )
            )
        db.engine.dispose()
    _run(app, "upgrade", "0014")
    with app.app_context():
        with db.engine.begin() as connection:
            agencies = connection.execute(text("SELECT id, name FROM agencies ORDER BY id")).all()
            assert [tuple(row) for row in agencies] == [(1, "F"), (7, "g@example.com")]
            users = connection.execute(text("SELECT id, agency_id, role FROM users ORDER BY id")).all()
            assert [tuple(row) for row in users] == [(1, 1, "owner"), (7, 7, "owner")]
            assert connection.execute(text("SELECT owner_id FROM trips")).scalar_one() == 1
            connection.execute(
                text(f"INSERT INTO agencies (name, coordinators_see_all, created_at) VALUES ('New', false, {STAMP})")
            )
            assert connection.execute(text("SELECT max(id) FROM agencies")).scalar_one() == 8
            # agency 8's client, and a member of agency 1 whose account id is 8: the downgrade must not join them
            connection.execute(
                text(
                    "INSERT INTO users (id, email, password_hash, display_name, session_token, created_at, agency_id,"
                    f" role) VALUES (8, 'm@example.com', 'x', '', 's3', {STAMP}, 1, 'coordinator')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO users (id, email, password_hash, display_name, session_token, created_at, agency_id,"
                    f" role, removed_at) VALUES (9, 'gone@example.com', 'x', '', 's4', {STAMP}, 1, 'viewer', {STAMP})"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO clients (owner_id, name, contact, home_timezone, language, notes, search_text,"
                    f" created_at, updated_at) VALUES (8, 'Other agency', '', 'UTC', 'en', '', '', {STAMP}, {STAMP})"
                )
            )
        foreign = inspect(db.engine).get_foreign_keys("trips")
        assert {"owner_id": "agencies"} == {
            key["constrained_columns"][0]: key["referred_table"]
            for key in foreign
            if key["constrained_columns"] == ["owner_id"]
        }
        db.engine.dispose()
    _run(app, "downgrade", "0013")
    with app.app_context():
        assert "agencies" not in inspect(db.engine).get_table_names()
        with db.engine.connect() as connection:
            assert connection.execute(text("SELECT owner_id FROM trips")).scalar_one() == 1
            assert connection.execute(text("SELECT count(*) FROM clients")).scalar_one() == 0  # not user 8's
            emails = connection.execute(text("SELECT email FROM users ORDER BY id")).scalars().all()
            assert emails == ["f@example.com", "g@example.com", "m@example.com"]  # the removed member is gone
        db.engine.dispose()
    _run(app, "upgrade")
    with app.app_context():
        db.engine.dispose()
