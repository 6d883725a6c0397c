"""Agency forms: invite a member, change a member's role, the agency's settings, join from an invitation."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Optional

from planner.forms.accounts import _email_shape, _new_password
from planner.forms.base import PlannerForm
from planner.services.accounts.passwords import MAX_LENGTH

#: each role and what it is called on the pages
ROLE_NAMES = {
    "owner": _l("Owner: everything, and manages the members"),
    "coordinator": _l("Coordinator: plans, clinics, messages and quotes for their clients"),
    "finance": _l("Finance: quotes and payments, never a health note"),
    "viewer": _l("Viewer: reads, changes nothing"),
}


def _roles() -> list[tuple[str, str]]:
    return [(code, str(name)) for code, name in ROLE_NAMES.items()]


class InviteForm(PlannerForm):
    """Whom to invite, and as what."""

    email = EmailField(_l("Email of the person to invite"), validators=[DataRequired(), Length(max=254), _email_shape])
    role = SelectField(_l("Role"), choices=_roles, default="coordinator")


class RoleForm(PlannerForm):
    """A member's new role."""

    role = SelectField(_l("Role"), choices=_roles)


class SettingsForm(PlannerForm):
    """The agency's name and whether coordinators see every client."""

    name = StringField(_l("Agency name"), validators=[DataRequired(), Length(max=120)])
    coordinators_see_all = BooleanField(_l("Coordinators see every client (not only those assigned to them)"))


class JoinForm(PlannerForm):
    """The invited person's name and password."""

    display_name = StringField(_l("Your name (shown to your agency)"), validators=[Optional(), Length(max=120)])
    password = PasswordField(
        _l("Password (at least 8 characters)"), validators=[DataRequired(), Length(max=MAX_LENGTH), _new_password]
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[
            DataRequired(),
            Length(max=MAX_LENGTH),
            EqualTo("password", message=_l("The two passwords differ.")),
        ],
    )
