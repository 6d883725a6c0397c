"""Migration 0013: the quote_changes table (who changed a quote, what, when); amounts read back exact, the
client's change has no account; downgrade removes it, keeping the quotes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError

from planner.extensions import db
from tests.db.test_migration_0010 import STAMP, _app, _run
from tests.db.test_migration_0011 import _seed_trip


def test_upgrade_adds_the_quote_changes_and_downgrade_removes_them_keeping_the_quotes(db_url, monkeypatch):
    app = _app(db_url, monkeypatch)
    _run(app, "upgrade", "0012")
    with app.app_context():
        with db.engine.begin() as connection:
            _seed_trip(connection)
            connection.execute(
                text(
                    "INSERT INTO quotes (id, trip_id, version, status, currency, fee, markup_percent, discount,"
                    f" tax_percent, deposit, created_at) VALUES (1, 1, 1, 'accepted', 'USD', 0, 0, 0, 0, 0, {STAMP})"
                )
            )
        db.engine.dispose()
    _run(app, "upgrade")
    with app.app_context():
        from planner.models import QuoteChange

        assert "quote_changes" in inspect(db.engine).get_table_names()
        db.session.add_all(
            [
                QuoteChange(trip_id=1, version=1, code="client_accepted", status="accepted"),
                QuoteChange(
                    trip_id=1, version=1, code="payment_recorded", status="deposit_paid",
                    amount=Decimal("1234.5678"), currency="USD", user_id=1,
                ),
            ]
        )  # fmt: skip
        db.session.commit()
        db.session.expunge_all()
        accepted, paid = db.session.scalars(select(QuoteChange).order_by(QuoteChange.id))
        assert (accepted.user_id, accepted.amount, accepted.currency) == (None, None, "")
        assert paid.amount == Decimal("1234.5678") and type(paid.amount) is Decimal and paid.user_id == 1
        db.session.remove()
        with pytest.raises(IntegrityError), db.engine.begin() as connection:  # a code the check does not know
            connection.execute(
                text(
                    "INSERT INTO quote_changes (trip_id, version, code, status, currency, at)"
                    f" VALUES (1, 1, 'guessed', 'paid', '', {STAMP})"
                )
            )
        db.engine.dispose()
    _run(app, "downgrade", "0012")
    with app.app_context():
        assert "quote_changes" not in set(inspect(db.engine).get_table_names())
        with db.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM quotes")).scalar_one() == 1
        db.engine.dispose()
    _run(app, "upgrade")
    with app.app_context():
        db.engine.dispose()  # no pooled connection left for the garbage collector to find in a later test
