"""Migration 0011: the quotes, quote_lines and payments tables; amounts read back as exact Decimals,
deleting a trip deletes its quotes; the downgrade drops the three tables and keeps the trips."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import inspect, select, text

from planner.extensions import db
from tests.db.test_migration_0010 import STAMP, _app, _run

TABLES = {"quotes", "quote_lines", "payments"}


def _seed_trip(connection) -> None:
    connection.execute(
        text(
            "INSERT INTO users (id, email, password_hash, display_name, session_token, created_at)"
            f" VALUES (1, 'f@example.com', 'x', 'F', 's', {STAMP})"
        )
    )
    connection.execute(
        text(
            "INSERT INTO trips (id, uuid, owner_id, client_id, title, status, scenario, discreet, created_at,"
            " updated_at, calendar_changed_at, problems, problem_count) VALUES (1,"
            f" '00000000-0000-0000-0000-000000000001', 1, NULL, 't', 'draft', '{{}}', false, {STAMP}, {STAMP},"
            f" {STAMP}, '[]', 0)"
        )
    )


def test_upgrade_adds_the_quote_tables_with_exact_amounts_and_downgrade_removes_them(db_url, monkeypatch):
    app = _app(db_url, monkeypatch)
    _run(app, "upgrade", "0010")
    with app.app_context():
        with db.engine.begin() as connection:
            _seed_trip(connection)
        db.engine.dispose()
    _run(app, "upgrade", "0011")
    with app.app_context():
        from planner.models import Payment, Quote, QuoteLine

        assert TABLES <= set(inspect(db.engine).get_table_names())
        quote = Quote(trip_id=1, version=1, status="accepted", currency="USD", fee=Decimal("123456789.99"))
        quote.lines = [QuoteLine(position=0, label="Implant", amount=Decimal("9999999999.0001"))]
        quote.payments = [Payment(amount=Decimal("0.10"), currency="USD", paid_on=date(2026, 11, 16), method="cash")]
        db.session.add(quote)
        db.session.commit()
        db.session.expunge_all()
        stored = db.session.scalar(select(Quote))
        assert stored.fee == Decimal("123456789.99") and type(stored.fee) is Decimal
        assert stored.lines[0].amount == Decimal("9999999999.0001")
        assert stored.payments[0].amount == Decimal("0.1")
        db.session.remove()
        with db.engine.connect() as connection:
            if db.engine.dialect.name == "sqlite":  # the foreign keys as created, each deleting with its parent
                for table in TABLES:
                    ddl = connection.execute(text(f"SELECT sql FROM sqlite_master WHERE name = '{table}'")).scalar_one()
                    assert "ON DELETE CASCADE" in ddl, table
            else:
                connection.execute(text("DELETE FROM trips WHERE id = 1"))  # the database's own cascade
                connection.commit()
                counts = {t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}
                assert counts == dict.fromkeys(TABLES, 0)
        db.session.remove()
        db.engine.dispose()
    _run(app, "downgrade", "0010")
    with app.app_context():
        assert not TABLES & set(inspect(db.engine).get_table_names())
        with db.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM users")).scalar_one() == 1
        db.engine.dispose()
    _run(app, "upgrade")
    with app.app_context():
        db.engine.dispose()
