"""The documents checklist form: the items ticked off (the trip's own items are the choices)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget

from planner.forms.base import PlannerForm


class ChecklistForm(PlannerForm):
    """One checkbox per item of the trip's checklist; an unknown item is refused, naming the field."""

    done = SelectMultipleField(
        _l("Documents ready"), widget=ListWidget(prefix_label=False), option_widget=CheckboxInput()
    )

    def __init__(self, *args, items=(), **kwargs):
        """``items``: the trip's checklist (planner.services.documents.checklist.Item)."""
        super().__init__(*args, **kwargs)
        self.done.choices = [SelectChoice(item.code, item.label) for item in items]
        if not self.is_submitted():
            self.done.data = [item.code for item in items if item.done]
