"""SQLite settings: WAL, foreign keys on, BEGIN IMMEDIATE so concurrent writers wait, not fail."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from planner.database import configure_sqlite


@pytest.fixture
def engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'test.sqlite3'}")
    configure_sqlite(engine)
    yield engine
    engine.dispose()


def test_pragmas(engine):
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_foreign_keys_are_enforced(engine):
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
        connection.exec_driver_sql(
            "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id))"
        )
    with pytest.raises(IntegrityError, match="FOREIGN KEY constraint failed"), engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO child (parent_id) VALUES (42)")


def test_concurrent_read_then_write_transactions_do_not_lock(engine):
    """Each thread reads, then writes, in one transaction: with plain BEGIN two such
    transactions deadlock on the upgrade to a write lock and SQLite raises "database is
    locked" at once; BEGIN IMMEDIATE makes the second one wait for the first."""
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)")
        connection.exec_driver_sql("INSERT INTO counter (id, value) VALUES (1, 0)")
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def increment():
        try:
            start.wait()
            for _ in range(10):
                with engine.begin() as connection:
                    value = connection.execute(text("SELECT value FROM counter WHERE id = 1")).scalar_one()
                    connection.execute(text("UPDATE counter SET value = :v WHERE id = 1"), {"v": value + 1})
        except BaseException as error:  # collected and asserted below, in the test's thread
            errors.append(error)

    threads = [threading.Thread(target=increment) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with engine.connect() as connection:
        # no lost update either: every read-modify-write saw the previous one
        assert connection.exec_driver_sql("SELECT value FROM counter").scalar() == 80
