"""The base of every form: no field accepts a control character (a NUL byte, an escape, U+0085)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import Field, FieldList, FormField, TextAreaField
from wtforms.validators import NumberRange, StopValidation

from planner.core.model import has_control
from planner.core.scenario import range_words


def range_message(label: str, low, high=None) -> str:
    """A bound said as every form and scenario error says it: "Sessions: enter a number from 6 to 12."."""
    return f"{label.split(':')[0].split(' (')[0]}: {range_words(low, high)}."


def in_range(label: str, low, high=None) -> NumberRange:
    """A NumberRange whose message is ``range_message``."""
    return NumberRange(min=low, max=high, message=range_message(label, low, high))


def no_control_characters(form, field: Field) -> None:
    """Refuse text with a control character; a multi-line box may hold tabs and line breaks."""
    # what was sent, before any filter (a strip keeps a NUL); the data when nothing was sent
    values = field.raw_data or (field.data if isinstance(field.data, list) else [field.data])
    multiline = isinstance(field, TextAreaField)
    if any(isinstance(value, str) and has_control(value, multiline=multiline) for value in values):
        # stop here: the field's other checks (and the database) never see the character
        raise StopValidation(f"{field.label.text} must not contain control characters (such as a NUL byte).")


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
