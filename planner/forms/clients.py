"""The client form: name, contact, home time zone, language, nationality, notes."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, ValidationError

from planner.forms.base import PlannerForm
from planner.i18n import languages, normalize
from planner.i18n.web import current_words
from planner.models.client import NOTES_MAX
from planner.services.documents.nationalities import nationality_choices
from planner.services.planning.zones import UnknownZone, find_zone

#: the client's languages, one of the six the planner speaks, each named in itself, as (locale, name)
LANGUAGES = languages()


def _iana_zone(form, field) -> None:
    """A city, a country with one zone, or a zone name (UTC too); ``data`` becomes the zone name."""
    name = (field.data or "").strip()
    if name == "UTC":
        return
    try:
        field.data = find_zone(name, current_words(), whose="their")
    except UnknownZone as error:
        raise ValidationError(str(error)) from None


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _upper(value):
    """A code in capitals; no value (a client without one) is "not known"."""
    return value.strip().upper() if isinstance(value, str) else ""


def _locale(value):
    """A tag naming one of the six ("zh-CN", "ko_KR") as its locale; anything else stays, to be refused."""
    return (normalize(value) or value) if isinstance(value, str) else value


def _choice(pair: tuple[str, str]) -> SelectChoice:
    return SelectChoice(*pair)


class ClientForm(PlannerForm):
    """A client's details; notes are health data (kept out of calendars, caches and logs)."""

    name = StringField(_l("Name"), filters=[_strip], validators=[DataRequired(), Length(max=200)])
    contact = StringField(_l("Email or phone"), filters=[_strip], validators=[Length(max=200)])
    home_timezone = StringField(
        _l("Home time zone"), filters=[_strip], default="UTC", validators=[DataRequired(), Length(max=64), _iana_zone]
    )
    language = SelectField(
        _l("Language"), choices=[SelectChoice(tag, name) for tag, name in LANGUAGES], filters=[_locale], default="en"
    )
    nationality = SelectField(_l("Nationality (for the entry papers)"), filters=[_upper], default="")
    notes = TextAreaField(
        _l("Health notes (private: never in calendars or shared links)"), validators=[Length(max=NOTES_MAX)]
    )
    #: sent by the "Add anyway" button of the likely-duplicate warning
    add_anyway = BooleanField(_l("Add as a new client anyway"))

    def __init__(self, *args, current_language: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        # named in the facilitator's language; "not known" leaves the entry permit to check
        countries = map(_choice, nationality_choices(current_words()))
        self.nationality.choices = [SelectChoice("", _l("Not known")), *countries]
        # a client saved before the six languages shows the one their tag names (English if none)
        if current_language and not self.is_submitted():
            self.language.data = normalize(current_language) or "en"

    def values(self) -> dict:
        """The cleaned values, by column name."""
        return {
            "name": self.name.data,
            "contact": self.contact.data or "",
            "home_timezone": self.home_timezone.data,
            "language": self.language.data,
            "nationality": self.nationality.data or None,
            "notes": self.notes.data or "",
        }
