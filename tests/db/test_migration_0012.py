"""Migration 0012: the clinic_confirmations table and its history; downgrade removes them, keeping trips."""

from __future__ import annotations

from sqlalchemy import inspect, text

from planner.extensions import db
from tests.db.test_migration_0010 import STAMP, _app, _run
from tests.db.test_migration_0011 import _seed_trip


def test_upgrade_adds_the_confirmations_and_downgrade_removes_them_keeping_trips(db_url, monkeypatch):
    app = _app(db_url, monkeypatch)
    _run(app, "upgrade", "0011")
    with app.app_context():
        with db.engine.begin() as connection:
            _seed_trip(connection)
        db.engine.dispose()
    _run(app, "upgrade")
    with app.app_context():
        tables = inspect(db.engine).get_table_names()
        assert {"clinic_confirmations", "clinic_confirmation_changes"} <= set(tables)
        with db.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO clinic_confirmations (id, trip_id, protocol, step, occurrence, state, asked_at,"
                    " asked_to, confirmed_by, reference, alternative, changed_by, changed_at)"
                    f" VALUES (1, 1, 'p', 's', 1, 'asked', {STAMP}, 'Dr Kim', '', '', '', 1, {STAMP})"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO clinic_confirmation_changes (confirmation_id, from_state, to_state, user_id, at)"
                    f" VALUES (1, 'not_asked', 'asked', 1, {STAMP})"
                )
            )
        db.engine.dispose()
    _run(app, "downgrade", "0011")
    with app.app_context():
        tables = set(inspect(db.engine).get_table_names())
        assert not {"clinic_confirmations", "clinic_confirmation_changes"} & tables
        with db.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM trips")).scalar_one() == 1
        db.engine.dispose()
    _run(app, "upgrade")
    with app.app_context():
        db.engine.dispose()  # no pooled connection left for the garbage collector to find in a later test
