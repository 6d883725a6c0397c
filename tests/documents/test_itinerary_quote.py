"""The current quote in the PDF itinerary (issue 14, item 3), as the shared page shows it: a sent quote's
lines, total and validity date; an accepted one with its date, deposit and what is left to pay; nothing
while the quote is only an estimate, nor when the link hides costs; in the client's language.

WeasyPrint is slow, so each PDF is made once for the module, in an app context without a request
(as a mail job makes it), on the injected clock.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from babel.dates import format_date
from babel.numbers import format_currency

from planner import create_app
from planner.extensions import db
from planner.i18n import words_for
from planner.services.documents import itinerary_pdf
from planner.services.workspace import payments, quotes, sharing
from tests.conftest import TEST_NOW, Clock
from tests.documents.pdf_reading import pdf_text, shows
from tests.web.workspace_factories import create_client, create_facilitator, create_trip

#: the quote every client gets: lines 5,900.50 + fee 300 − discount 200.50, and 10% tax: 6,600.00
EDIT = quotes.QuoteEdit(
    lines=(("Knee treatment at the clinic", Decimal("4000")), ("Hotel near the clinic", Decimal("1900.50"))),
    currency="USD",
    fee=Decimal("300"),
    discount=Decimal("200.50"),
    tax_percent=Decimal("10"),
    deposit=Decimal("1000"),
    valid_until=date(2026, 11, 30),
    balance_due_on=date(2026, 12, 20),
)


def _quote(owner, name: str, language: str = "en", *, send: bool = True):
    trip = create_trip(owner, create_client(owner, name, language=language))
    quote = quotes.save_version(trip, EDIT, TEST_NOW, user_id=None)
    if send:
        quotes.move(quote, "quoted", user_id=None, now=TEST_NOW)
    return trip, quote


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> dict[str, str]:
    database = tmp_path_factory.mktemp("pdf") / "planner.sqlite3"
    config = {"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}", "PLANNER_CLOCK": Clock(TEST_NOW)}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SECRET_KEY", "test-secret-key")
        patch.delenv("DATABASE_URL", raising=False)
        app = create_app(config)
    made = {}
    with app.app_context():
        import planner.models  # noqa: F401  (registers every table)

        db.create_all()
        owner, _ = create_facilitator()

        def pdf(trip, **options) -> str:
            return pdf_text(itinerary_pdf(trip, words=words_for(trip.shown_language), now=TEST_NOW, **options))

        sent, _ = _quote(owner, "Ana Silva")
        made["sent"] = pdf(sent)
        made["hidden"] = pdf(sent, hide_costs=True)
        estimate, _ = _quote(owner, "Ben Okafor", send=False)
        made["estimate"] = pdf(estimate)
        accepted, quote = _quote(owner, "Chloé Martin")
        _, token = sharing.create_client_link(owner.id, accepted.id, hide_costs=False, expires_at=None)
        assert quotes.accept(token, quote.version, TEST_NOW.date(), TEST_NOW) == "accepted"
        payments.record_payment(quote, Decimal("1000"), "USD", TEST_NOW.date(), "transfer", "", TEST_NOW, user_id=None)
        made["accepted"] = pdf(accepted)
        expired, _ = _quote(owner, "Dara Kim")
        made["expired"] = pdf_text(itinerary_pdf(expired, words=words_for("en"), now=TEST_NOW + timedelta(days=30)))
        korean, _ = _quote(owner, "김지우", "ko")
        made["ko"] = pdf(korean)
        db.session.remove()
        db.drop_all()
        db.engine.dispose()
    return made


def test_a_sent_quote_shows_its_lines_total_and_validity_date(texts):
    text = texts["sent"]
    assert "Your quote v1" in text
    assert shows(text, "Knee treatment at the clinic $4,000.00") and shows(text, "Hotel near the clinic $1,900.50")
    assert shows(text, "Agency fee $300.00") and shows(text, "Discount −$200.50") and shows(text, "Tax $600.00")
    assert shows(text, "Total $6,600.00")
    assert shows(text, f"Valid until {format_date(date(2026, 11, 30), 'EEE d MMM y', locale='en')}")
    assert shows(text, "Deposit to confirm $1,000.00")
    assert "accepted" not in text and "Left to pay" not in text


def test_a_link_that_hides_costs_gets_no_quote(texts):
    text = texts["hidden"]
    assert "Ana Silva" in text  # the same trip's itinerary
    assert "Your quote" not in text and "6,600" not in text and "Valid until" not in text


def test_an_estimate_is_not_shown_to_the_client(texts):
    text = texts["estimate"]
    assert "Ben Okafor" in text and "Budget" in text  # the plan's own budget still shows
    assert "Your quote" not in text and "6,600" not in text and "Knee treatment at the clinic" not in text


def test_an_accepted_quote_shows_when_and_what_is_left_to_pay(texts):
    text = texts["accepted"]
    assert shows(text, "Total $6,600.00") and shows(text, "Paid $1,000.00")
    day = format_date(TEST_NOW.date(), "EEE d MMM y", locale="en")
    assert shows(text, f"You accepted this quote on {day}.")
    assert shows(text, f"Left to pay $5,600.00 by {format_date(date(2026, 12, 20), 'EEE d MMM y', locale='en')}")
    assert "Valid until" not in text  # no longer open


def test_a_quote_past_its_validity_date_says_so(texts):
    text = texts["expired"]
    assert shows(text, "Total $6,600.00")
    assert "This quote is past its validity date and can no longer be accepted" in text


def test_a_korean_client_reads_the_quote_in_korean_with_korean_amounts(texts):
    text = texts["ko"]
    korean = words_for("ko").babel_locale
    total = format_currency(Decimal("6600.00"), "USD", locale=korean)
    assert total == "US$6,600.00"  # not the English "$6,600.00"
    assert shows(text, "견적서 v1") and "유효 기한" in text
    assert shows(text, f"합계 {total}")
    assert "Your quote" not in text and "Valid until" not in text
