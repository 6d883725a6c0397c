"""The quote's forms: its lines and terms (a new version on save), a payment, a status move, and the
client's acceptance on the shared page. Every refusal names the field."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import (
    DateField,
    DecimalField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, StopValidation, ValidationError

from planner.forms.base import PlannerForm, no_control_characters

#: the largest amount a form takes (14 significant digits with four places stay exact everywhere)
MAX_AMOUNT = Decimal("9999999999")
#: blank rows offered under a quote's lines, to add a line
BLANK_LINES = 2


#: how a payment was made (no card is processed here: a card payment is taken elsewhere and recorded)
METHOD_WORDS = {
    "transfer": _l("Bank transfer"),
    "cash": _l("Cash"),
    "card": _l("Card (taken elsewhere)"),
    "other": _l("Other"),
}


def _name(field) -> str:
    return str(field.label.text).split(" (")[0]


class MoneyField(DecimalField):
    """A non-negative amount (or percentage up to ``high``); a non-number is refused naming the field."""

    def __init__(self, label=None, validators=None, high: Decimal = MAX_AMOUNT, **kwargs):
        super().__init__(label, validators, places=None, **kwargs)
        self.high = high

    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        text = valuelist[0].strip().replace(",", "")
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            self.data = None
            raise ValueError(_("%(field)s: enter a number, such as 1250 or 99.50.", field=_name(self)))
        self.data = value

    def pre_validate(self, form):
        if self.data is None:
            return
        if self.data < 0:
            raise StopValidation(_("%(field)s: must not be negative.", field=_name(self)))
        if self.data > self.high:
            raise StopValidation(_("%(field)s: at most %(high)s.", field=_name(self), high=self.high))

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return "" if self.data is None else format(self.data.normalize(), "f")


def known_currency(form, field) -> None:
    """The currency must be one of the dated rate table's."""
    if field.data not in {choice.value for choice in field.choices or ()}:
        raise ValidationError(_("Currency: %(code)s is not in the exchange-rate table.", code=field.data or "—"))


class LineForm(Form):
    """One line of the quote: what, and its price. A blank row is skipped."""

    label = StringField(_l("What"), validators=[Optional(), Length(max=200), no_control_characters])
    amount = MoneyField(_l("Price"), validators=[Optional()])

    def validate_label(self, field):
        if not (field.data or "").strip() and self.amount.data is not None:
            raise ValidationError(_("What: name what this price is for."))

    def validate_amount(self, field):
        if (self.label.data or "").strip() and field.data is None and not field.errors:
            raise ValidationError(_("Price: enter the price of this line."))


class QuoteForm(PlannerForm):
    """The quote's lines and terms."""

    lines = FieldList(FormField(LineForm), min_entries=0, max_entries=60)
    currency = SelectField(_l("Currency"), validators=[known_currency], validate_choice=False)
    fee = MoneyField(_l("Agency fee"), validators=[Optional()])
    markup_percent = MoneyField(_l("Markup on the lines (%)"), validators=[Optional()], high=Decimal(100))
    discount = MoneyField(_l("Discount"), validators=[Optional()])
    tax_percent = MoneyField(_l("Tax (%)"), validators=[Optional()], high=Decimal(100))
    deposit = MoneyField(_l("Deposit to confirm"), validators=[Optional()])
    valid_until = DateField(_l("Valid until"), validators=[Optional()])
    balance_due_on = DateField(_l("Balance due on"), validators=[Optional()])

    def __init__(self, *args, currencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.currency.choices = [SelectChoice(code, code) for code in currencies]

    def filled_lines(self) -> tuple[tuple[str, Decimal], ...]:
        """The lines with a label and a price (blank rows left out)."""
        return tuple(
            (entry.form.label.data.strip(), entry.form.amount.data)
            for entry in self.lines
            if (entry.form.label.data or "").strip() and entry.form.amount.data is not None
        )


class PaymentForm(PlannerForm):
    """A deposit or payment, recorded by hand."""

    amount = MoneyField(_l("Amount"), validators=[InputRequired(message=_l("Amount: enter the amount paid."))])
    currency = SelectField(_l("Currency"), validators=[known_currency], validate_choice=False)
    paid_on = DateField(_l("Paid on"), validators=[InputRequired(message=_l("Paid on: enter the day it was paid."))])
    method = SelectField(
        _l("Method"),
        choices=[SelectChoice(code, label) for code, label in METHOD_WORDS.items()],
    )
    reference = StringField(_l("Reference"), validators=[Optional(), Length(max=100), no_control_characters])

    def __init__(self, *args, currencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.currency.choices = [SelectChoice(code, code) for code in currencies]

    def validate_amount(self, field):
        if field.data is not None and field.data == 0:
            raise ValidationError(_("Amount: enter more than zero."))


class MoveForm(PlannerForm):
    """Send, withdraw, cancel or refund the quote."""

    target = HiddenField(validators=[Optional(), Length(max=20)])


class AcceptForm(PlannerForm):
    """The client accepts the version they read."""

    version = IntegerField(validators=[InputRequired()])
