"""Quotes and payments: made from the budget on the quote page (CSRF, owner only), edited into new
versions, sent, accepted by the client on the shared page (idempotent, refused past its validity),
paid by hand (the status follows the balance), and listed on the dashboard when due or overdue."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from planner.extensions import db
from planner.models import Payment, Quote
from tests.documents.pdf_reading import pdf_text
from tests.web.workspace_factories import create_client, create_facilitator, create_trip, log_in, make_link

CSRF = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


@pytest.fixture
def app_config() -> dict:
    # the dashboard test moves the clock past midnight: the session outlives it
    return {
        "WTF_CSRF_ENABLED": True,
        "SESSION_IDLE_TIMEOUT": timedelta(days=2),
        "SESSION_ABSOLUTE_LIFETIME": timedelta(days=2),
    }


@pytest.fixture
def workspace(app):
    http = app.test_client()
    with app.app_context():
        user, browser = create_facilitator()
        trip = create_trip(user, create_client(user, "Ana Silva", language="ko"))
        log_in(http, user, browser)
        return {"http": http, "trip": trip.id}


def csrf(http, path: str) -> str:
    return CSRF.search(http.get(path).text).group(1)


def versions(app, trip_id: int) -> list[Quote]:
    with app.app_context():
        found = list(db.session.scalars(select(Quote).where(Quote.trip_id == trip_id).order_by(Quote.version)))
        for quote in found:
            _ = quote.lines, quote.payments
        db.session.expunge_all()
        return found


def make_quote(http, trip: int) -> None:
    answer = http.post(f"/trips/{trip}/quote/new", data={"csrf_token": csrf(http, f"/trips/{trip}/quote")})
    assert answer.status_code == 303


def edit(http, trip: int, **changes) -> object:
    form = {
        "csrf_token": csrf(http, f"/trips/{trip}/quote"),
        "lines-0-label": "Knee treatment (clinic's price)",
        "lines-0-amount": "4000",
        "lines-1-label": "Hotel, 19 nights",
        "lines-1-amount": "1900.50",
        "currency": "USD",
        "fee": "300",
        "discount": "200.50",
        "tax_percent": "10",
        "deposit": "1000",
        "valid_until": "2026-11-30",
        "balance_due_on": "2026-12-20",
    }
    return http.post(f"/trips/{trip}/quote", data={**form, **changes})


def move(http, trip: int, target: str):
    return http.post(
        f"/trips/{trip}/quote/status", data={"csrf_token": csrf(http, f"/trips/{trip}/quote"), "target": target}
    )


def pay(http, trip: int, amount: str, **changes):
    form = {
        "csrf_token": csrf(http, f"/trips/{trip}/quote"),
        "amount": amount,
        "currency": "USD",
        "paid_on": "2026-11-17",
        "method": "transfer",
        "reference": "BANK-123",
    }
    return http.post(f"/trips/{trip}/quote/payments", data={**form, **changes})


def accept(token: str, version: int, client):
    page = client.get(f"/shared/{token}").text
    return client.post(
        f"/shared/{token}/quote/accept", data={"csrf_token": CSRF.search(page).group(1), "version": version}
    )


def test_the_trip_page_links_to_the_quote_and_a_quote_is_made_from_the_budget(app, workspace):
    http, trip = workspace["http"], workspace["trip"]
    page = http.get(f"/trips/{trip}").text
    assert 'id="trip-quote-heading"' in page and f'href="/trips/{trip}/quote"' in page
    make_quote(http, trip)
    [quote] = versions(app, trip)
    assert quote.version == 1 and quote.status == "estimate" and quote.lines
    assert all(isinstance(line.amount, Decimal) for line in quote.lines)
    assert quote.valid_until == date(2026, 12, 16)  # 30 days from the injected clock's day


def test_editing_makes_a_new_version_and_keeps_the_old_one(app, workspace):
    http, trip = workspace["http"], workspace["trip"]
    make_quote(http, trip)
    assert edit(http, trip).status_code == 303
    first, second = versions(app, trip)
    assert second.version == 2 and [line.amount for line in second.lines] == [Decimal("4000"), Decimal("1900.50")]
    assert second.currency == "USD" and second.fee == Decimal(300)
    assert len(first.lines) > 2  # the budget's lines, as they were
    old = http.get(f"/trips/{trip}/quote/v1")
    assert old.status_code == 200 and "Read-only" in old.text
    page = http.get(f"/trips/{trip}/quote").text
    # 4000 + 1900.50 + 300 − 200.50 = 6000, + 10 % tax = 6600
    assert "$6,600.00" in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("lines-0-amount", "-5", "Price: must not be negative."),
        ("fee", "lots", "Agency fee: enter a number"),
        ("currency", "XYZ", "Currency: XYZ is not in the exchange-rate table."),
        ("tax_percent", "150", "Tax: at most 100."),
        ("discount", "99999", "Discount: larger than the lines and the fee."),
        ("lines-0-amount", "NaN", "Price: enter a number"),
    ],
)
def test_bad_input_is_refused_naming_the_field(app, workspace, field, value, message):
    http, trip = workspace["http"], workspace["trip"]
    make_quote(http, trip)
    answer = edit(http, trip, **{field: value})
    assert answer.status_code == 422
    assert message in answer.text.replace("&#39;", "'")
    assert len(versions(app, trip)) == 1


def test_posts_without_csrf_are_refused_and_other_facilitators_get_404(app, workspace):
    http, trip = workspace["http"], workspace["trip"]
    assert http.post(f"/trips/{trip}/quote/new").status_code == 400
    make_quote(http, trip)
    assert http.post(f"/trips/{trip}/quote", data={"currency": "USD"}).status_code == 400
    other = app.test_client()
    with app.app_context():
        user, browser = create_facilitator("second@example.com")
        log_in(other, user, browser)
        own = create_trip(user, create_client(user, "Chen Wei")).id
    token = csrf(other, f"/trips/{own}")
    assert other.get(f"/trips/{trip}/quote").status_code == 404
    assert other.get(f"/trips/{trip}/quote/v1").status_code == 404
    for path in ("quote/new", "quote", "quote/status", "quote/payments"):
        assert other.post(f"/trips/{trip}/{path}", data={"csrf_token": token, "target": "quoted"}).status_code == 404
    assert len(versions(app, trip)) == 1


def test_the_client_sees_a_sent_quote_accepts_it_once_and_payments_follow(app, workspace, clock):
    http, trip = workspace["http"], workspace["trip"]
    make_quote(http, trip)
    edit(http, trip)
    token = make_link(http, trip, csrf_token=csrf(http, f"/trips/{trip}/sharing"))
    reader = app.test_client()
    assert 'id="quote-heading"' not in reader.get(f"/shared/{token}").text  # a draft is not shown
    assert move(http, trip, "quoted").status_code == 303
    page = reader.get(f"/shared/{token}")
    assert page.headers["Content-Language"] == "ko" and 'id="quote-heading"' in page.text
    assert "US$6,600.00" in page.text  # Korean's way of writing dollars
    assert accept(token, 2, reader).status_code == 303
    again = accept(token, 2, reader)
    assert again.status_code == 303
    quote = versions(app, trip)[-1]
    assert quote.status == "accepted" and quote.accepted_at is not None
    assert edit(http, trip).status_code == 422  # an accepted quote is kept as it is
    assert pay(http, trip, "1000").status_code == 303
    assert versions(app, trip)[-1].status == "deposit_paid"
    assert pay(http, trip, "100", currency="EUR").status_code == 422  # not the quote's currency
    assert pay(http, trip, "-3").status_code == 422
    receipt = http.get(f"/trips/{trip}/quote/payments/1/receipt.pdf")
    assert receipt.status_code == 200 and receipt.mimetype == "application/pdf"
    assert receipt.headers["Content-Language"] == "ko"
    text = pdf_text(receipt.data)
    assert "US$1,000.00" in text and "BANK-123" in text and "US$5,600.00" in text  # received, left to pay
    assert http.get(f"/trips/{trip}/quote/payments/99/receipt.pdf").status_code == 404
    assert pay(http, trip, "5600").status_code == 303
    quote = versions(app, trip)[-1]
    assert quote.status == "paid" and [p.amount for p in quote.payments] == [Decimal(1000), Decimal(5600)]
    with app.app_context():
        assert db.session.scalar(select(Payment.reference).limit(1)) == "BANK-123"


def test_a_quote_past_its_validity_date_cannot_be_accepted(app, workspace, clock):
    http, trip = workspace["http"], workspace["trip"]
    make_quote(http, trip)
    edit(http, trip, valid_until="2026-11-20")
    move(http, trip, "quoted")
    token = make_link(http, trip, csrf_token=csrf(http, f"/trips/{trip}/sharing"))
    clock.advance(days=5)
    reader = app.test_client()
    page = reader.get(f"/shared/{token}").text
    # "This quote is past its validity date…", in the client's Korean
    assert "유효 기한이 지나 더 이상 수락할 수 없는 견적입니다" in page and "quote/accept" not in page
    answer = reader.post(f"/shared/{token}/quote/accept", data={"csrf_token": CSRF.search(page).group(1), "version": 2})
    assert answer.status_code == 303
    assert versions(app, trip)[-1].status == "quoted"


def test_a_link_that_hides_costs_hides_the_quote_and_accepting_needs_csrf(app, workspace):
    http, trip = workspace["http"], workspace["trip"]
    make_quote(http, trip)
    move(http, trip, "quoted")
    token = make_link(http, trip, csrf_token=csrf(http, f"/trips/{trip}/sharing"), hide_costs="y")
    reader = app.test_client()
    page = reader.get(f"/shared/{token}").text
    assert 'id="quote-heading"' not in page
    assert reader.post(f"/shared/{token}/quote/accept", data={"version": 1}).status_code == 400
    valid = {"csrf_token": CSRF.search(page).group(1), "version": 1}
    assert reader.post(f"/shared/{token}/quote/accept", data=valid).status_code == 303
    assert versions(app, trip)[-1].status == "quoted"  # hidden, so not accepted either
    assert reader.post("/shared/" + "x" * 43 + "/quote/accept", data=valid).status_code == 404


def test_the_dashboard_lists_balances_due_and_overdue_from_the_clock(app, workspace, clock):
    http, trip = workspace["http"], workspace["trip"]
    make_quote(http, trip)
    edit(http, trip, balance_due_on="2026-11-16")  # the injected clock's day: due, not yet overdue
    move(http, trip, "quoted")
    token = make_link(http, trip, csrf_token=csrf(http, f"/trips/{trip}/sharing"))
    assert 'id="balances-heading"' in http.get("/dashboard").text
    assert "$6,600.00" not in http.get("/dashboard").text  # not accepted yet: nothing is due
    accept(token, 2, app.test_client())
    pay(http, trip, "1000")
    board = http.get("/dashboard").text
    assert "$5,600.00" in board and "status-overdue" not in board
    clock.advance(hours=15)  # past midnight UTC: the 17th
    assert "status-overdue" in http.get("/dashboard").text
    pay(http, trip, "5600")
    assert "$5,600.00" not in http.get("/dashboard").text  # paid: off the list


def test_deleting_the_trip_or_the_client_deletes_its_quotes_lines_and_payments(app, workspace):
    from planner.models import Client, QuoteLine, Trip

    http, trip = workspace["http"], workspace["trip"]
    make_quote(http, trip)
    edit(http, trip)
    move(http, trip, "quoted")
    token = make_link(http, trip, csrf_token=csrf(http, f"/trips/{trip}/sharing"))
    accept(token, 2, app.test_client())
    pay(http, trip, "1000")
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(Payment)) == 1
        client = db.session.get(Trip, trip).client
        db.session.delete(client)
        db.session.commit()
        for model in (Quote, QuoteLine, Payment, Client):
            assert db.session.scalar(select(db.func.count()).select_from(model)) == 0, model
