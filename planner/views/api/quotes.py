"""A trip's quote and payments over the API: the versions and their history, a new version (from the
budget or edited, as the web form makes it), a status move, the payments and the balance."""

from __future__ import annotations

from decimal import Decimal

from flask_babel import gettext as _
from flask_smorest import Blueprint

from planner.clock import utcnow
from planner.i18n.web import current_words
from planner.models import Quote, Trip
from planner.services.documents import quote_view
from planner.services.workspace import payments, quote_history, quotes
from planner.views.api import quote_schemas as schemas
from planner.views.api.auth import SECURITY, owner, token_required
from planner.views.api.common import errors, reads, register_api_blueprint
from planner.views.api.problems import problem
from planner.views.api.trips import owned_trip
from planner.views.quote_words import FACILITATOR_MOVES, quote_error_text

blueprint = Blueprint("api_v1_quotes", __name__, url_prefix="/api/v1/trips", description="Quotes and payments")
register_api_blueprint(blueprint)
#: refusals of the quote's state (409); any other refusal is about a value sent (422)
CONFLICTS = {"not_editable", "not_allowed", "not_payable", "no_plan"}
#: the terms a new version takes, each kept from the current version when left out
TERMS = ("fee", "markup_percent", "discount", "tax_percent", "deposit", "valid_until", "balance_due_on")


def _refused(error: quotes.QuoteError):
    return problem(409 if error.reason in CONFLICTS else 422, quote_error_text(error), error.field)


def _payment(payment, quote: Quote) -> dict:
    return {
        "id": payment.id,
        "version": quote.version,
        **{name: getattr(payment, name) for name in ("amount", "currency", "paid_on", "method", "reference")},
        "recorded_at": payment.recorded_at,
    }


def _quote(quote: Quote) -> dict:
    totals = quote_view.totals_of(quote)
    return {
        **{name: getattr(quote, name) for name in ("version", "status", "currency", *TERMS)},
        "created_at": quote.created_at,
        "accepted_at": quote.accepted_at,
        "lines": [{"code": li.code, "label": li.label, "amount": li.amount} for li in quote.lines],
        "totals": {
            **{name: getattr(totals, name) for name in ("lines", "fee", "discount", "tax", "total")},
            "paid": quote_view.paid_of(quote),
            "balance": quote_view.balance(quote),
        },
        "payments": [_payment(p, quote) for p in quote.payments],
    }


def _changes(trip: Trip) -> list[dict]:
    return [
        {
            **{name: getattr(c, name) for name in ("version", "code", "status", "amount", "currency", "user_id")},
            "by": "client" if c.code == "client_accepted" else "facilitator",
            "at": c.at,
        }
        for c in quote_history.changes_of(trip.id)
    ]


def _current(trip: Trip) -> Quote:
    quote = quote_view.current_quote(trip.id)
    if quote is None:
        raise problem(404, _("the trip has no quote yet"), "trip_id")
    return quote


def _payments(quote: Quote) -> dict:
    return {
        "version": quote.version,
        "status": quote.status,
        "currency": quote.currency,
        "total": quote_view.totals_of(quote).total,
        "paid": quote_view.paid_of(quote),
        "balance": quote_view.balance(quote),
        "items": [_payment(p, quote) for p in quote.payments],
    }


@blueprint.get("/<int:trip_id>/quotes")
@token_required(write=False)
@reads(blueprint, 200, schemas.QuoteList)
@errors(blueprint, 401, 404)
@blueprint.doc(security=SECURITY)
def index(trip_id: int):
    """Every version of the trip's quote, newest first, with its lines, totals and payments; and who
    changed the quote, what and when."""
    trip = owned_trip(trip_id)
    return {"items": [_quote(q) for q in quotes.quote_versions(trip.id)], "changes": _changes(trip)}


@blueprint.get("/<int:trip_id>/quotes/current")
@token_required(write=False)
@reads(blueprint, 200, schemas.CurrentQuote)
@errors(blueprint, 401, 404)
@blueprint.doc(security=SECURITY)
def current(trip_id: int):
    """The current (latest) version with the quote's history; 404 while the trip has no quote."""
    trip = owned_trip(trip_id)
    return {**_quote(_current(trip)), "changes": _changes(trip)}


@blueprint.post("/<int:trip_id>/quotes")
@token_required(write=True)
@blueprint.arguments(schemas.QuoteIn)
@blueprint.response(201, schemas.CurrentQuote)
@errors(blueprint, 401, 403, 404, 409, 422)
@blueprint.doc(security=SECURITY)
def create(values: dict, trip_id: int):
    """A new version: from the plan's budget when the body is empty (``{}``), otherwise the current version
    with the fields sent changed. 409 once the quote is accepted, paid or cancelled (or, from the budget,
    when the trip cannot be planned); 422 naming the field for a refused value."""
    trip = owned_trip(trip_id)
    latest = quote_view.current_quote(trip.id)
    try:
        if not values:
            if latest is not None and latest.status not in ("estimate", "quoted", "cancelled"):
                raise quotes.QuoteError("status", "not_editable")
            made = quotes.quote_from_budget(trip, current_words(), utcnow().date(), utcnow(), user_id=owner().id)
        else:
            made = quotes.save_version(trip, _edit(values, latest), utcnow(), user_id=owner().id)
    except quotes.QuoteError as error:
        raise _refused(error) from None
    return {**_quote(made), "changes": _changes(trip)}


def _edit(values: dict, latest: Quote | None) -> quotes.QuoteEdit:
    if "lines" in values:
        lines = tuple((line["label"], line["amount"]) for line in values["lines"])
    else:
        lines = tuple((li.label, li.amount) for li in latest.lines) if latest is not None else ()
    currency = values.get("currency", latest.currency if latest is not None else None)
    if currency is None:
        raise problem(422, _("a first version needs its currency"), "currency")
    kept = {name: getattr(latest, name) if latest is not None else None for name in TERMS}
    terms = {name: values.get(name, kept[name]) for name in TERMS}
    for name in ("fee", "markup_percent", "discount", "tax_percent", "deposit"):
        terms[name] = terms[name] if terms[name] is not None else Decimal(0)
    return quotes.QuoteEdit(lines=lines, currency=currency, **terms)


@blueprint.post("/<int:trip_id>/quotes/current/status")
@token_required(write=True)
@blueprint.arguments(schemas.QuoteStatusIn)
@blueprint.response(200, schemas.CurrentQuote)
@errors(blueprint, 401, 403, 404, 409, 422)
@blueprint.doc(security=SECURITY)
def move(values: dict, trip_id: int):
    """Send the current version to the client (quoted), take it back to a draft (estimate), cancel or
    refund it; 409 for a move the status table refuses (accepted and paid follow the client and the
    payments)."""
    trip = owned_trip(trip_id)
    quote = _current(trip)
    try:
        if values["status"] not in FACILITATOR_MOVES:
            raise quotes.QuoteError("status", "not_allowed")
        quotes.move(quote, values["status"], user_id=owner().id, now=utcnow())
    except quotes.QuoteError as error:
        raise _refused(error) from None
    return {**_quote(quote), "changes": _changes(trip)}


@blueprint.get("/<int:trip_id>/payments")
@token_required(write=False)
@reads(blueprint, 200, schemas.PaymentList)
@errors(blueprint, 401, 404)
@blueprint.doc(security=SECURITY)
def payment_list(trip_id: int):
    """The current version's payments, oldest first, with its total, what is paid and the balance."""
    return _payments(_current(owned_trip(trip_id)))


@blueprint.post("/<int:trip_id>/payments")
@token_required(write=True)
@blueprint.arguments(schemas.PaymentIn)
@blueprint.response(201, schemas.PaymentList)
@errors(blueprint, 401, 403, 404, 409, 422)
@blueprint.doc(security=SECURITY)
def pay(values: dict, trip_id: int):
    """Record a deposit or payment against the current version (once the client accepted it: 409 before);
    the status follows the balance (deposit paid, or paid when nothing is left)."""
    quote = _current(owned_trip(trip_id))
    try:
        payments.record_payment(
            quote, values["amount"], values.get("currency", quote.currency), values["paid_on"], values["method"],
            values["reference"].strip(), utcnow(), user_id=owner().id,
        )  # fmt: skip
    except quotes.QuoteError as error:
        raise _refused(error) from None
    return _payments(quote)
