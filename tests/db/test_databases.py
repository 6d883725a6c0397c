"""The app starts on each database, and ``flask db upgrade`` works from an empty one."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
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


def test_upgrade_from_empty_creates_exactly_the_models_tables(db_url, monkeypatch):
    app = _empty_app(db_url, monkeypatch)
    runner = app.test_cli_runner()
    for _ in range(2):  # a second upgrade finds nothing to do and still succeeds
        result = runner.invoke(args=["db", "upgrade"])
        assert result.exit_code == 0, result.output
    import planner.models  # noqa: F401  (registers every table on db.metadata)

    with app.app_context():
        tables = set(inspect(db.engine).get_table_names())
        db.engine.dispose()
    assert tables == set(db.metadata.tables) | {"alembic_version"}


def test_models_and_migrations_agree(db_url, monkeypatch):
    """Autogenerate finds nothing to do after upgrade: no column, index or constraint drifted."""
    app = _empty_app(db_url, monkeypatch)
    assert app.test_cli_runner().invoke(args=["db", "upgrade"]).exit_code == 0
    import planner.models  # noqa: F401  (registers every table on db.metadata)

    with app.app_context():
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, db.metadata)
        db.engine.dispose()
    assert differences == []


def test_downgrade_to_empty_and_up_again(db_url, monkeypatch):
    app = _empty_app(db_url, monkeypatch)
    runner = app.test_cli_runner()
    for command in (["db", "upgrade"], ["db", "downgrade", "base"], ["db", "upgrade"]):
        result = runner.invoke(args=command)
        assert result.exit_code == 0, result.output
    with app.app_context():
        assert "trips" in inspect(db.engine).get_table_names()
        db.engine.dispose()
