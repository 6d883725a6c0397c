"""The clinic confirmation forms of one appointment: asked, confirmed (pins the time), declined."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import DateField, StringField, TimeField
from wtforms.validators import InputRequired, Length, Optional

from planner.forms.base import PlannerForm


class AskedForm(PlannerForm):
    """The facilitator asked the clinic: to whom (a name, an address, a messenger handle)."""

    asked_to = StringField(
        _l("Asked whom"), validators=[InputRequired(_l("Whom did you ask at the clinic?")), Length(max=200)]
    )


class ConfirmedForm(PlannerForm):
    """The clinic confirmed: the time (Seoul), who confirmed, its reference number."""

    date = DateField(_l("Confirmed date"), validators=[InputRequired(_l("Which day did the clinic confirm?"))])
    time = TimeField(_l("Confirmed time (Seoul)"), validators=[InputRequired(_l("At what time?"))])
    confirmed_by = StringField(_l("Confirmed by (at the clinic)"), validators=[Optional(), Length(max=200)])
    reference = StringField(_l("Reference number"), validators=[Optional(), Length(max=100)])


class DeclinedForm(PlannerForm):
    """The clinic declined: what it offers instead, and the time it proposes if it gave one."""

    alternative = StringField(
        _l("The clinic's alternative"),
        validators=[InputRequired(_l("What did the clinic offer instead?")), Length(max=500)],
    )
    date = DateField(_l("Proposed date"), validators=[Optional()])
    time = TimeField(_l("Proposed time (Seoul)"), validators=[Optional()])


FORMS = {"asked": AskedForm, "confirmed": ConfirmedForm, "declined": DeclinedForm}
