"""The quote and payment bodies of the API (marshmallow). Money is a decimal string, never a float: it
is read and written exactly as the database keeps it (four places at most)."""

from __future__ import annotations

import re
from decimal import Decimal

import marshmallow as ma
from marshmallow import validate

from planner.core.quote import STATUSES
from planner.forms.quotes import MAX_AMOUNT
from planner.models.quote import QUOTE_CHANGE_CODES
from planner.services.workspace.payments import METHODS
from planner.views.api.schemas import _text

#: a non-negative amount with at most ten digits before the point and four after it
MONEY_PATTERN = r"^[0-9]{1,10}(\.[0-9]{1,4})?$"
HUNDRED = Decimal(100)


class DecimalString(ma.fields.Field):
    """A ``Decimal`` written as a JSON string ("1234.5678"); a JSON number is refused (it may be a float)."""

    def __init__(self, *, high: Decimal = MAX_AMOUNT, **kwargs):
        metadata = {"type": "string", "pattern": MONEY_PATTERN, "examples": ["1234.50"], **kwargs.pop("metadata", {})}
        super().__init__(metadata=metadata, **kwargs)
        self.high = high

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else format(value, "f")

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str) or not re.fullmatch(MONEY_PATTERN, value):
            raise ma.ValidationError('a decimal string such as "1234.50" (at most four places, never a number)')
        amount = Decimal(value)
        if amount > self.high:
            raise ma.ValidationError(f"at most {self.high}")
        return amount


def _percent(**kwargs) -> DecimalString:
    return DecimalString(high=HUNDRED, metadata={"description": "percent, 0–100"}, **kwargs)


class LineOut(ma.Schema):
    """One priced line of a version."""

    code = ma.fields.String(required=True, metadata={"description": "the budget line's code, or custom"})
    label = ma.fields.String(required=True)
    amount = DecimalString(required=True)


class TotalsOut(ma.Schema):
    """A version's totals and what is paid and left, in its currency."""

    lines = DecimalString(required=True)
    fee = DecimalString(required=True, metadata={"description": "the fixed fee plus the markup on the lines"})
    discount = DecimalString(required=True)
    tax = DecimalString(required=True)
    total = DecimalString(required=True)
    paid = DecimalString(required=True)
    balance = DecimalString(required=True)


class PaymentOut(ma.Schema):
    """A payment recorded by hand."""

    id = ma.fields.Integer(required=True)
    version = ma.fields.Integer(required=True, metadata={"description": "the quote version it pays"})
    amount = DecimalString(required=True)
    currency = ma.fields.String(required=True)
    paid_on = ma.fields.Date(required=True)
    method = ma.fields.String(required=True, validate=validate.OneOf(METHODS))
    reference = ma.fields.String(required=True)
    recorded_at = ma.fields.DateTime(required=True)


class QuoteChangeOut(ma.Schema):
    """One change of the trip's quote: what, on which version, by which account (null: the client), when."""

    version = ma.fields.Integer(required=True)
    code = ma.fields.String(required=True, validate=validate.OneOf(QUOTE_CHANGE_CODES))
    status = ma.fields.String(required=True, metadata={"description": "the quote's status after the change"})
    amount = DecimalString(required=True, allow_none=True)
    currency = ma.fields.String(required=True)
    user_id = ma.fields.Integer(required=True, allow_none=True)
    by = ma.fields.String(required=True, validate=validate.OneOf(("facilitator", "client")))
    at = ma.fields.DateTime(required=True)


class QuoteOut(ma.Schema):
    """One version of the trip's quote."""

    version = ma.fields.Integer(required=True)
    status = ma.fields.String(required=True, validate=validate.OneOf(STATUSES))
    currency = ma.fields.String(required=True)
    fee = DecimalString(required=True)
    markup_percent = DecimalString(required=True)
    discount = DecimalString(required=True)
    tax_percent = DecimalString(required=True)
    deposit = DecimalString(required=True)
    valid_until = ma.fields.Date(required=True, allow_none=True)
    balance_due_on = ma.fields.Date(required=True, allow_none=True)
    created_at = ma.fields.DateTime(required=True)
    accepted_at = ma.fields.DateTime(required=True, allow_none=True)
    lines = ma.fields.List(ma.fields.Nested(LineOut), required=True)
    totals = ma.fields.Nested(TotalsOut, required=True)
    payments = ma.fields.List(ma.fields.Nested(PaymentOut), required=True)


class QuoteList(ma.Schema):
    """Every version, newest first, and the history of the trip's quote, newest first."""

    items = ma.fields.List(ma.fields.Nested(QuoteOut), required=True)
    changes = ma.fields.List(ma.fields.Nested(QuoteChangeOut), required=True)


class CurrentQuote(QuoteOut):
    """The current version, with the history of the trip's quote (newest first)."""

    changes = ma.fields.List(ma.fields.Nested(QuoteChangeOut), required=True)


class LineIn(ma.Schema):
    """A line of a new version: what, and its price."""

    label = _text(200, required=True)
    amount = DecimalString(required=True)


class QuoteIn(ma.Schema):
    """A new version: an empty body makes it from the plan's budget; otherwise each field left out keeps
    the current version's value (the currency is needed for a first version)."""

    lines = ma.fields.List(ma.fields.Nested(LineIn), validate=validate.Length(max=60))
    currency = ma.fields.String(validate=validate.Regexp(r"^[A-Z]{3}$"), metadata={"examples": ["USD"]})
    fee = DecimalString()
    markup_percent = _percent()
    discount = DecimalString()
    tax_percent = _percent()
    deposit = DecimalString()
    valid_until = ma.fields.Date(allow_none=True)
    balance_due_on = ma.fields.Date(allow_none=True)


class QuoteStatusIn(ma.Schema):
    """Where to move the current version: quoted, estimate, cancelled or refunded (the others follow the
    client's acceptance and the payments)."""

    status = ma.fields.String(required=True, validate=validate.OneOf(STATUSES))


class PaymentIn(ma.Schema):
    """A deposit or payment, in the quote's currency."""

    amount = DecimalString(required=True)
    currency = ma.fields.String(validate=validate.Regexp(r"^[A-Z]{3}$"), metadata={"description": "the quote's"})
    paid_on = ma.fields.Date(required=True)
    method = ma.fields.String(required=True, validate=validate.OneOf(METHODS))
    reference = _text(100, load_default="")


class PaymentList(ma.Schema):
    """The current version's payments, oldest first, and where its balance stands."""

    version = ma.fields.Integer(required=True)
    status = ma.fields.String(required=True, validate=validate.OneOf(STATUSES))
    currency = ma.fields.String(required=True)
    total = DecimalString(required=True)
    paid = DecimalString(required=True)
    balance = DecimalString(required=True)
    items = ma.fields.List(ma.fields.Nested(PaymentOut), required=True)
