"""Forms for client links, calendar feeds and erasing a client; "today" is passed in, never looked up."""

from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, HiddenField, PasswordField, StringField
from wtforms.validators import AnyOf, DataRequired, Length, Optional, ValidationError

from planner.forms.base import PlannerForm
from planner.services.accounts.passwords import MAX_LENGTH


class ClientLinkForm(PlannerForm):
    """A new read-only link for the client (or a companion, with the costs hidden)."""

    hide_costs = BooleanField(_l("Hide the costs (for a companion)"))
    expires_on = DateField(_l("Stops working after (optional)"), validators=[Optional()])
    #: shown only when the trip is a draft or its plan does not work: sharing it must be meant
    share_anyway = BooleanField(_l("Share it anyway"))

    def __init__(self, *args, today: date, caution: str | None = None, **kwargs):
        """``caution``: why sharing this trip needs a second thought (a draft, a plan that does not work)."""
        super().__init__(*args, **kwargs)
        self._today = today
        self.caution = caution

    def validate_share_anyway(self, field) -> None:
        """A draft or a plan that does not work is shared only when the box says so."""
        if self.caution and not field.data:
            raise ValidationError(
                _("%(caution)s Tick “Share it anyway” to make the link all the same.", caution=self.caution)
            )

    def validate_expires_on(self, field) -> None:
        """The link must work for at least the rest of today."""
        if field.data is not None and field.data < self._today:
            raise ValidationError(_("Choose today (%(today)s) or a later date.", today=self._today.isoformat()))


class SeenForm(PlannerForm):
    """The client's page, once read, says which version of the plan it showed."""

    version = HiddenField(validators=[DataRequired(), Length(max=64)])


class FeedForm(PlannerForm):
    """A new calendar subscription; discreet titles keep the treatment out of other companies' servers."""

    discreet = BooleanField(_l("Discreet titles (“Appointment — clinic name”)"), default=True)


class ActionForm(PlannerForm):
    """A button that changes something (revoke, rotate): only the CSRF token."""


class ConfirmForm(PlannerForm):
    """The button of a confirmation page: a destructive POST without ``confirm=yes`` does nothing."""

    confirm = HiddenField(
        validators=[Length(max=3), AnyOf(["yes"], message=_l("Confirm on the page that asks first."))]
    )


class EraseForm(PlannerForm):
    """Erasing a client for good: the facilitator types the client's name and their own password."""

    confirm_name = StringField(_l("Type the client's name to confirm"), validators=[DataRequired(), Length(max=200)])
    # someone at an unlocked screen must not be able to erase a client: the password is asked again
    password = PasswordField(_l("Your password"), validators=[DataRequired(), Length(max=MAX_LENGTH)])

    def __init__(self, *args, client_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self._client_name = client_name

    def validate_confirm_name(self, field) -> None:
        """The typed name must match, so a click alone never erases anyone."""
        if " ".join((field.data or "").split()).casefold() != " ".join(self._client_name.split()).casefold():
            raise ValidationError(_("This is not the client's name as saved; nothing was erased."))
