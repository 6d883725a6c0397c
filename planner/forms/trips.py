"""Forms of a facilitator's trip page: its title, its status, and a copy for another client."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from planner.forms.base import PlannerForm


class StatusForm(PlannerForm):
    """The status to move the trip to (the workflow's next steps are the choices)."""

    status = SelectField(_l("New status"), validate_choice=True)

    def __init__(self, *args, statuses, **kwargs):
        """``statuses``: (value, label) pairs the trip may move to."""
        super().__init__(*args, **kwargs)
        self.status.choices = [SelectChoice(value, label) for value, label in statuses]


class DuplicateForm(PlannerForm):
    """The client to copy the trip for."""

    #: the choice is checked by looking the client up among the facilitator's own (404 otherwise)
    client = SelectField(_l("Copy this trip for"), coerce=int, validate_choice=False)

    def __init__(self, *args, clients=(), **kwargs):
        """``clients``: (id, name) pairs of the facilitator's clients, to show."""
        super().__init__(*args, **kwargs)
        self.client.choices = [SelectChoice(str(value), label) for value, label in clients]


def _strip(value):
    return " ".join(value.split()) if isinstance(value, str) else value


class TitleForm(PlannerForm):
    """The trip's own name, as the facilitator keeps it ("Knee, spring 2027")."""

    title = StringField(_l("Trip title"), filters=[_strip], validators=[DataRequired(), Length(max=200)])
