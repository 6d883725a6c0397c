"""Migration 0007: users and trips get a language; clients' languages become one of the six locales."""

from __future__ import annotations

from sqlalchemy import inspect, text

from planner import create_app
from planner.extensions import db
from planner.i18n import LOCALES


def _app(db_url, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "test-secret-key")
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": db_url})


def _run(app, *command: str) -> None:
    result = app.test_cli_runner().invoke(args=["db", *command])
    assert result.exit_code == 0, result.output


def _columns(table: str) -> set[str]:
    return {column["name"] for column in inspect(db.engine).get_columns(table)}


TAGS = {1: "pt", 2: "mn", 3: "zh", 4: "ko-KR", 5: "zh-TW", 6: "ar", 7: "", 8: "en"}
EXPECTED = {1: "en", 2: "en", 3: "zh_Hans", 4: "ko", 5: "zh_Hans", 6: "ar", 7: "en", 8: "en"}


def test_upgrade_adds_the_languages_and_normalises_clients_and_downgrade_removes_them(db_url, monkeypatch):
    app = _app(db_url, monkeypatch)
    _run(app, "upgrade", "0006")
    with app.app_context():
        with db.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO users (id, email, password_hash, display_name, session_token, created_at)"
                    " VALUES (1, 'f@example.com', 'x', 'F', 's', '2026-11-16 09:00:00+00:00')"
                )
            )
            for client_id, tag in TAGS.items():
                connection.execute(
                    text(
                        "INSERT INTO clients (id, owner_id, name, contact, home_timezone, language, notes,"
                        " search_text, created_at, updated_at) VALUES (:id, 1, 'Ana', '', 'UTC', :tag, '', 'ana',"
                        " '2026-11-16 09:00:00+00:00', '2026-11-16 09:00:00+00:00')"
                    ),
                    {"id": client_id, "tag": tag},
                )
            connection.execute(
                text(
                    "INSERT INTO trips (id, uuid, owner_id, client_id, title, status, scenario, discreet, created_at,"
                    " updated_at, calendar_changed_at, problems, problem_count) VALUES (1,"
                    " '00000000-0000-0000-0000-000000000001', 1, 1, 't', 'draft', '{}', false,"
                    " '2026-11-16 09:00:00+00:00', '2026-11-16 09:00:00+00:00', '2026-11-16 09:00:00+00:00', '[]', 0)"
                )
            )
        db.engine.dispose()
    _run(app, "upgrade")
    with app.app_context():
        assert "language" in _columns("users") and "language" in _columns("trips")
        with db.engine.begin() as connection:
            languages = dict(connection.execute(text("SELECT id, language FROM clients")).all())
            trips = connection.execute(text("SELECT id, language FROM trips")).all()
            user_language = connection.execute(text("SELECT language FROM users")).scalar_one()
            connection.execute(text("UPDATE users SET language = 'ja'"))
            connection.execute(text("UPDATE trips SET language = 'ru'"))
        db.engine.dispose()
    assert languages == EXPECTED and set(languages.values()) <= set(LOCALES)
    assert trips == [(1, None)], "the trip is kept; its language is not known before the migration"
    assert user_language is None
    _run(app, "downgrade", "0006")
    with app.app_context():
        assert "language" not in _columns("users") and "language" not in _columns("trips")
        with db.engine.connect() as connection:
            languages = dict(connection.execute(text("SELECT id, language FROM clients")).all())
            kept = connection.execute(text("SELECT count(*) FROM trips")).scalar_one()
        db.engine.dispose()
    assert kept == 1
    assert languages[3] == "zh" and languages[4] == "ko"
    _run(app, "upgrade")
    with app.app_context():
        db.engine.dispose()  # no pooled connection left for the garbage collector to find in a later test
