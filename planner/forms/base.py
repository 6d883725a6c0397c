"""The base of every form: no field accepts a control character (a NUL byte, an escape, U+0085)."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel.speaklater import LazyString
from flask_wtf import FlaskForm
from wtforms import Field, FieldList, FormField, TextAreaField
from wtforms.validators import NumberRange, StopValidation

from planner.core.model import has_control


def range_message(label, low, high=None) -> str:
    """A bound said as every form and scenario error says it: "Sessions: enter a number from 6 to 12.",
    in the request's language (``label`` may be lazy: a field's label)."""
    name = str(label).split(":")[0].split(" (")[0]
    if high is None:
        return _("%(field)s: enter a number from %(low)s up.", field=name, low=_number(low))
    return _("%(field)s: enter a number from %(low)s to %(high)s.", field=name, low=_number(low), high=_number(high))


def _number(value) -> str:
    from planner.i18n.web import current_words

    return current_words().number(value)


def in_range(label, low, high=None) -> NumberRange:
    """A NumberRange whose message is ``range_message``, worded when it is shown (in the request's language)."""
    return NumberRange(min=low, max=high, message=LazyString(_percent_safe, label, low, high))


def _percent_safe(label, low, high) -> str:
    # NumberRange fills its message with ``% dict(min=…, max=…)``: a "%" of the words must stay one
    return range_message(label, low, high).replace("%", "%%")


def no_control_characters(form, field: Field) -> None:
    """Refuse text with a control character; a multi-line box may hold tabs and line breaks."""
    # what was sent, before any filter (a strip keeps a NUL); the data when nothing was sent
    values = field.raw_data or (field.data if isinstance(field.data, list) else [field.data])
    multiline = isinstance(field, TextAreaField)
    if any(isinstance(value, str) and has_control(value, multiline=multiline) for value in values):
        # stop here: the field's other checks (and the database) never see the character
        raise StopValidation(
            _("%(field)s must not contain control characters (such as a NUL byte).", field=field.label.text)
        )


def _guard(fields) -> None:
    for field in fields:
        if isinstance(field, FieldList):
            _guard(field.entries)
        elif isinstance(field, FormField):
            _guard(field.form)
        else:
            field.validators = [no_control_characters, *field.validators]


class PlannerForm(FlaskForm):
    """A FlaskForm (CSRF) whose every field, nested ones included, refuses control characters first."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _guard(self)
