"""Migration 0012: the clinic_confirmations table and its history; downgrade removes them, keeping trips."""

from __future__ import annotations

from sqlalchemy import inspect, text

from planner import create_app
from planner.extensions import db

STAMP = "'2026-11-16 09:00:00+00:00'"


def _app(db_url, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "test-secret-key")
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": db_url})


def _run(app, *command: str) -> None:
    result = app.test_cli_runner().invoke(args=["db", *command])
    assert result.exit_code == 0, result.output


def test_upgrade_adds_the_confirmations_and_downgrade_removes_them_keeping_trips(db_url, monkeypatch):
    app = _app(db_url, monkeypatch)
    _run(app, "upgrade", "0011")
    with app.app_context():
        with db.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO users (id, email, password_hash, display_name, session_token, created_at)"
                    f" VALUES (1, 'f@example.com', 'x', 'F', 's', {STAMP})"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO trips (id, uuid, owner_id, title, status, scenario, discreet, created_at,"
                    " updated_at, calendar_changed_at, problems, problem_count) VALUES (1,"
                    f" '00000000-0000-0000-0000-000000000001', 1, 't', 'draft', '{{}}', false, {STAMP}, {STAMP},"
                    f" {STAMP}, '[]', 0)"
                )
            )
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
