"""The trip's quote page (lines, fee, discount, tax, currency, validity; versions; payments), and the
client's acceptance from the shared page."""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from planner import limits
from planner.clock import utcnow
from planner.extensions import db
from planner.forms.quotes import BLANK_LINES, AcceptForm, MoveForm, PaymentForm, QuoteForm
from planner.i18n import words_for
from planner.i18n.web import client_language, current_words
from planner.models import Payment, Quote, Trip
from planner.security import no_store
from planner.services.accounts.roles import assigned_only
from planner.services.documents import quote_view, receipt
from planner.services.reminders.subscriptions import language_of_link
from planner.services.workspace import payments, quotes
from planner.services.workspace.facilitator_trips import owned_trips
from planner.views.quote_words import (
    ACCEPT_WORDS,
    FACILITATOR_MOVES,
    STATUS_WORDS,
    quote_error_text,
    quote_page_values,
)

blueprint = Blueprint("quotes", __name__)


@blueprint.app_context_processor
def _quote_values() -> dict:
    return quote_page_values()


def _trip(trip_id: int) -> Trip:
    return db.first_or_404(owned_trips(current_user.agency_id, assigned_only(current_user)).where(Trip.id == trip_id))


def _page(trip: Trip, form: QuoteForm | None = None, payment_form: PaymentForm | None = None, status: int = 200):
    quote = quote_view.current_quote(trip.id)
    currencies = quotes.currencies(trip.owner_id)
    if form is None:
        form = QuoteForm(formdata=None, currencies=currencies, obj=quote) if quote else None
        if form is not None:
            for line in quote.lines:
                form.lines.append_entry({"label": line.label, "amount": line.amount})
    if form is not None:
        while len(form.lines) < len([e for e in form.lines if (e.form.label.data or "").strip()]) + BLANK_LINES:
            form.lines.append_entry()
    if payment_form is None and quote is not None:
        payment_form = PaymentForm(formdata=None, currencies=currencies, currency=quote.currency)
        payment_form.currency.data = quote.currency
    page = render_template(
        "facilitator/quote.html",
        trip=trip,
        quote=quote,
        form=form,
        payment_form=payment_form,
        move_form=MoveForm(formdata=None),
        versions=quotes.quote_versions(trip.id),
        moves=FACILITATOR_MOVES,
        status_words=STATUS_WORDS,
    )
    return page, status


def _back(trip_id: int, anchor: str = "quote-heading"):
    return redirect(url_for("quotes.show", trip_id=trip_id, _anchor=anchor), code=303)


@blueprint.get("/trips/<int:trip_id>/quote")
@login_required
@no_store
def show(trip_id: int):
    """The current quote, editable while it is an estimate or quoted; its versions and payments."""
    return _page(_trip(trip_id))


@blueprint.get("/trips/<int:trip_id>/quote/v<int:version>")
@login_required
@no_store
def version(trip_id: int, version: int):
    """One version of the quote, read-only."""
    trip = _trip(trip_id)
    quote = db.first_or_404(db.select(Quote).where(Quote.trip_id == trip.id, Quote.version == version))
    return render_template("facilitator/quote_version.html", trip=trip, quote=quote, status_words=STATUS_WORDS)


@blueprint.post("/trips/<int:trip_id>/quote/new")
@login_required
@no_store
def create(trip_id: int):
    """A new version made from the plan's budget."""
    trip = _trip(trip_id)
    if not MoveForm().validate_on_submit():
        abort(400)
    current = quote_view.current_quote(trip.id)
    if current is not None and current.status not in ("estimate", "quoted", "cancelled"):
        flash(quote_error_text(quotes.QuoteError("status", "not_editable")), "error")
        return _back(trip_id)
    try:
        quotes.quote_from_budget(trip, current_words(), utcnow().date(), utcnow(), user_id=current_user.id)
    except quotes.QuoteError as error:
        flash(quote_error_text(error), "error")
        return _back(trip_id)
    flash(_("A quote is made from the plan's budget: check each price."), "success")
    return _back(trip_id)


@blueprint.post("/trips/<int:trip_id>/quote")
@login_required
@no_store
def save(trip_id: int):
    """Save the edited quote as a new version (the previous one is kept as it was)."""
    trip = _trip(trip_id)
    form = QuoteForm(currencies=quotes.currencies(trip.owner_id))
    if not form.validate_on_submit():
        if form.csrf_token.errors:
            abort(400)
        return _page(trip, form=form, status=422)
    edit = quotes.QuoteEdit(
        lines=form.filled_lines(),
        currency=form.currency.data,
        **{
            name: getattr(form, name).data or 0
            for name in ("fee", "markup_percent", "discount", "tax_percent", "deposit")
        },
        valid_until=form.valid_until.data,
        balance_due_on=form.balance_due_on.data,
    )
    try:
        saved = quotes.save_version(trip, edit, utcnow(), user_id=current_user.id)
    except quotes.QuoteError as error:
        flash(quote_error_text(error), "error")
        return _page(trip, form=form, status=422)
    flash(_("Quote version %(version)d is saved.", version=saved.version), "success")
    return _back(trip_id)


@blueprint.post("/trips/<int:trip_id>/quote/status")
@login_required
@no_store
def move(trip_id: int):
    """Send the quote to the client, take it back to a draft, cancel or refund it."""
    trip = _trip(trip_id)
    form = MoveForm()
    if not form.validate_on_submit():
        abort(400)
    quote = quote_view.current_quote(trip.id)
    if quote is None:
        abort(404)
    if form.target.data not in FACILITATOR_MOVES:
        flash(quote_error_text(quotes.QuoteError("status", "not_allowed")), "error")
        return _back(trip_id)
    try:
        quotes.move(quote, form.target.data, user_id=current_user.id, now=utcnow())
    except quotes.QuoteError as error:
        flash(quote_error_text(error), "error")
        return _back(trip_id)
    flash(_("The quote is now: %(status)s.", status=STATUS_WORDS[quote.status]), "success")
    return _back(trip_id)


@blueprint.post("/trips/<int:trip_id>/quote/payments")
@login_required
@no_store
def pay(trip_id: int):
    """Record a deposit or payment; the quote's status follows the balance."""
    trip = _trip(trip_id)
    quote = quote_view.current_quote(trip.id)
    if quote is None:
        abort(404)
    form = PaymentForm(currencies=quotes.currencies(trip.owner_id))
    if not form.validate_on_submit():
        if form.csrf_token.errors:
            abort(400)
        return _page(trip, payment_form=form, status=422)
    try:
        payments.record_payment(
            quote,
            form.amount.data,
            form.currency.data,
            form.paid_on.data,
            form.method.data,
            (form.reference.data or "").strip(),
            utcnow(),
            user_id=current_user.id,
        )
    except quotes.QuoteError as error:
        flash(quote_error_text(error), "error")
        return _page(trip, payment_form=form, status=422)
    flash(_("The payment is recorded."), "success")
    return _back(trip_id, "payments-heading")


@blueprint.get("/trips/<int:trip_id>/quote/payments/<int:payment_id>/receipt.pdf")
@login_required
@no_store
def payment_receipt(trip_id: int, payment_id: int):
    """A payment's receipt as a PDF, in the client's language, for the facilitator to send."""
    trip = _trip(trip_id)
    payment = db.first_or_404(
        db.select(Payment)
        .join(Quote, Quote.id == Payment.quote_id)
        .where(Payment.id == payment_id, Quote.trip_id == trip.id)
    )
    quote = db.session.get(Quote, payment.quote_id)
    words = words_for(trip.shown_language)
    body = receipt.receipt_pdf(trip, quote, payment, words=words, now=utcnow())
    response = Response(body, content_type="application/pdf")
    response.headers["Content-Language"] = words.lang
    response.headers["Content-Disposition"] = f'attachment; filename="{receipt.FILENAME}"'
    return response


@blueprint.post("/shared/<token>/quote/accept")
@limits.token_pages
@no_store
def accept(token: str):
    """The client accepts the quote they read (recorded with the time; a second press changes nothing)."""
    language = language_of_link(token, utcnow())
    if language is None:
        abort(404)
    with client_language(language):
        form = AcceptForm()
        if not form.validate_on_submit():
            abort(400)
        outcome = quotes.accept(token, form.version.data, utcnow().date(), utcnow())
        if outcome is None:
            abort(404)
        flash(str(ACCEPT_WORDS[outcome]), "success" if outcome in ("accepted", "already") else "error")
    return redirect(url_for("share.client_plan", token=token, _anchor="quote-heading"), code=303)
