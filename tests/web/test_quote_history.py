"""Who changed a quote and when: the web pages write a row for each version made, status moved, the
client's acceptance (no account) and each payment recorded; the trip page shows them, newest first."""

from __future__ import annotations

import re
from decimal import Decimal

from sqlalchemy import select

from planner.extensions import db
from planner.models import QuoteChange, User
from tests.web import test_quotes
from tests.web.test_quotes import accept, csrf, edit, make_quote, move, pay
from tests.web.workspace_factories import make_link

#: the quote tests' fixtures: CSRF on, and a logged-in facilitator with a trip
app_config, workspace = test_quotes.app_config, test_quotes.workspace

ROW = re.compile(
    r'<tr class="quote-change quote-change-([a-z_]+)">\s*<td>[^<]+</td>\s*<td>([^<]+)</td>\s*<td>([^<]+)</td>'
)


def test_each_change_is_recorded_with_its_account_and_shown_on_the_trip_page(app, workspace):
    http, trip = workspace["http"], workspace["trip"]
    assert "Who changed the quote" not in http.get(f"/trips/{trip}").text
    make_quote(http, trip)
    assert edit(http, trip).status_code == 303
    assert move(http, trip, "quoted").status_code == 303
    token = make_link(http, trip, csrf_token=csrf(http, f"/trips/{trip}/sharing"))
    assert accept(token, 2, app.test_client()).status_code == 303
    assert pay(http, trip, "1000.25").status_code == 303
    with app.app_context():
        me = db.session.scalar(select(User.id).where(User.email == "first@example.com"))
        rows = db.session.scalars(select(QuoteChange).order_by(QuoteChange.id)).all()
        assert [(r.code, r.version, r.status, r.user_id) for r in rows] == [
            ("version_made", 1, "estimate", me),
            ("version_made", 2, "estimate", me),
            ("status_moved", 2, "quoted", me),
            ("client_accepted", 2, "accepted", None),
            ("payment_recorded", 2, "deposit_paid", me),
        ]
        assert rows[-1].amount == Decimal("1000.25") and rows[-1].currency == "USD"
        assert all(r.amount is None for r in rows[:-1])
    page = http.get(f"/trips/{trip}").text
    assert "Who changed the quote" in page
    shown = ROW.findall(page)
    assert [(code, who.strip()) for code, who, _ in shown] == [
        ("payment_recorded", "first@example.com"),
        ("client_accepted", "the client"),
        ("status_moved", "first@example.com"),
        ("version_made", "first@example.com"),
        ("version_made", "first@example.com"),
    ]
    assert shown[0][2] == "recorded a payment of $1,000.25 on version 2"
    assert shown[2][2] == "moved version 2 to: quoted"


def test_a_refused_change_records_nothing(app, workspace):
    http, trip = workspace["http"], workspace["trip"]
    make_quote(http, trip)
    move(http, trip, "refunded")  # estimate → refunded: the status table refuses it
    assert pay(http, trip, "10").status_code == 422  # not accepted yet
    with app.app_context():
        assert [r.code for r in db.session.scalars(select(QuoteChange))] == ["version_made"]
