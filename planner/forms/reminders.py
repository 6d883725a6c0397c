"""The shared page's reminder forms: ask for reminders by email, stop them, and the unsubscribe button."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import EmailField
from wtforms.validators import DataRequired, Length, ValidationError

from planner.forms.base import PlannerForm
from planner.services.mail.records import MailError, single_address


class ReminderForm(PlannerForm):
    """The address the trip's reminders go to."""

    email = EmailField(
        _l("Email address"),
        validators=[DataRequired(_l("Email address: enter the address the reminders go to.")), Length(max=254)],
    )

    def validate_email(self, field) -> None:
        """One plain address (no name, no second address)."""
        try:
            single_address(field.data)
        except MailError:
            raise ValidationError(_("Email address: this is not one email address.")) from None


class StopRemindersForm(PlannerForm):
    """The button that stops reminders (CSRF only)."""
