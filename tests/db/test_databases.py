"""The app starts on each database, and ``flask db upgrade`` works from an empty one."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from planner import create_app
from planner.extensions import db


def _empty_app(db_url, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "test-secret-key")
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": db_url})


def test_app_starts_and_serves(client):
    assert client.get("/").status_code == 200


def test_app_talks_to_its_database(app, db_url):
    with app.app_context():
        assert db.engine.dialect.name == db_url.split(":")[0].split("+")[0]
        assert db.session.execute(db.select(db.literal(1))).scalar() == 1


def test_upgrade_from_empty(db_url, monkeypatch):
    app = _empty_app(db_url, monkeypatch)
    runner = app.test_cli_runner()
    for _ in range(2):  # a second upgrade finds nothing to do and still succeeds
        result = runner.invoke(args=["db", "upgrade"])
        assert result.exit_code == 0, result.output
    with app.app_context():
        tables = set(inspect(db.engine).get_table_names())
        db.engine.dispose()
    migrations = list((Path(app.root_path).parent / "migrations" / "versions").glob("*.py"))
    import planner.models  # noqa: F401  (registers every table on db.metadata)

    # migrations create only tables the models know (and alembic's own bookkeeping)
    assert tables <= set(db.metadata.tables) | {"alembic_version"}
    assert ("alembic_version" in tables) or not migrations
