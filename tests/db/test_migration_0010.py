"""Migration 0010: clients get an optional nationality; trips' checklist ticks get their table."""

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


def _columns(table: str) -> set[str]:
    return {column["name"] for column in inspect(db.engine).get_columns(table)}


def test_upgrade_adds_the_nationality_and_the_ticks_and_downgrade_removes_them_keeping_clients(db_url, monkeypatch):
    app = _app(db_url, monkeypatch)
    _run(app, "upgrade", "0009")
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
                    "INSERT INTO clients (id, owner_id, name, contact, home_timezone, language, notes,"
                    f" search_text, created_at, updated_at) VALUES (1, 1, 'Ana', '', 'UTC', 'en', '', 'ana',"
                    f" {STAMP}, {STAMP})"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO trips (id, uuid, owner_id, client_id, title, status, scenario, discreet, created_at,"
                    " updated_at, calendar_changed_at, problems, problem_count) VALUES (1,"
                    f" '00000000-0000-0000-0000-000000000001', 1, 1, 't', 'draft', '{{}}', false, {STAMP}, {STAMP},"
                    f" {STAMP}, '[]', 0)"
                )
            )
        db.engine.dispose()
    _run(app, "upgrade")
    with app.app_context():
        assert "nationality" in _columns("clients")
        with db.engine.begin() as connection:
            assert connection.execute(text("SELECT nationality FROM clients")).scalar_one() is None
            connection.execute(text("UPDATE clients SET nationality = 'PT'"))
            connection.execute(
                text(f"INSERT INTO trip_checklist_ticks (trip_id, item, ticked_at) VALUES (1, 'passport', {STAMP})")
            )
        db.engine.dispose()
    _run(app, "downgrade", "0009")
    with app.app_context():
        assert "nationality" not in _columns("clients")
        assert "trip_checklist_ticks" not in inspect(db.engine).get_table_names()
        with db.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM clients")).scalar_one() == 1
        db.engine.dispose()
    _run(app, "upgrade")
    with app.app_context():
        db.engine.dispose()  # no pooled connection left for the garbage collector to find in a later test
