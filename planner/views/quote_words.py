"""The quote pages' words: statuses, refusals and the client's acceptance outcomes, and the values
the templates call (``trip_quote``, ``shared_quote``, ``balances_due_list``)."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from planner.clock import utcnow
from planner.core.quote import can_move
from planner.forms.quotes import METHOD_WORDS, AcceptForm
from planner.services.accounts.roles import assigned_only
from planner.services.documents import quote_view
from planner.services.workspace import payments, quote_history, quotes

STATUS_WORDS = {
    "estimate": _l("estimate (not shown to the client)"),
    "quoted": _l("quoted"),
    "accepted": _l("accepted"),
    "deposit_paid": _l("deposit paid"),
    "paid": _l("paid"),
    "refunded": _l("refunded"),
    "cancelled": _l("cancelled"),
}
#: what the facilitator may move a quote to by hand (accepted is the client's; paid follows payments)
FACILITATOR_MOVES = {
    "quoted": _l("Send to the client"),
    "estimate": _l("Take back to a draft"),
    "cancelled": _l("Cancel the quote"),
    "refunded": _l("Mark as refunded"),
}
#: what a quote change did, as the trip page's history says it
CHANGE_WORDS = {
    "version_made": _l("made version %(version)d"),
    "status_moved": _l("moved version %(version)d to: %(status)s"),
    "client_accepted": _l("accepted version %(version)d"),
    "payment_recorded": _l("recorded a payment of %(amount)s on version %(version)d"),
}
ACCEPT_WORDS = {
    "accepted": _l("Thank you: you accepted the quote."),
    "already": _l("You have already accepted this quote."),
    "expired": _l(
        "This quote is past its validity date and can no longer be accepted: ask your coordinator for a new one."
    ),
    "stale": _l("The quote changed since you opened the page: read the new one below."),
    "not_open": _l("This quote cannot be accepted now."),
}
_FIELDS = {
    "status": _l("Status"),
    "currency": _l("Currency"),
    "amount": _l("Amount"),
    "method": _l("Method"),
    "price": _l("Price"),
    "fee": _l("Agency fee"),
    "markup_percent": _l("Markup on the lines (%)"),
    "discount": _l("Discount"),
    "tax_percent": _l("Tax (%)"),
    "budget": _l("Budget"),
}
_REASONS = {
    ("status", "not_editable"): _l("an accepted, paid or cancelled quote is kept as it is."),
    ("status", "not_allowed"): _l("the quote cannot move there from its current status."),
    ("status", "not_payable"): _l("payments are recorded once the client has accepted the quote."),
    ("currency", "unknown"): _l("not in the exchange-rate table."),
    ("currency", "not_the_quotes"): _l("a payment is recorded in the quote's currency."),
    ("amount", "invalid"): _l("enter more than zero."),
    ("method", "unknown"): _l("choose one of the methods."),
    ("discount", "invalid"): _l("larger than the lines and the fee."),
    ("budget", "no_plan"): _l("the trip cannot be planned right now, so it has no budget to quote from."),
}


def quote_error_text(error: quotes.QuoteError) -> str:
    """A refusal in words naming the field: "Currency: not in the exchange-rate table."."""
    reason = _REASONS.get((error.field, error.reason), _l("not accepted."))
    return _("%(field)s: %(reason)s", field=_FIELDS.get(error.field, error.field), reason=reason)


def quote_page_values() -> dict:
    """Template helpers: the trip page's quote summary, the shared page's quote, the dashboard's balances."""

    def trip_quote(trip):
        quote = quote_view.current_quote(trip.id)
        if quote is None:
            return None
        return {"quote": quote, "totals": quote_view.totals_of(quote), "balance": quote_view.balance(quote)}

    def quote_changes(trip):
        return quote_history.shown_changes(trip.id)

    def shared_quote(trip):
        return quote_view.client_quote(trip, utcnow().date())

    def balances_due_list():
        return payments.balances_due(
            current_user.agency_id, utcnow().date(), coordinator_id=assigned_only(current_user)
        )

    def shown_in(amount, source: str, target: str, owner_id: int):
        """The amount in another currency, for display only (None when it cannot be converted)."""
        return quotes.converted(amount, source, target, quotes.rates_for(owner_id))

    def named_error(field, message) -> str:
        """A field's error as the summary lists it: starting with the field's name."""
        name = str(field.label.text).split(" (")[0]
        message = str(message)
        return message if message.startswith(name) else _("%(field)s: %(reason)s", field=name, reason=message)

    return {
        "named_error": named_error,
        "payment_methods": METHOD_WORDS,
        "quote_totals_of": quote_view.totals_of,
        "quote_paid_of": quote_view.paid_of,
        "quote_balance_of": quote_view.balance,
        "can_move_quote": can_move,
        "trip_quote": trip_quote,
        "quote_changes": quote_changes,
        "quote_change_words": CHANGE_WORDS,
        "shared_quote": shared_quote,
        "balances_due_list": balances_due_list,
        "quote_status_words": STATUS_WORDS,
        "quote_in": shown_in,
        "accept_form": lambda: AcceptForm(formdata=None),
    }
