"""Account forms: register, log in, change and reset a password."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, EqualTo, Length, Optional, ValidationError

from planner.forms.base import PlannerForm
from planner.i18n import languages
from planner.services.accounts.passwords import MAX_LENGTH, password_problem


def _email_shape(form, field) -> None:
    """One @ with something on each side and no spaces (the real check is the account itself)."""
    local, at, domain = (field.data or "").strip().rpartition("@")
    if not at or not local or "." not in domain or any(c.isspace() for c in field.data.strip()):
        raise ValidationError(_("Enter an email address such as name@example.com."))


def _new_password(form, field) -> None:
    email = getattr(form, "email", None)
    problem = password_problem(field.data or "", email.data if email is not None and email.data else "")
    if problem:
        raise ValidationError(problem)


def _password(label: str, *extra) -> PasswordField:
    # the cap on length is checked before anything hashes the value
    return PasswordField(label, validators=[DataRequired(), Length(max=MAX_LENGTH), *extra])


class RegisterForm(PlannerForm):
    """A new facilitator account."""

    email = EmailField(_l("Email"), validators=[DataRequired(), Length(max=254), _email_shape])
    display_name = StringField(_l("Your name (shown to you only)"), validators=[Optional(), Length(max=120)])
    password = _password(_l("Password (at least 8 characters)"), _new_password)
    confirm = _password(_l("Repeat the password"), EqualTo("password", message=_l("The two passwords differ.")))


class LoginForm(PlannerForm):
    """Email and password; field names fixed by the issue (``email``, ``password``)."""

    email = EmailField(_l("Email"), validators=[DataRequired(), Length(max=254)])
    password = _password(_l("Password"))


class ChangePasswordForm(PlannerForm):
    """The current password, then the new one twice."""

    current_password = _password(_l("Current password"))
    password = _password(_l("New password (at least 8 characters)"), _new_password)
    confirm = _password(_l("Repeat the new password"), EqualTo("password", message=_l("The two passwords differ.")))


class ResetPasswordForm(PlannerForm):
    """A new password, twice, from a reset link."""

    password = _password(_l("New password (at least 8 characters)"), _new_password)
    confirm = _password(_l("Repeat the new password"), EqualTo("password", message=_l("The two passwords differ.")))


class ApiTokenForm(PlannerForm):
    """A new personal API token: a name and whether it may only read."""

    name = StringField(_l("Token name (what will use it)"), validators=[DataRequired(), Length(max=80)])
    read_only = BooleanField(_l("Read-only: the token can read but not change anything"))


class LanguagePreferenceForm(PlannerForm):
    """The facilitator's interface language: one of the six, each named in itself, or the browser's."""

    language = SelectField(
        _l("Interface language"),
        choices=[SelectChoice("", "—"), *(SelectChoice(code, name) for code, name in languages())],
        default="",
    )
