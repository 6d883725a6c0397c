"""The clinic editor: a catalog clinic's fields as a form, and back.

Hours, lunch and closures are typed as text ("09:00-12:00, 14:00-18:00") and handed to the
catalog's own parser (``parse_clinic``) as the TOML would hold them, so a mistake gets the
catalog's message, shown next to the field it names.
"""

from __future__ import annotations

import re
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import Field, FormField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.form import Form
from wtforms.validators import Length
from wtforms.widgets import CheckboxInput, ListWidget

from planner.core.catalog import TIERS, WEEKDAYS, CatalogError
from planner.core.model.clinic import CONTACT_KINDS
from planner.forms.base import PlannerForm
from planner.forms.catalog_errors import show_error

_KEPT = ("openings", "sample")
#: the price tiers in words (the same messages the plan form and the catalog pages use)
_TIER_LABELS = {"local": _l("local"), "specialized": _l("specialized"), "university": _l("university")}
_TEXT_KEYS = ("id", "name", "city", "address", "timezone", "holiday_country", "tier", "source")
_SEPARATORS = re.compile(r"[\s,;]+")
_DASH = re.compile(r"\s*[-–—]\s*")


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _text(label: str, top: int = 200) -> StringField:
    return StringField(label, filters=[_strip], validators=[Length(max=top)])


class WeekForm(Form):
    """Opening hours for each weekday: intervals separated by commas, blank or "closed" = closed."""

    mon = _text(_l("Monday"), 100)
    tue = _text(_l("Tuesday"), 100)
    wed = _text(_l("Wednesday"), 100)
    thu = _text(_l("Thursday"), 100)
    fri = _text(_l("Friday"), 100)
    sat = _text(_l("Saturday"), 100)
    sun = _text(_l("Sunday"), 100)


class ClinicForm(PlannerForm):
    """A facilitator's clinic: where it is, when it is open, its tier, languages and categories."""

    id = _text(_l("Clinic id (used in trips; fixed once saved)"), 80)
    name = _text(_l("Name"))
    city = _text(_l("City"), 100)
    address = _text(_l("Address"), 300)
    timezone = _text(_l("Time zone"), 64)
    holiday_country = _text(_l("Public holidays of (country code; blank = none)"), 8)
    tier = SelectField(_l("Price tier"), choices=[SelectChoice(tier, _TIER_LABELS.get(tier, tier)) for tier in TIERS])
    hours = FormField(WeekForm, _l("Weekly hours"))
    lunch = _text(_l("Lunch break (blank = none)"), 40)
    closures = TextAreaField(
        _l("Closed on (dates YYYY-MM-DD, one a line)"), filters=[_strip], validators=[Length(max=4000)]
    )
    languages = _text(_l("Languages (codes, e.g. ko, en)"), 100)
    categories = SelectMultipleField(
        _l("Treatments offered (none ticked = any)"),
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    source = _text(_l("Source"), 300)
    contact_email = _text(_l("Email for confirmations"))
    contact_phone = _text(_l("Phone"))
    contact_messenger = _text(_l("Messenger (app and handle)"))

    def __init__(self, *args, category_choices: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.categories.choices = [SelectChoice(name, name) for name in category_choices]
        #: errors the catalog reported on no field of this form
        self.general_errors: list[str] = []
        self._targets: dict[str, Field] = {}

    def document(self, kept: dict) -> dict:
        """The catalog-shaped clinic typed in, with the editor's hidden keys taken from ``kept``."""
        data: dict[str, Any] = {key: kept[key] for key in _KEPT if key in kept}
        self._targets = {
            key: getattr(self, key) for key in (*_TEXT_KEYS, "lunch", "closures", "languages", "categories")
        }
        for key in _TEXT_KEYS:
            data[key] = getattr(self, key).data or ""
        week = self.hours.form
        data["hours"] = {}
        for name in WEEKDAYS:
            self._targets[f"hours.{name}"] = getattr(week, name)
            data["hours"][name] = _day(getattr(week, name).data)
        self._targets["hours"] = week.mon
        if self.lunch.data:
            data["lunch"] = _interval(self.lunch.data)
        data["closures"] = _words(self.closures.data)
        data["languages"] = _words(self.languages.data)
        data["categories"] = list(self.categories.data or [])
        contact = {kind: getattr(self, f"contact_{kind}").data or "" for kind in CONTACT_KINDS}
        for kind in CONTACT_KINDS:
            self._targets[f"contact.{kind}"] = getattr(self, f"contact_{kind}")
        if any(contact.values()):
            data["contact"] = {kind: value for kind, value in contact.items() if value}
        return data

    def show_error(self, error: CatalogError) -> None:
        """Put a catalog error next to the field its path names."""
        show_error(self._targets, self.general_errors, error)


def _words(text: str | None) -> list[str]:
    return [word for word in _SEPARATORS.split(text or "") if word]


def _interval(text: str) -> list[str]:
    """Text "09:00-12:00" as the catalog's ["09:00", "12:00"]; any other shape is left for the parser to name."""
    return _DASH.split(text.strip())


def _day(text: str | None) -> list[list[str]]:
    text = (text or "").strip()
    if not text or text.lower() == "closed":
        return []
    return [_interval(part) for part in text.split(",") if part.strip()]


def clinic_form_data(document: dict) -> dict:
    """The form's data for a catalog-shaped clinic (the inverse of ``ClinicForm.document``)."""
    data = {key: document.get(key, "") for key in _TEXT_KEYS}
    hours = document.get("hours", {})
    data["hours"] = {name: ", ".join(f"{a}-{b}" for a, b in hours.get(name, [])) or "closed" for name in WEEKDAYS}
    lunch = document.get("lunch")
    data["lunch"] = f"{lunch[0]}-{lunch[1]}" if lunch else ""
    data["closures"] = "\n".join(str(day) for day in document.get("closures", []))
    data["languages"] = ", ".join(document.get("languages", []))
    data["categories"] = list(document.get("categories", []))
    for kind in CONTACT_KINDS:
        data[f"contact_{kind}"] = (document.get("contact") or {}).get(kind, "")
    return data
