"""The client form: name, contact, home time zone, language, notes."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, ValidationError

from planner.forms.base import PlannerForm
from planner.models.client import NOTES_MAX
from planner.services.planning.zones import UnknownZone, find_zone

#: languages facilitators work in most (BCP 47 tags), as (tag, name)
LANGUAGES = (
    ("en", "English"),
    ("ko", "Korean"),
    ("ja", "Japanese"),
    ("zh", "Chinese"),
    ("ru", "Russian"),
    ("mn", "Mongolian"),
    ("kk", "Kazakh"),
    ("uz", "Uzbek"),
    ("vi", "Vietnamese"),
    ("th", "Thai"),
    ("id", "Indonesian"),
    ("ar", "Arabic"),
    ("es", "Spanish"),
    ("pt", "Portuguese"),
    ("fr", "French"),
    ("de", "German"),
)


def _iana_zone(form, field) -> None:
    """A city, a country with one zone, or a zone name (UTC too); ``data`` becomes the zone name."""
    name = (field.data or "").strip()
    if name == "UTC":
        return
    try:
        field.data = find_zone(name)
    except UnknownZone as error:
        raise ValidationError(str(error).replace("your city", "their city")) from None


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class ClientForm(PlannerForm):
    """A client's details; notes are health data (kept out of calendars, caches and logs)."""

    name = StringField(_l("Name"), filters=[_strip], validators=[DataRequired(), Length(max=200)])
    contact = StringField(_l("Email or phone"), filters=[_strip], validators=[Length(max=200)])
    home_timezone = StringField(
        _l("Home time zone"), filters=[_strip], default="UTC", validators=[DataRequired(), Length(max=64), _iana_zone]
    )
    language = SelectField(_l("Language"), choices=[SelectChoice(tag, name) for tag, name in LANGUAGES], default="en")
    notes = TextAreaField(
        _l("Health notes (private: never in calendars or shared links)"), validators=[Length(max=NOTES_MAX)]
    )
    #: sent by the "Add anyway" button of the likely-duplicate warning
    add_anyway = BooleanField(_l("Add as a new client anyway"))

    def __init__(self, *args, current_language: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        # a client saved with a language outside the list keeps it as a choice
        if current_language and current_language not in dict(LANGUAGES):
            self.language.choices = [*self.language.choices, SelectChoice(current_language, current_language)]

    def values(self) -> dict:
        """The cleaned values, by column name."""
        return {
            "name": self.name.data,
            "contact": self.contact.data or "",
            "home_timezone": self.home_timezone.data,
            "language": self.language.data,
            "notes": self.notes.data or "",
        }
