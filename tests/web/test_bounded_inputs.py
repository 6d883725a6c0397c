"""Every text input has a maximum length: at the form, in the scenario parser and at the column."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from sqlalchemy import String, Text
from wtforms import FieldList, FormField, HiddenField, PasswordField, StringField, TextAreaField
from wtforms.fields.core import UnboundField
from wtforms.form import BaseForm, Form
from wtforms.validators import Length

import planner.forms
from planner.extensions import db

TEXT_FIELDS = (StringField, TextAreaField, HiddenField, PasswordField)


def _form_classes():
    for module in pkgutil.iter_modules(planner.forms.__path__):
        loaded = importlib.import_module(f"planner.forms.{module.name}")
        for _, value in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(value, Form) and value.__module__ == loaded.__name__:
                yield value


def _unbounded(form_class, prefix: str = "") -> list[str]:
    found = []
    for name in dir(form_class):
        field = getattr(form_class, name, None)
        if isinstance(field, UnboundField):
            found += _check(field, f"{prefix}{name}")
    return found


def _check(field: UnboundField, path: str) -> list[str]:
    if issubclass(field.field_class, FormField):
        return _unbounded(field.args[0], f"{path}.")
    if issubclass(field.field_class, FieldList):
        return _check(field.args[0], f"{path}[]")
    if not issubclass(field.field_class, TEXT_FIELDS):
        return []
    validators = field.kwargs.get("validators") or (field.args[1] if len(field.args) > 1 else [])
    if any(isinstance(v, Length) and v.max not in (None, -1) for v in validators):
        return []
    return [path]


def test_every_form_exists_to_be_checked():
    names = {form.__name__ for form in _form_classes()}
    assert {"ClientForm", "PlanForm", "LoginForm", "ProtocolForm", "ClinicForm", "EraseForm"} <= names


@pytest.mark.parametrize("form", list(_form_classes()), ids=lambda form: form.__name__)
def test_every_text_field_of_every_form_has_a_maximum_length(form):
    assert issubclass(form, BaseForm)
    assert _unbounded(form) == []


def test_every_text_column_has_a_maximum_length():
    import planner.models  # noqa: F401  (registers every table)

    unbounded = [
        f"{table.name}.{column.name}"
        for table in db.metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, (String, Text)) and not column.type.length
    ]
    assert unbounded == []


@pytest.mark.parametrize("form", list(_form_classes()), ids=lambda form: form.__name__)
def test_every_top_level_form_refuses_control_characters(form):
    """A FlaskForm that is not a PlannerForm would let a NUL through to the database and the log."""
    from flask_wtf import FlaskForm

    from planner.forms.base import PlannerForm

    assert not issubclass(form, FlaskForm) or issubclass(form, PlannerForm)
